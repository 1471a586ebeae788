// What a request handler does with its input, followed through the handler's own code: which
// database writes store a value derived from the request (rather than look rows up with it), which
// calls that cannot be followed (helpers, SDKs, `fetch`) are handed such a value, and whether the
// body goes through a provider's webhook signature check. A value derives from the request when it
// is built from the handler's parameters; what a database read returns is stored data, not input.
import type { ts as TS } from 'ts-morph';
import type { SourceInput } from '../extractor.js';
import { lineOf } from '../syntax.js';
import { isDatabaseRead, storedValues, writeCallOf, type WriteCall } from './data-writes.js';
import { chainText, moduleBindings, rootIdentifier, type BindingTable } from './module-bindings.js';
import { isFunctionNode, type FunctionNode } from './node-shapes.js';

export interface InputSite {
  call: string;
  line: number;
}

export interface InputFlow {
  /** Database writes that store a request-derived value. */
  stored: InputSite[];
  /** Calls handed a request-derived value that are not lookups, checks or responses: they may store it. */
  passed: InputSite[];
  /** A provider's webhook signature check the request goes through (`stripe.webhooks.constructEvent`), or null. */
  verified: InputSite | null;
}

type Declaration = TS.VariableDeclaration | TS.BindingElement | TS.ParameterDeclaration;

interface Declared {
  declaration: Declaration;
  /** The node the name is visible in: block, function, catch clause or file. */
  scope: TS.Node;
}

/** Callbacks whose parameters are the elements (or the result) of the value they are called on. */
const ELEMENT_CALLBACKS = /^(map|flatMap|forEach|filter|find|findIndex|findLast|some|every|reduce|reduceRight|sort|then|catch)$/;
/** Handler parameters that answer the request or pass it on, rather than carry its input. */
const NOT_INPUT = /^_?(res|response|reply|next|h)$/;
/** Logging calls: they print values and store nothing the application reads back. */
const LOGGING = /(^|\.)(console|logger|log)\.(log|info|warn|error|debug|trace|fatal)$/;
/** Globals that compute, convert or respond and store nothing. */
const SAFE_GLOBALS = new Set([
  'parseInt', 'parseFloat', 'Number', 'String', 'Boolean', 'BigInt', 'isNaN', 'isFinite', 'Array', 'Object', 'JSON', 'Math', 'Date',
  'RegExp', 'Set', 'Map', 'Promise', 'Error', 'TypeError', 'RangeError', 'URL', 'URLSearchParams', 'Buffer', 'Blob', 'File', 'TextEncoder', 'TextDecoder',
  'encodeURIComponent', 'decodeURIComponent', 'encodeURI', 'decodeURI', 'atob', 'btoa', 'structuredClone', 'crypto', 'console', 'Response', 'Headers',
]);
/** Modules whose functions build responses or hash, compare and sign values, and store nothing. */
const NON_STORING_MODULES = /^(next\/(server|navigation|headers|cache)|@sveltejs\/kit|@remix-run\/\w+|react-router|bcrypt|bcryptjs|argon2|@node-rs\/(argon2|bcrypt)|jsonwebtoken|jose|(node:)?crypto)$/;
/** Methods of the response and context objects a handler receives that answer the request. */
const RESPONSE_METHODS = new Set([
  'json', 'jsonp', 'send', 'sendStatus', 'status', 'end', 'write', 'writeHead', 'redirect', 'render', 'text', 'html', 'body', 'header',
  'set', 'setHeader', 'append', 'cookie', 'clearCookie', 'type', 'code', 'throw', 'location', 'sendFile', 'attachment', 'download', 'flash',
]);
/** `stripe.webhooks.constructEvent`, Paddle `webhooks.unmarshal`, Shopify `webhooks.validate`, Octokit `app.webhooks.verify`. */
const WEBHOOKS_NAMESPACE = /(^|\.)webhooks\.(constructEvent|constructEventAsync|unmarshal|validate|verify|verifyAndReceive)$/;
/**
 * Other providers' webhook signature checks, by module: a function it exports, or with `instance` a
 * method of an object its class creates (`new Webhook(secret).verify(payload, headers)`).
 */
