// Every place that receives an error — `catch` clauses, `.catch(…)`, `.then(_, onRejected)` and
// Node-style `(err, …) =>` callbacks — classified by what it does with the error:
// propagates (rethrows, rejects, passes it on), handled (does something else with it) or masked
// (empty, logs and carries on, returns a default, answers with a success status, ignores the error
// argument).
import type { ts as TS } from 'ts-morph';
import type { FileExtractor, SourceInput } from '../extractor.js';
import { functionName } from './function-names.js';
import { chainText } from './module-bindings.js';
import { unwrapExpression } from './node-shapes.js';
import { endLineOf, lineOf } from '../syntax.js';
import type { SourceComment } from '../tokens.js';

export type ErrorSiteKind = 'catch' | 'promise-catch' | 'then-rejection' | 'callback';
export type ErrorOutcome = 'propagates' | 'handled' | 'masked';
export type MaskKind = 'empty' | 'log-and-continue' | 'returns-default' | 'success-status' | 'ignored';

export interface ErrorSite {
  kind: ErrorSiteKind;
  line: number;
  outcome: ErrorOutcome;
  /** How the error is masked, when it is. */
  mask: MaskKind | null;
  /** Name of the enclosing function, `<top level>` outside any. */
  function: string;
  /** Inside a function that serves an HTTP request (route handler, `(req, res)`, Next.js route). */
  inRequestHandler: boolean;
  /** The guarded code writes: saves, inserts, updates, deletes, writes files, sends. */
  writePath: boolean;
}

export interface ErrorHandlingExtract {
  sites: ErrorSite[];
}

/** Calls that hand the error on to someone who will deal with it. */
const PASS_ON_CALLEES = new Set(['next', 'reject', 'callback', 'cb', 'done', 'fail']);
const LOGGER_OBJECTS = /^(console|logger|log|logging|winston|pino|bunyan|debug|Sentry|sentry|tracer|this\.logger|this\.log)$/;
/**
 * Receivers whose `removeItem`/`delete`/`create` write no stored data: this page's state, and model
 * APIs whose `create` asks for a completion (`openai.chat.completions.create`, `anthropic.messages.create`).
 */
const NOT_STORAGE = /(^|\.)(localStorage|sessionStorage|classList|searchParams|dataset|completions|embeddings|moderations)$|^\w*(anthropic|claude)\w*\.messages$/i;
/** Method names that write (ORMs, query builders, Mongoose, the file system, message queues). */
const WRITE_METHOD = /^(save|create\w*|insert\w*|update\w*|upsert\w*|delete\w*|remove\w*|destroy\w*|write\w*|append\w*|put|send|publish|commit|execute|exec|query|\$?transaction|persist|flush|bulkWrite|replace\w*|findByIdAnd\w+|findOneAnd\w+|increment|decrement|\$executeRaw\w*)$/;
const ROUTE_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'all', 'use', 'route', 'head', 'options']);
const HTTP_VERB_EXPORTS = /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|loader|action|getServerSideProps)$/;
const REQUEST_FILE = /(^|\/)pages\/api\/|(^|\/)app\/(.+\/)?route\.[cm]?[jt]s$|(^|\/)routes?\/|(^|\/)(controllers?|handlers?)\//;
const ERROR_PARAMETER = /^(err|error)$/i;
/** A note that work is pending explains nothing. */
const PENDING_NOTE = /\b(TODO|FIXME|XXX)\b/;
/**
 * Calls whose exception is an answer: "this input is not valid" (`JSON.parse`, `new URL`,
 * `schema.parse`, `decodeURIComponent`) or "this file is not there" (`fs.access`, `stat`).
 */
const ANSWERING_CALLEE = /^(parse([A-Z]\w*)?|safeParse|decode([A-Z]\w*)?|atob|URL|RegExp|Range|SemVer|BigInt|access(Sync)?|l?stat(Sync)?)$/;

const unwrap = (ts: typeof TS, node: TS.Expression): TS.Expression => unwrapExpression(ts, node, true);

function calleeText(ts: typeof TS, call: TS.CallExpression): string {
  const callee = call.expression;
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) {
    const object = callee.expression;
    const prefix = ts.isIdentifier(object) ? object.text : object.kind === ts.SyntaxKind.ThisKeyword ? 'this' : ts.isPropertyAccessExpression(object) ? `${object.expression.kind === ts.SyntaxKind.ThisKeyword ? 'this' : '?'}.${object.name.text}` : '?';
    return `${prefix}.${callee.name.text}`;
  }
  return '?';
}

