// Table tests of the checks that read the registry fact: deprecated, libyear, abandoned,
// install-scripts, nonexistent.
import { describe, expect, it } from 'vitest';
import { abandonedCheck } from '../../../src/checks/deps/abandoned.js';
import { deprecatedCheck } from '../../../src/checks/deps/deprecated.js';
import { installScriptsCheck } from '../../../src/checks/deps/install-scripts.js';
import { libyearCheck } from '../../../src/checks/deps/libyear.js';
import { nonexistentCheck } from '../../../src/checks/deps/nonexistent.js';
import { packageWithoutInfo } from '../../../src/registry/packument.js';
import { runCheckOn } from '../../helpers/run-check.js';
import { npmLock, recorded, registryOf, synthetic, unknownRegistry } from './registry-facts.js';

const app = (dependencies: Record<string, string>) => JSON.stringify({ name: 'app', dependencies }, null, 2);
const day = (iso: string) => `${iso}T00:00:00.000Z`;

describe('deps.deprecated', () => {
  it('fails on a deprecated installed version, quoting the message', async () => {
    const result = await runCheckOn(deprecatedCheck, { 'package.json': app({ request: '^2.88.0', ms: '^2.1.0' }), 'package-lock.json': npmLock({ request: '2.88.2', ms: '2.1.3' }) }, {
      facts: { registry: registryOf(recorded('request'), recorded('ms')) },
    });
    expect(result.status).toBe('fail');
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]?.message).toBe(
      'request@^2.88.0 (package.json) resolves to 2.88.2, which is deprecated: "request has been deprecated, see https://github.com/request/request/issues/3142" (the latest version is deprecated too: replace the package).',
    );
  });

  it('passes when only an older version is deprecated (near miss)', async () => {
    const partly = synthetic('lib', { '1.0.0': day('2020-01-01'), '2.0.0': day('2021-01-01') }, { deprecated: { '1.0.0': 'use 2.x' } });
    const result = await runCheckOn(deprecatedCheck, { 'package.json': app({ lib: '^2.0.0' }), 'package-lock.json': npmLock({ lib: '2.0.0' }) }, { facts: { registry: registryOf(partly) } });
    expect(result.status).toBe('pass');
  });

  it('is unknown offline without a cache', async () => {
    const result = await runCheckOn(deprecatedCheck, { 'package.json': app({ request: '^2.88.0' }), 'package-lock.json': npmLock({ request: '2.88.2' }) }, { facts: { registry: unknownRegistry('request') } });
    expect(result.status).toBe('unknown');
  });
});

describe('deps.libyear', () => {
  const lib = synthetic('lib', { '1.0.0': day('2020-01-01'), '1.1.0': day('2022-01-01'), '2.0.0': day('2024-01-01') });
  const fresh = synthetic('fresh', { '3.0.0': day('2026-01-01') });

  it('sums the drift per dependency and flags the old ones', async () => {
    const result = await runCheckOn(libyearCheck, { 'package.json': app({ lib: '^1.0.0', fresh: '^3.0.0' }), 'package-lock.json': npmLock({ lib: '1.0.0', fresh: '3.0.0' }) }, { facts: { registry: registryOf(lib, fresh) } });
    expect(result.evidence[0]).toBe('4 libyears over 2 dependencies (average 2.00)');
    expect(result.status).toBe('partial');
    expect(result.score).toBeCloseTo(0.5);
    expect(result.findings.map((finding) => finding.message)).toEqual(['lib@^1.0.0 (package.json) is 4 libyears behind: 1.0.0 was released that long before 2.0.0.']);
  });

  it('passes under the average threshold', async () => {
    const result = await runCheckOn(libyearCheck, { 'package.json': app({ lib: '^2.0.0', fresh: '^3.0.0' }), 'package-lock.json': npmLock({ lib: '2.0.0', fresh: '3.0.0' }) }, { facts: { registry: registryOf(lib, fresh) } });
    expect(result.status).toBe('pass');
  });
});

describe('deps.abandoned', () => {
  it('warns (partial, not fail) about a package without a release for two years', async () => {
    const old = synthetic('old', { '1.0.0': day('2019-05-01') });
    const fresh = synthetic('fresh', { '3.0.0': day('2026-01-01') });
    const result = await runCheckOn(abandonedCheck, { 'package.json': app({ old: '^1.0.0', fresh: '^3.0.0' }) }, { facts: { registry: registryOf(old, fresh) } });
    expect(result.status).toBe('partial');
    expect(result.findings[0]?.message).toBe('old@^1.0.0 (package.json): the last release was published 2019-05-01, 7.5 years ago.');
  });

  it('respects a longer threshold and the ignore option', async () => {
    const old = synthetic('old', { '1.0.0': day('2019-05-01') });
    expect((await runCheckOn(abandonedCheck, { 'package.json': app({ old: '^1.0.0' }) }, { facts: { registry: registryOf(old) }, checkOptions: { years: 10 } })).status).toBe('pass');
    expect((await runCheckOn(abandonedCheck, { 'package.json': app({ old: '^1.0.0' }) }, { facts: { registry: registryOf(old) }, checkOptions: { ignore: ['old'] } })).status).toBe('na');
  });
});

