// Where a failed request is answered with the error's own text: `res.status(500).json({ error:
// err.message })` or `req.flash('error', err.message)` in a catch, a `.catch()` callback or an
// Express error middleware. Database and library errors carry table, column and constraint names,
// file paths and sometimes values.
import type { ts as TS } from 'ts-morph';
import type { FileExtractor, SourceInput } from '../extractor.js';
import { lineOf } from '../syntax.js';
import { functionName } from './function-names.js';
import { chainText } from './module-bindings.js';
import { unwrapExpression } from './node-shapes.js';

export interface ErrorExposure {
  line: number;
  /** The enclosing function's name. */
  function: string;
  /** What of the error goes out: `err.message`, `String(error)`, … */
  detail: string;
}

export interface ErrorExposureExtract {
  exposures: ErrorExposure[];
}

const DETAIL_PROPERTIES = new Set(['message', 'stack', 'sqlMessage', 'detail', 'details']);
/** `res.json(…)`, `res.status(500).send(…)`, Hono's `c.json(…)`, Fastify's `reply.code(500).send(…)`, `NextResponse.json(…)`. */
const RESPONDER = /^(res|response|resp|reply|c|ctx)(\.(status|code)\(\))?$|^(NextResponse|Response)$/;
const RESPONSE_METHODS = new Set(['json', 'send', 'end']);
/** A condition that shows the details only outside production. */
const DEVELOPMENT_ONLY = /NODE_ENV|\bisDev|\bisProd|\bdev(elopment)?\b|\bproduction\b|\bDEBUG\b/i;

const BUILT_IN_ERRORS = /^(Error|TypeError|RangeError|SyntaxError|ReferenceError|EvalError|URIError|AggregateError|DOMException)$/;

/**
 * `err instanceof AppError` (any class of the app's own, not a built-in error): its message was
 * written for the client. Answers built on such a branch are meant to carry it.
 */
function ownErrorClassTest(ts: typeof TS, condition: TS.Expression, errorName: string): boolean {
  const inner = unwrap(ts, condition);
  return (
    ts.isBinaryExpression(inner) &&
    inner.operatorToken.kind === ts.SyntaxKind.InstanceOfKeyword &&
    ts.isIdentifier(unwrap(ts, inner.left)) &&
    (unwrap(ts, inner.left) as TS.Identifier).text === errorName &&
    !BUILT_IN_ERRORS.test(chainText(ts, inner.right))
  );
}

/**
 * Which parts of `node` can carry the error's text into an answer, or null for all its children:
 * none of a nested function (it answers some other time) or of a development-only branch (meant to
 * show details); only the other branch of a test on the app's own error class.
 */
function partsToSearch(ts: typeof TS, node: TS.Node, errorName: string): readonly TS.Node[] | null {
  if (ts.isFunctionLike(node)) return [];
  const condition = ts.isConditionalExpression(node) ? node.condition : ts.isIfStatement(node) ? node.expression : null;
  if (condition === null) return null;
  if (DEVELOPMENT_ONLY.test(condition.getSourceFile().text.slice(condition.pos, condition.end))) return [];
  if (!ownErrorClassTest(ts, condition, errorName)) return null;
  if (ts.isConditionalExpression(node)) return [node.whenFalse];
  return (node as TS.IfStatement).elseStatement ? [(node as TS.IfStatement).elseStatement!] : [];
}

const unwrap = (ts: typeof TS, node: TS.Expression): TS.Expression => unwrapExpression(ts, node);

/**
 * The status a response call sets, when written as a number (`res.status(400)`, `{ status: 500 }`),
 * or 'own' when it is the error's own (`res.status(err.statusCode)`): an HTTP error class of the app,
 * whose message is written for the client.
 */
function statusOf(ts: typeof TS, call: TS.CallExpression | TS.NewExpression, errorName: string): number | 'own' | null {
  const numeric = (node: TS.Node | undefined): number | 'own' | null => {
    if (!node) return null;
    if (ts.isNumericLiteral(node)) return Number(node.text);
    const inner = unwrap(ts, node as TS.Expression);
    return ts.isPropertyAccessExpression(inner) && ts.isIdentifier(unwrap(ts, inner.expression)) && (unwrap(ts, inner.expression) as TS.Identifier).text === errorName ? 'own' : null;
  };
  if (ts.isCallExpression(call) && ts.isPropertyAccessExpression(call.expression)) {
    const receiver = call.expression.expression;
    if (ts.isCallExpression(receiver) && ts.isPropertyAccessExpression(receiver.expression) && /^(status|code)$/.test(receiver.expression.name.text)) {
      return numeric(receiver.arguments[0]);
    }
  }
  const options = call.arguments?.[1];
  if (options && ts.isObjectLiteralExpression(options)) {
    for (const property of options.properties) {
      if (ts.isPropertyAssignment(property) && ts.isIdentifier(property.name) && property.name.text === 'status') return numeric(property.initializer);
    }
  }
  return null;
}

function isResponse(ts: typeof TS, node: TS.Node): node is TS.CallExpression | TS.NewExpression {
  if (ts.isNewExpression(node)) return ts.isIdentifier(node.expression) && /^(Response|NextResponse)$/.test(node.expression.text);
  if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression)) return false;
  // `req.flash('error', err.message)`: shown on the next page the user sees.
  if (/^(req|request)\.flash$/.test(chainText(ts, node.expression))) return true;
  return RESPONSE_METHODS.has(node.expression.name.text) && RESPONDER.test(chainText(ts, node.expression.expression));
}

