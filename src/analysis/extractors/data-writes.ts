// Database writes in one file: ORM and query-builder write calls (Prisma, Drizzle, Kysely, knex,
// TypeORM, Sequelize, Mongoose, Supabase) and raw SQL INSERT/UPDATE/DELETE, each with the function
// it sits in and whether it runs inside a transaction. Also flags read-modify-write updates that
// store a value computed from an earlier read (`balance: account.balance - amount`), and tells other
// extractors which parts of a write are stored values and which calls only read rows.
import type { ts as TS } from 'ts-morph';
import type { FileExtractor, SourceInput } from '../extractor.js';
import { endLineOf, lineOf } from '../syntax.js';
import { chainText, moduleBindings, rootIdentifier, type BindingTable } from './module-bindings.js';
import { isFunctionNode } from './node-shapes.js';

export interface DataWrite {
  /** The call as written, shortened: `prisma.user.create`, `db.insert`, `sql INSERT`. */
  call: string;
  method: string;
  line: number;
  /** `receiver` when the receiver looks like a database handle; `model` for a PascalCase model class (Sequelize/Mongoose style); `sql` for raw SQL. */
  via: 'receiver' | 'model' | 'sql';
  /** Enclosing function name (or `<module>` at top level) and its span. */
  function: string;
  functionLine: number;
  functionEndLine: number;
  inTransaction: boolean;
  /** The field an update sets from a value read earlier (a lost-update race), if any. */
  raceField?: string;
  /** Branches the write sits in (`if@<pos>:then`, `case@<pos>`): writes in different branches of one statement never run together. */
  branches: string[];
  /**
   * What the `if` conditions around the write pin one value to (`if (type === 'a' || type === 'b')` →
   * `type` is one of `'a'`, `'b'`): writes whose guards on the same value share no literal never run together.
   */
  guards: Guard[];
  /** The write's path returns or throws by this line (end of the innermost `if` whose branch exits): later writes do not run with it. */
  exitLine: number | null;
}

export interface Guard {
  /** The value tested, as written (`event.type`). */
  subject: string;
  /** The literals it equals where the write runs: strings quoted (`"user.created"`), numbers as written. */
  values: string[];
}

export interface DataWritesExtract {
  writes: DataWrite[];
}

