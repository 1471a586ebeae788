// Request boundaries declared in one file: Express/Koa/Fastify/Hono route registrations, the app and
// router objects they hang off and where routers are mounted, Next.js route handlers and server
// actions, Nest controller methods and tRPC procedures. For each handler it records the lines it
// spans, which request inputs it reads and where they go (input-flow.ts), and the validation attached
// to the route itself (middleware, Fastify `schema`, tRPC `.input`); calls made inside the handler come
// from the other extractors and are matched by line.
import type { ts as TS } from 'ts-morph';
import { integrationsIn, matchesModule } from '../../knowledge/integrations/index.js';
import {
  DATABASE_CALL,
  HTTP_CLIENT_MODULES,
  HTTP_METHODS,
  INPUT_CALLS,
  INPUT_PROPERTIES,
  REQUEST_NAMES,
  ROUTER_FACTORIES,
  type RouteFramework,
} from '../../knowledge/integrations/web-frameworks.js';
import type { FileExtractor, SourceInput } from '../extractor.js';
import { endLineOf, lineOf } from '../syntax.js';
import { chainText, moduleBindings, requiredModule, rootIdentifier, type BindingTable } from './module-bindings.js';
import { FileRoutes } from './file-routes.js';
import { handlerShapedFunctions } from './handler-functions.js';
import { InputFlows, type InputFlow } from './input-flow.js';
import { nestControllerRoutes } from './nest-controllers.js';
import { hasExportModifier, isFunctionNode, stringLiteralText } from './node-shapes.js';


export interface HandlerInfo {
  startLine: number;
  endLine: number;
  /** Request inputs the handler reads: body, query, params, json, formData, input, args. */
  reads: string[];
  /** The handler calls something that looks like a database (for readiness probes). */
  touchesDatabase: boolean;
}

/** Where a handler's input goes (see input-flow.ts), by the handler's lines. */
export interface HandlerInput extends InputFlow {
  startLine: number;
  endLine: number;
}

export interface RouteRecord {
  framework: RouteFramework;
  /** Upper-case HTTP method, `ALL`, `ACTION` for a server action, `query`/`mutation` for tRPC. */
  method: string;
  path: string | null;
  line: number;
  /** Local name of the app/router the route is registered on (null for file-system routes). */
  receiver: string | null;
  /** Set when the receiver is imported: where from. */
  receiverImport: { module: string; name: string } | null;
  handler: HandlerInfo | null;
  /** A handler defined elsewhere, by name (and module when imported). */
  handlerRef: { module: string | null; name: string } | null;
  /** Validation attached to the route: `middleware:zValidator`, `fastify-schema`, `trpc-input`, `nest-pipe`, `nest-dto:CreateUserDto`. */
  validation: string[];
}

export interface RouterObject {
  name: string;
  line: number;
  role: 'app' | 'router';
  framework: RouteFramework;
  /** Declared at the top of the module (not inside a factory function that returns it). */
  topLevel: boolean;
  /** Names under which this file exports it ('default' for a default export). */
  exportedAs: string[];
}

export interface MountRecord {
  receiver: string;
  path: string | null;
  line: number;
  target: { local: string } | { module: string; name: string };
}

export interface NamedHandler {
  /** Function name; `object.method` for methods of an exported object or class. */
  name: string;
  exported: boolean;
  info: HandlerInfo;
}

export interface RoutesExtract {
  routes: RouteRecord[];
  routers: RouterObject[];
  mounts: MountRecord[];
  /** Validation middleware applied to every route of an app or router (`app.use(OpenApiValidator.middleware(...))`). */
  sharedValidation: { receiver: string; line: number; label: string }[];
  /** Functions shaped like request handlers (first parameter `req`, `ctx`, …), for routes in other files that name them. */
  handlers: NamedHandler[];
  /** For each handler that reads input: the writes that store it, the calls it is handed to, a webhook signature check. */
  inputs: HandlerInput[];
}

/** Route middleware that validates the request, from the validation libraries' knowledge. */
const VALIDATION_MIDDLEWARE = integrationsIn('validation').flatMap((integration) =>
  (integration.evidence.imports ?? integration.enablers).map((module) => ({ module, names: integration.evidence.middleware ?? [] })),
).filter((entry) => entry.names.length > 0);


/**
 * `catchAsync(admin.createPost)`, `asyncHandler(async (req, res) => …)`: the handler inside a wrapper
 * that catches its errors, or null when the call is something else (`passport.authenticate()`).
 */
