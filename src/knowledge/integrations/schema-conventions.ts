// Column names that say what a column is for, whatever the schema language.

/** Names of columns that refer to another table's row: `userId`, `user_id` (but not `id` itself). */
export const REFERENCE_COLUMN = /^(?!id$)(\w+_id|[a-z][A-Za-z0-9]*Id)$/;

/** First words of a reference column that names a record in another system, where no foreign key can exist. */
const EXTERNAL_SYSTEM = /^(stripe|paypal|braintree|paddle|lemon_?squeezy|clerk|auth0|firebase|cognito|github|gitlab|google|facebook|apple|twitter|discord|slack|openai|anthropic|twilio|sendgrid|mailchimp|resend|hubspot|salesforce|shopify|webrtc|external|provider|remote|vendor|third_?party|oauth)(?=[A-Z_]|id$|Id$)/i;

/**
 * Whether a reference column can be backed by a foreign key in this table: not when it names a record
 * in another system (`stripeCustomerId`), nor when a `<name>_type` column beside it makes it
 * polymorphic (`commentable_type` + `commentable_id` point into several tables).
 */
export function canHaveForeignKey(column: string, columnsOfTable: ReadonlySet<string>): boolean {
  if (EXTERNAL_SYSTEM.test(column)) return false;
  const stem = column.replace(/_?id$/i, '').toLowerCase();
  return !columnsOfTable.has(`${stem}_type`) && !columnsOfTable.has(`${stem}type`);
}

/** Names of columns that identify a record in practice: two rows with the same value are a bug. */
const IDENTIFYING_COLUMN = /^(username|user_?name|login|slug|handle|stripe_?customer_?id)$/i;

/**
 * Contact columns: they identify a row only in a table of accounts (users, members, subscribers…).
 * Elsewhere (a company's, an order's or a lead's e-mail) two rows may share one on purpose.
 */
const CONTACT_COLUMN = /^(email|e_?mail_?address|phone_?number)$/i;

/** Tables whose rows are people who sign in or sign up, by name (`users`, `UserAccount`, `newsletter_subscribers`). */
const ACCOUNT_TABLE = /(user|account|member|admin|customer|subscriber|employee|staff|profile|person|people|client|credential|invite|invitation)s?$/i;

/** Whether two rows with the same value in this column are a bug. */
export function isIdentifyingColumn(table: string, column: string): boolean {
  return IDENTIFYING_COLUMN.test(column) || (CONTACT_COLUMN.test(column) && ACCOUNT_TABLE.test(table.slice(table.lastIndexOf('.') + 1)));
}
