// Table definitions written in code: Drizzle `pgTable/mysqlTable/sqliteTable('users', { … })`,
// Mongoose `new Schema({ … })`, Sequelize models (`sequelize.define`, `Model.init`) and Sequelize
// migrations (`queryInterface.createTable`, `addIndex`, `addConstraint`), with the columns' unique,
// required and reference markers, so that the constraints check can read schemas that never become
// SQL files in the repository.
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
  /**
   * Drizzle `.references()`, Sequelize `references:`; null for Mongoose (MongoDB has no foreign keys),
   * for Sequelize models (associations may add the key when the schema is synced), and for columns
   * not named like references.
   */
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

type Markers = Pick<CodeColumn, 'unique' | 'required' | 'foreignKey'>;

/** The `field: { …options }` entries of an attribute map (a Mongoose schema, a Sequelize model or migration). */
function attributeColumns(ts: typeof TS, sourceFile: TS.SourceFile, table: string, shape: TS.ObjectLiteralExpression, markers: (field: string, options: TS.Expression) => Markers): CodeColumn[] {
  const columns: CodeColumn[] = [];
  for (const property of shape.properties) {
    if (!ts.isPropertyAssignment(property)) continue;
    const field = propertyName(ts, property);
    if (field !== null) columns.push({ table, field, line: lineOf(sourceFile, property), ...markers(field, property.initializer) });
  }
  return columns;
}

function mongooseColumns(ts: typeof TS, sourceFile: TS.SourceFile, node: TS.NewExpression, table: string): CodeColumn[] {
  const shape = node.arguments?.[0];
  if (!shape || !ts.isObjectLiteralExpression(shape)) return [];
  // `required: true` or `required: [true, 'message']`.
  const flag = (options: TS.Expression, name: string): boolean => {
    const value = option(ts, options, name);
    return isTrue(ts, value) || (value !== undefined && ts.isArrayLiteralExpression(value));
  };
  return attributeColumns(ts, sourceFile, table, shape, (_field, options) => ({ unique: flag(options, 'unique'), required: flag(options, 'required'), foreignKey: null }));
}

/** An option of an object literal: `unique: true` → the `true` node. */
function option(ts: typeof TS, options: TS.Expression | undefined, name: string): TS.Expression | undefined {
  if (!options || !ts.isObjectLiteralExpression(options)) return undefined;
  for (const property of options.properties) if (ts.isPropertyAssignment(property) && propertyName(ts, property) === name) return property.initializer;
  return undefined;
}

const isTrue = (ts: typeof TS, node: TS.Expression | undefined): boolean => node?.kind === ts.SyntaxKind.TrueKeyword;
const isFalse = (ts: typeof TS, node: TS.Expression | undefined): boolean => node?.kind === ts.SyntaxKind.FalseKeyword;

/**
 * Sequelize attributes (`email: { type: DataTypes.STRING, unique: true, allowNull: false }`). In a
 * migration the table is what the database gets, so a reference-named column without `references`
 * has no foreign key; in a model that is unknown.
 */
function sequelizeColumns(ts: typeof TS, sourceFile: TS.SourceFile, table: string, shape: TS.ObjectLiteralExpression, migration: boolean): CodeColumn[] {
  return attributeColumns(ts, sourceFile, table, shape, (field, options) => {
    const primary = isTrue(ts, option(ts, options, 'primaryKey'));
    const unique = option(ts, options, 'unique');
    const references = option(ts, options, 'references') !== undefined;
    return {
      unique: primary || (unique !== undefined && !isFalse(ts, unique)),
      required: primary || isFalse(ts, option(ts, options, 'allowNull')),
      foreignKey: references ? true : migration && !primary && REFERENCE_COLUMN.test(field) ? false : null,
    };
  });
}