function wrappedHandler(ts: typeof TS, node: TS.Expression): TS.Expression | null {
  if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression) || node.arguments.length !== 1) return null;
  const inner = node.arguments[0]!;
  return isFunctionNode(ts, inner) || ts.isIdentifier(inner) || ts.isPropertyAccessExpression(inner) ? inner : null;
}

class RouteCollector {
  readonly result: RoutesExtract = { routes: [], routers: [], mounts: [], sharedValidation: [], handlers: [], inputs: [] };
  private readonly pending = new Map<TS.Node, HandlerInfo>();
  private readonly bindings: BindingTable;
  private readonly localFunctions = new Map<string, TS.Node>();
  private readonly clients = new Set<string>();
  private readonly routerByName = new Map<string, RouterObject>();

  constructor(private readonly input: SourceInput) {
    const { ts, nodes, sourceFile } = input;
    this.bindings = moduleBindings(ts, sourceFile, nodes.ofKind(ts.SyntaxKind.VariableDeclaration));
    for (const [name, binding] of this.bindings) if (HTTP_CLIENT_MODULES.has(binding.module)) this.clients.add(name);
  }

  private get ts(): typeof TS {
    return this.input.ts;
  }

  private line(node: TS.Node): number {
    return lineOf(this.input.sourceFile, node);
  }

  handlerInfo(node: TS.Node): HandlerInfo {
    const existing = this.pending.get(node);
    if (existing) return existing;
    const info: HandlerInfo = { startLine: this.line(node), endLine: endLineOf(this.input.sourceFile, node), reads: [], touchesDatabase: false };
    const ts = this.ts;
    const first = isFunctionNode(ts, node) ? node.parameters[0] : undefined;
    if (first && ts.isObjectBindingPattern(first.name)) {
      for (const element of first.name.elements) {
        const name = (element.propertyName ?? element.name).getText(this.input.sourceFile);
        const input = INPUT_PROPERTIES.get(name);
        if (input && !info.reads.includes(input)) info.reads.push(input);
      }
    }
    this.pending.set(node, info);
    return info;
  }

  /** A handler argument: inline function, same-file function, or a reference to one elsewhere. */
  private handlerOf(argument: TS.Expression | undefined): { handler: HandlerInfo | null; handlerRef: RouteRecord['handlerRef'] } {
    const ts = this.ts;
    if (!argument) return { handler: null, handlerRef: null };
    if (isFunctionNode(ts, argument)) return { handler: this.handlerInfo(argument), handlerRef: null };
    if (ts.isIdentifier(argument)) {
      const local = this.localFunctions.get(argument.text);
      if (local) return { handler: this.handlerInfo(local), handlerRef: null };
      const binding = this.bindings.get(argument.text);
      return { handler: null, handlerRef: { module: binding?.module ?? null, name: binding ? binding.imported : argument.text } };
    }
    if (ts.isPropertyAccessExpression(argument)) {
      const root = rootIdentifier(ts, argument);
      const binding = root ? this.bindings.get(root.text) : undefined;
      return { handler: null, handlerRef: { module: binding?.module ?? null, name: argument.name.text } };
    }
    const wrapped = wrappedHandler(ts, argument);
    return wrapped ? this.handlerOf(wrapped) : { handler: null, handlerRef: null };
  }

  /** Middleware in the arguments before the handler that validates the request. */
  private middlewareValidation(args: readonly TS.Expression[], byName = true): string[] {
    const ts = this.ts;
    const found: string[] = [];
    for (const argument of args) {
      if (ts.isObjectLiteralExpression(argument)) {
        const hasSchema = argument.properties.some((property) => property.name && ts.isIdentifier(property.name) && property.name.text === 'schema');
        if (hasSchema) found.push('fastify-schema');
        continue;
      }
      const items = ts.isArrayLiteralExpression(argument) ? argument.elements : [argument];
      for (const item of items) {
        const root = rootIdentifier(ts, item);
        if (!root) continue;
        const binding = this.bindings.get(root.text);
        const name = binding && binding.imported !== '*' && binding.imported !== 'default' ? binding.imported : root.text;
        const known = binding !== undefined && VALIDATION_MIDDLEWARE.some(
          (entry) => matchesModule(binding.module, entry.module) && (binding.imported === '*' || entry.names.includes(binding.imported)),
        );
        // Hand-written validation middleware is usually named for what it does (`validateBody(schema)`).
        if (known || (byName && /valid|schema/i.test(name))) found.push(`middleware:${name}`);
      }
    }
    return found;
  }

