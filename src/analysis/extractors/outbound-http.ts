// Outbound HTTP calls (fetch, axios, got, superagent, node:http) and whether each carries a
// timeout or an abort signal. A call without one can hang a request handler for as long as the
// remote side likes.
import type { ts as TS } from 'ts-morph';
import type { FileExtractor, SourceInput } from '../extractor.js';
import { lineOf } from '../syntax.js';
import { chainText, moduleBindings, rootIdentifier, type BindingTable } from './module-bindings.js';
import { hasDirective } from './node-shapes.js';
import { inputOf, requestInputNames } from './request-input.js';

/** A function that looks at where an address points (its host, an allowlist) before fetching it. */
const HOST_CHECK = /\.(hostname|host|origin)\b|allow(ed)?[-_]?(list|hosts|domains|origins)|whitelist|isAllowed|isSafeUrl|ssrf|isPrivate|privateIp|ALLOWED_/i;

export type TimeoutState = 'yes' | 'no' | 'unknown';

export interface OutboundCall {
  client: string;
  call: string;
  line: number;
  timeout: TimeoutState;
  /** The address is the caller's input (`fetch(body.url)`), with nothing in the function checking its host. */
  urlFromRequest?: string;
}

export interface OutboundHttpExtract {
  calls: OutboundCall[];
  /** Clients given a process-wide default timeout here (`axios.defaults.timeout = …`). */
  defaultTimeouts: string[];
  /** The file runs in the browser ('use client', or a component file). */
  clientSide: boolean;
}

interface ClientRule {
  module: string | null;
  /** Argument index of the options object per method; `default` for the rest. */
  optionsIndex: (method: string | null) => number;
  /** Clients that time out by default are not listed: ky (10 s), undici (300 s headers timeout). */
}

const BODY_METHODS = new Set(['post', 'put', 'patch']);
const CLIENTS: Record<string, ClientRule> = {
  fetch: { module: null, optionsIndex: () => 1 },
  'node-fetch': { module: 'node-fetch', optionsIndex: () => 1 },
  'cross-fetch': { module: 'cross-fetch', optionsIndex: () => 1 },
  axios: { module: 'axios', optionsIndex: (method) => (method === null || method === 'request' ? 0 : BODY_METHODS.has(method) ? 2 : 1) },
  got: { module: 'got', optionsIndex: () => 1 },
  superagent: { module: 'superagent', optionsIndex: () => -1 },
};
const REQUEST_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'request']);
const TIMEOUT_KEYS = /^(timeout|signal|timeoutMs|requestTimeout)$/;

function optionsTimeout(ts: typeof TS, node: TS.Expression | undefined): TimeoutState {
  if (!node) return 'no';
  if (!ts.isObjectLiteralExpression(node)) return 'unknown';
  let state: TimeoutState = 'no';
  for (const property of node.properties) {
    if (ts.isSpreadAssignment(property)) state = 'unknown';
    else if (property.name && TIMEOUT_KEYS.test(property.name.getText())) return 'yes';
  }
  return state;
}

interface Instance {
  client: string;
  timeout: TimeoutState;
}

/** Local names bound to an HTTP client module (`import axios from 'axios'`). */
function clientBindings(bindings: BindingTable): Map<string, string> {
  const clientOf = new Map<string, string>();
  for (const [name, binding] of bindings) {
    const whole = binding.imported === 'default' || binding.imported === '*';
    for (const [client, rule] of Object.entries(CLIENTS)) if (rule.module === binding.module && (whole || binding.imported === client)) clientOf.set(name, client);
  }
  return clientOf;
}

/** Instances: `const api = axios.create({ timeout: 5000 })` carry their options to every call. */
function clientInstances(ts: typeof TS, nodes: SourceInput['nodes'], clientOf: ReadonlyMap<string, string>): Map<string, Instance> {
  const instances = new Map<string, Instance>();
  for (const node of nodes.ofKind(ts.SyntaxKind.VariableDeclaration) as TS.VariableDeclaration[]) {
    const init = node.initializer;
    if (!ts.isIdentifier(node.name) || !init || !ts.isCallExpression(init) || !ts.isPropertyAccessExpression(init.expression)) continue;
    const root = rootIdentifier(ts, init.expression);
    const client = root ? clientOf.get(root.text) : undefined;
    if (client && /^(create|extend)$/.test(init.expression.name.text)) instances.set(node.name.text, { client, timeout: optionsTimeout(ts, init.arguments[0]) });
  }
  return instances;
}

/** `axios.defaults.timeout = 5000`: every call of that client in the process gets a timeout. */
function defaultTimeoutsOf(ts: typeof TS, nodes: SourceInput['nodes'], clientOf: ReadonlyMap<string, string>, instances: ReadonlyMap<string, Instance>): string[] {
  const found: string[] = [];
  for (const node of nodes.ofKind(ts.SyntaxKind.BinaryExpression) as TS.BinaryExpression[]) {
    if (node.operatorToken.kind !== ts.SyntaxKind.EqualsToken) continue;
    const match = /^(\w+)\.defaults\.timeout$/.exec(chainText(ts, node.left));
    const client = match ? (clientOf.get(match[1]!) ?? instances.get(match[1]!)?.client) : undefined;
    if (client) found.push(client);
  }
  return found;
}

