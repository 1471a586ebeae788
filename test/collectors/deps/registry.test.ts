import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectAdvisories } from '../../../src/collectors/deps/advisories.js';
import { collectRegistry } from '../../../src/collectors/deps/registry.js';
import type { AuditContext } from '../../../src/core/context.js';
import type { InstalledFact } from '../../../src/core/facts.js';
import { RegistryClient } from '../../../src/registry/client.js';
import { startRegistryServer, type RegistryServer } from '../../helpers/registry-server.js';
import { testContext } from '../../helpers/run-check.js';

let server: RegistryServer;
const NAMES = ['esbuild', 'is-number', 'left-pad', 'ms', 'not-a-real-package-xyz', 'request'];

beforeAll(async () => {
  server = await startRegistryServer();
});
afterAll(() => server.close());

function client(): RegistryClient {
  return new RegistryClient({ npmrc: { registry: 'https://registry.invalid/', scopes: {}, fetchOptions: {}, sources: [] }, registry: server.url, timeoutMs: 2_000, retries: 0 });
}

function context(options: Partial<AuditContext['options']>): AuditContext {
  return testContext('', { offline: false, registry: server.url, ...options });
}

describe('collectRegistry', () => {
  it('fetches cold, then answers warm from the cache without a request', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'shipshape-cache-'));
    const before = server.requests.length;
    const cold = await collectRegistry(context({ cacheDir }), NAMES, client());
    expect(cold.stats).toMatchObject({ requested: 6, fromCache: 0, fetched: 6, failed: 0 });
    expect(cold.packages['not-a-real-package-xyz']?.status).toBe('nonexistent');
    expect(server.requests.length - before).toBe(6);

    const warm = await collectRegistry(context({ cacheDir }), NAMES, client());
    expect(server.requests.length - before).toBe(6);
    expect(warm.stats).toMatchObject({ fromCache: 6, fetched: 0 });
    expect(warm.packages.ms).toEqual({ ...cold.packages.ms, fromCache: true });
    expect(warm.packages['not-a-real-package-xyz']?.status).toBe('nonexistent');

    // offline: the cache is enough, whatever its age; nothing goes to the network
    const offline = await collectRegistry(context({ cacheDir, offline: true }), [...NAMES, 'lodash.merge'], client());
    expect(server.requests.length - before).toBe(6);
    expect(offline.packages.ms?.status).toBe('ok');
    expect(offline.packages['lodash.merge']).toMatchObject({ status: 'unknown', reason: 'offline, and the cache has nothing on it' });
  });

  it('ignores corrupt cache entries and does not cache failures', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'shipshape-cache-'));
    await collectRegistry(context({ cacheDir }), ['ms', 'broken-500'], client());
    const folder = join(cacheDir, 'registry');
    const files = readdirSync(folder, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
    expect(files).toHaveLength(1);
    writeFileSync(join(files[0]!.parentPath, files[0]!.name), '{"format":1,"registry":');
    const before = server.requests.length;
    const again = await collectRegistry(context({ cacheDir }), ['ms'], client());
    expect(again.packages.ms).toMatchObject({ status: 'ok', fromCache: false });
    expect(server.requests.length - before).toBe(1);
  });

  it('stops after the first request when the registry does not answer at all', async () => {
    const closed = new RegistryClient({ npmrc: { registry: 'http://127.0.0.1:9/', scopes: {}, fetchOptions: {}, sources: [] }, registry: null, timeoutMs: 2_000, retries: 0 });
    const started = performance.now();
    const fact = await collectRegistry(context({ registry: null }), ['a-package', 'b-package', 'c-package'], closed);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(fact.packages['a-package']).toMatchObject({ status: 'unknown', reason: 'network error ECONNREFUSED' });
    expect(fact.packages['c-package']).toMatchObject({ status: 'unknown', reason: 'the registry is unreachable (network error ECONNREFUSED)' });
    expect(fact.stats.failed).toBe(3);
  });

  it('offline without a cache: every package unknown, no request', async () => {
    const before = server.requests.length;
    const fact = await collectRegistry(context({ offline: true, cacheDir: null }), ['ms'], client());
    expect(fact.packages.ms).toMatchObject({ status: 'unknown', reason: 'offline, and no cache to read from' });
    expect(server.requests.length).toBe(before);
  });
});

const installed: InstalledFact = {
  lockfile: { path: 'package-lock.json', manager: 'npm', format: 'package-lock v3' },
  direct: [],
  packages: [
    { name: 'request', version: '2.88.2', dev: false, hasInstallScript: false, location: 'node_modules/request' },
    { name: 'ms', version: '2.1.3', dev: false, hasInstallScript: false, location: 'node_modules/ms' },
    { name: 'ms', version: '1.0.0', dev: true, hasInstallScript: false, location: 'node_modules/x/node_modules/ms' },
  ],
  paths: {},
  issues: [],
};

describe('collectAdvisories', () => {
  it('asks the bulk endpoint for every installed version and keeps what affects them', async () => {
    server.advisoryMode = 'answer';
    const fact = await collectAdvisories(context({}), installed, client);
    expect(fact).toMatchObject({ status: 'ok', source: 'registry', queried: 3 });
    expect(fact.advisories.map((advisory) => `${advisory.package}@${advisory.affected.join(',')}`).sort()).toEqual(['ms@1.0.0', 'request@2.88.2']);
    expect(server.requests.at(-1)?.body).toEqual({ request: ['2.88.2'], ms: ['1.0.0', '2.1.3'] });
  });

  it.each([
    ['refuse-405', 'the registry does not offer the bulk advisory endpoint npm audit uses (HTTP 405)'],
    ['malformed', 'the advisory endpoint answered in an unexpected format'],
  ] as const)('is unknown, never clean, when the endpoint misbehaves (%s)', async (mode, reason) => {
    server.advisoryMode = mode;
    expect(await collectAdvisories(context({}), installed, client)).toMatchObject({ status: 'unknown', reason, advisories: [] });
    server.advisoryMode = 'answer';
  });

  it('uses the offline OSV database when given, even offline', async () => {
    const advisoryDb = fileURLToPath(new URL('../../../fixtures/registry/osv/', import.meta.url));
    const fact = await collectAdvisories(context({ offline: true, advisoryDb }), installed, client);
    expect(fact).toMatchObject({ status: 'ok', source: 'osv' });
    expect(fact.advisories.map((advisory) => advisory.id)).toEqual(['GHSA-p8p7-x288-28g6']);
  });

  it('does not post to a registry that answered no package request', async () => {
    const down = await collectRegistry(context({ offline: false }), ['ms'], new RegistryClient({ npmrc: { registry: 'http://127.0.0.1:9/', scopes: {}, fetchOptions: {}, sources: [] }, registry: null, timeoutMs: 1_000, retries: 0 }));
    const before = server.requests.length;
    const fact = await collectAdvisories(context({}), installed, client, async () => down);
    expect(fact).toMatchObject({ status: 'unknown', reason: 'the registry did not answer any package request either (network error ECONNREFUSED)' });
    expect(server.requests.length).toBe(before);
  });

  it('is unknown offline without a database, and without a lockfile', async () => {
    expect(await collectAdvisories(context({ offline: true }), installed, client)).toMatchObject({ status: 'unknown', reason: 'offline and no --advisory-db given' });
    expect((await collectAdvisories(context({}), { ...installed, lockfile: null }, client)).status).toBe('unknown');
  });
});
