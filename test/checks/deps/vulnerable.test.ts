import { describe, expect, it } from 'vitest';
import { vulnerableCheck } from '../../../src/checks/deps/vulnerable.js';
import type { AdvisoriesFact, Advisory } from '../../../src/core/facts.js';
import { runCheckOn } from '../../helpers/run-check.js';

const lock = JSON.stringify({
  name: 'app',
  lockfileVersion: 3,
  packages: {
    '': { name: 'app', dependencies: { express: '^4.0.0' }, devDependencies: { mocha: '^10.0.0' } },
    'node_modules/express': { version: '4.17.1', dependencies: { qs: '6.7.0' } },
    'node_modules/qs': { version: '6.7.0' },
    'node_modules/mocha': { version: '10.0.0', dev: true, dependencies: { nanoid: '3.3.1' } },
    'node_modules/nanoid': { version: '3.3.1', dev: true },
  },
});
const files = { 'package.json': JSON.stringify({ name: 'app', dependencies: { express: '^4.0.0' }, devDependencies: { mocha: '^10.0.0' } }), 'package-lock.json': lock };

const advisory = (pkg: string, version: string, severity: Advisory['severity'], firstFixed: string | null): Advisory => ({
  id: `GHSA-${pkg}`,
  package: pkg,
  title: `${pkg} problem`,
  url: `https://github.com/advisories/GHSA-${pkg}`,
  severity,
  vulnerableVersions: `<${firstFixed ?? '99.0.0'}`,
  affected: [version],
  firstFixed,
});

const fact = (advisories: Advisory[]): AdvisoriesFact => ({ status: 'ok', reason: null, source: 'registry', queried: 4, advisories });

describe('deps.vulnerable', () => {
  it('passes when no advisory affects an installed version', async () => {
    const result = await runCheckOn(vulnerableCheck, files, { facts: { advisories: fact([]) } });
    expect(result.status).toBe('pass');
    expect(result.evidence).toEqual(["4 installed package versions checked against the registry's advisories"]);
  });

  it('names the path of a transitive advisory, and the first fixed version', async () => {
    const result = await runCheckOn(vulnerableCheck, files, { facts: { advisories: fact([advisory('qs', '6.7.0', 'high', '6.7.3')]) } });
    expect(result.status).toBe('partial');
    expect(result.findings[0]).toMatchObject({
      severity: 'high',
      message: 'qs@6.7.0 (pulled in by express > qs) is affected by GHSA-qs "qs problem" (high, <6.7.3); fixed in 6.7.3. https://github.com/advisories/GHSA-qs',
      location: { file: 'package-lock.json' },
    });
  });

  it('weighs development-only packages one severity lower', async () => {
    const result = await runCheckOn(vulnerableCheck, files, { facts: { advisories: fact([advisory('nanoid', '3.3.1', 'moderate', '3.3.8')]) } });
    expect(result.findings[0]?.severity).toBe('low');
    expect(result.findings[0]?.data).toMatchObject({ dev: true, direct: false, path: ['mocha', 'nanoid'] });
    expect(result.score).toBeCloseTo(1 - 0.25 * 0.5);
  });

  it('fails when advisories add up, critical in production first', async () => {
    const result = await runCheckOn(vulnerableCheck, files, { facts: { advisories: fact([advisory('express', '4.17.1', 'critical', null)]) } });
    expect(result.status).toBe('fail');
    expect(result.findings[0]?.message).toContain('(a direct dependency)');
    expect(result.findings[0]?.message).toContain('no fixed version is known');
  });

  it('is unknown, never pass, when the advisory source refused', async () => {
    const refused: AdvisoriesFact = { status: 'unknown', reason: 'the registry does not offer the bulk advisory endpoint npm audit uses (HTTP 405)', source: null, queried: 4, advisories: [] };
    const result = await runCheckOn(vulnerableCheck, files, { facts: { advisories: refused } });
    expect(result).toMatchObject({ status: 'unknown', reason: refused.reason });
  });
});
