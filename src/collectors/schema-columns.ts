// Columns as schema files declare them: Prisma models and SQL (CREATE TABLE, then indexes and
// constraints added later), with unique, not-null and foreign-key markers for data.constraints.
import type { SchemaField } from '../core/facts.js';
import { REFERENCE_COLUMN } from '../knowledge/integrations/schema-conventions.js';

export const lineAt = (text: string, index: number): number => text.slice(0, index).split('\n').length;

/** Comments removed, their newlines kept, so that line numbers found in the result stay true. */
export function stripComments(text: string, sql: boolean): string {
  const block = text.replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ''));
  return sql ? block.replace(/--[^\n]*/g, '') : block.replace(/(^|[^:])\/\/[^\n]*/g, '$1');
}

/** Columns listed in a Prisma attribute such as `@@unique([a, b])` or `@relation(fields: [a])`. */
function listedColumns(body: string, pattern: RegExp): Set<string> {
  const columns = new Set<string>();
  for (const match of body.matchAll(pattern)) {
    for (const column of match[1]!.split(',')) columns.add(column.trim().replace(/\(.*$/, ''));
  }
  return columns;
}

/** Columns of Prisma models, with `@unique`/`@id`/`@@unique`, optionality and relations. */
export function prismaFields(path: string, text: string): SchemaField[] {
  const fields: SchemaField[] = [];
  // With `relationMode = "prisma"` (PlanetScale) the database holds no foreign keys by design.
  const enforcesForeignKeys = !/relationMode\s*=\s*"prisma"/.test(text);
  const model = /^\s*model\s+(\w+)\s*\{([\s\S]*?)^\s*\}/gm;
  for (let match = model.exec(text); match; match = model.exec(text)) {
    const [, table, body] = match as unknown as [string, string, string];
    // A column unique together with others (per tenant, per parent) is a deliberate choice: count it.
    const compositeUnique = listedColumns(body, /@@(?:unique|id)\(\s*(?:fields:\s*)?\[([^\]]*)\]/g);
    const relationFields = listedColumns(body, /@relation\([^)]*fields:\s*\[([^\]]*)\]/g);
    let offset = match.index + match[0].indexOf('{') + 1;
    for (const line of body.split('\n')) {
      const field = /^\s*(\w+)\s+\w+(\[\])?(\?)?(.*)$/.exec(line);
      const [, name = '', list, optional, rest = ''] = field ?? [];
      const isColumn = field !== null && !/^\s*(\/\/|@@)/.test(line) && list === undefined && !/@relation\b/.test(rest);
      if (isColumn) {
        const judgedAsReference = enforcesForeignKeys && REFERENCE_COLUMN.test(name) && !/@id\b/.test(rest);
        fields.push({
          file: path,
          line: lineAt(text, offset),
          table,
          field: name,
          unique: /@(unique|id)\b/.test(rest) || compositeUnique.has(name),
          required: optional === undefined,
          foreignKey: judgedAsReference ? relationFields.has(name) : null,
        });
      }
      offset += line.length + 1;
    }
  }
  return fields;
}

