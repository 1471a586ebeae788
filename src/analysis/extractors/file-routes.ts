// Boundaries declared by where a file is and what it exports: Next.js route handlers
// (`app/**/route.ts` exporting GET/POST…, `pages/api/**` default exports), serverless functions
// (`netlify/functions/*` exporting `handler` or a default, root `api/*` for Vercel) and server actions
// (a `'use server'` module's exported functions, or a function whose body starts with it).
import type { ts as TS } from 'ts-morph';
import { HANDLER_PARAMS, NEXT_METHODS } from '../../knowledge/integrations/web-frameworks.js';
import type { SourceInput } from '../extractor.js';
import { lineOf } from '../syntax.js';
import { chainText } from './module-bindings.js';
import { hasDirective, hasExportModifier, isFunctionNode } from './node-shapes.js';
import type { HandlerInfo, RouteRecord } from './routes.js';

/** `app/api/users/[id]/route.ts` → `/api/users/[id]`; null when the file is not a route handler. */
export function nextRoutePath(path: string): { kind: 'next-app' | 'next-pages'; route: string } | null {
  const app = /(?:^|\/)app\/((?:.+\/)?)route\.[cm]?[jt]sx?$/.exec(path);
  if (app) {
    const segments = (app[1] ?? '').split('/').filter((segment) => segment !== '' && !/^\(.*\)$/.test(segment) && !segment.startsWith('@'));
    return { kind: 'next-app', route: `/${segments.join('/')}` };
  }
  const pages = /(?:^|\/)pages\/(api\/.+?)(?:\/index)?\.[cm]?[jt]sx?$/.exec(path);
  return pages ? { kind: 'next-pages', route: `/${pages[1]}` } : null;
}

/**
 * `netlify/functions/send.ts` → `/.netlify/functions/send`, root `api/users.ts` → `/api/users` (Vercel
 * runs each file there as a function); null for other files.
 */
export function serverlessRoutePath(path: string): string | null {
  const netlify = /^netlify\/functions\/([^/]+?)(?:\/(?:index|\1))?\.[cm]?[jt]s$/.exec(path);
  if (netlify) return `/.netlify/functions/${netlify[1]}`;
  // Vercel skips files and folders starting with `_`; `api/src/…` is a server package, not functions.
  const vercel = /^api\/(?!src\/)((?:[^_/][^/]*\/)*[^_/][^/]*?)\.[cm]?[jt]s$/.exec(path);
  return vercel ? `/api/${vercel[1]!.replace(/(^|\/)index$/, '')}`.replace(/\/$/, '') : null;
}

/** A function whose first parameter is named like a request (`req`, `request`, `event`) or destructures one. */
function takesRequest(ts: typeof TS, fn: TS.Node): boolean {
  if (!isFunctionNode(ts, fn)) return false;
  const first = fn.parameters[0];
  return first !== undefined && (!ts.isIdentifier(first.name) || HANDLER_PARAMS.has(first.name.text));
}

interface ExportedFunction {
  name: string;
  fn: TS.Node | null;
  validation: string[];
}

/**
 * A variable's exported function; `export const save = withAuth(schema, async (data) => …)` yields
 * the inner function, with validation when the wrapper or its arguments name a schema.
 */
function exportedVariable(ts: typeof TS, sourceFile: TS.SourceFile, declaration: TS.VariableDeclaration): ExportedFunction[] {
  if (!ts.isIdentifier(declaration.name)) return [];
  const name = declaration.name.text;
  const init = declaration.initializer;
  if (!init || !ts.isCallExpression(init)) return [{ name, fn: init && isFunctionNode(ts, init) ? init : null, validation: [] }];
  const inner = [...init.arguments].reverse().find((argument) => isFunctionNode(ts, argument));
  const names = [chainText(ts, init.expression), ...init.arguments.filter((argument) => ts.isIdentifier(argument)).map((argument) => argument.getText(sourceFile))];
  const schema = names.find((text) => /valid|schema|zod|parse/i.test(text));
  return [{ name, fn: inner ?? null, validation: schema ? [`wrapper:${schema}`] : [] }];
}