describe('deps.install-scripts', () => {
  it('lists direct dependencies with install scripts and transitive ones the lockfile marks', async () => {
    const lock = npmLock({ esbuild: '0.28.2', ms: '2.1.3', 'fsevents-like': '1.0.0' }, { 'fsevents-like': { hasInstallScript: true } });
    const files = { 'package.json': app({ esbuild: '^0.28.0', ms: '^2.1.0' }), 'package-lock.json': lock };
    const result = await runCheckOn(installScriptsCheck, files, { facts: { registry: registryOf(recorded('esbuild'), recorded('ms')) } });
    expect(result.status).toBe('partial');
    expect(result.findings.map((finding) => finding.message)).toEqual([
      'esbuild@0.28.2 (declared in package.json) runs an install script.',
      'fsevents-like@1.0.0 runs an install script (recorded in package-lock.json).',
    ]);
    const allowed = await runCheckOn(installScriptsCheck, files, { facts: { registry: registryOf(recorded('esbuild'), recorded('ms')) }, checkOptions: { allow: ['esbuild', 'fsevents-like'] } });
    expect(allowed.status).toBe('pass');
  });
});

describe('deps.install-scripts without the registry', () => {
  it('trusts an npm lockfile, which flags every install script, and is unknown with one that does not', async () => {
    const files = { 'package.json': app({ ms: '^2.1.0' }), 'package-lock.json': npmLock({ ms: '2.1.3' }) };
    expect((await runCheckOn(installScriptsCheck, files, { facts: { registry: unknownRegistry('ms') } })).status).toBe('pass');
    const yarn = { 'package.json': app({ ms: '^2.1.0' }), 'yarn.lock': '# yarn lockfile v1\n\nms@^2.1.0:\n  version "2.1.3"\n' };
    expect((await runCheckOn(installScriptsCheck, yarn, { facts: { registry: unknownRegistry('ms') } })).status).toBe('unknown');
  });
});

describe('deps.nonexistent', () => {
  const missing = (name: string) => packageWithoutInfo(name, 'nonexistent', 'the registry has no package of this name (HTTP 404)', new Date());

  it('fails on a name the registry has never heard of', async () => {
    const result = await runCheckOn(nonexistentCheck, { 'package.json': app({ 'react-super-auth-helper': '^1.0.0', ms: '^2.0.0' }) }, { facts: { registry: registryOf(missing('react-super-auth-helper'), recorded('ms')) } });
    expect(result.status).toBe('fail');
    expect(result.findings[0]).toMatchObject({ severity: 'high', location: { file: 'package.json', line: 4 } });
  });

  it('softens a scoped or lockfile-pinned name, which may be private (near miss)', async () => {
    const result = await runCheckOn(nonexistentCheck, { 'package.json': app({ '@corp/ui': '^1.0.0' }), 'package-lock.json': npmLock({ '@corp/ui': '1.2.0' }) }, { facts: { registry: registryOf(missing('@corp/ui')) } });
    expect(result.findings[0]?.severity).toBe('medium');
    expect(result.findings[0]?.message).toMatch(/came from another registry or was unpublished/);
  });

  it('ignores workspace and git dependencies, and is unknown when nothing was looked up', async () => {
    expect((await runCheckOn(nonexistentCheck, { 'package.json': app({ x: 'workspace:*', y: 'github:a/b' }) }, { facts: { registry: registryOf() } })).status).toBe('na');
    expect((await runCheckOn(nonexistentCheck, { 'package.json': app({ ms: '^2.0.0' }) }, { facts: { registry: unknownRegistry('ms') } })).status).toBe('unknown');
  });
});

describe('a pass needs the registry to have answered for most dependencies', () => {
  it('is unknown, not pass, when only a sample of the dependencies could be looked up (near miss)', async () => {
    const names = ['ms', 'a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8', 'a9'];
    const files = { 'package.json': app(Object.fromEntries(names.map((name) => [name, '^2.1.0']))), 'package-lock.json': npmLock(Object.fromEntries(names.map((name) => [name, '2.1.3']))) };
    const registry = registryOf(recorded('ms'), ...Object.values(unknownRegistry(...names.slice(1)).packages));
    const result = await runCheckOn(deprecatedCheck, files, { facts: { registry } });
    expect(result.status).toBe('unknown');
    expect(result.reason).toMatch(/only 1 of 10 dependencies could be looked up/);
  });
});

describe('deps.nonexistent on a sample', () => {
  it('is unknown, not pass, when only a few names could be looked up (near miss)', async () => {
    const names = ['ms', 'b1', 'b2', 'b3'];
    const files = { 'package.json': app(Object.fromEntries(names.map((name) => [name, '^2.1.0']))) };
    const registry = registryOf(recorded('ms'), ...Object.values(unknownRegistry(...names.slice(1)).packages));
    const result = await runCheckOn(nonexistentCheck, files, { facts: { registry } });
    expect(result.status).toBe('unknown');
    expect(result.reason).toMatch(/only 1 of 4 dependencies could be looked up/);
  });
});
