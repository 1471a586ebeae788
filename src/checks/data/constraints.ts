// data.constraints: columns the application treats as identifying are unique in the schema.
import { defineCheck } from '../../core/check.js';
import { statusOfShare } from './status-of-share.js';
import type { SchemaField } from '../../core/facts.js';
import type { FindingInput } from '../../core/types.js';
import { canHaveForeignKey, isIdentifyingColumn, tableKey } from '../../knowledge/integrations/schema-conventions.js';
import { databaseInUse } from './database-in-use.js';


export const constraintsCheck = defineCheck({
  id: 'data.constraints',
  area: 'data',
  title: 'The schema enforces unique identifiers and foreign keys',
  failureTitle: 'The schema leaves identifiers without unique constraints or references without foreign keys',
  rationale:
    'Application code usually checks "does a user with this email exist?" before creating one. Two ' +
    'sign-ups arriving at the same moment both pass that check, and the database ends up with duplicate ' +
    'accounts, slugs or customers. Only a unique constraint in the database itself makes the rule hold ' +
    'under concurrency. Likewise a `userId` column without a foreign key lets orders outlive their users ' +
    'and point at nothing.',
  remediation:
    'Add a unique constraint for each identifying column: `email String @unique` (Prisma), ' +
    '`.unique()` (Drizzle), `CREATE UNIQUE INDEX ... ON users (lower(email))` in a migration. Deduplicate ' +
    'existing rows first, and handle the unique-violation error (Prisma P2002, Postgres 23505) as a ' +
    '"already taken" answer. Declare references as relations (`author User @relation(fields: [authorId], ' +
    'references: [id])` in Prisma, `.references(() => users.id)` in Drizzle, `REFERENCES users(id)` in SQL).',
  severity: 'medium',
  weight: 1,
  effortMinutes: 20,
  requires: ['project', 'integrations', 'database'],
  run({ project, integrations, database }) {
    const use = databaseInUse(project, integrations, database);
    if (!use.inUse) return { status: 'na', evidence: [], reason: use.reason };
    if (database.fields.length === 0) {
      return { status: 'unknown', evidence: use.evidence, reason: 'no schema definition to read (Prisma schema, SQL migrations, Drizzle tables, Mongoose schemas, Sequelize models or migrations); constraints kept elsewhere cannot be seen' };
    }
    // The latest definition of a column wins (a later migration may add the unique index).
    const columns = new Map<string, SchemaField>();
    for (const field of database.fields) {
      const key = `${field.table.toLowerCase()}.${field.field.toLowerCase()}`;
      const previous = columns.get(key);
      const foreignKey = previous?.foreignKey === true || field.foreignKey === true ? true : previous?.foreignKey === false || field.foreignKey === false ? false : null;
      columns.set(key, previous ? { ...previous, unique: previous.unique || field.unique, required: previous.required || field.required, foreignKey } : field);
    }
    const identifying = [...columns.values()].filter((field) => isIdentifyingColumn(field.table, field.field));
    const columnsByTable = new Map<string, Set<string>>();
    for (const field of columns.values()) {
      const table = field.table.toLowerCase();
      columnsByTable.set(table, (columnsByTable.get(table) ?? new Set()).add(field.field.toLowerCase()));
    }
    const tableKeys = new Set([...columnsByTable.keys()].map(tableKey));
    const references = [...columns.values()].filter(
      (field) => field.foreignKey === true || (field.foreignKey === false && canHaveForeignKey(field.field, columnsByTable.get(field.table.toLowerCase()) ?? new Set(), tableKeys)),
    );
    const tables = new Set([...columns.values()].map((field) => field.table)).size;
    const evidence = [`${tables} table(s), ${columns.size} column(s) read from ${[...new Set(database.fields.map((field) => field.file))].length} schema file(s)`];
    if (identifying.length + references.length === 0) {
      return { status: 'pass', evidence: [...evidence, 'no identifying columns (email, username, slug, …) or reference columns to protect'] };
    }
    const findings: FindingInput[] = [
      ...identifying
        .filter((field) => !field.unique)
        .map((field) => ({
          message: `${field.table}.${field.field} (${field.file}:${field.line}) has no unique constraint; duplicates can be inserted concurrently.`,
          location: { file: field.file, line: field.line },
          symbol: field.table,
          snippet: field.field,
          data: { table: field.table, column: field.field, missing: 'unique' },
        })),
      ...references
        .filter((field) => field.foreignKey === false)
        .map((field) => ({
          title: 'Reference column without a foreign key',
          message: `${field.table}.${field.field} (${field.file}:${field.line}) names another table's row but no foreign key backs it; it can point at rows that do not exist.`,
          location: { file: field.file, line: field.line },
          symbol: field.table,
          snippet: `fk:${field.field}`,
          data: { table: field.table, column: field.field, missing: 'foreign key' },
        })),
    ];
    const checked = identifying.length + references.length;
    if (identifying.length > 0) {
      evidence.push(`${identifying.filter((field) => field.unique).length} of ${identifying.length} identifying column(s) unique: ${identifying.map((field) => `${field.table}.${field.field}${field.unique ? '' : ' (not unique)'}`).join(', ')}`);
    }
    if (references.length > 0) evidence.push(`${references.filter((field) => field.foreignKey).length} of ${references.length} reference column(s) backed by a foreign key`);
    const score = (checked - findings.length) / checked;
    return { status: statusOfShare(score), score, evidence, findings };
  },
});