function exportedFunctions(ts: typeof TS, sourceFile: TS.SourceFile, statement: TS.Statement, localFunctions: ReadonlyMap<string, TS.Node>): ExportedFunction[] {
  if (ts.isFunctionDeclaration(statement)) return [{ name: statement.name?.text ?? 'default', fn: statement, validation: [] }];
  if (ts.isVariableStatement(statement)) return statement.declarationList.declarations.flatMap((declaration) => exportedVariable(ts, sourceFile, declaration));
  if (!ts.isExportAssignment(statement)) return [];
  const expression = statement.expression;
  if (isFunctionNode(ts, expression)) return [{ name: 'default', fn: expression, validation: [] }];
  return ts.isIdentifier(expression) ? [{ name: 'default', fn: localFunctions.get(expression.text) ?? null, validation: [] }] : [];
}

/** The function of `exports.handler = …` or `module.exports.handler = …`. */
function commonJsHandler(ts: typeof TS, expression: TS.Expression): TS.Node | null {
  if (!ts.isBinaryExpression(expression) || expression.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return null;
  const target = chainText(ts, expression.left);
  return (target === 'exports.handler' || target === 'module.exports.handler') && isFunctionNode(ts, expression.right) ? expression.right : null;
}

function functionName(ts: typeof TS, node: TS.Node): string | null {
  if ((ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) && node.name && ts.isIdentifier(node.name)) return node.name.text;
  const parent = node.parent;
  if (parent && (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent)) && ts.isIdentifier(parent.name)) return parent.name.text;
  return null;
}

export class FileRoutes {
  readonly routes: RouteRecord[] = [];

  constructor(
    private readonly input: SourceInput,
    private readonly handlerInfo: (node: TS.Node) => HandlerInfo,
  ) {}

  private route(framework: RouteRecord['framework'], method: string, path: string, fn: TS.Node | null, validation: string[]): void {
    const handler = fn ? this.handlerInfo(fn) : null;
    const line = fn ? lineOf(this.input.sourceFile, fn) : 1;
    this.routes.push({ framework, method, path, line, receiver: null, receiverImport: null, handler, handlerRef: null, validation });
  }

  /** A server action's arguments are client input (form data, values). */
  private action(name: string, fn: TS.Node, validation: string[]): void {
    this.route('server-action', 'ACTION', name, fn, validation);
    const info = this.handlerInfo(fn);
    if (isFunctionNode(this.input.ts, fn) && fn.parameters.length > 0 && !info.reads.includes('args')) info.reads.push('args');
  }

  collect(localFunctions: ReadonlyMap<string, TS.Node>): RouteRecord[] {
    const { ts, sourceFile, path, nodes } = this.input;
    const next = nextRoutePath(path);
    const serverless = next === null ? serverlessRoutePath(path) : null;
    const serverModule = hasDirective(ts, sourceFile.statements, 'use server');
    for (const statement of sourceFile.statements) {
      // `exports.handler = async (event) => …`: a Netlify function written as CommonJS.
      const commonJs = serverless !== null && ts.isExpressionStatement(statement) ? commonJsHandler(ts, statement.expression) : null;
      if (commonJs) this.route('serverless-function', 'ALL', serverless!, commonJs, []);
      if (!hasExportModifier(ts, statement) && !ts.isExportAssignment(statement)) continue;
      const isDefault = ts.isExportAssignment(statement) || (ts.canHaveModifiers(statement) && (ts.getModifiers(statement) ?? []).some((m) => m.kind === ts.SyntaxKind.DefaultKeyword));
      for (const { name, fn, validation } of exportedFunctions(ts, sourceFile, statement, localFunctions)) {
        if (next?.kind === 'next-app' && NEXT_METHODS.has(name)) this.route('next-app', name, next.route, fn, validation);
        else if (next?.kind === 'next-pages' && isDefault) this.route('next-pages', 'ALL', next.route, fn, validation);
        else if (serverless !== null && fn && (name === 'handler' || (isDefault && takesRequest(ts, fn)))) this.route('serverless-function', 'ALL', serverless, fn, validation);
        else if (serverModule && fn) this.action(name, fn, validation);
      }
    }
    if (serverModule) return this.routes;
    // Inline actions: a function whose body starts with 'use server'.
    for (const node of nodes.ofKind(ts.SyntaxKind.FunctionDeclaration, ts.SyntaxKind.ArrowFunction, ts.SyntaxKind.FunctionExpression) as TS.FunctionLikeDeclaration[]) {
      const body = node.body;
      if (body && ts.isBlock(body) && hasDirective(ts, body.statements, 'use server')) this.action(functionName(ts, node) ?? 'action', node, []);
    }
    return this.routes;
  }
}