function isLoggingCall(ts: typeof TS, node: TS.Node): boolean {
  if (!ts.isCallExpression(node)) return false;
  const text = calleeText(ts, node);
  const dot = text.lastIndexOf('.');
  return dot > 0 ? LOGGER_OBJECTS.test(text.slice(0, dot)) : text === 'log' || text === 'logError';
}

/**
 * Nothing, null, a number, a string or an empty collection: what a function returns to pretend
 * nothing went wrong. Booleans are left out: `catch { return false; }` is how predicates answer.
 */
function isDefaultValue(ts: typeof TS, node: TS.Expression | undefined): boolean {
  if (!node) return true;
  const value = unwrap(ts, node);
  const SK = ts.SyntaxKind;
  if (value.kind === SK.NullKeyword) return true;
  if (ts.isIdentifier(value) && value.text === 'undefined') return true;
  if (ts.isNumericLiteral(value) || ts.isStringLiteral(value) || ts.isNoSubstitutionTemplateLiteral(value)) return true;
  if (ts.isArrayLiteralExpression(value)) return value.elements.length === 0;
  if (ts.isObjectLiteralExpression(value)) return value.properties.length === 0;
  return false;
}

const isSuccessStatus = (ts: typeof TS, node: TS.Node | undefined): boolean =>
  node !== undefined && ts.isNumericLiteral(node) && Number(node.text) >= 200 && Number(node.text) < 300;

/**
 * Does the expression answer the request with an explicit 2xx status — `res.status(200).json(…)`,
 * `NextResponse.json(…, { status: 200 })` — so that the client sees a success?
 */
function respondsWithSuccess(ts: typeof TS, expression: TS.Node | undefined): boolean {
  if (!expression) return false;
  let found = false;
  const visit = (node: TS.Node): void => {
    if (found || ts.isFunctionLike(node)) return;
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && /^(status|sendStatus)$/.test(node.expression.name.text) && isSuccessStatus(ts, node.arguments[0])) {
      found = true;
      return;
    }
    if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && node.name.text === 'status' && isSuccessStatus(ts, node.initializer)) {
      found = true;
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(expression);
  return found;
}

/** Does the node, outside nested functions, pass the error on (throw, reject, next(err), …)? */
function propagates(ts: typeof TS, root: TS.Node, errorName: string | null): boolean {
  let found = false;
  const visit = (node: TS.Node): void => {
    if (found) return;
    if (ts.isThrowStatement(node)) {
      found = true;
      return;
    }
    if (ts.isCallExpression(node)) {
      const text = calleeText(ts, node);
      const passesError = errorName !== null && node.arguments.some((argument) => ts.isIdentifier(argument) && argument.text === errorName);
      if ((PASS_ON_CALLEES.has(text) && (passesError || node.arguments.length > 0)) || text === 'Promise.reject' || text === 'process.exit') {
        found = true;
        return;
      }
    }
    if (ts.isFunctionLike(node) && node !== root) return;
    ts.forEachChild(node, visit);
  };
  visit(root);
  return found;
}

/** Classifies the statements that run when the error arrives. */
function classifyStatements(ts: typeof TS, statements: readonly TS.Statement[], errorName: string | null, root: TS.Node, comments: readonly SourceComment[]): { outcome: ErrorOutcome; mask: MaskKind | null } {
  if (propagates(ts, root, errorName)) return { outcome: 'propagates', mask: null };
  if (statements.length === 0) {
    // An empty handler with a comment is a documented decision (ESLint's no-empty allows it too).
    return comments.length > 0 ? { outcome: 'handled', mask: null } : { outcome: 'masked', mask: 'empty' };
  }
  let logs = false;
  for (const statement of statements) {
    if (ts.isExpressionStatement(statement) && isLoggingCall(ts, unwrap(ts, statement.expression))) {
      logs = true;
      continue;
    }
    if (ts.isReturnStatement(statement) && isDefaultValue(ts, statement.expression)) {
      return { outcome: 'masked', mask: 'returns-default' };
    }
    const answer = ts.isReturnStatement(statement) || ts.isExpressionStatement(statement) ? statement.expression : undefined;
    if (respondsWithSuccess(ts, answer)) return { outcome: 'masked', mask: 'success-status' };
    return { outcome: 'handled', mask: null };
  }
  // Logged, and a comment says why carrying on is right (`// best effort: the timestamp is not critical`).
  const explained = comments.some((comment) => !PENDING_NOTE.test(comment.text));
  return logs && !explained ? { outcome: 'masked', mask: 'log-and-continue' } : { outcome: 'handled', mask: null };
}