/** `addIndex('users', ['email'], { unique: true })`, `addConstraint('users', { fields: ['email'], type: 'unique' })`: one-column unique indexes and foreign keys added later. */
function sequelizeLaterConstraints(ts: typeof TS, sourceFile: TS.SourceFile, call: TS.CallExpression, method: string, table: string): CodeColumn[] {
  const [, second, third] = call.arguments;
  const options = method === 'addIndex' && second && ts.isArrayLiteralExpression(second) ? third : second;
  const fields = method === 'addIndex' && second && ts.isArrayLiteralExpression(second) ? second : option(ts, options, 'fields');
  if (!fields || !ts.isArrayLiteralExpression(fields) || fields.elements.length !== 1) return [];
  const field = stringLiteralText(ts, fields.elements[0]!);
  const type = stringLiteralText(ts, option(ts, options, 'type'));
  const unique = method === 'addIndex' ? isTrue(ts, option(ts, options, 'unique')) : type?.toLowerCase() === 'unique';
  const foreignKey = method === 'addConstraint' && type?.toLowerCase() === 'foreign key';
  if (field === null || (!unique && !foreignKey)) return [];
  return [{ table, field, line: lineOf(sourceFile, call), unique, required: false, foreignKey: foreignKey ? true : null }];
}

/** Sequelize models and migrations in the file. */
function sequelizeTables(ts: typeof TS, sourceFile: TS.SourceFile, calls: readonly TS.CallExpression[], models: boolean): CodeColumn[] {
  const columns: CodeColumn[] = [];
  for (const call of calls) {
    const callee = chainText(ts, call.expression);
    const [first, second] = call.arguments;
    const migration = /^\w*[qQ]ueryInterface\.(createTable|addIndex|addConstraint)$/.exec(callee);
    if (migration) {
      const table = first ? stringLiteralText(ts, first) : null;
      if (table === null) continue;
      if (migration[1] === 'createTable' && second && ts.isObjectLiteralExpression(second)) columns.push(...sequelizeColumns(ts, sourceFile, table, second, true));
      else if (migration[1] !== 'createTable') columns.push(...sequelizeLaterConstraints(ts, sourceFile, call, migration[1]!, table));
      continue;
    }
    if (!models) continue;
    // `sequelize.define('User', { … })`
    if (/\.define$/.test(callee) && first && second && ts.isObjectLiteralExpression(second)) {
      const table = stringLiteralText(ts, first);
      if (table !== null) columns.push(...sequelizeColumns(ts, sourceFile, stringLiteralText(ts, option(ts, call.arguments[2], 'tableName')) ?? table, second, false));
    }
    // `User.init({ … }, { sequelize, tableName: 'users' })`
    if (/^\w+\.init$/.test(callee) && first && ts.isObjectLiteralExpression(first) && second && ts.isObjectLiteralExpression(second)) {
      const table = stringLiteralText(ts, option(ts, second, 'tableName')) ?? callee.slice(0, -'.init'.length);
      columns.push(...sequelizeColumns(ts, sourceFile, table, first, false));
    }
  }
  return columns;
}

export function extractSchemaTables(input: SourceInput): SchemaTablesExtract {
  const { ts, sourceFile, nodes } = input;
  const bindings = moduleBindings(ts, sourceFile, nodes.ofKind(ts.SyntaxKind.VariableDeclaration));
  const columns: CodeColumn[] = [];
  const modules = new Set([...bindings.values()].map((binding) => binding.module));
  // Sequelize migrations import nothing: `up(queryInterface, Sequelize)` receives what they use.
  const migration = input.text.includes('queryInterface');
  const sequelize = modules.has('sequelize') || modules.has('sequelize-typescript');
  if (sequelize || migration) columns.push(...sequelizeTables(ts, sourceFile, nodes.ofKind(ts.SyntaxKind.CallExpression) as TS.CallExpression[], sequelize));
  // The other kinds of table are declared through a binding of their library; most files have none.
  if (![...modules].some((module) => module.startsWith('drizzle-orm') || module === 'mongoose')) return { columns };
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