  private registerRouters(): void {
    const ts = this.ts;
    for (const node of this.input.nodes.ofKind(ts.SyntaxKind.VariableDeclaration) as TS.VariableDeclaration[]) {
      if (!ts.isIdentifier(node.name) || !node.initializer) continue;
      let init: TS.Expression = node.initializer;
      if (isFunctionNode(ts, init)) {
        this.localFunctions.set(node.name.text, init);
        continue;
      }
      while (ts.isCallExpression(init) && ts.isPropertyAccessExpression(init.expression) && ts.isCallExpression(init.expression.expression)) {
        init = init.expression.expression; // `express().use(...)`, `new Hono().basePath('/api')`
      }
      if (!ts.isCallExpression(init) && !ts.isNewExpression(init)) continue;
      const factory = this.factoryOf(init.expression);
      if (factory) {
        const topLevel = ts.isVariableStatement(node.parent.parent) && ts.isSourceFile(node.parent.parent.parent);
        const router: RouterObject = { name: node.name.text, line: this.line(node), role: factory.role, framework: factory.framework, topLevel, exportedAs: [] };
        this.result.routers.push(router);
        this.routerByName.set(router.name, router);
      } else {
        const root = rootIdentifier(ts, init.expression);
        if (root && this.clients.has(root.text)) this.clients.add(node.name.text); // `const api = axios.create()`
      }
    }
    for (const node of this.input.nodes.ofKind(ts.SyntaxKind.FunctionDeclaration) as TS.FunctionDeclaration[]) {
      if (node.name) this.localFunctions.set(node.name.text, node);
    }
  }