function classifyHandler(ts: typeof TS, sourceFile: TS.SourceFile, comments: readonly SourceComment[], handler: TS.Expression): { outcome: ErrorOutcome; mask: MaskKind | null } {
  const fn = unwrap(ts, handler);
  if (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) {
    const first = fn.parameters[0];
    const errorName = first && ts.isIdentifier(first.name) ? first.name.text : null;
    const body = fn.body;
    if (!ts.isBlock(body)) {
      if (propagates(ts, body, errorName)) return { outcome: 'propagates', mask: null };
      if (isLoggingCall(ts, unwrap(ts, body))) return { outcome: 'masked', mask: 'log-and-continue' };
      if (isDefaultValue(ts, body)) return { outcome: 'masked', mask: 'returns-default' };
      if (respondsWithSuccess(ts, body)) return { outcome: 'masked', mask: 'success-status' };
      return { outcome: 'handled', mask: null };
    }
    return classifyStatements(ts, body.statements, errorName, body, commentsInside(sourceFile, comments, body));
  }
  // `.catch(console.error)` logs and carries on; `.catch(next)` hands the error on.
  if (ts.isPropertyAccessExpression(fn) && ts.isIdentifier(fn.expression) && LOGGER_OBJECTS.test(fn.expression.text)) {
    return { outcome: 'masked', mask: 'log-and-continue' };
  }
  if (ts.isIdentifier(fn) && PASS_ON_CALLEES.has(fn.text)) return { outcome: 'propagates', mask: null };
  if (isDefaultValue(ts, fn)) return { outcome: 'masked', mask: 'ignored' };
  return { outcome: 'handled', mask: null };
}

/** The comments inside a block's braces. */
function commentsInside(sourceFile: TS.SourceFile, comments: readonly SourceComment[], block: TS.Node): SourceComment[] {
  if (comments.length === 0) return [];
  const first = lineOf(sourceFile, block);
  const last = endLineOf(sourceFile, block);
  return comments.filter((comment) => comment.line >= first && comment.endLine <= last);
}

