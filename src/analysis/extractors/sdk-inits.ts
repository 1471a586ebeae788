// How a file sets up its runtime: calls made through bindings of third-party modules (`Sentry.init`,
// `pino()`, `new PrismaClient()`), process-level handlers (`process.on('SIGTERM')`) and the
// shutdown calls (`server.close()`, `prisma.$disconnect()`) those handlers make. The integration
// knowledge decides which of the module calls count as initialising something.
import type { ts as TS } from 'ts-morph';
import type { FileExtractor, SourceInput } from '../extractor.js';
import { lineOf } from '../syntax.js';
import { moduleBindings, readsEnvironment, requiredModule, type BindingTable } from './module-bindings.js';

export interface ModuleCall {
  module: string;
  /** The imported binding called or constructed ('default' for a default or whole-module import called directly). */
  name: string;
  /** The member called on it, if any (`Sentry.init` → name 'init' via namespace; `H.init` → name 'H', member 'init'). */
  member: string | null;
  construct: boolean;
  line: number;
  /** Calls of the same shape further down the file. */
  count: number;
  /** Keys of an object literal first argument. */
  optionKeys: string[];
  /** Those keys whose value reads the environment. */
  envOptions: string[];
  /** Those keys whose value is a literal (a level fixed in code). */
  literalOptions: string[];
  /** False when the first argument is not an object literal (options built elsewhere), so its keys are unknown. */
  optionsReadable: boolean;
}

export interface ProcessHandler {
  /** `SIGTERM`, `SIGINT`, `unhandledRejection`, `uncaughtException`, … */
  event: string;
  line: number;
  /** Shutdown calls made by the handler (inline, or in the same-file function it names). */
  closes: string[];
}

export interface SdkInitsExtract {
  calls: ModuleCall[];
  processHandlers: ProcessHandler[];
  /** Calls that close a server or connection anywhere in the file. */
  closeCalls: { call: string; line: number }[];
}

const CLOSE_MEMBERS = new Set(['close', '$disconnect', 'disconnect', 'destroy', 'end', 'quit', 'shutdown', 'stop', 'drain', 'enableShutdownHooks']);
const PROCESS_METHODS = new Set(['on', 'once', 'addListener', 'prependListener']);

interface Span {
  pos: number;
  end: number;
}

interface Options {
  keys: string[];
  env: string[];
  literal: string[];
  readable: boolean;
}

function isLiteral(ts: typeof TS, node: TS.Expression): boolean {
  return ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isNumericLiteral(node) || node.kind === ts.SyntaxKind.TrueKeyword || node.kind === ts.SyntaxKind.FalseKeyword;
}

function objectOptions(ts: typeof TS, argument: TS.Expression | undefined): Options {
  const options: Options = { keys: [], env: [], literal: [], readable: true };
  if (!argument) return options;
  if (!ts.isObjectLiteralExpression(argument)) return { ...options, readable: false };
  for (const property of argument.properties) {
    if (ts.isSpreadAssignment(property)) options.readable = false;
    const name = property.name && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)) ? property.name.text : null;
    if (name === null) continue;
    options.keys.push(name);
    if (ts.isPropertyAssignment(property) && readsEnvironment(ts, property.initializer)) options.env.push(name);
    if (ts.isPropertyAssignment(property) && isLiteral(ts, property.initializer)) options.literal.push(name);
  }
  return options;
}

/** Resolves a callee to the module binding it goes through. */
function resolveCallee(ts: typeof TS, callee: TS.Expression, bindings: BindingTable): Pick<ModuleCall, 'module' | 'name' | 'member'> | null {
  if (ts.isIdentifier(callee)) {
    const binding = bindings.get(callee.text);
    if (!binding) return null;
    return { module: binding.module, name: binding.imported === '*' ? 'default' : binding.imported, member: null };
  }
  if (ts.isPropertyAccessExpression(callee)) {
    const object = callee.expression;
    const member = callee.name.text;
    const direct = requiredModule(ts, object);
    if (direct !== null) return { module: direct, name: member, member: null };
    if (!ts.isIdentifier(object)) return null;
    const binding = bindings.get(object.text);
    if (!binding) return null;
    if (binding.imported === '*' || binding.imported === 'default') return { module: binding.module, name: member, member: null };
    return { module: binding.module, name: binding.imported, member };
  }
  const direct = requiredModule(ts, callee);
  return direct === null ? null : { module: direct, name: 'default', member: null };
}

function functionSpans(ts: typeof TS, input: SourceInput): Map<string, Span> {
  const spans = new Map<string, Span>();
  for (const node of input.nodes.ofKind(ts.SyntaxKind.FunctionDeclaration) as TS.FunctionDeclaration[]) {
    if (node.name) spans.set(node.name.text, { pos: node.pos, end: node.end });
  }
  for (const node of input.nodes.ofKind(ts.SyntaxKind.VariableDeclaration) as TS.VariableDeclaration[]) {
    const init = node.initializer;
    if (ts.isIdentifier(node.name) && init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init))) {
      spans.set(node.name.text, { pos: init.pos, end: init.end });
    }
  }
  return spans;
}

