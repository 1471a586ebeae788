// The dependency collectors and checks end to end on a pnpm monorepo on disk
// (fixtures/deps-monorepo), against the loopback registry, cold and then from the cache.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checks } from '../../../src/checks/index.js';
import { collectorsByKey } from '../../../src/collectors/index.js';
import { FactStore } from '../../../src/core/fact-store.js';
import { runCheck, type CheckResult } from '../../../src/core/run-check.js';
import { startRegistryServer, type RegistryServer } from '../../helpers/registry-server.js';
import { TEST_NOW, testContext } from '../../helpers/run-check.js';

const ROOT = fileURLToPath(new URL('../../../fixtures/deps-monorepo/', import.meta.url)).replace(/\/$/, '');
const DEPS_CHECKS = checks.filter((check) => check.area === 'deps' && check.id !== 'deps.lockfile');

let server: RegistryServer;
beforeAll(async () => {
  server = await startRegistryServer();
});
afterAll(() => server.close());

async function audit(cacheDir: string): Promise<{ results: Map<string, CheckResult>; store: FactStore }> {
  const ctx = testContext(ROOT, { offline: false, registry: server.url, cacheDir, concurrency: 4 });
  const store = new FactStore(ctx, collectorsByKey);
  const list = await Promise.all(DEPS_CHECKS.map((check) => runCheck(check, store, { severity: check.severity, weight: check.weight, options: {} }, TEST_NOW)));
  return { results: new Map(list.map((result) => [result.id, result])), store };
}

describe('dependency health of fixtures/deps-monorepo', () => {
  it('finds what the fixture was built to show', async () => {
    const { results, store } = await audit(mkdtempSync(join(tmpdir(), 'shipshape-deps-')));
    const status = Object.fromEntries([...results].map(([id, result]) => [id, result.status]));
    expect(status).toMatchObject({
      'deps.lockfile-sync': 'pass',
      'deps.outdated': 'partial',
      'deps.deprecated': 'fail',
      'deps.vulnerable': 'fail',
      'deps.install-scripts': 'partial',
      'deps.nonexistent': 'fail',
      'deps.unused': 'partial',
      'deps.unlisted': 'fail',
      'deps.risky-specifier': 'partial',
      'deps.runtime-eol': 'pass',
      'deps.update-bot': 'pass',
      'deps.overlap': 'pass',
    });
    const names = (id: string) => results.get(id)!.findings.map((finding) => finding.data?.name ?? finding.data?.package);
    expect(names('deps.outdated').sort()).toEqual(['esbuild', 'ms']);
    expect(names('deps.deprecated').sort()).toEqual(['left-pad', 'request']);
    expect(names('deps.vulnerable').sort()).toEqual(['lodash.merge', 'ms', 'request']);
    expect(names('deps.nonexistent')).toEqual(['widget-helper']);
    expect(names('deps.unused')).toEqual(['left-pad']);
    expect(names('deps.unlisted')).toEqual(['chalk']);
    expect(results.get('deps.unlisted')!.findings[0]?.location).toEqual({ file: 'packages/api/src/server.ts', line: 5 });
    const ms = results.get('deps.outdated')!.findings.find((finding) => finding.data?.name === 'ms');
    expect(ms?.location).toEqual({ file: 'packages/api/package.json', line: 7 });

    const installed = await store.get('installed');
    expect(installed.lockfile).toEqual({ path: 'pnpm-lock.yaml', manager: 'pnpm', format: 'pnpm-lock 9.0' });
    expect(installed.paths['tough-cookie']).toEqual([['request', 'tough-cookie']]);
    const rows = (results.get('deps.outdated')!.metrics as { dependencies: { packages: { name: string; workspace: string; importSites: number }[] } }).dependencies.packages;
    expect(rows.find((row) => row.name === 'ms')).toMatchObject({ workspace: 'packages/api', importSites: 1 });
  });

  it('answers a second run from the cache without asking the registry about packages', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'shipshape-deps-'));
    await audit(cacheDir);
    const before = server.requests.filter((request) => request.method === 'GET').length;
    const { results } = await audit(cacheDir);
    expect(server.requests.filter((request) => request.method === 'GET').length).toBe(before);
    expect(results.get('deps.deprecated')!.status).toBe('fail');
  });
});