function writesIn(ts: typeof TS, root: TS.Node | undefined): boolean {
  if (!root) return false;
  let found = false;
  const visit = (node: TS.Node): void => {
    if (found) return;
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : null;
      const notStorage = ts.isPropertyAccessExpression(callee) && NOT_STORAGE.test(chainText(ts, callee.expression));
      if (name !== null && WRITE_METHOD.test(name) && !notStorage) {
        found = true;
        return;
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(root);
  return found;
}

/** The value a statement computes: `return v`, `x = v`, `await v;`, `const x = v`. */
function statementValue(ts: typeof TS, statement: TS.Statement): TS.Expression | undefined {
  if (ts.isReturnStatement(statement)) return statement.expression;
  if (ts.isVariableStatement(statement)) {
    const declarations = statement.declarationList.declarations;
    return declarations.length === 1 ? declarations[0]!.initializer : undefined;
  }
  if (!ts.isExpressionStatement(statement)) return undefined;
  const expression = statement.expression;
  return ts.isBinaryExpression(expression) && expression.operatorToken.kind === ts.SyntaxKind.EqualsToken ? expression.right : expression;
}

function isAnsweringCall(ts: typeof TS, value: TS.Expression | undefined): boolean {
  if (!value) return false;
  const call = unwrap(ts, value);
  if (!ts.isCallExpression(call) && !ts.isNewExpression(call)) return false;
  const callee = call.expression;
  const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : null;
  return name !== null && ANSWERING_CALLEE.test(name);
}

/** Does some node under `root`, outside nested functions, pass the test? */
function someInBody(ts: typeof TS, root: TS.Node, test: (node: TS.Node) => boolean): boolean {
  let found = false;
  const visit = (node: TS.Node): void => {
    if (found || (ts.isFunctionLike(node) && node !== root)) return;
    if (test(node)) found = true;
    else ts.forEachChild(node, visit);
  };
  visit(root);
  return found;
}

const returnsValue = (ts: typeof TS, root: TS.Node): boolean => someInBody(ts, root, (node) => ts.isReturnStatement(node) && node.expression !== undefined);

/**
 * `try { …; return fromPrimary; } catch (e) { log(e); } …; return fromFallback;`: the error is logged
 * and the function answers another way, which is handling it, not carrying on as if nothing happened.
 */
function isFallbackChain(ts: typeof TS, tryStatement: TS.TryStatement): boolean {
  const parent = tryStatement.parent;
  if (!parent || !(ts.isBlock(parent) || ts.isSourceFile(parent)) || !returnsValue(ts, tryStatement.tryBlock)) return false;
  const after = parent.statements.slice(parent.statements.indexOf(tryStatement as TS.Statement) + 1);
  // Answering a request after a failure (`return res.json(…)`) tells the client all went well: masked.
  return after.some((statement) => returnsValue(ts, statement)) && !after.some((statement) => answersRequest(ts, statement));
}

const RESPONDER = /^(res|reply|response|NextResponse|Response|c|ctx)\./;

const answersRequest = (ts: typeof TS, root: TS.Node): boolean => someInBody(ts, root, (node) => ts.isCallExpression(node) && RESPONDER.test(calleeText(ts, node)));

/** `response.json()`, `res.text()`: reading a fetch response's body, which throws when it is not what was asked. */
function isBodyRead(ts: typeof TS, value: TS.Expression): boolean {
  const call = unwrap(ts, value);
  return ts.isCallExpression(call) && ts.isPropertyAccessExpression(call.expression) && /^(json|text|formData|arrayBuffer|blob)$/.test(call.expression.name.text) && call.arguments.length === 0;
}

/**
 * A try block that only asks a question whose exception is the answer — `return JSON.parse(text)`,
 * `url = new URL(raw)`, `await access(path)`, or `const doc = parse(text)` followed by the `return`
 * of what was read — so a catch that returns a default is how a try-parse or exists helper answers
 * "no", and its callers see that answer.
 */
function onlyAsks(ts: typeof TS, block: TS.Block): boolean {
  const [first, second, ...rest] = block.statements;
  if (!first || rest.length > 0 || !isAnsweringCall(ts, statementValue(ts, first))) return false;
  return second === undefined || (ts.isVariableStatement(first) && ts.isReturnStatement(second) && !writesIn(ts, second));
}

function enclosingFunction(ts: typeof TS, node: TS.Node): TS.SignatureDeclaration | null {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isFunctionLike(current) && 'body' in current) return current;
  }
  return null;
}

function isRequestHandler(ts: typeof TS, fn: TS.SignatureDeclaration, path: string): boolean {
  const names = fn.parameters.map((parameter) => (ts.isIdentifier(parameter.name) ? parameter.name.text : ''));
  if (names.some((name) => /^req(uest)?$/.test(name)) && names.some((name) => /^(res|response|reply|h)$/.test(name))) return true;
  if (names[0] === 'ctx' && REQUEST_FILE.test(path)) return true;
  const parent = fn.parent;
  if (parent && ts.isCallExpression(parent) && ts.isPropertyAccessExpression(parent.expression) && ROUTE_METHODS.has(parent.expression.name.text)) {
    const first = parent.arguments[0];
    if (first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first)) && first.text.startsWith('/')) return true;
  }
  const name = functionName(ts, fn);
  return HTTP_VERB_EXPORTS.test(name) && REQUEST_FILE.test(path);
}