/** The first piece of the error's text in `root`: `err.message`, `String(err)`, `${err}`, `err.toString()`, or a name holding one. */
function detailIn(ts: typeof TS, root: TS.Node, errorName: string, carriers: ReadonlySet<string>): string | null {
  let found: string | null = null;
  const isError = (node: TS.Expression): boolean => {
    const inner = unwrap(ts, node);
    return ts.isIdentifier(inner) && inner.text === errorName;
  };
  const visit = (node: TS.Node): void => {
    if (found !== null) return;
    if (ts.isPropertyAccessExpression(node) && DETAIL_PROPERTIES.has(node.name.text) && isError(node.expression)) found = `${errorName}.${node.name.text}`;
    else if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'String' && node.arguments[0] && isError(node.arguments[0])) found = `String(${errorName})`;
    else if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'toString' && isError(node.expression.expression)) found = `${errorName}.toString()`;
    else if (ts.isTemplateSpan(node) && isError(node.expression)) found = `\`\${${errorName}}\``;
    else if (ts.isIdentifier(node) && carriers.has(node.text) && !(ts.isPropertyAccessExpression(node.parent) && node.parent.name === node)) found = node.text;
    if (found !== null) return;
    const parts = partsToSearch(ts, node, errorName);
    if (parts) parts.forEach(visit);
    else ts.forEachChild(node, visit);
  };
  visit(root);
  return found;
}

/** Local consts that hold the error's text: `const message = error instanceof Error ? error.message : 'Unknown'`. */
function carriersIn(ts: typeof TS, body: TS.Node, errorName: string): Set<string> {
  const carriers = new Set<string>();
  const visit = (node: TS.Node): void => {
    if (ts.isFunctionLike(node)) return;
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && detailIn(ts, node.initializer, errorName, carriers) !== null) {
      carriers.add(node.name.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(body);
  return carriers;
}

/** Responses in `body` (not in nested functions) that carry the error's text, client errors (4xx) aside. */
function exposuresIn(ts: typeof TS, sourceFile: TS.SourceFile, body: TS.Node, errorName: string, fn: string): ErrorExposure[] {
  const carriers = carriersIn(ts, body, errorName);
  const found: ErrorExposure[] = [];
  const visit = (node: TS.Node): void => {
    const parts = partsToSearch(ts, node, errorName);
    if (parts) {
      parts.forEach(visit);
      return;
    }
    if (isResponse(ts, node)) {
      const status = statusOf(ts, node, errorName);
      const clientError = status === 'own' || (status !== null && status >= 400 && status < 500);
      const detail = clientError ? null : (node.arguments ?? []).map((argument) => detailIn(ts, argument, errorName, carriers)).find((text) => text !== null);
      if (detail) {
        found.push({ line: lineOf(sourceFile, node), function: fn, detail });
        return;
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(body);
  return found;
}

const enclosingName = (ts: typeof TS, node: TS.Node): string => {
  for (let current = node.parent; current; current = current.parent) if (ts.isFunctionLike(current)) return functionName(ts, current as TS.SignatureDeclaration);
  return '<top level>';
};

const parameterName = (ts: typeof TS, parameter: TS.ParameterDeclaration | undefined): string | null =>
  parameter && ts.isIdentifier(parameter.name) ? parameter.name.text : null;

export function extractErrorExposure({ ts, sourceFile, nodes }: SourceInput): ErrorExposureExtract {
  const exposures: ErrorExposure[] = [];
  for (const clause of nodes.ofKind(ts.SyntaxKind.CatchClause) as TS.CatchClause[]) {
    const name = clause.variableDeclaration && ts.isIdentifier(clause.variableDeclaration.name) ? clause.variableDeclaration.name.text : null;
    if (name) exposures.push(...exposuresIn(ts, sourceFile, clause.block, name, enclosingName(ts, clause)));
  }
  for (const call of nodes.ofKind(ts.SyntaxKind.CallExpression) as TS.CallExpression[]) {
    const handler = call.arguments[0];
    if (!ts.isPropertyAccessExpression(call.expression) || call.expression.name.text !== 'catch' || !handler) continue;
    if (!ts.isArrowFunction(handler) && !ts.isFunctionExpression(handler)) continue;
    const name = parameterName(ts, handler.parameters[0]);
    if (name) exposures.push(...exposuresIn(ts, sourceFile, handler.body, name, enclosingName(ts, call)));
  }
  // Express error middleware: `(err, req, res, next) => …`, recognised by its four parameters.
  for (const kind of [ts.SyntaxKind.ArrowFunction, ts.SyntaxKind.FunctionExpression, ts.SyntaxKind.FunctionDeclaration]) {
    for (const fn of nodes.ofKind(kind) as TS.FunctionLikeDeclaration[]) {
      const names = fn.parameters.map((parameter) => parameterName(ts, parameter));
      if (names.length !== 4 || !/^(err|error|e)$/i.test(names[0] ?? '') || !/^(res|response)$/.test(names[2] ?? '') || !fn.body) continue;
      exposures.push(...exposuresIn(ts, sourceFile, fn.body, names[0]!, functionName(ts, fn as TS.SignatureDeclaration)));
    }
  }
  exposures.sort((a, b) => a.line - b.line);
  return { exposures };
}

export const errorExposureExtractor: FileExtractor<ErrorExposureExtract> = {
  id: 'error-exposure',
  areas: ['security'],
  extract(input) {
    const result = extractErrorExposure(input);
    return result.exposures.length === 0 ? null : result;
  },
};
