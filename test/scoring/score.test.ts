import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/types.js';
import type { ReportCheck } from '../../src/report/schema.js';
import { BLOCKER_CAP, LEVELS } from '../../src/scoring/policy.js';
import { gradeOf, levelOf, scoreArea, scoreCategories, scoreOverall } from '../../src/scoring/score.js';
import { checks as catalogue } from '../../src/checks/index.js';

function check(id: string, status: ReportCheck['status'], score: number | null, weight = 1): ReportCheck {
  return {
    id,
    category: id.split('.')[0] as ReportCheck['category'],
    title: id,
    status,
    score,
    weight,
    severity: 'medium',
    evidence: [],
    remediation: '',
    reason: null,
  };
}

const blocker: Finding = {
  checkId: 'security.secrets',
  severity: 'critical',
  title: 't',
  message: 'm',
  location: null,
  effortMinutes: 1,
  fingerprint: 'f',
  blocker: true,
};

describe('area score', () => {
  it('is the weighted mean of pass/partial/fail checks, on 0..100', () => {
    expect(scoreArea([check('docs.a', 'pass', 1, 3), check('docs.b', 'fail', 0, 1)])).toBe(75);
    expect(scoreArea([check('docs.a', 'partial', 0.5, 1), check('docs.b', 'pass', 1, 1)])).toBe(75);
  });

  it('gives na, unknown and error no weight, and no score when nothing is scored', () => {
    const checks = [check('docs.a', 'pass', 1), check('docs.b', 'unknown', null), check('docs.c', 'na', null), check('docs.d', 'error', null)];
    expect(scoreArea(checks)).toBe(100);
    expect(scoreArea([check('docs.b', 'unknown', null)])).toBeNull();
  });

  it('shows a weight-0 check without counting it', () => {
    expect(scoreArea([check('docs.a', 'pass', 1, 1), check('docs.b', 'fail', 0, 0)])).toBe(100);
  });
});

describe('overall score', () => {
  it('is the weighted mean of the areas that have a score', () => {
    const categories = scoreCategories([check('docs.a', 'pass', 1), check('security.a', 'fail', 0), check('data.a', 'na', null)], {
      docs: 1,
      security: 3,
    });
    // Areas keep the catalogue's order; an area whose checks all do not apply has no score.
    expect(categories.map((c) => [c.id, c.score])).toEqual([
      ['docs', 100],
      ['data', null],
      ['security', 0],
    ]);
    expect(scoreOverall(categories, []).score).toBe(25);
  });

  it('is capped below the ready band by a blocker, keeping the uncapped figure', () => {
    const categories = scoreCategories([check('docs.a', 'pass', 1)]);
    const result = scoreOverall(categories, [blocker]);
    expect(result.score).toBe(BLOCKER_CAP);
    expect(result.grade).toBe('F');
    expect(result.cap).toMatchObject({ uncapped: 100 });
    expect(result.cap?.reason).toContain('security.secrets');
  });

  it('is null (not 0) when nothing could be scored', () => {
    expect(scoreOverall(scoreCategories([check('docs.a', 'unknown', null)]), [])).toEqual({ score: null, grade: null, cap: null });
  });

  it('maps scores to grades at the band edges', () => {
    expect([90, 89, 80, 79, 70, 60, 59, 0].map(gradeOf)).toEqual(['A', 'B', 'B', 'C', 'C', 'D', 'F', 'F']);
  });
});

describe('levels', () => {
  const all = (status: ReportCheck['status']) => LEVELS.flatMap((level) => level.checks).map((id) => check(id, status, status === 'pass' ? 1 : null));

  it('reaches gold when every level check passes or does not apply', () => {
    const checks = all('pass').map((c, i) => (i % 3 === 0 ? { ...c, status: 'na' as const, score: null } : c));
    expect(levelOf(checks)).toEqual({ id: 'gold', title: 'Operable', next: null });
  });

  it('stops at the first level with a missing check and names what is missing', () => {
    const checks = all('pass').map((c) => (c.id === 'testing.tests-present' ? { ...c, status: 'unknown' as const, score: null } : c));
    const level = levelOf(checks);
    expect(level.id).toBe('bronze');
    expect(level.next).toEqual({ id: 'silver', title: 'Safe to launch', missing: ['testing.tests-present'] });
  });

  it('treats a check that did not run as missing', () => {
    expect(levelOf([]).next?.missing).toEqual(LEVELS[0]!.checks);
  });

  it('names only checks that exist in the catalogue', () => {
    const ids = new Set(catalogue.map((c) => c.id));
    expect(LEVELS.flatMap((level) => level.checks).filter((id) => !ids.has(id))).toEqual([]);
  });
});