export function extractErrorHandling({ ts, sourceFile, nodes, path, tokens }: SourceInput): ErrorHandlingExtract {
  const comments = tokens.comments;
  const sites: ErrorSite[] = [];
  const context = (node: TS.Node, guarded: TS.Node | undefined): Pick<ErrorSite, 'function' | 'inRequestHandler' | 'writePath'> => {
    let handler = false;
    let name = '<top level>';
    let outermost = true;
    for (let fn = enclosingFunction(ts, node); fn; fn = enclosingFunction(ts, fn)) {
      if (outermost) name = functionName(ts, fn);
      outermost = false;
      if (isRequestHandler(ts, fn, path)) {
        handler = true;
        break;
      }
    }
    return { function: name, inRequestHandler: handler, writePath: writesIn(ts, guarded) };
  };

  for (const clause of nodes.ofKind(ts.SyntaxKind.CatchClause) as TS.CatchClause[]) {
    const declaration = clause.variableDeclaration;
    const errorName = declaration && ts.isIdentifier(declaration.name) ? declaration.name.text : null;
    const tryStatement = clause.parent as TS.TryStatement;
    const classified = classifyStatements(ts, clause.block.statements, errorName, clause.block, commentsInside(sourceFile, comments, clause.block));
    const answered = classified.mask === 'returns-default' && onlyAsks(ts, tryStatement.tryBlock);
    const fallsBack = classified.mask === 'log-and-continue' && isFallbackChain(ts, tryStatement);
    const result = answered || fallsBack ? { outcome: 'handled' as const, mask: null } : classified;
    sites.push({ kind: 'catch', line: lineOf(sourceFile, clause), ...result, ...context(clause, tryStatement.tryBlock) });
  }

  for (const call of nodes.ofKind(ts.SyntaxKind.CallExpression) as TS.CallExpression[]) {
    const callee = call.expression;
    if (ts.isPropertyAccessExpression(callee)) {
      const method = callee.name.text;
      const handler = method === 'catch' ? call.arguments[0] : method === 'then' ? call.arguments[1] : undefined;
      if (handler) {
        const kind: ErrorSiteKind = method === 'catch' ? 'promise-catch' : 'then-rejection';
        const classified = classifyHandler(ts, sourceFile, comments, handler);
        // `await response.json().catch(() => ({}))`: a body that is not JSON reads as empty, like a try-parse helper.
        const answers = classified.mask === 'returns-default' && (isAnsweringCall(ts, callee.expression) || isBodyRead(ts, callee.expression));
        sites.push({ kind, line: lineOf(sourceFile, callee.name), ...(answers ? { outcome: 'handled' as const, mask: null } : classified), ...context(call, callee.expression) });
      }
    }
    // Node-style callbacks: the last argument is `(err, …) => …`.
    const last = call.arguments[call.arguments.length - 1];
    if (last && (ts.isArrowFunction(last) || ts.isFunctionExpression(last)) && last.parameters.length >= 1) {
      const first = last.parameters[0]!;
      if (ts.isIdentifier(first.name) && ERROR_PARAMETER.test(first.name.text) && !(ts.isPropertyAccessExpression(callee) && (callee.name.text === 'catch' || callee.name.text === 'then'))) {
        sites.push({ kind: 'callback', line: lineOf(sourceFile, last), ...classifyCallback(ts, sourceFile, comments, last, first.name.text), ...context(last, call) });
      }
    }
  }
  sites.sort((a, b) => a.line - b.line);
  return { sites };
}

/** `(err, data) => { if (err) …; … }`: what happens on the error branch, or whether err is ignored. */
function classifyCallback(ts: typeof TS, sourceFile: TS.SourceFile, comments: readonly SourceComment[], fn: TS.ArrowFunction | TS.FunctionExpression, errorName: string): { outcome: ErrorOutcome; mask: MaskKind | null } {
  let used = false;
  let branch: TS.Statement | null = null;
  const visit = (node: TS.Node): void => {
    if (ts.isIdentifier(node) && node.text === errorName && node.parent !== fn.parameters[0]) used = true;
    if (branch === null && ts.isIfStatement(node)) {
      const condition = unwrap(ts, node.expression);
      if (ts.isIdentifier(condition) && condition.text === errorName) branch = node.thenStatement;
    }
    ts.forEachChild(node, visit);
  };
  visit(fn.body);
  if (!used) return { outcome: 'masked', mask: 'ignored' };
  const found = branch as TS.Statement | null;
  if (!found) return propagates(ts, fn.body, errorName) ? { outcome: 'propagates', mask: null } : { outcome: 'handled', mask: null };
  const statements = ts.isBlock(found) ? found.statements : [found];
  return classifyStatements(ts, statements, errorName, found, ts.isBlock(found) ? commentsInside(sourceFile, comments, found) : []);
}

export const errorHandlingExtractor: FileExtractor<ErrorHandlingExtract> = {
  id: 'error-handling',
  areas: ['code'],
  extract(input) {
    const result = extractErrorHandling(input);
    return result.sites.length === 0 ? null : result;
  },
};
