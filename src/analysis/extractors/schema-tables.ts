// Table definitions written in code: Drizzle `pgTable/mysqlTable/sqliteTable('users', { … })` and
// Mongoose `new Schema({ … })`, with the columns' unique, required and reference markers, so that
// the constraints check can read schemas that never become SQL files in the repository.
import type { ts as TS } from 'ts-morph';
import { REFERENCE_COLUMN } from '../../knowledge/integrations/schema-conventions.js';
import type { FileExtractor, SourceInput } from '../extractor.js';
import { lineOf } from '../syntax.js';
import { chainText, moduleBindings } from './module-bindings.js';
import { stringLiteralText } from './node-shapes.js';

export interface CodeColumn {
  table: string;
  field: string;
  line: number;
  unique: boolean;
  required: boolean;
  /** Drizzle `.references()`; null for Mongoose (MongoDB has no foreign keys) and for columns not named like references. */
  foreignKey: boolean | null;
}

export interface SchemaTablesExtract {
  columns: CodeColumn[];
}

const DRIZZLE_TABLES = /^(pg|mysql|sqlite|singlestore)Table$/;

function propertyName(ts: typeof TS, property: TS.ObjectLiteralElementLike): string | null {
  const name = property.name;
  return name && (ts.isIdentifier(name) || ts.isStringLiteral(name)) ? name.text : null;
}

/** The methods called along a builder chain: `text('email').notNull().unique()` → notNull, unique, text. */
function chainMethods(ts: typeof TS, node: TS.Expression): string[] {
  const methods: string[] = [];
  let current: TS.Expression = node;
  while (ts.isCallExpression(current)) {
    const callee = current.expression;
    if (ts.isPropertyAccessExpression(callee)) {
      methods.push(callee.name.text);
      current = callee.expression;
    } else {
      if (ts.isIdentifier(callee)) methods.push(callee.text);
      break;
    }
  }
  return methods;
}

/** The innermost call of a builder chain: `text('email')` in `text('email').notNull()`. */
function builderRoot(ts: typeof TS, node: TS.Expression): TS.Expression {
  let current = node;
  while (ts.isCallExpression(current) && ts.isPropertyAccessExpression(current.expression)) current = current.expression.expression;
  return current;
}

function drizzleColumn(ts: typeof TS, sourceFile: TS.SourceFile, table: string, key: string, property: TS.PropertyAssignment): CodeColumn {
  const methods = chainMethods(ts, property.initializer);
  const root = builderRoot(ts, property.initializer);
  const field = (ts.isCallExpression(root) ? stringLiteralText(ts, root.arguments[0]) : null) ?? key;
  const primary = methods.includes('primaryKey');
  let foreignKey: boolean | null = null;
  if (methods.includes('references')) foreignKey = true;
  else if (REFERENCE_COLUMN.test(field) || REFERENCE_COLUMN.test(key)) foreignKey = false;
  return { table, field, line: lineOf(sourceFile, property), unique: primary || methods.includes('unique'), required: primary || methods.includes('notNull'), foreignKey };
}

/** Table extras: `(t) => ({ emailIdx: uniqueIndex('x').on(t.email) })` or `[unique().on(t.slug)]` mark columns unique. */
function markUniqueIndexes(ts: typeof TS, extras: TS.Node, byKey: ReadonlyMap<string, CodeColumn>): void {
  const visit = (node: TS.Node): void => {
    const isOn = ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'on';
    if (isOn && /(^|\.)(uniqueIndex|unique)\(\)$/.test(chainText(ts, (node.expression as TS.PropertyAccessExpression).expression))) {
      for (const argument of node.arguments) {
        const target = ts.isPropertyAccessExpression(argument) ? byKey.get(argument.name.text) : undefined;
        if (target) target.unique = true;
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(extras);
}

function drizzleColumns(ts: typeof TS, sourceFile: TS.SourceFile, call: TS.CallExpression): CodeColumn[] {
  const table = stringLiteralText(ts, call.arguments[0]);
  const shape = call.arguments[1];
  if (table === null || !shape || !ts.isObjectLiteralExpression(shape)) return [];
  const byKey = new Map<string, CodeColumn>();
  for (const property of shape.properties) {
    const key = propertyName(ts, property);
    if (key !== null && ts.isPropertyAssignment(property)) byKey.set(key, drizzleColumn(ts, sourceFile, table, key, property));
  }
  const extras = call.arguments[2];
  if (extras) markUniqueIndexes(ts, extras, byKey);
  return [...byKey.values()];
}

function mongooseColumns(ts: typeof TS, sourceFile: TS.SourceFile, node: TS.NewExpression, table: string): CodeColumn[] {
  const shape = node.arguments?.[0];
  if (!shape || !ts.isObjectLiteralExpression(shape)) return [];
  const columns: CodeColumn[] = [];
  for (const property of shape.properties) {
    if (!ts.isPropertyAssignment(property)) continue;
    const field = propertyName(ts, property);
    if (field === null) continue;
    const options = property.initializer;
    const flag = (name: string) =>
      ts.isObjectLiteralExpression(options) &&
      options.properties.some((option) => ts.isPropertyAssignment(option) && propertyName(ts, option) === name && (option.initializer.kind === ts.SyntaxKind.TrueKeyword || ts.isArrayLiteralExpression(option.initializer)));
    columns.push({ table, field, line: lineOf(sourceFile, property), unique: flag('unique'), required: flag('required'), foreignKey: null });
  }
  return columns;
}

export function extractSchemaTables(input: SourceInput): SchemaTablesExtract {
  const { ts, sourceFile, nodes } = input;
  const bindings = moduleBindings(ts, sourceFile, nodes.ofKind(ts.SyntaxKind.VariableDeclaration));
  const columns: CodeColumn[] = [];
  // Both kinds of table below are declared through a binding of their library; most files have none.
  if (![...bindings.values()].some((binding) => binding.module.startsWith('drizzle-orm') || binding.module === 'mongoose')) return { columns };
  for (const node of nodes.ofKind(ts.SyntaxKind.CallExpression) as TS.CallExpression[]) {
    const callee = node.expression;
    const name = ts.isIdentifier(callee) ? callee.text : null;
    const binding = name ? bindings.get(name) : undefined;
    if (name && DRIZZLE_TABLES.test(binding?.imported ?? name) && binding?.module.startsWith('drizzle-orm')) columns.push(...drizzleColumns(ts, sourceFile, node));
  }
  for (const node of nodes.ofKind(ts.SyntaxKind.NewExpression) as TS.NewExpression[]) {
    const callee = chainText(ts, node.expression);
    const root = callee.split('.')[0] ?? '';
    const fromMongoose = bindings.get(root)?.module === 'mongoose';
    if (!fromMongoose || !/(^|\.)Schema$/.test(callee)) continue;
    const parent = node.parent;
    const variable = parent && ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name) ? parent.name.text : 'schema';
    columns.push(...mongooseColumns(ts, sourceFile, node, variable.replace(/Schema$/i, '') || variable));
  }
  return { columns };
}

export const schemaTablesExtractor: FileExtractor<SchemaTablesExtract> = {
  id: 'schema-tables',
  areas: ['data'],
  extract(input) {
    if (input.isTest) return null;
    const result = extractSchemaTables(input);
    return result.columns.length === 0 ? null : result;
  },
};
