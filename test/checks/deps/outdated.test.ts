import { describe, expect, it } from 'vitest';
import { outdatedCheck } from '../../../src/checks/deps/outdated.js';
import { runCheckOn } from '../../helpers/run-check.js';
import { noAdvisories, npmLock, recorded, registryOf, synthetic, unknownRegistry } from './registry-facts.js';

const manifest = (dependencies: Record<string, string>, devDependencies: Record<string, string> = {}) =>
  JSON.stringify({ name: 'app', dependencies, devDependencies }, null, 2);

describe('deps.outdated', () => {
  it('passes when every direct dependency is on its latest major', async () => {
    const result = await runCheckOn(outdatedCheck, { 'package.json': manifest({ ms: '^2.1.0', 'is-number': '^7.0.0' }), 'package-lock.json': npmLock({ ms: '2.1.2', 'is-number': '7.0.0' }) }, {
      facts: { registry: registryOf(recorded('ms'), recorded('is-number')), advisories: noAdvisories },
    });
    expect(result.status).toBe('pass');
    expect(result.evidence[0]).toBe('2 direct dependencies compared with the latest release: 0 behind by a major, 0 by a minor, 1 by a patch, 1 current');
  });

  it('reports a major behind with the manifest line, and counts 0.x minors as majors', async () => {
    const files = { 'package.json': manifest({ ms: '^1.0.0' }, { esbuild: '^0.25.0' }), 'package-lock.json': npmLock({ ms: '1.0.0', esbuild: '0.25.1' }) };
    const result = await runCheckOn(outdatedCheck, files, { facts: { registry: registryOf(recorded('ms'), recorded('esbuild')), advisories: noAdvisories } });
    expect(result.status).toBe('partial');
    expect(result.findings.map((finding) => finding.message)).toEqual([
      'ms@^1.0.0 (package.json) resolves to 1.0.0; the latest release is 2.1.3 (1 major version behind).',
      'esbuild@^0.25.0 (package.json) resolves to 0.25.1; the latest release is 0.28.2 (3 major versions behind).',
    ]);
    expect(result.findings[0]?.location).toEqual({ file: 'package.json', line: 4 });
    expect(result.score).toBeCloseTo(1 - (0.5 + 1) / 2);
  });

  it('ignores a prerelease newer than latest (near miss)', async () => {
    const next = synthetic('widget', { '2.0.0': '2025-01-01T00:00:00.000Z', '3.0.0-beta.1': '2026-06-01T00:00:00.000Z' }, { distTags: { latest: '2.0.0', next: '3.0.0-beta.1' } });
    const result = await runCheckOn(outdatedCheck, { 'package.json': manifest({ widget: '^2.0.0' }), 'package-lock.json': npmLock({ widget: '2.0.0' }) }, {
      facts: { registry: registryOf(next), advisories: noAdvisories },
    });
    expect(result.status).toBe('pass');
  });

  it('is unknown with the reason when the registry could not be reached', async () => {
    const result = await runCheckOn(outdatedCheck, { 'package.json': manifest({ ms: '^2.0.0' }), 'package-lock.json': npmLock({ ms: '2.1.3' }) }, {
      facts: { registry: unknownRegistry('ms'), advisories: noAdvisories },
    });
    expect(result.status).toBe('unknown');
    expect(result.reason).toBe('no dependency could be checked: offline, and no cache to read from');
  });

  it('is not applicable without a package.json, and says so', async () => {
    const result = await runCheckOn(outdatedCheck, { 'README.md': '# x' }, { facts: { registry: registryOf(), advisories: noAdvisories } });
    expect(result.status).toBe('na');
    expect(result.reason).toMatch(/no package\.json/);
  });

  it('says when versions come from range minimums, without a lockfile', async () => {
    const result = await runCheckOn(outdatedCheck, { 'package.json': manifest({ ms: '^2.1.0' }) }, { facts: { registry: registryOf(recorded('ms')), advisories: noAdvisories } });
    expect(result.evidence).toContain('1 version taken as the minimum of the declared range (no lockfile pins them)');
  });

  it('publishes per-package metrics and an upgrade plan grouping packages that move together', async () => {
    const files = {
      'package.json': manifest({ react: '^17.0.0', 'react-dom': '^17.0.0', ms: '^1.0.0', '@babel/core': '^6.0.0', '@babel/preset-env': '^6.0.0' }),
      'package-lock.json': npmLock({ react: '17.0.2', 'react-dom': '17.0.2', ms: '1.0.0', '@babel/core': '6.0.0', '@babel/preset-env': '6.0.0' }),
      'src/a.ts': "import React from 'react';\nimport { render } from 'react-dom';\nimport ms from 'ms';\n",
      'src/b.ts': "import React from 'react';\n",
    };
    const day = (iso: string) => `${iso}T00:00:00.000Z`;
    const registry = registryOf(
      recorded('ms'),
      synthetic('react', { '17.0.2': day('2021-03-22'), '19.1.0': day('2025-03-28') }),
      synthetic('react-dom', { '17.0.2': day('2021-03-22'), '19.1.0': day('2025-03-28') }, { latestPeers: ['react'] }),
      synthetic('@babel/core', { '6.0.0': day('2015-10-29'), '7.28.0': day('2025-07-02') }),
      synthetic('@babel/preset-env', { '6.0.0': day('2015-10-29'), '7.28.0': day('2025-07-02') }),
    );
    const result = await runCheckOn(outdatedCheck, files, { facts: { registry, advisories: noAdvisories } });
    const { packages, upgradePlan } = (result.metrics as { dependencies: { packages: Record<string, unknown>[]; upgradePlan: { packages: { name: string }[]; risk: string }[] } }).dependencies;
    expect(Object.keys(packages[0]!).sort()).toEqual(
      ['advisories', 'behind', 'deprecated', 'importSites', 'installScript', 'installed', 'latest', 'libyear', 'name', 'range', 'type', 'workspace'].sort(),
    );
    expect(packages.find((row) => row.name === 'react')).toMatchObject({ installed: '17.0.2', latest: '19.1.0', behind: 'major', libyear: 4.02, importSites: 2, deprecated: null, installScript: false });
    expect(upgradePlan.map((wave) => wave.packages.map((entry) => entry.name))).toEqual([['ms'], ['@babel/core', '@babel/preset-env'], ['react', 'react-dom']]);
  });
});
