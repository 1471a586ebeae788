// Which local names in a file come from which module: `import * as Sentry from '@sentry/node'`,
// `const { init } = require('x')`. Several extractors resolve calls through this table so that a
// `Sentry.init()` is recognised by where `Sentry` comes from, not by what it is called.
import { ts as TS } from 'ts-morph';
import { stringLiteralText } from './node-shapes.js';

const { PropertyAccessExpression, CallExpression, NonNullExpression, ParenthesizedExpression, AwaitExpression, Identifier, ThisKeyword } = TS.SyntaxKind;

export interface ModuleBinding {
  module: string;
  /** Imported name: 'default', '*' for a namespace or a whole `require()`, or the named export. */
  imported: string;
  line: number;
}

export type BindingTable = ReadonlyMap<string, ModuleBinding>;

/** The module of a `require('m')` call (or `await import('m')`), else null. */
export function requiredModule(ts: typeof TS, node: TS.Node): string | null {
  let call = node;
  if (ts.isAwaitExpression(call)) call = call.expression;
  if (!ts.isCallExpression(call) || call.arguments.length !== 1) return null;
  const callee = call.expression;
  if ((ts.isIdentifier(callee) && callee.text === 'require') || callee.kind === ts.SyntaxKind.ImportKeyword) {
    return stringLiteralText(ts, call.arguments[0]);
  }
  return null;
}

/** Several extractors ask for the same file's table; it is built once per parse. */
const tables = new WeakMap<TS.SourceFile, BindingTable>();

type Table = Map<string, ModuleBinding>;

function lineOf(sourceFile: TS.SourceFile, node: TS.Node): number {
  return sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1;
}

/** `import a, { b as c } from 'm'`, `import * as ns from 'm'`. */
function addImport(ts: typeof TS, statement: TS.ImportDeclaration, line: number, table: Table): void {
  const module = stringLiteralText(ts, statement.moduleSpecifier);
  const clause = statement.importClause;
  if (module === null || !clause) return;
  if (clause.name) table.set(clause.name.text, { module, imported: 'default', line });
  const bindings = clause.namedBindings;
  if (bindings && ts.isNamespaceImport(bindings)) table.set(bindings.name.text, { module, imported: '*', line });
  else for (const element of bindings?.elements ?? []) table.set(element.name.text, { module, imported: (element.propertyName ?? element.name).text, line });
}

/** `const x = require('m')`, `const { a, b: c } = require('m')`. */
function addRequire(ts: typeof TS, sourceFile: TS.SourceFile, node: TS.VariableDeclaration, table: Table): void {
  const module = node.initializer ? requiredModule(ts, node.initializer) : null;
  if (module === null) return;
  const line = lineOf(sourceFile, node);
  if (ts.isIdentifier(node.name)) table.set(node.name.text, { module, imported: '*', line });
  if (!ts.isObjectBindingPattern(node.name)) return;
  for (const element of node.name.elements) {
    if (!ts.isIdentifier(element.name)) continue;
    const property = element.propertyName;
    table.set(element.name.text, { module, imported: property && ts.isIdentifier(property) ? property.text : element.name.text, line });
  }
}

export function moduleBindings(ts: typeof TS, sourceFile: TS.SourceFile, variableDeclarations: readonly TS.Node[]): BindingTable {
  const cached = tables.get(sourceFile);
  if (cached) return cached;
  const table: Table = new Map();
  tables.set(sourceFile, table);
  for (const statement of sourceFile.statements) {
    if (ts.isImportDeclaration(statement)) addImport(ts, statement, lineOf(sourceFile, statement), table);
    else if (ts.isImportEqualsDeclaration(statement) && ts.isExternalModuleReference(statement.moduleReference)) {
      const module = stringLiteralText(ts, statement.moduleReference.expression);
      if (module !== null) table.set(statement.name.text, { module, imported: '*', line: lineOf(sourceFile, statement) });
    }
  }
  for (const node of variableDeclarations as TS.VariableDeclaration[]) addRequire(ts, sourceFile, node, table);
  return table;
}

/** The identifier a member chain starts from: `this.prisma.user` → null, `db.user.create` → `db`. */
export function rootIdentifier(ts: typeof TS, expression: TS.Expression): TS.Identifier | null {
  let current: TS.Expression = expression;
  for (;;) {
    if (ts.isIdentifier(current)) return current;
    if (ts.isPropertyAccessExpression(current) || ts.isElementAccessExpression(current)) current = current.expression;
    else if (ts.isCallExpression(current)) current = current.expression;
    else if (ts.isParenthesizedExpression(current) || ts.isNonNullExpression(current) || ts.isAwaitExpression(current)) current = current.expression;
    else return null;
  }
}

/** Dotted text of a member chain with calls elided: `this.prisma.user` → `this.prisma.user`, `knex('t').where()` → `knex().where()`. */
export function chainText(ts: typeof TS, expression: TS.Expression, limit = 6): string {
  // Hot (several extractors call it on every call expression): parts are collected from the end of
  // the chain and joined once, a call joining its receiver without a dot.
  const parts: string[] = [];
  let current: TS.Expression = expression;
  while (parts.length < limit) {
    const kind = current.kind;
    if (kind === PropertyAccessExpression) {
      parts.push((current as TS.PropertyAccessExpression).name.text);
      current = (current as TS.PropertyAccessExpression).expression;
    } else if (kind === CallExpression) {
      parts.push('()');
      current = (current as TS.CallExpression).expression;
    } else if (kind === NonNullExpression || kind === ParenthesizedExpression || kind === AwaitExpression) {
      current = (current as TS.NonNullExpression).expression;
    } else {
      parts.push(kind === Identifier ? (current as TS.Identifier).text : kind === ThisKeyword ? 'this' : '?');
      break;
    }
  }
  let text = parts[parts.length - 1] ?? '';
  for (let index = parts.length - 2; index >= 0; index--) {
    const part = parts[index]!;
    text += part === '()' ? part : `.${part}`;
  }
  return text;
}

/** Does the expression read an environment variable (`process.env.X`, `import.meta.env.X`, `env.X`)? */
export function readsEnvironment(ts: typeof TS, node: TS.Node): boolean {
  let found = false;
  const visit = (child: TS.Node): void => {
    if (found) return;
    if (ts.isPropertyAccessExpression(child) && child.name.text === 'env') {
      found = true;
      return;
    }
    if (ts.isIdentifier(child) && (child.text === 'env' || child.text === 'NODE_ENV')) {
      found = true;
      return;
    }
    ts.forEachChild(child, visit);
  };
  visit(node);
  return found;
}
