// Column names that say what a column is for, whatever the schema language.

/** Names of columns that refer to another table's row: `userId`, `user_id` (but not `id` itself). */
export const REFERENCE_COLUMN = /^(?!id$)(\w+_id|[a-z][A-Za-z0-9]*Id)$/;

/**
 * Reference names that point at the accounts table, by name or by the role the row gives them. The
 * accounts may live outside the schema read (Supabase's managed auth.users), where a key is still possible.
 */
const USER_STEMS: ReadonlySet<string> = new Set([
  'user',
  'author', 'owner', 'creator', 'createdby', 'updatedby', 'deletedby', 'assignee', 'assignedto', 'reporter', 'sender',
  'recipient', 'buyer', 'seller', 'host', 'invitedby', 'inviter', 'approver', 'reviewer', 'manager', 'actor',
]);

/** `user_missions`, `UserMission`, `users` → `usermission`, `usermission`, `user`. */
function singularKey(name: string): string {
  const key = name.slice(name.lastIndexOf('.') + 1).replace(/_/g, '').toLowerCase();
  if (key.endsWith('ies')) return `${key.slice(0, -3)}y`;
  if (/(ss|sh|ch|x)es$/.test(key)) return key.slice(0, -2);
  return key.endsWith('s') && !key.endsWith('ss') ? key.slice(0, -1) : key;
}

/**
 * Whether a reference column without a foreign key could have one: its name must point at a table of
 * this schema (`order_id` → orders) or at the accounts (`user_id`, `authorId`), so an id of a record kept
 * elsewhere (`stripeCustomerId`, `deviceId`, `partnerId` without such tables) is not asked for one; nor
 * is a polymorphic reference, whose `<name>_type` column beside it says which of several tables it names.
 */
export function canHaveForeignKey(column: string, columnsOfTable: ReadonlySet<string>, tables: ReadonlySet<string>): boolean {
  const stem = column.replace(/_?id$/i, '').toLowerCase();
  if (columnsOfTable.has(`${stem}_type`) || columnsOfTable.has(`${stem}type`)) return false;
  const key = singularKey(stem);
  return tables.has(key) || USER_STEMS.has(key);
}

/** The key `canHaveForeignKey` compares table names by. */
export const tableKey = singularKey;

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