const SIGNATURE_CHECKS: { module: RegExp; name: RegExp; instance: boolean }[] = [
  { module: /^(svix|standardwebhooks)$/, name: /^verify$/, instance: true },
  { module: /^@octokit\/webhooks$/, name: /^(verify|verifyAndReceive)$/, instance: true },
  { module: /^@upstash\/qstash/, name: /^verify$/, instance: true },
  { module: /^@clerk\/[\w-]+\/webhooks$/, name: /^verifyWebhook$/, instance: false },
  { module: /^twilio$/, name: /^validate(Request|RequestWithBody|ExpressRequest)$/, instance: false },
  { module: /^razorpay/, name: /^validateWebhookSignature$/, instance: false },
  { module: /^discord-interactions$/, name: /^verifyKey$/, instance: false },
];

/** The parameter or variable declaration a destructured name belongs to. */
function ownerOf(ts: typeof TS, declaration: Declaration): TS.VariableDeclaration | TS.ParameterDeclaration {
  let node: TS.Node = declaration;
  while (ts.isBindingElement(node)) node = node.parent.parent;
  return node as TS.VariableDeclaration | TS.ParameterDeclaration;
}

function scopeOf(ts: typeof TS, declaration: Declaration): TS.Node {
  const owner = ownerOf(ts, declaration);
  if (ts.isParameter(owner) || ts.isCatchClause(owner.parent)) return owner.parent;
  const list = owner.parent;
  if ((list.flags & ts.NodeFlags.BlockScoped) === 0) {
    let holder: TS.Node = list.parent;
    while (!ts.isSourceFile(holder) && !ts.isFunctionLike(holder)) holder = holder.parent;
    return holder;
  }
  return ts.isVariableStatement(list.parent) ? list.parent.parent : list.parent;
}

/** Every declared name of a file with the node it is visible in, and every identifier by name. */
class Scopes {
  private readonly declared = new Map<string, Declared[]>();
  private readonly identifiers = new Map<string, TS.Identifier[]>();

  constructor(input: SourceInput) {
    const { ts } = input;
    const { SyntaxKind } = ts;
    for (const node of input.nodes.ofKind(SyntaxKind.VariableDeclaration, SyntaxKind.Parameter, SyntaxKind.BindingElement) as Declaration[]) {
      if (!ts.isIdentifier(node.name)) continue;
      const list = this.declared.get(node.name.text) ?? [];
      list.push({ declaration: node, scope: scopeOf(ts, node) });
      this.declared.set(node.name.text, list);
    }
    for (const node of input.nodes.ofKind(SyntaxKind.Identifier) as TS.Identifier[]) {
      const list = this.identifiers.get(node.text) ?? [];
      list.push(node);
      this.identifiers.set(node.text, list);
    }
  }

  /** The declarations a name refers to: those of the innermost scope around it that declares it (none for globals and imports). */
  resolve(identifier: TS.Identifier): Declared[] {
    let found: Declared[] = [];
    let width = Infinity;
    for (const candidate of this.declared.get(identifier.text) ?? []) {
      const { scope } = candidate;
      if (identifier.pos < scope.pos || identifier.end > scope.end) continue;
      if (scope.end - scope.pos < width) [found, width] = [[candidate], scope.end - scope.pos];
      else if (scope.end - scope.pos === width) found.push(candidate);
    }
    return found;
  }

  references(declared: Declared): TS.Identifier[] {
    const name = declared.declaration.name as TS.Identifier;
    return (this.identifiers.get(name.text) ?? []).filter((identifier) => identifier !== name && this.resolve(identifier).includes(declared));
  }
}

/** Whether values in one handler can come from its parameters. */
class ValueFlow {
  private readonly memo = new Map<Declaration, boolean>();

  constructor(
    private readonly ts: typeof TS,
    private readonly scopes: Scopes,
    private readonly bindings: BindingTable,
    private readonly handler: FunctionNode,
  ) {}