  private factoryOf(callee: TS.Expression): (typeof ROUTER_FACTORIES)[number] | null {
    const ts = this.ts;
    let binding;
    let name: string;
    const required = requiredModule(ts, callee); // `require('express')()`
    if (required !== null) return ROUTER_FACTORIES.find((factory) => factory.module === required && factory.name === 'default') ?? null;
    if (ts.isIdentifier(callee)) {
      binding = this.bindings.get(callee.text);
      name = binding ? (binding.imported === '*' ? 'default' : binding.imported) : '';
    } else if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression)) {
      binding = this.bindings.get(callee.expression.text);
      name = callee.name.text;
    } else return null;
    if (!binding) return null;
    return ROUTER_FACTORIES.find((factory) => factory.module === binding.module && factory.name === name) ?? null;
  }

  private registerExports(): void {
    const ts = this.ts;
    for (const statement of this.input.sourceFile.statements) {
      if (ts.isExportAssignment(statement) && ts.isIdentifier(statement.expression)) {
        this.routerByName.get(statement.expression.text)?.exportedAs.push('default');
      } else if (ts.isExportDeclaration(statement) && !statement.moduleSpecifier && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
        for (const element of statement.exportClause.elements) {
          this.routerByName.get((element.propertyName ?? element.name).text)?.exportedAs.push(element.name.text);
        }
      } else if (ts.isVariableStatement(statement) && hasExportModifier(ts, statement)) {
        for (const declaration of statement.declarationList.declarations) {
          if (ts.isIdentifier(declaration.name)) this.routerByName.get(declaration.name.text)?.exportedAs.push(declaration.name.text);
        }
      } else if (ts.isExpressionStatement(statement) && ts.isBinaryExpression(statement.expression)) {
        // module.exports = router
        const { left, right } = statement.expression;
        if (ts.isIdentifier(right) && left.getText(this.input.sourceFile) === 'module.exports') this.routerByName.get(right.text)?.exportedAs.push('default');
      }
    }
  }

  private routeReceiver(expression: TS.Expression): { name: string; import: RouteRecord['receiverImport'] } | null {
    const ts = this.ts;
    const root = rootIdentifier(ts, expression);
    if (!root || root.text === 'process' || this.clients.has(root.text)) return null;
    const binding = this.bindings.get(root.text);
    if (binding && HTTP_CLIENT_MODULES.has(binding.module)) return null;
    return { name: root.text, import: binding ? { module: binding.module, name: binding.imported } : null };
  }

  private frameworkOf(receiver: string): RouteFramework {
    return this.routerByName.get(receiver)?.framework ?? 'express';
  }

  visitCalls(): void {
    const ts = this.ts;
    for (const call of this.input.nodes.ofKind(ts.SyntaxKind.CallExpression) as TS.CallExpression[]) {
      const callee = call.expression;
      const server = this.serverEntry(callee);
      if (server) this.visitServerHandler(call, server);
      if (!ts.isPropertyAccessExpression(callee)) continue;
      const method = callee.name.text;
      if (HTTP_METHODS.has(method)) this.visitMethodRoute(call, callee, method);
      else if (method === 'route' && call.arguments.length === 1 && ts.isObjectLiteralExpression(call.arguments[0]!)) this.visitFastifyRoute(call, callee);
      else if (method === 'use' || method === 'route' || method === 'register') this.visitMount(call, callee);
      else if (method === 'mutation' || method === 'query') this.visitTrpc(call, callee, method);
    }
  }

  /** `http.createServer(handler)` (a plain Node server) or `Deno.serve(handler)` / std `serve(handler)` (an edge function). */
  private serverEntry(callee: TS.Expression): 'http' | 'edge-function' | null {
    const ts = this.ts;
    const text = chainText(ts, callee);
    if (text === 'Deno.serve') return 'edge-function';
    const root = rootIdentifier(ts, callee);
    const binding = root ? this.bindings.get(root.text) : undefined;
    if (!binding) return null;
    const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : binding.imported;
    if (/^(node:)?https?$/.test(binding.module) && name === 'createServer') return 'http';
    if (/deno\.land\/std.*\/http\/server|^std\/http|@std\/http/.test(binding.module) && name === 'serve') return 'edge-function';
    return null;
  }

  private visitServerHandler(call: TS.CallExpression, framework: 'http' | 'edge-function'): void {
    const ts = this.ts;
    const handlerNode = [...call.arguments].reverse().find((argument) => isFunctionNode(ts, argument) || ts.isIdentifier(argument));
    if (!handlerNode) return;
    const { handler, handlerRef } = this.handlerOf(handlerNode);
    const edge = /(?:^|\/)supabase\/functions\/([^/]+)\//.exec(this.input.path);
    this.result.routes.push({
      framework,
      method: 'ALL',
      path: edge ? `/functions/v1/${edge[1]}` : '/',
      line: this.line(call),
      receiver: null,
      receiverImport: null,
      handler,
      handlerRef,
      validation: [],
    });
  }

  private visitMethodRoute(call: TS.CallExpression, callee: TS.PropertyAccessExpression, method: string): void {
    const ts = this.ts;
    let object = callee.expression;
    let path = stringLiteralText(ts, call.arguments[0]);
    let handlerArgs: readonly TS.Expression[] = call.arguments.slice(1);
    // `app.route('/x').get(handler).post(handler)` (Express) chains carry the path on the `route` call.
    let chained: TS.Expression = object;
    while (ts.isCallExpression(chained) && ts.isPropertyAccessExpression(chained.expression) && HTTP_METHODS.has(chained.expression.name.text)) {
      chained = chained.expression.expression;
    }
    if (ts.isCallExpression(chained) && ts.isPropertyAccessExpression(chained.expression) && chained.expression.name.text === 'route') {
      path = stringLiteralText(ts, chained.arguments[0]);
      handlerArgs = call.arguments;
      object = chained.expression.expression;
    } else if (path === null || call.arguments.length < 2) return;
    const last = handlerArgs[handlerArgs.length - 1];
    if (!last || !(isFunctionNode(ts, last) || ts.isIdentifier(last) || ts.isPropertyAccessExpression(last) || ts.isCallExpression(last))) return;
    if (ts.isIdentifier(last) && !this.localFunctions.has(last.text) && !this.bindings.has(last.text)) return;
    const receiver = this.routeReceiver(object);
    if (!receiver) return;
    const { handler, handlerRef } = this.handlerOf(ts.isCallExpression(last) && !wrappedHandler(ts, last) ? undefined : last);
    this.result.routes.push({
      framework: this.frameworkOf(receiver.name),
      method: method === 'del' ? 'DELETE' : method.toUpperCase(),
      path,
      line: this.line(call),
      receiver: receiver.name,
      receiverImport: receiver.import,
      handler,
      handlerRef,
      validation: this.middlewareValidation(handlerArgs.slice(0, -1)),
    });
  }

  private visitFastifyRoute(call: TS.CallExpression, callee: TS.PropertyAccessExpression): void {
    const ts = this.ts;
    const options = call.arguments[0] as TS.ObjectLiteralExpression;
    const property = (name: string) => {
      const found = options.properties.find((entry) => entry.name && ts.isIdentifier(entry.name) && entry.name.text === name);
      if (found && ts.isPropertyAssignment(found)) return found.initializer;
      if (found && ts.isMethodDeclaration(found)) return found as unknown as TS.Expression;
      return found && ts.isShorthandPropertyAssignment(found) ? found.name : undefined;
    };
    const url = stringLiteralText(ts, property('url') ?? property('path'));
    const handlerNode = property('handler');
    if (url === null || !handlerNode) return;
    const receiver = this.routeReceiver(callee.expression);
    if (!receiver) return;
    const method = property('method');
    const { handler, handlerRef } = this.handlerOf(handlerNode);
    this.result.routes.push({
      framework: 'fastify',
      method: (stringLiteralText(ts, method) ?? 'ALL').toUpperCase(),
      path: url,
      line: this.line(call),
      receiver: receiver.name,
      receiverImport: receiver.import,
      handler,
      handlerRef,
      validation: this.middlewareValidation([options, ...(property('preHandler') ? [property('preHandler')!] : [])]),
    });
  }

  private visitMount(call: TS.CallExpression, callee: TS.PropertyAccessExpression): void {
    const ts = this.ts;
    const receiver = this.routeReceiver(callee.expression);
    if (!receiver) return;
    const path = stringLiteralText(ts, call.arguments[0]);
    if (callee.name.text === 'use' && path === null) {
      // App-wide, only known validation libraries count: `app.use(validateSession())` is about auth.
      const middleware = call.arguments.filter((argument) => ts.isCallExpression(argument));
      for (const label of this.middlewareValidation(middleware, false)) {
        this.result.sharedValidation.push({ receiver: receiver.name, line: this.line(call), label });
      }
    }
    for (const argument of call.arguments) {
      let target: MountRecord['target'] | null = null;
      let node: TS.Expression = argument;
      // `router.routes()` (Koa) and `sub.handler` mount the object they hang off.
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.arguments.length === 0) node = node.expression.expression;
      if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && this.routerByName.has(node.expression.text)) node = node.expression;
      if (ts.isIdentifier(node)) {
        const binding = this.bindings.get(node.text);
        target = binding ? { module: binding.module, name: binding.imported === '*' ? 'default' : binding.imported } : { local: node.text };
      } else if (ts.isCallExpression(node)) {
        const required = stringLiteralText(ts, node.arguments[0]);
        if (ts.isIdentifier(node.expression) && node.expression.text === 'require' && required !== null) target = { module: required, name: 'default' };
      }
      if (target) this.result.mounts.push({ receiver: receiver.name, path, line: this.line(call), target });
    }
  }

  private visitTrpc(call: TS.CallExpression, callee: TS.PropertyAccessExpression, method: string): void {
    const ts = this.ts;
    const chain = chainText(ts, callee.expression, 12);
    if (!/procedure/i.test(chain)) return;
    const parent = call.parent;
    const path = parent && ts.isPropertyAssignment(parent) && (ts.isIdentifier(parent.name) || ts.isStringLiteral(parent.name)) ? parent.name.text : null;
    const resolver = call.arguments[0];
    const { handler } = this.handlerOf(resolver);
    if (handler && resolver && isFunctionNode(ts, resolver)) {
      const first = resolver.parameters[0];
      const usesInput = first && ts.isObjectBindingPattern(first.name) && first.name.elements.some((element) => (element.propertyName ?? element.name).getText(this.input.sourceFile) === 'input');
      if (usesInput && !handler.reads.includes('input')) handler.reads.push('input');
    }
    this.result.routes.push({
      framework: 'trpc',
      method,
      path,
      line: this.line(call),
      receiver: null,
      receiverImport: null,
      handler,
      handlerRef: null,
      validation: /\.input\(/.test(chain) || chain.includes('.input') ? ['trpc-input'] : [],
    });
  }

  visitFileRoutes(): void {
    this.result.routes.push(...new FileRoutes(this.input, (node) => this.handlerInfo(node)).collect(this.localFunctions));
  }

  visitNestControllers(): void {
    this.result.routes.push(...nestControllerRoutes(this.input, (node) => this.handlerInfo(node)));
  }

  /** Functions shaped like handlers, so that a route in another file naming them can be resolved. */
  visitNamedHandlers(): void {
    for (const { name, fn, exported } of handlerShapedFunctions(this.ts, this.input.sourceFile)) {
      this.result.handlers.push({ name, exported, info: this.handlerInfo(fn) });
    }
  }

  /** Handlers enclosing a node, found by walking up its parents (handlers may nest). */
  private owners(node: TS.Node): HandlerInfo[] {
    const found: HandlerInfo[] = [];
    for (let current = node.parent; current; current = current.parent) {
      const info = this.pending.get(current);
      if (info) found.push(info);
    }
    return found;
  }

  private addRead(node: TS.Node, read: string): void {
    for (const info of this.owners(node)) if (!info.reads.includes(read)) info.reads.push(read);
  }

  /** `req.body`, `ctx.request.body`, `request.query`. */
  private readsFromProperties(): void {
    const ts = this.ts;
    for (const node of this.input.nodes.ofKind(ts.SyntaxKind.PropertyAccessExpression) as TS.PropertyAccessExpression[]) {
      const input = INPUT_PROPERTIES.get(node.name.text);
      if (input && REQUEST_NAMES.test(chainText(ts, node.expression))) this.addRead(node, input);
    }
  }

  /** `await request.json()`, `c.req.valid('json')`, and calls that reach a database (`prisma.$queryRaw\`SELECT 1\``). */
  private readsAndQueriesFromCalls(): void {
    const ts = this.ts;
    for (const node of this.input.nodes.ofKind(ts.SyntaxKind.CallExpression, ts.SyntaxKind.TaggedTemplateExpression) as (TS.CallExpression | TS.TaggedTemplateExpression)[]) {
      const callee = ts.isCallExpression(node) ? node.expression : node.tag;
      const handlers = ts.isPropertyAccessExpression(callee) || ts.isTaggedTemplateExpression(node) ? this.owners(node) : [];
      if (handlers.length === 0) continue;
      const target = ts.isPropertyAccessExpression(callee) ? chainText(ts, callee.expression) : '';
      const member = ts.isPropertyAccessExpression(callee) ? callee.name.text : chainText(ts, callee);
      const input = ts.isCallExpression(node) ? INPUT_CALLS.get(member) : undefined;
      if (input && REQUEST_NAMES.test(target)) this.addRead(node, input);
      if (DATABASE_CALL.test(target) || DATABASE_CALL.test(member)) for (const info of handlers) info.touchesDatabase = true;
    }
  }

  /** `const { body } = req`. */
  private readsFromDestructuring(): void {
    const ts = this.ts;
    for (const node of this.input.nodes.ofKind(ts.SyntaxKind.VariableDeclaration) as TS.VariableDeclaration[]) {
      if (!ts.isObjectBindingPattern(node.name) || !node.initializer || !REQUEST_NAMES.test(chainText(ts, node.initializer))) continue;
      for (const element of node.name.elements) {
        const input = INPUT_PROPERTIES.get((element.propertyName ?? element.name).getText(this.input.sourceFile));
        if (input) this.addRead(node, input);
      }
    }
  }

  /** Fills in what each handler reads, whether it touches a database and where its input goes. */
  fillHandlerBodies(): void {
    if (this.pending.size === 0) return;
    this.readsFromProperties();
    this.readsAndQueriesFromCalls();
    this.readsFromDestructuring();
    let flows: InputFlows | undefined;
    for (const [node, { startLine, endLine, reads }] of this.pending) {
      if (reads.length > 0 && isFunctionNode(this.ts, node)) this.result.inputs.push({ startLine, endLine, ...(flows ??= new InputFlows(this.input)).of(node) });
    }
  }

  run(): RoutesExtract {
    this.registerRouters();
    this.registerExports();
    this.visitCalls();
    this.visitFileRoutes();
    this.visitNestControllers();
    this.visitNamedHandlers();
    this.fillHandlerBodies();
    return this.result;
  }
}

export function extractRoutes(input: SourceInput): RoutesExtract {
  return new RouteCollector(input).run();
}

export const routesExtractor: FileExtractor<RoutesExtract> = {
  id: 'routes',
  areas: ['data', 'observability'],
  extract(input) {
    if (input.isTest) return null;
    const result = extractRoutes(input);
    const empty = result.routes.length + result.routers.length + result.mounts.length + result.sharedValidation.length + result.handlers.length === 0;
    return empty ? null : result;
  },
};
