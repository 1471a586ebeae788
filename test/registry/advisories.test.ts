import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { advisoriesFromBulk, firstFixedFromRange } from '../../src/registry/advisories.js';
import { advisoriesFromOsv } from '../../src/registry/osv.js';

const OSV_DIR = fileURLToPath(new URL('../../fixtures/registry/osv/', import.meta.url));

describe('bulk advisory answers', () => {
  const body = {
    'lodash.merge': [{ id: 1066882, url: 'https://github.com/advisories/GHSA-h726-x36v-rx45', title: 'Prototype Pollution', severity: 'high', vulnerable_versions: '<4.6.2' }],
    ms: [{ id: 1, title: 'old', severity: 'low', vulnerable_versions: '<2.0.0' }],
  };

  it('keeps advisories that affect an installed version, with the first fixed version', () => {
    const parsed = advisoriesFromBulk(body, { 'lodash.merge': ['4.6.1', '4.6.2'], ms: ['2.1.3'] });
    expect(parsed).toEqual({
      ok: true,
      advisories: [
        {
          id: '1066882',
          package: 'lodash.merge',
          title: 'Prototype Pollution',
          url: 'https://github.com/advisories/GHSA-h726-x36v-rx45',
          severity: 'high',
          vulnerableVersions: '<4.6.2',
          affected: ['4.6.1'],
          firstFixed: '4.6.2',
        },
      ],
    });
  });

  it('refuses an answer of the wrong shape instead of reading it as "no advisories"', () => {
    expect(advisoriesFromBulk({ ms: 'none' }, { ms: ['1.0.0'] })).toEqual({ ok: false, reason: 'the advisory endpoint answered in an unexpected format' });
  });

  it('reads the fixed version from the matching comparator set only', () => {
    expect(firstFixedFromRange('>=1.0.0 <1.2.3 || >=2.0.0 <2.0.5', '2.0.1')).toBe('2.0.5');
    expect(firstFixedFromRange('<=2.88.2', '2.88.0')).toBeNull();
    expect(firstFixedFromRange('not a range', '1.0.0')).toBeNull();
  });
});

describe('OSV advisory database', () => {
  it('matches ECOSYSTEM ranges (fixed and last_affected), skips withdrawn and broken files', async () => {
    const result = await advisoriesFromOsv(OSV_DIR, { request: ['2.88.2'], 'lodash.merge': ['4.6.1'], ms: ['2.1.3'] });
    expect(result.files).toBe(4);
    expect(result.unreadable).toBe(1);
    const byId = Object.fromEntries(result.advisories.map((advisory) => [advisory.id, advisory]));
    expect(Object.keys(byId).sort()).toEqual(['GHSA-h726-x36v-rx45', 'GHSA-p8p7-x288-28g6']);
    expect(byId['GHSA-h726-x36v-rx45']).toMatchObject({ severity: 'high', firstFixed: '4.6.2', vulnerableVersions: '>=0.0.0 <4.6.2', affected: ['4.6.1'] });
    expect(byId['GHSA-p8p7-x288-28g6']).toMatchObject({ severity: 'moderate', firstFixed: null, vulnerableVersions: '>=0.0.0 <=2.88.2' });
  });

  it('does not report a fixed version as affected', async () => {
    const result = await advisoriesFromOsv(OSV_DIR, { 'lodash.merge': ['4.6.2'] });
    expect(result.advisories).toEqual([]);
  });
});