function processEvent(ts: typeof TS, call: TS.CallExpression): string | null {
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee) || !PROCESS_METHODS.has(callee.name.text)) return null;
  if (!ts.isIdentifier(callee.expression) || callee.expression.text !== 'process') return null;
  const event = call.arguments[0];
  return event && (ts.isStringLiteral(event) || ts.isNoSubstitutionTemplateLiteral(event)) ? event.text : null;
}

const within = (span: Span, pos: number): boolean => pos >= span.pos && pos < span.end;

class SdkCollector {
  private readonly calls = new Map<string, ModuleCall>();
  private readonly closeCalls: { call: string; line: number; pos: number }[] = [];
  private readonly handlers: { event: string; line: number; span: Span | null }[] = [];
  private readonly localCalls: { name: string; pos: number }[] = [];
  private spans: Map<string, Span> | null = null;

  constructor(
    private readonly input: SourceInput,
    private readonly bindings: BindingTable,
  ) {}

  /** Named functions of the file, built on first need (most files have no process handler). */
  private functionSpan(name: string): Span | null {
    this.spans ??= functionSpans(this.input.ts, this.input);
    return this.spans.get(name) ?? null;
  }

  /** `process.on(event, handler)`, `server.close()`, and calls of same-file functions; true when it was a process handler. */
  private visitLocal(node: TS.CallExpression): boolean {
    const { ts, sourceFile } = this.input;
    const event = processEvent(ts, node);
    if (event !== null) {
      const handler = node.arguments[1];
      let span: Span | null = null;
      if (handler && (ts.isArrowFunction(handler) || ts.isFunctionExpression(handler))) span = { pos: handler.pos, end: handler.end };
      else if (handler && ts.isIdentifier(handler)) span = this.functionSpan(handler.text);
      this.handlers.push({ event, line: lineOf(sourceFile, node), span });
      return true;
    }
    const callee = node.expression;
    if (ts.isIdentifier(callee)) this.localCalls.push({ name: callee.text, pos: node.pos });
    if (ts.isPropertyAccessExpression(callee) && CLOSE_MEMBERS.has(callee.name.text)) {
      this.closeCalls.push({ call: callee.getText(sourceFile).replace(/\s+/g, ''), line: lineOf(sourceFile, node), pos: node.pos });
    }
    return false;
  }

  /** A call through a third-party module binding, counted once per shape. */
  private visitModuleCall(node: TS.CallExpression | TS.NewExpression): void {
    const { ts, sourceFile } = this.input;
    const construct = ts.isNewExpression(node);
    const resolved = resolveCallee(ts, node.expression, this.bindings);
    if (!resolved || resolved.module.startsWith('.')) return;
    const key = `${resolved.module}|${resolved.name}|${resolved.member ?? ''}|${construct}`;
    const existing = this.calls.get(key);
    if (existing) {
      existing.count += 1;
      return;
    }
    const options = objectOptions(ts, node.arguments?.[0]);
    this.calls.set(key, {
      ...resolved,
      construct,
      line: lineOf(sourceFile, node),
      count: 1,
      optionKeys: options.keys,
      envOptions: options.env,
      literalOptions: options.literal,
      optionsReadable: options.readable,
    });
  }

  visit(node: TS.CallExpression | TS.NewExpression): void {
    if (this.input.ts.isCallExpression(node) && this.visitLocal(node)) return;
    this.visitModuleCall(node);
  }

  /** The shutdown calls a handler makes: in its own lines, or in a same-file function it calls (`() => shutdown('SIGTERM')`). */
  private closesOf(span: Span): string[] {
    const reached = [span];
    for (const call of this.localCalls) {
      const target = within(span, call.pos) ? this.functionSpan(call.name) : null;
      if (target && !reached.includes(target)) reached.push(target);
    }
    const closes = this.closeCalls.filter((close) => reached.some((entry) => within(entry, close.pos))).map((close) => close.call);
    return [...new Set(closes)];
  }

  result(): SdkInitsExtract {
    return {
      calls: [...this.calls.values()],
      processHandlers: this.handlers.map(({ event, line, span }) => ({ event, line, closes: span ? this.closesOf(span) : [] })),
      closeCalls: this.closeCalls.map(({ call, line }) => ({ call, line })),
    };
  }
}

export function extractSdkInits(input: SourceInput): SdkInitsExtract {
  const { ts, sourceFile, nodes } = input;
  const collector = new SdkCollector(input, moduleBindings(ts, sourceFile, nodes.ofKind(ts.SyntaxKind.VariableDeclaration)));
  for (const node of nodes.ofKind(ts.SyntaxKind.CallExpression, ts.SyntaxKind.NewExpression) as (TS.CallExpression | TS.NewExpression)[]) collector.visit(node);
  return collector.result();
}

export const sdkInitsExtractor: FileExtractor<SdkInitsExtract> = {
  id: 'sdk-inits',
  areas: ['data', 'observability'],
  extract(input) {
    const result = extractSdkInits(input);
    return result.calls.length === 0 && result.processHandlers.length === 0 && result.closeCalls.length === 0 ? null : result;
  },
};
