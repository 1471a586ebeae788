// A smoke test against the real registry (the one .npmrc names). Skipped when
// SHIPSHAPE_OFFLINE_TESTS is set or the registry does not answer within a few seconds. Its
// assertions stay true as new versions are published.
import semver from 'semver';
import { beforeAll, describe, expect, it } from 'vitest';
import { RegistryClient } from '../../src/registry/client.js';
import { loadNpmrc } from '../../src/registry/npmrc.js';

const client = new RegistryClient({ npmrc: loadNpmrc(''), registry: null, timeoutMs: 5_000, retries: 0 });
let reachable = false;

beforeAll(async () => {
  if (process.env.SHIPSHAPE_OFFLINE_TESTS) return;
  reachable = (await client.packageInfo('ms')).status === 'ok';
});

describe('the live npm registry', () => {
  it('knows ms, whose latest is at least 2.1.3, with publish times', async (context) => {
    if (!reachable) context.skip();
    const info = await client.packageInfo('ms');
    const latest = info.distTags.latest!;
    expect(semver.gte(latest, '2.1.3')).toBe(true);
    expect(Object.keys(info.time)).toContain('2.1.3');
    expect(info.installScripts).not.toContain('2.1.3');
  });

  it('knows is-number and a scoped package, and says 404 for a name nobody would publish', async (context) => {
    if (!reachable) context.skip();
    expect((await client.packageInfo('is-number')).status).toBe('ok');
    expect((await client.packageInfo('@types/node')).status).toBe('ok');
    const made = await client.packageInfo('shipshape-live-test-no-such-package-5b1c9e');
    expect(made.status).toBe('nonexistent');
  });

  it('answers the bulk advisory endpoint, or refuses it with a reason (never a silent pass)', async (context) => {
    if (!reachable) context.skip();
    const answer = await client.bulkAdvisories({ ms: ['2.1.3'] });
    if (!answer.ok) expect(answer.reason).toMatch(/HTTP \d{3}|advisory/);
    else expect(typeof answer.body).toBe('object');
  });
});
