// Whether an expression is the caller's input: read from the request (`req.body.url`,
// `await request.json()`, `searchParams.get('url')`) directly or through the local names a handler
// gives it (`const { url } = body`). Only copies and parts of the input count: a value computed from
// it (`await db.find(body.id)`) is the program's own. Narrower than input-flow.ts, which follows
// everything built from a handler's parameters (its own URL and headers too) to tell what is stored:
// an address built from the request's own URL (`new URL('/api', req.url)`) is no forgery.
import type { ts as TS } from 'ts-morph';
import { chainText, rootIdentifier } from './module-bindings.js';
import { unwrapExpression } from './node-shapes.js';

/** `req.body`, `req.query.url`, `ctx.request.body`, Hono's `c.req.query()`, `await request.json()`, `url.searchParams.get()`. */
const REQUEST_SOURCE = [
  /^(req|request|ctx\.request|c\.req)\.(body|query|params)(\.|$)/,
  /^(req|request|c\.req|ctx\.req|event\.request)\.(json|formData|text)\(\)$/,
  /^c\.req\.(query|param|json)\(\)$/,
  /searchParams\.get\(\)$/,
];

const unwrap = (ts: typeof TS, node: TS.Expression): TS.Expression => unwrapExpression(ts, node, true);

function isRequestSource(ts: typeof TS, node: TS.Expression): boolean {
  const chain = chainText(ts, unwrap(ts, node));
  return REQUEST_SOURCE.some((pattern) => pattern.test(chain));
}

/** Names a function binds, in order, to the request's input (not inside nested functions). */
export function requestInputNames(ts: typeof TS, fn: TS.Node): Set<string> {
  const names = new Set<string>();
  const bind = (name: TS.BindingName): void => {
    if (ts.isIdentifier(name)) names.add(name.text);
    else for (const element of name.elements) if (!ts.isOmittedExpression(element)) bind(element.name);
  };
  const visit = (node: TS.Node): void => {
    if (node !== fn && ts.isFunctionLike(node)) return;
    if (ts.isVariableDeclaration(node) && node.initializer && inputOf(ts, node.initializer, names) !== null) bind(node.name);
    ts.forEachChild(node, visit);
  };
  visit(fn);
  return names;
}

/**
 * What of the request `node` is, or null: the input itself, a part of it (`body.url`,
 * `form.get('url')`, `url.trim()`), or a string that starts with it (`${url}/x`, `url + path`).
 */
export function inputOf(ts: typeof TS, node: TS.Expression, names: ReadonlySet<string>): string | null {
  const inner = unwrap(ts, node);
  if (isRequestSource(ts, inner)) return chainText(ts, inner);
  if (ts.isIdentifier(inner)) return names.has(inner.text) ? inner.text : null;
  if (ts.isPropertyAccessExpression(inner) || ts.isElementAccessExpression(inner) || ts.isCallExpression(inner)) {
    // A method of the input or of a part of it, not a function given the input as an argument.
    const root = ts.isCallExpression(inner) && !ts.isPropertyAccessExpression(inner.expression) ? null : rootIdentifier(ts, inner);
    return root && names.has(root.text) ? chainText(ts, inner) : null;
  }
  if (ts.isTemplateExpression(inner) && inner.head.text.trim() === '') return inputOf(ts, inner.templateSpans[0]!.expression, names);
  if (ts.isBinaryExpression(inner) && inner.operatorToken.kind === ts.SyntaxKind.PlusToken) return inputOf(ts, inner.left, names);
  if (ts.isNewExpression(inner) && ts.isIdentifier(inner.expression) && inner.expression.text === 'URL' && inner.arguments?.[0]) return inputOf(ts, inner.arguments[0], names);
  return null;
}
