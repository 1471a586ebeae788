// Column names that say what a column is for, whatever the schema language.

/** Names of columns that refer to another table's row: `userId`, `user_id` (but not `id` itself). */
export const REFERENCE_COLUMN = /^(?!id$)(\w+_id|[a-z][A-Za-z0-9]*Id)$/;

/** Names of columns that identify a record in practice: two rows with the same value are a bug. */
export const IDENTIFYING_COLUMN = /^(email|e_?mail_?address|username|user_?name|login|slug|handle|phone_?number|stripe_?customer_?id)$/i;
