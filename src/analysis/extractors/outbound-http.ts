// Outbound HTTP calls (fetch, axios, got, superagent, node:http) and whether each carries a
// timeout or an abort signal. A call without one can hang a request handler for as long as the
// remote side likes.
import type { ts as TS } from 'ts-morph';
import type { FileExtractor, SourceInput } from '../extractor.js';
import { lineOf } from '../syntax.js';
import { chainText, moduleBindings, rootIdentifier } from './module-bindings.js';
import { hasDirective } from './node-shapes.js';

export type TimeoutState = 'yes' | 'no' | 'unknown';

export interface OutboundCall {
  client: string;
  call: string;
  line: number;
  timeout: TimeoutState;
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

export function extractOutboundHttp(input: SourceInput): OutboundHttpExtract {
  const { ts, sourceFile, nodes, path } = input;
  const bindings = moduleBindings(ts, sourceFile, nodes.ofKind(ts.SyntaxKind.VariableDeclaration));
  const clientOf = new Map<string, string>();
  for (const [name, binding] of bindings) {
    for (const [client, rule] of Object.entries(CLIENTS)) if (rule.module === binding.module && (binding.imported === 'default' || binding.imported === '*' || binding.imported === client)) clientOf.set(name, client);
  }
  // Instances: `const api = axios.create({ timeout: 5000 })` carry their options to every call.
  const instances = new Map<string, { client: string; timeout: TimeoutState }>();
  for (const node of nodes.ofKind(ts.SyntaxKind.VariableDeclaration) as TS.VariableDeclaration[]) {
    const init = node.initializer;
    if (!ts.isIdentifier(node.name) || !init || !ts.isCallExpression(init) || !ts.isPropertyAccessExpression(init.expression)) continue;
    const root = rootIdentifier(ts, init.expression);
    const client = root ? clientOf.get(root.text) : undefined;
    if (client && /^(create|extend)$/.test(init.expression.name.text)) instances.set(node.name.text, { client, timeout: optionsTimeout(ts, init.arguments[0]) });
  }
  const defaultTimeouts: string[] = [];
  for (const node of nodes.ofKind(ts.SyntaxKind.BinaryExpression) as TS.BinaryExpression[]) {
    if (node.operatorToken.kind !== ts.SyntaxKind.EqualsToken) continue;
    const target = chainText(ts, node.left);
    const match = /^(\w+)\.defaults\.timeout$/.exec(target);
    const client = match ? (clientOf.get(match[1]!) ?? instances.get(match[1]!)?.client) : undefined;
    if (client) defaultTimeouts.push(client);
  }

  const calls: OutboundCall[] = [];
  for (const node of nodes.ofKind(ts.SyntaxKind.CallExpression) as TS.CallExpression[]) {
    const callee = node.expression;
    let client: string | undefined;
    let method: string | null = null;
    let instance: { client: string; timeout: TimeoutState } | undefined;
    if (ts.isIdentifier(callee)) {
      client = clientOf.get(callee.text) ?? (callee.text === 'fetch' && !bindings.has('fetch') ? 'fetch' : undefined);
      instance = instances.get(callee.text);
      client ??= instance?.client;
    } else if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && REQUEST_METHODS.has(callee.name.text)) {
      method = callee.name.text;
      instance = instances.get(callee.expression.text);
      client = clientOf.get(callee.expression.text) ?? instance?.client;
    }
    if (!client) continue;
    const rule = CLIENTS[client]!;
    let timeout: TimeoutState;
    if (client === 'superagent') timeout = /\.timeout\(/.test(node.parent?.getText(sourceFile) ?? '') ? 'yes' : 'no';
    else timeout = optionsTimeout(ts, node.arguments[rule.optionsIndex(method)]);
    if (timeout !== 'yes' && instance?.timeout === 'yes') timeout = 'yes';
    else if (timeout === 'no' && instance?.timeout === 'unknown') timeout = 'unknown';
    calls.push({ client, call: chainText(ts, callee), line: lineOf(sourceFile, node), timeout });
  }
  const clientSide = hasDirective(ts, sourceFile.statements, 'use client') || (/\.[jt]sx$/.test(path) && !/(^|\/)(route|middleware|server)\.[jt]sx$/.test(path));
  return { calls, defaultTimeouts, clientSide };
}

export const outboundHttpExtractor: FileExtractor<OutboundHttpExtract> = {
  id: 'outbound-http',
  extract(input) {
    if (input.isTest) return null;
    const result = extractOutboundHttp(input);
    return result.calls.length === 0 && result.defaultTimeouts.length === 0 ? null : result;
  },
};
