import { describe, expect, it } from 'vitest';
import { lockfileSyncCheck } from '../../../src/checks/deps/lockfile-sync.js';
import { runCheckOn } from '../../helpers/run-check.js';
import { npmLock } from './registry-facts.js';

const pkg = (dependencies: Record<string, string>) => JSON.stringify({ name: 'app', dependencies });

describe('deps.lockfile-sync', () => {
  it('passes when every declared range is pinned at an accepted version', async () => {
    const result = await runCheckOn(lockfileSyncCheck, { 'package.json': pkg({ ms: '^2.1.0' }), 'package-lock.json': npmLock({ ms: '2.1.3' }) });
    expect(result).toMatchObject({ status: 'pass', evidence: ['package-lock.json (package-lock v3) pins 1 declared dependency'] });
  });

  it('reports a range the pinned version does not satisfy, and a dependency never locked', async () => {
    const result = await runCheckOn(lockfileSyncCheck, { 'package.json': pkg({ ms: '^3.0.0', chalk: '^5.0.0' }), 'package-lock.json': npmLock({ ms: '2.1.3' }) });
    expect(result.status).toBe('partial');
    expect(result.findings.map((finding) => finding.message)).toEqual([
      'package.json: ms@^3.0.0 is declared but package-lock.json pins 2.1.3',
      'package.json: chalk@^5.0.0 is declared but package-lock.json does not pin it',
    ]);
  });

  it('fails on a lockfile that does not parse', async () => {
    const result = await runCheckOn(lockfileSyncCheck, { 'package.json': pkg({ ms: '^2.1.0' }), 'package-lock.json': '{"lockfileVersion": 3, "packages": ' });
    expect(result.status).toBe('fail');
    expect(result.findings[0]?.severity).toBe('high');
  });

  it('is unknown for a binary bun.lockb, which is not read', async () => {
    const result = await runCheckOn(lockfileSyncCheck, { 'package.json': pkg({ ms: '^2.1.0' }), 'bun.lockb': Buffer.from([0x62, 0x75, 0x6e, 0x00]) });
    expect(result).toMatchObject({ status: 'unknown', reason: 'bun.lockb is in a format shipshape does not read, so it cannot be compared with package.json' });
  });

  it.each([
    ['no lockfile', { 'package.json': pkg({ ms: '^2.1.0' }) }, 'na'],
    ['workspace, git and tag specifiers (near miss)', { 'package.json': pkg({ a: 'workspace:*', b: 'github:x/y', c: 'latest' }), 'package-lock.json': npmLock({ c: '1.0.0' }) }, 'pass'],
  ] as const)('%s → %s', async (_label, files, status) => {
    expect((await runCheckOn(lockfileSyncCheck, files)).status).toBe(status);
  });
});