const WRITE_METHODS = new Set([
  'create', 'createMany', 'createManyAndReturn', 'update', 'updateMany', 'upsert', 'delete', 'deleteMany',
  'insert', 'insertInto', 'updateTable', 'deleteFrom', 'del', 'save', 'remove', 'softRemove', 'softDelete',
  'destroy', 'bulkCreate', 'updateOne', 'deleteOne', 'insertMany', 'insertOne', 'replaceOne', 'bulkWrite',
  'findOneAndUpdate', 'findByIdAndUpdate', 'findOneAndDelete', 'findByIdAndDelete', 'findOneAndReplace',
  'increment', 'decrement',
]);
/** Methods that only a model class has: `User.findByIdAndUpdate`, `Post.bulkCreate`. */
const MODEL_METHODS = new Set([
  'create', 'bulkCreate', 'update', 'destroy', 'upsert', 'insertMany', 'updateOne', 'updateMany', 'deleteOne', 'deleteMany',
  'findOneAndUpdate', 'findByIdAndUpdate', 'findOneAndDelete', 'findByIdAndDelete', 'replaceOne', 'bulkWrite',
]);
/** Words in a receiver chain that name a database handle. */
const DATABASE_RECEIVER = /(^|\.)(prisma|db|database|tx|trx|transaction|knex|kysely|drizzle|orm|repo|\w*Repository|\w*Repo|repository|manager|entityManager|em|sequelize|supabase|pool|conn|connection|client\.from|collection|\w*Model|model)(\.|\(|$)/i;
/** Globals and well-known non-database objects whose methods share write names. */
const NOT_MODELS = new Set(['Object', 'Array', 'Promise', 'Reflect', 'Map', 'Set', 'WeakMap', 'Math', 'JSON', 'Symbol', 'Date', 'Buffer', 'URL', 'Intl', 'Proxy', 'Error', 'Stripe', 'React', 'Vue']);
const TRANSACTION_CALLS = /(^|\.)(\$transaction|transaction|withTransaction|startTransaction|runTransaction|transact)$/;
const TRANSACTION_PARAMS = /^(tx|trx|transaction|t|manager|em|session|entityManager|prismaTx|db)$/;
const SQL_WRITE = /^\s*(insert\s+into|update\s+[\w".`]+\s+set|delete\s+from|merge\s+into)\b/i;
const SQL_BEGIN = /^\s*(begin|start\s+transaction)\b/i;
const SQL_READ = /^\s*select\b[\s\S]*\bfrom\b/i;
const SQL_DELETE = /^\s*delete\b/i;
/** Methods that read rows (`findUnique`, `findByPk`, Drizzle `select`, Supabase `.select().single()`). */
const READ_METHOD = /^(find|count|aggregate|groupBy|select|first|single|maybeSingle|get)\w*$/;
/** Writes that only remove rows: their arguments pick the rows, none is stored. */
const REMOVE_METHODS = new Set(['delete', 'deleteMany', 'deleteFrom', 'del', 'remove', 'softRemove', 'softDelete', 'destroy', 'deleteOne', 'findOneAndDelete', 'findByIdAndDelete']);
/** Mongoose-style writes whose first argument is a filter when a second (the update) follows. */
const FILTER_FIRST = new Set(['updateOne', 'updateMany', 'replaceOne', 'findOneAndUpdate', 'findByIdAndUpdate', 'findOneAndReplace']);
/** Options of a write call that pick or shape rows rather than hold values (`where`, Prisma `select`). */
const LOOKUP_OPTIONS = new Set(['where', 'select', 'include', 'omit', 'orderBy', 'transaction', 'session', 'returning']);
/** Builder calls after the write that carry the values (`db.update(t).set({...})`, `db.insert(t).values({...})`). */
const VALUE_CALLS = new Set(['set', 'values', 'onConflictDoUpdate', 'onDuplicateKeyUpdate', 'doUpdateSet', 'merge']);

function functionNameOf(ts: typeof TS, node: TS.Node): string {
  if ((ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) && node.name) return node.name.getText();
  const parent = node.parent;
  if (parent && (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent)) && (ts.isIdentifier(parent.name) || ts.isStringLiteral(parent.name))) return parent.name.text;
  if (parent && ts.isCallExpression(parent)) {
    const callee = parent.expression;
    const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : 'callback';
    const route = parent.arguments[0];
    return route && ts.isStringLiteral(route) ? `${name} ${route.text}` : `${name} callback`;
  }
  return '<anonymous>';
}

/** The nearest named function around a node (callbacks of transactions and array methods are looked through). */
function enclosingFunction(ts: typeof TS, node: TS.Node): TS.FunctionLikeDeclaration | null {
  let current: TS.Node | undefined = node.parent;
  while (current) {
    if (isFunctionNode(ts, current)) {
      const parent = current.parent;
      const calleeName = parent && ts.isCallExpression(parent) ? chainText(ts, parent.expression) : '';
      if (!TRANSACTION_CALLS.test(calleeName) && !/\.(map|forEach|then|filter|reduce|all)$/.test(calleeName)) return current;
    }
    current = current.parent;
  }
  return null;
}

function insideTransaction(ts: typeof TS, node: TS.CallExpression | TS.TaggedTemplateExpression, receiverText: string, fn: TS.FunctionLikeDeclaration | null, sqlBeginFunctions: Set<TS.Node>): boolean {
  let current: TS.Node | undefined = node.parent;
  while (current) {
    if (ts.isCallExpression(current) && TRANSACTION_CALLS.test(chainText(ts, current.expression))) return true;
    if (isFunctionNode(ts, current) && current.parent && ts.isCallExpression(current.parent) && TRANSACTION_CALLS.test(chainText(ts, current.parent.expression))) return true;
    current = current.parent;
  }
  if (fn && sqlBeginFunctions.has(fn)) return true;
  // A write through the transaction handle a function receives (`async (tx) => tx.user.create()` passed around).
  const root = receiverText.split(/[.(]/)[0] ?? '';
  if (fn && TRANSACTION_PARAMS.test(root) && root !== 'db' && fn.parameters.some((parameter) => parameter.name.getText() === root)) return true;
  // Sequelize's `{ transaction: t }` option and Mongoose's `{ session }`.
  if (!ts.isCallExpression(node)) return false;
  return node.arguments.some((argument) => ts.isObjectLiteralExpression(argument) && argument.properties.some((property) => property.name && /^(transaction|session)$/.test(property.name.getText())));
}

/** Transaction decorators (`@Transactional()`, `@Transaction()`) on a method make its writes atomic. */
function hasTransactionDecorator(ts: typeof TS, fn: TS.FunctionLikeDeclaration | null): boolean {
  if (!fn || !ts.canHaveDecorators(fn)) return false;
  return (ts.getDecorators(fn) ?? []).some((decorator) => /Transaction/.test(decorator.expression.getText()));
}

/** `{ data: { balance: account.balance - amount } }` → 'balance'; builder chains (`.update(t).set({...})`) are searched whole. */
function raceFieldOf(ts: typeof TS, call: TS.CallExpression): string | undefined {
  let top: TS.Node = call;
  while (top.parent && ts.isPropertyAccessExpression(top.parent) && top.parent.parent && ts.isCallExpression(top.parent.parent)) top = top.parent.parent;
  let found: string | undefined;
  const visit = (node: TS.Node): void => {
    if (found) return;
    if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && ts.isBinaryExpression(node.initializer)) {
      const { left, right, operatorToken } = node.initializer;
      const arithmetic = [ts.SyntaxKind.PlusToken, ts.SyntaxKind.MinusToken, ts.SyntaxKind.AsteriskToken].includes(operatorToken.kind);
      const field = node.name.text;
      const readsSameField = [left, right].some((side) => ts.isPropertyAccessExpression(side) && side.name.text === field && !/(^|\.)(req|request|body|input|data|args|dto|params|query|values)$/.test(side.expression.getText()));
      if (arithmetic && readsSameField) found = field;
    }
    ts.forEachChild(node, visit);
  };
  visit(top);
  return found;
}

function exits(ts: typeof TS, statement: TS.Statement): boolean {
  if (ts.isReturnStatement(statement) || ts.isThrowStatement(statement)) return true;
  if (ts.isBlock(statement)) {
    const last = statement.statements[statement.statements.length - 1];
    return last !== undefined && exits(ts, last);
  }
  return false;
}

function unwrap(ts: typeof TS, node: TS.Expression): TS.Expression {
  return ts.isParenthesizedExpression(node) ? unwrap(ts, node.expression) : node;
}

/** `type === 'a'` or a chain of them joined by `||` on one value; null for anything else. */
function equalityGuard(ts: typeof TS, condition: TS.Expression): Guard | null {
  const node = unwrap(ts, condition);
  if (!ts.isBinaryExpression(node)) return null;
  if (node.operatorToken.kind === ts.SyntaxKind.BarBarToken) {
    const [left, right] = [equalityGuard(ts, node.left), equalityGuard(ts, node.right)];
    return left && right && left.subject === right.subject ? { subject: left.subject, values: [...left.values, ...right.values] } : null;
  }
  // Loose equality lets `1` and `'1'` both match one value, so only `===` pins it.
  if (node.operatorToken.kind !== ts.SyntaxKind.EqualsEqualsEqualsToken) return null;
  const literal = (side: TS.Expression) => (ts.isStringLiteral(side) || ts.isNoSubstitutionTemplateLiteral(side) ? JSON.stringify(side.text) : ts.isNumericLiteral(side) ? side.text : null);
  const isName = (side: TS.Expression): boolean => ts.isIdentifier(side) || (ts.isPropertyAccessExpression(side) && !side.questionDotToken && isName(side.expression));
  const subject = (side: TS.Expression) => (isName(side) ? side.getText() : null);
  const [left, right] = [unwrap(ts, node.left), unwrap(ts, node.right)];
  const value = literal(right) ?? literal(left);
  const tested = literal(right) !== null ? subject(left) : subject(right);
  return value !== null && tested !== null ? { subject: tested, values: [value] } : null;
}

/** The guards a condition sets: each `&&` operand that is an equality test. */
function guardsOf(ts: typeof TS, condition: TS.Expression): Guard[] {
  const node = unwrap(ts, condition);
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) return [...guardsOf(ts, node.left), ...guardsOf(ts, node.right)];
  const guard = equalityGuard(ts, node);
  return guard ? [guard] : [];
}

/** Whether the value a guard tests can change after `from`: something assigns to it or to the object it is read from. */
function reassignedAfter(ts: typeof TS, scope: TS.Node, subject: string, from: number): boolean {
  const root = subject.split('.')[0];
  const targets = (target: TS.Expression) => target.pos >= from && rootIdentifier(ts, target)?.text === root;
  let found = false;
  const visit = (node: TS.Node): void => {
    if (found) return;
    if (ts.isBinaryExpression(node) && node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && node.operatorToken.kind <= ts.SyntaxKind.LastAssignment && targets(node.left)) found = true;
    else if ((ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) && targets(node.operand)) found = true;
    else ts.forEachChild(node, visit);
  };
  visit(scope);
  return found;
}

/** The branches a node sits in inside its function, the values its `if` conditions pin, and where its path leaves the function. */
function pathOf(ts: typeof TS, sourceFile: TS.SourceFile, node: TS.Node, fn: TS.Node | null): { branches: string[]; guards: Guard[]; exitLine: number | null } {
  const branches: string[] = [];
  const guards: Guard[] = [];
  let exitLine: number | null = null;
  let child: TS.Node = node;
  for (let current = node.parent; current && current !== fn; child = current, current = current.parent) {
    if (ts.isIfStatement(current) && child !== current.expression) {
      const side = child === current.thenStatement ? 'then' : 'else';
      branches.push(`if@${current.pos}:${side}`);
      if (side === 'then') {
        const from = current.pos;
        guards.push(...guardsOf(ts, current.expression).filter((guard) => !reassignedAfter(ts, fn ?? sourceFile, guard.subject, from)));
      }
      if (exitLine === null && exits(ts, child as TS.Statement)) exitLine = endLineOf(sourceFile, current);
    } else if (ts.isConditionalExpression(current) && child !== current.condition) {
      branches.push(`cond@${current.pos}:${child === current.whenTrue ? 'then' : 'else'}`);
    } else if (ts.isCaseClause(current) || ts.isDefaultClause(current)) {
      branches.push(`case@${current.parent.pos}:${current.pos}`);
    } else if (ts.isCatchClause(current) && exitLine === null && exits(ts, current.block)) {
      exitLine = endLineOf(sourceFile, current.parent);
    }
  }
  return { branches, guards, exitLine };
}

function sqlText(ts: typeof TS, node: TS.Node | undefined): string | null {
  if (!node) return null;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return node.head.text;
  return null;
}

export interface WriteCall {
  node: TS.CallExpression | TS.TaggedTemplateExpression;
  call: string;
  method: string;
  via: DataWrite['via'];
  receiver: string;
}

const firstWord = (sql: string): string => sql.trim().split(/\s+/)[0]!.toUpperCase();

/** A model class (`User` in `User.create`) rather than a global or a package object (`Object.create`, `Stripe.create`). */
function isModelClass(ts: typeof TS, object: TS.Expression, bindings: BindingTable): boolean {
  if (!ts.isIdentifier(object) || !/^[A-Z][A-Za-z0-9]*$/.test(object.text) || NOT_MODELS.has(object.text)) return false;
  const binding = bindings.get(object.text);
  return !binding || binding.module.startsWith('.') || /model|schema|entit/i.test(binding.module);
}

/** `user.save()` on a variable named like a record (Mongoose documents, Sequelize instances). */
function isRecordSave(method: string, receiver: string, argumentCount: number): boolean {
  return method === 'save' && argumentCount <= 1 && /^(this\.)?[a-z]\w*$/.test(receiver) && /^(user|doc|document|record|entity|order|post|item|product|account|instance)\w*$/i.test(receiver.replace(/^this\./, ''));
}

/** An ORM or query-builder write call, or null. */
function ormWrite(ts: typeof TS, node: TS.CallExpression, bindings: BindingTable): WriteCall | null {
  const callee = node.expression;
  if (!ts.isPropertyAccessExpression(callee) || !WRITE_METHODS.has(callee.name.text)) return null;
  const receiver = chainText(ts, callee.expression);
  const method = callee.name.text;
  const call = `${receiver}.${method}`;
  if (DATABASE_RECEIVER.test(receiver)) return { node, call, method, via: 'receiver', receiver };
  if ((MODEL_METHODS.has(method) && isModelClass(ts, callee.expression, bindings)) || isRecordSave(method, receiver, node.arguments.length)) return { node, call, method, via: 'model', receiver };
  return null;
}

/** A database write: an ORM or query-builder write call, or raw SQL that inserts, updates or deletes. */
export function writeCallOf(ts: typeof TS, sourceFile: TS.SourceFile, node: TS.CallExpression | TS.TaggedTemplateExpression, bindings: BindingTable): WriteCall | null {
  const tagged = ts.isTaggedTemplateExpression(node);
  const text = sqlText(ts, tagged ? node.template : node.arguments[0]);
  if (text !== null && SQL_WRITE.test(text)) {
    const receiver = tagged ? '' : chainText(ts, node.expression);
    const call = tagged ? `${node.tag.getText(sourceFile)}\`${firstWord(text)}\`` : `${receiver}(${firstWord(text)} …)`;
    return { node, call, method: 'sql', via: 'sql', receiver };
  }
  return tagged ? null : ormWrite(ts, node, bindings);
}

/** The calls of a builder chain from the outermost down: `db.update(t).set({...}).where(...)` → where, set, update. */
function chainCalls(ts: typeof TS, node: TS.Expression): TS.CallExpression[] {
  const calls: TS.CallExpression[] = [];
  for (let current = node; ; ) {
    if (ts.isCallExpression(current)) calls.push(current);
    if (ts.isCallExpression(current) || ts.isPropertyAccessExpression(current) || ts.isNonNullExpression(current) || ts.isParenthesizedExpression(current)) current = current.expression;
    else return calls;
  }
}

const methodOf = (ts: typeof TS, call: TS.CallExpression): string => (ts.isPropertyAccessExpression(call.expression) ? call.expression.name.text : '');

/**
 * The parts of a write that become stored values, as opposed to those that pick the rows: a delete
 * stores nothing, `where` and a Mongoose filter are lookups, `.set({...})` and `.values({...})` after
 * the write hold its values, and `user.save()` stores the record it is called on.
 */
export function storedValues(ts: typeof TS, write: WriteCall): TS.Node[] {
  const { node } = write;
  const substitutions = (text: TS.Node | undefined) => (text && ts.isTemplateExpression(text) ? text.templateSpans.map((span) => span.expression) : []);
  if (ts.isTaggedTemplateExpression(node)) return SQL_DELETE.test(sqlText(ts, node.template) ?? '') ? [] : substitutions(node.template);
  if (write.via === 'sql') {
    const [text, ...values] = node.arguments;
    return SQL_DELETE.test(sqlText(ts, text) ?? '') ? [] : [...substitutions(text), ...values];
  }
  if (REMOVE_METHODS.has(write.method)) return [];
  const own = FILTER_FIRST.has(write.method) && node.arguments.length > 1 ? node.arguments.slice(1) : [...node.arguments];
  const values = own.flatMap<TS.Node>((argument) =>
    ts.isObjectLiteralExpression(argument) ? argument.properties.filter((property) => !(property.name && ts.isIdentifier(property.name) && LOOKUP_OPTIONS.has(property.name.text))) : [argument],
  );
  let top: TS.Expression = node;
  while (ts.isPropertyAccessExpression(top.parent) && ts.isCallExpression(top.parent.parent) && top.parent.parent.expression === top.parent) top = top.parent.parent;
  for (const call of chainCalls(ts, top)) if (VALUE_CALLS.has(methodOf(ts, call))) values.push(...call.arguments);
  if (write.via === 'model' && write.method === 'save' && ts.isPropertyAccessExpression(node.expression)) values.push(node.expression.expression);
  return values;
}

/**
 * A call that reads rows (`prisma.user.findUnique`, `User.findByPk`, `supabase.from('t').select().eq()`,
 * a SELECT): what it returns is stored data, whatever its lookup keys came from. A chain that also
 * writes (`.insert(x).select()`) returns what it wrote, so it is no read.
 */
export function isDatabaseRead(ts: typeof TS, node: TS.CallExpression | TS.TaggedTemplateExpression, bindings: BindingTable): boolean {
  if (ts.isTaggedTemplateExpression(node)) return SQL_READ.test(sqlText(ts, node.template) ?? '');
  if (SQL_READ.test(sqlText(ts, node.arguments[0]) ?? '')) return true;
  const calls = chainCalls(ts, node);
  const methods = calls.map((call) => methodOf(ts, call));
  if (!methods.some((method) => READ_METHOD.test(method)) || methods.some((method) => WRITE_METHODS.has(method) || /OrCreate$/.test(method))) return false;
  // The chain's first call names the handle or model: `prisma.user.findUnique`, `supabase.from`, `User.findByPk`.
  const first = calls[calls.length - 1]!.expression;
  return ts.isPropertyAccessExpression(first) && (DATABASE_RECEIVER.test(chainText(ts, first)) || isModelClass(ts, first.expression, bindings));
}

class WriteCollector {
  readonly candidates: WriteCall[] = [];
  /** Functions that open a transaction with raw SQL (`BEGIN`): their writes are inside it. */
  readonly beginFunctions = new Set<TS.Node>();

  constructor(
    private readonly ts: typeof TS,
    private readonly sourceFile: TS.SourceFile,
    private readonly bindings: BindingTable,
  ) {}

  private markBegin(node: TS.Node): void {
    const fn = enclosingFunction(this.ts, node);
    if (fn) this.beginFunctions.add(fn);
  }

  visit(node: TS.CallExpression | TS.TaggedTemplateExpression): void {
    const text = sqlText(this.ts, this.ts.isTaggedTemplateExpression(node) ? node.template : node.arguments[0]);
    if (text !== null && SQL_BEGIN.test(text)) this.markBegin(node);
    const write = writeCallOf(this.ts, this.sourceFile, node, this.bindings);
    if (write) this.candidates.push(write);
  }

  toWrite(candidate: WriteCall): DataWrite {
    const { ts, sourceFile } = this;
    const fn = enclosingFunction(ts, candidate.node);
    const write: DataWrite = {
      call: candidate.call,
      method: candidate.method,
      line: lineOf(sourceFile, candidate.node),
      via: candidate.via,
      function: fn ? functionNameOf(ts, fn) : '<module>',
      functionLine: fn ? lineOf(sourceFile, fn) : 1,
      functionEndLine: fn ? endLineOf(sourceFile, fn) : sourceFile.getLineStarts().length,
      inTransaction: hasTransactionDecorator(ts, fn) || insideTransaction(ts, candidate.node, candidate.receiver, fn, this.beginFunctions),
      ...pathOf(ts, sourceFile, candidate.node, fn),
    };
    const raceField = ts.isCallExpression(candidate.node) && /update|upsert|save|set/i.test(candidate.method) ? raceFieldOf(ts, candidate.node) : undefined;
    if (raceField) write.raceField = raceField;
    return write;
  }
}

export function extractDataWrites(input: SourceInput): DataWritesExtract {
  const { ts, sourceFile, nodes } = input;
  const collector = new WriteCollector(ts, sourceFile, moduleBindings(ts, sourceFile, nodes.ofKind(ts.SyntaxKind.VariableDeclaration)));
  for (const node of nodes.ofKind(ts.SyntaxKind.CallExpression, ts.SyntaxKind.TaggedTemplateExpression) as (TS.CallExpression | TS.TaggedTemplateExpression)[]) {
    collector.visit(node);
  }
  // Every BEGIN is known before any write is judged.
  return { writes: collector.candidates.map((candidate) => collector.toWrite(candidate)) };
}

export const dataWritesExtractor: FileExtractor<DataWritesExtract> = {
  id: 'data-writes',
  areas: ['data', 'observability'],
  extract(input) {
    if (input.isTest) return null;
    const result = extractDataWrites(input);
    return result.writes.length === 0 ? null : result;
  },
};
