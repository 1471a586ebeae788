// A real HTTP registry on 127.0.0.1 serving the recorded documents in fixtures/registry/, plus a
// few misbehaving packages, so that the client is exercised through npm-registry-fetch for real.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

const FIXTURES = fileURLToPath(new URL('../../fixtures/registry/', import.meta.url));

/** Package names with a scripted misbehaviour; any other name without a fixture is a 404. */
export const MISBEHAVING = {
  serverError: 'broken-500',
  slow: 'slow-package',
  malformed: 'malformed-json',
  wrongShape: 'wrong-shape',
} as const;

export type AdvisoryMode = 'answer' | 'refuse-405' | 'missing-404' | 'malformed';

export interface RecordedRequest {
  method: string;
  path: string;
  body: unknown;
}

export interface RegistryServer {
  url: string;
  requests: RecordedRequest[];
  /** How the bulk advisory endpoint behaves; `answer` by default. */
  advisoryMode: AdvisoryMode;
  /** Milliseconds the slow package waits before answering. */
  slowMs: number;
  close(): Promise<void>;
}

function fixture(name: string): string | null {
  try {
    return readFileSync(`${FIXTURES}${name.replace('/', '__')}.json`, 'utf8');
  } catch {
    return null;
  }
}

function readBody(request: IncomingMessage): Promise<unknown> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (chunks.length === 0) return resolve(null);
      let raw = Buffer.concat(chunks);
      if (request.headers['content-encoding'] === 'gzip') raw = gunzipSync(raw);
      try {
        resolve(JSON.parse(raw.toString('utf8')));
      } catch {
        resolve(raw.toString('utf8'));
      }
    });
  });
}

function send(response: ServerResponse, status: number, body: string): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(body);
}

function answerAdvisories(state: RegistryServer, body: unknown, response: ServerResponse): void {
  if (state.advisoryMode === 'refuse-405') return send(response, 405, '{"error":"Method not allowed"}');
  if (state.advisoryMode === 'missing-404') return send(response, 404, '{"error":"Not found"}');
  if (state.advisoryMode === 'malformed') return send(response, 200, '{"request": "yes"}');
  const all = JSON.parse(fixture('advisories-bulk') ?? '{}') as Record<string, unknown>;
  const asked = typeof body === 'object' && body !== null ? Object.keys(body) : [];
  send(response, 200, JSON.stringify(Object.fromEntries(asked.filter((name) => name in all).map((name) => [name, all[name]]))));
}

export async function startRegistryServer(): Promise<RegistryServer> {
  const state: RegistryServer = { url: '', requests: [], advisoryMode: 'answer', slowMs: 3_000, close: async () => {} };
  const server: Server = createServer((request, response) => {
    void (async () => {
      const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
      const body = await readBody(request);
      state.requests.push({ method: request.method ?? 'GET', path, body });
      if (path === '/-/npm/v1/security/advisories/bulk' && request.method === 'POST') return answerAdvisories(state, body, response);
      const name = path.slice(1);
      if (name === MISBEHAVING.serverError) return send(response, 500, '{"error":"internal"}');
      if (name === MISBEHAVING.malformed) return send(response, 200, '{"name": "malformed-json", "versions": {');
      if (name === MISBEHAVING.wrongShape) return send(response, 200, '{"name": "wrong-shape", "versions": 5}');
      if (name === MISBEHAVING.slow) {
        setTimeout(() => send(response, 200, fixture('ms') ?? '{}'), state.slowMs);
        return;
      }
      const document = name === 'advisories-bulk' ? null : fixture(name);
      if (document === null) return send(response, 404, '{"error":"Not found"}');
      send(response, 200, document);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  state.url = `http://127.0.0.1:${port}/`;
  state.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return state;
}