const sqlName = (raw: string): string => raw.replace(/["`[\]]/g, '').replace(/^\s*\w+\((.*)\)\s*$/, '$1').trim().split(/\s+/)[0]!.split('.').pop()!.toLowerCase();

/** Index columns may be expressions one level deep: `(lower(email))`. */
const LATER_CONSTRAINTS: { pattern: RegExp; mark: 'unique' | 'foreignKey' }[] = [
  { pattern: /create\s+unique\s+index\s+(?:concurrently\s+)?(?:if\s+not\s+exists\s+)?\S*\s*on\s+(?:only\s+)?([\w".`[\]]+)\s*(?:using\s+\w+\s*)?\(((?:[^()]|\([^()]*\))*)\)/gi, mark: 'unique' },
  { pattern: /alter\s+table\s+(?:only\s+)?(?:if\s+exists\s+)?([\w".`[\]]+)\s+add\s+(?:constraint\s+\S+\s+)?unique\s*\(([^)]*)\)/gi, mark: 'unique' },
  { pattern: /alter\s+table\s+(?:only\s+)?(?:if\s+exists\s+)?([\w".`[\]]+)\s+add\s+(?:constraint\s+\S+\s+)?foreign\s+key\s*\(([^)]*)\)/gi, mark: 'foreignKey' },
];
const TABLE_CONSTRAINTS: { pattern: RegExp; mark: 'unique' | 'foreignKey' }[] = [
  { pattern: /^(?:constraint\s+\S+\s+)?foreign\s+key\s*\(([^)]*)\)/i, mark: 'foreignKey' },
  { pattern: /^(?:constraint\s+\S+\s+)?(?:unique|primary\s+key)\s*\(([^)]*)\)/i, mark: 'unique' },
];

/** The columns of one SQL file, keyed by `table.column`, so that later statements can mark them. */
class SqlColumns {
  readonly fields: SchemaField[] = [];
  private readonly byKey = new Map<string, SchemaField>();

  constructor(private readonly path: string) {}

  add(field: SchemaField): void {
    this.byKey.set(`${field.table}.${field.field}`, field);
    this.fields.push(field);
  }

  /** Marks columns; one defined in another file (an earlier migration) is recorded with just this mark. */
  mark(table: string, columns: string, mark: 'unique' | 'foreignKey', line: number, addMissing: boolean): void {
    for (const column of columns.split(',').map(sqlName)) {
      const existing = this.byKey.get(`${table}.${column}`);
      if (existing) existing[mark] = true;
      else if (addMissing) this.add({ file: this.path, line, table, field: column, unique: mark === 'unique', required: false, foreignKey: mark === 'foreignKey' ? true : null });
    }
  }

  /** `ALTER TABLE new_User RENAME TO User`: how SQLite migrations rebuild a table (Prisma writes them). */
  rename(from: string, to: string): void {
    for (const field of this.fields) {
      if (field.table !== from) continue;
      this.byKey.delete(`${from}.${field.field}`);
      field.table = to;
      this.byKey.set(`${to}.${field.field}`, field);
    }
  }

  /** One entry of a CREATE TABLE: a table-level constraint or a column definition. */
  define(table: string, definition: string, line: number): void {
    for (const constraint of TABLE_CONSTRAINTS) {
      const match = constraint.pattern.exec(definition);
      if (match) return this.mark(table, match[1]!, constraint.mark, line, false);
    }
    const column = /^([\w"`[\]]+)\s+\w+/.exec(definition);
    if (!column || /^(constraint|foreign|check|index|key)\b/i.test(definition)) return;
    const field = sqlName(column[1]!);
    const primary = /\bprimary\s+key\b/i.test(definition);
    let foreignKey: boolean | null = null;
    if (/\breferences\b/i.test(definition)) foreignKey = true;
    else if (REFERENCE_COLUMN.test(field) && !primary) foreignKey = false;
    this.add({ file: this.path, line, table, field, unique: primary || /\bunique\b/i.test(definition), required: primary || /\bnot\s+null\b/i.test(definition), foreignKey });
  }
}

/** Columns created by SQL: CREATE TABLE definitions, then UNIQUE indexes and constraints added later. */
export function sqlFields(path: string, text: string): SchemaField[] {
  const clean = stripComments(text, true);
  const columns = new SqlColumns(path);
  const create = /create\s+table\s+(?:if\s+not\s+exists\s+)?([\w".`[\]]+)\s*\(([\s\S]*?)\)\s*;/gi;
  for (let match = create.exec(clean); match; match = create.exec(clean)) {
    const table = sqlName(match[1]!);
    const line = lineAt(clean, match.index);
    for (const definition of match[2]!.split(/,(?![^(]*\))/)) columns.define(table, definition.trim(), line);
  }
  const rename = /alter\s+table\s+([\w".`[\]]+)\s+rename\s+to\s+([\w".`[\]]+)/gi;
  for (let match = rename.exec(clean); match; match = rename.exec(clean)) columns.rename(sqlName(match[1]!), sqlName(match[2]!));
  for (const { pattern, mark } of LATER_CONSTRAINTS) {
    for (let match = pattern.exec(clean); match; match = pattern.exec(clean)) columns.mark(sqlName(match[1]!), match[2]!, mark, lineAt(clean, match.index), true);
  }
  return columns.fields;
}