class CallReader {
  constructor(
    private readonly ts: typeof TS,
    private readonly sourceFile: TS.SourceFile,
    private readonly clientOf: ReadonlyMap<string, string>,
    private readonly instances: ReadonlyMap<string, Instance>,
    /** The global `fetch` is meant unless the file binds the name itself. */
    private readonly globalFetch: boolean,
  ) {}

  /** The client a call goes through: `fetch(…)`, `axios(…)`, `api(…)`, `axios.get(…)`, `api.post(…)`. */
  private target(callee: TS.Expression): { client: string; method: string | null; instance: Instance | undefined } | null {
    const ts = this.ts;
    if (ts.isIdentifier(callee)) {
      const instance = this.instances.get(callee.text);
      const client = this.clientOf.get(callee.text) ?? (callee.text === 'fetch' && this.globalFetch ? 'fetch' : instance?.client);
      return client ? { client, method: null, instance } : null;
    }
    if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && REQUEST_METHODS.has(callee.name.text)) {
      const instance = this.instances.get(callee.expression.text);
      const client = this.clientOf.get(callee.expression.text) ?? instance?.client;
      return client ? { client, method: callee.name.text, instance } : null;
    }
    return null;
  }

  read(node: TS.CallExpression): OutboundCall | null {
    const target = this.target(node.expression);
    if (!target) return null;
    const { client, method, instance } = target;
    let timeout: TimeoutState =
      client === 'superagent'
        ? /\.timeout\(/.test(node.parent?.getText(this.sourceFile) ?? '') ? 'yes' : 'no'
        : optionsTimeout(this.ts, node.arguments[CLIENTS[client]!.optionsIndex(method)]);
    if (timeout !== 'yes' && instance?.timeout === 'yes') timeout = 'yes';
    else if (timeout === 'no' && instance?.timeout === 'unknown') timeout = 'unknown';
    const urlFromRequest = this.urlFromRequest(node, client, method);
    return { client, call: chainText(this.ts, node.expression), line: lineOf(this.sourceFile, node), timeout, ...(urlFromRequest ? { urlFromRequest } : {}) };
  }

  private readonly inputNames = new Map<TS.Node, Set<string>>();

  /** The request input the call's address is, unless the function checks the address's host. */
  private urlFromRequest(node: TS.CallExpression, client: string, method: string | null): string | null {
    const ts = this.ts;
    let fn: TS.Node | undefined = node.parent;
    while (fn && !ts.isFunctionLike(fn)) fn = fn.parent;
    if (!fn) return null;
    const first = node.arguments[0];
    // `axios({ url })` and `axios.request({ url })` take the address in the options.
    const configUrl =
      client === 'axios' && (method === null || method === 'request') && first && ts.isObjectLiteralExpression(first)
        ? first.properties.find((property): property is TS.PropertyAssignment | TS.ShorthandPropertyAssignment => (ts.isPropertyAssignment(property) || ts.isShorthandPropertyAssignment(property)) && property.name.getText(this.sourceFile) === 'url')
        : undefined;
    const address = configUrl ? (ts.isPropertyAssignment(configUrl) ? configUrl.initializer : configUrl.name) : first;
    if (!address) return null;
    let names = this.inputNames.get(fn);
    if (!names) {
      names = requestInputNames(ts, fn);
      this.inputNames.set(fn, names);
    }
    const input = inputOf(ts, address, names);
    if (input === null) return null;
    return HOST_CHECK.test(this.sourceFile.text.slice(fn.pos, fn.end)) ? null : input;
  }
}

export function extractOutboundHttp(input: SourceInput): OutboundHttpExtract {
  const { ts, sourceFile, nodes, path } = input;
  const bindings = moduleBindings(ts, sourceFile, nodes.ofKind(ts.SyntaxKind.VariableDeclaration));
  const clientOf = clientBindings(bindings);
  // Instances and default timeouts both go through a bound client; most files import none.
  const bound = clientOf.size > 0;
  const instances = bound ? clientInstances(ts, nodes, clientOf) : new Map<string, Instance>();
  const reader = new CallReader(ts, sourceFile, clientOf, instances, !bindings.has('fetch'));
  const calls = (nodes.ofKind(ts.SyntaxKind.CallExpression) as TS.CallExpression[]).flatMap((node) => reader.read(node) ?? []);
  const clientSide = hasDirective(ts, sourceFile.statements, 'use client') || (/\.[jt]sx$/.test(path) && !/(^|\/)(route|middleware|server)\.[jt]sx$/.test(path));
  return { calls, defaultTimeouts: bound ? defaultTimeoutsOf(ts, nodes, clientOf, instances) : [], clientSide };
}

export const outboundHttpExtractor: FileExtractor<OutboundHttpExtract> = {
  id: 'outbound-http',
  areas: ['observability', 'security'],
  extract(input) {
    if (input.isTest) return null;
    const result = extractOutboundHttp(input);
    return result.calls.length === 0 && result.defaultTimeouts.length === 0 ? null : result;
  },
};