  derives(node: TS.Node): boolean {
    const ts = this.ts;
    if (ts.isIdentifier(node)) return this.scopes.resolve(node).some((declared) => this.declaredDerives(declared));
    if (ts.isShorthandPropertyAssignment(node)) return this.derives(node.name);
    if (ts.isPropertyAssignment(node)) return this.derives(node.initializer) || (ts.isComputedPropertyName(node.name) && this.derives(node.name.expression));
    if (ts.isPropertyAccessExpression(node)) return this.derives(node.expression);
    if (isFunctionNode(ts, node) || ts.isClassExpression(node) || ts.isTypeNode(node)) return false;
    if ((ts.isCallExpression(node) || ts.isTaggedTemplateExpression(node)) && isDatabaseRead(ts, node, this.bindings)) return false;
    // A named function is code, not data: only what it is given can carry input.
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)) return node.arguments.some((argument) => this.derives(argument));
    return ts.forEachChild(node, (child) => this.derives(child) || undefined) ?? false;
  }

  isHandlerParameter(declared: Declared): boolean {
    return ownerOf(this.ts, declared.declaration).parent === this.handler;
  }

  /** The name holds request data from where it is declared, not only through what was later put into it. */
  declaredFromInput(declared: Declared): boolean {
    return this.fromDeclaration(declared.declaration);
  }

  private declaredDerives(declared: Declared): boolean {
    const known = this.memo.get(declared.declaration);
    if (known !== undefined) return known;
    this.memo.set(declared.declaration, false);
    const result = this.fromDeclaration(declared.declaration) || this.mutations(declared).some((value) => this.derives(value));
    this.memo.set(declared.declaration, result);
    return result;
  }

  /** What the declaration itself gives the name: initialisers and defaults, the iterated value of a for-of, or a parameter's argument. */
  private fromDeclaration(declaration: Declaration): boolean {
    const ts = this.ts;
    const values: TS.Node[] = [];
    let node: TS.Node = declaration;
    for (; ts.isBindingElement(node); node = node.parent.parent) if (node.initializer) values.push(node.initializer);
    const owner = node as TS.VariableDeclaration | TS.ParameterDeclaration;
    if (owner.initializer) values.push(owner.initializer);
    if (ts.isParameter(owner)) return this.parameterDerives(owner) || values.some((value) => this.derives(value));
    const holder = owner.parent.parent;
    if (ts.isForOfStatement(holder) || ts.isForInStatement(holder)) values.push(holder.expression);
    return values.some((value) => this.derives(value));
  }

  private parameterDerives(parameter: TS.ParameterDeclaration): boolean {
    const ts = this.ts;
    if (parameter.parent === this.handler) return !(ts.isIdentifier(parameter.name) && NOT_INPUT.test(parameter.name.text));
    const call = parameter.parent.parent;
    const callee = call && ts.isCallExpression(call) ? call.expression : undefined;
    return callee !== undefined && ts.isPropertyAccessExpression(callee) && ELEMENT_CALLBACKS.test(callee.name.text) && this.derives(callee.expression);
  }

  /** Values put into a variable after its declaration: `x = v`, `x.field = v`, `x.push(v)`, `Object.assign(x, v)`. */
  private mutations(declared: Declared): TS.Node[] {
    const ts = this.ts;
    const values: TS.Node[] = [];
    for (const reference of this.scopes.references(declared)) {
      let top: TS.Expression = reference;
      while ((ts.isPropertyAccessExpression(top.parent) || ts.isElementAccessExpression(top.parent)) && top.parent.expression === top) top = top.parent;
      const parent = top.parent;
      const assignment = ts.isBinaryExpression(parent) && parent.left === top && parent.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && parent.operatorToken.kind <= ts.SyntaxKind.LastAssignment;
      if (assignment) values.push(parent.right);
      else if (top !== reference && ts.isCallExpression(parent) && parent.expression === top) values.push(...parent.arguments);
      else if (ts.isCallExpression(parent) && parent.arguments[0] === top && chainText(ts, parent.expression) === 'Object.assign') values.push(...parent.arguments.slice(1));
    }
    return values;
  }
}

/** Follows the input of each handler of one file. */
export class InputFlows {
  private readonly scopes: Scopes;
  private readonly bindings: BindingTable;

  constructor(private readonly input: SourceInput) {
    const { ts, sourceFile, nodes } = input;
    this.scopes = new Scopes(input);
    this.bindings = moduleBindings(ts, sourceFile, nodes.ofKind(ts.SyntaxKind.VariableDeclaration));
  }

  of(handler: FunctionNode): InputFlow {
    const { ts, sourceFile } = this.input;
    const flow = new ValueFlow(ts, this.scopes, this.bindings, handler);
    const result: InputFlow = { stored: [], passed: [], verified: null };
    const site = (call: string, node: TS.Node): InputSite => ({ call, line: lineOf(sourceFile, node) });
    const visit = (node: TS.Node): void => {
      if (ts.isCallExpression(node) || ts.isTaggedTemplateExpression(node)) {
        // A query's arguments and the builder calls around it are the query: nothing in them is passed on.
        const write = this.writeIn(node);
        if (write) {
          if (storedValues(ts, write).some((value) => flow.derives(value))) result.stored.push(site(write.call, write.node));
          return;
        }
        if (isDatabaseRead(ts, node, this.bindings)) return;
      }
      if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && (node.arguments ?? []).some((argument) => flow.derives(argument))) {
        const check = ts.isCallExpression(node) ? this.signatureCheck(node) : null;
        if (check) result.verified ??= site(check, node);
        else if (!this.storesNothing(node, flow)) result.passed.push(site(this.nameOf(node), node));
      }
      ts.forEachChild(node, visit);
    };
    if (handler.body) visit(handler.body);
    return result;
  }

  /** How a call is named in findings: `prisma.user.create`, `new File`, `new Webhook().verify`. */
  private nameOf(node: TS.CallExpression | TS.NewExpression): string {
    const ts = this.input.ts;
    let root: TS.Expression = node.expression;
    while (ts.isPropertyAccessExpression(root) || ts.isCallExpression(root) || ts.isNonNullExpression(root) || ts.isParenthesizedExpression(root)) root = root.expression;
    const text = chainText(ts, node.expression);
    const named = ts.isNewExpression(root) ? text.replace(/^\?/, `new ${chainText(ts, root.expression)}()`) : text;
    return ts.isNewExpression(node) ? `new ${named}` : named;
  }

  /** The write a call chain makes: the call itself or one further down (`supabase.from('t').update(x).eq('id', id)`). */
  private writeIn(node: TS.CallExpression | TS.TaggedTemplateExpression): WriteCall | null {
    const { ts, sourceFile } = this.input;
    for (let current: TS.Expression = node; ; ) {
      if (ts.isCallExpression(current) || ts.isTaggedTemplateExpression(current)) {
        const write = writeCallOf(ts, sourceFile, current, this.bindings);
        if (write) return write;
      }
      if (ts.isCallExpression(current) || ts.isPropertyAccessExpression(current) || ts.isNonNullExpression(current) || ts.isParenthesizedExpression(current)) current = current.expression;
      else return null;
    }
  }

  /** A call handed request values that cannot store them: a response, a computation on the values themselves, a known pure global or module. */
  private storesNothing(node: TS.CallExpression | TS.NewExpression, flow: ValueFlow): boolean {
    const ts = this.input.ts;
    const callee = node.expression;
    if (LOGGING.test(chainText(ts, callee))) return true;
    const root = rootIdentifier(ts, callee);
    if (!root) return false;
    const declared = this.scopes.resolve(root);
    if (declared.some((entry) => flow.isHandlerParameter(entry))) return callee === root || (ts.isPropertyAccessExpression(callee) && RESPONSE_METHODS.has(callee.name.text));
    // A method of request data itself (`body.name.trim()`, `items.map(...)`); a record that was handed
    // request data (`song.update(data)`) is an object that may store it.
    if (ts.isPropertyAccessExpression(callee) && declared.some((entry) => flow.declaredFromInput(entry))) return true;
    if (declared.length > 0) return false;
    const binding = this.bindings.get(root.text);
    return binding ? NON_STORING_MODULES.test(binding.module) : SAFE_GLOBALS.has(root.text);
  }

  /** The name of a provider's webhook signature check, or null. */
  private signatureCheck(node: TS.CallExpression): string | null {
    const ts = this.input.ts;
    const callee = node.expression;
    if (WEBHOOKS_NAMESPACE.test(chainText(ts, callee))) return this.nameOf(node);
    const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : null;
    const instanceOf = ts.isPropertyAccessExpression(callee) ? this.constructed(callee.expression) : null;
    const root = rootIdentifier(ts, callee);
    const imported = root && this.scopes.resolve(root).length === 0 ? this.bindings.get(root.text)?.module : undefined;
    const module = instanceOf ?? imported;
    if (module === undefined || name === null) return null;
    const known = SIGNATURE_CHECKS.some((check) => check.module.test(module) && check.name.test(name) && check.instance === (instanceOf !== null));
    return known ? this.nameOf(node) : null;
  }

  /** The module of the class an object was made from: `new Webhook(secret)` inline or in the variable named. */
  private constructed(object: TS.Expression): string | null {
    const ts = this.input.ts;
    let value: TS.Expression | undefined = object;
    if (ts.isIdentifier(object)) {
      const [declared] = this.scopes.resolve(object);
      value = declared && ts.isVariableDeclaration(declared.declaration) ? declared.declaration.initializer : undefined;
    }
    if (!value || !ts.isNewExpression(value) || !ts.isIdentifier(value.expression)) return null;
    return this.bindings.get(value.expression.text)?.module ?? null;
  }
}
