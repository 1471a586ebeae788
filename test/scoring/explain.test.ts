import { describe, expect, it } from 'vitest';
import type { ReportCheck } from '../../src/report/schema.js';
import { explainScore, fixImpact, whatIf, whatIfSeries } from '../../src/scoring/explain.js';
import { BLOCKER_CAP } from '../../src/scoring/policy.js';
import { fixtureReport } from '../render/fixture-report.js';

function check(id: string, status: ReportCheck['status'], score: number | null, weight = 1): ReportCheck {
  return { id, category: id.split('.')[0] as ReportCheck['category'], title: id, status, score, weight, severity: 'medium', evidence: [], remediation: '', reason: null };
}

describe('explainScore', () => {
  const report = fixtureReport();
  const explanation = explainScore(report);

  it("adds each area's check points up to the area score", () => {
    for (const area of explanation.areas) {
      if (area.score === null) continue;
      const total = area.checks.reduce((sum, c) => sum + (c.areaPoints ?? 0), 0);
      expect(total).toBeCloseTo(area.score, 0);
    }
  });

  it('adds the areas up to the overall score before rounding and capping', () => {
    const total = explanation.areas.reduce((sum, area) => sum + (area.overallPoints ?? 0), 0);
    expect(explanation.exact).toBeCloseTo(total, 6);
    expect(Math.round(explanation.exact!)).toBe(report.cap!.uncapped);
    expect(report.score).toBe(BLOCKER_CAP);
  });

  it('gives n/a, unknown and errored checks no points and no loss', () => {
    const all = explanation.areas.flatMap((area) => area.checks);
    for (const id of ['docs.license', 'deps.outdated', 'observability.health-endpoint']) {
      expect(all.find((c) => c.id === id)).toMatchObject({ areaPoints: null, overallPoints: null, lostPoints: null });
    }
  });

  it('states the lost points of a check as its weight share of its area share', () => {
    // Two areas of equal weight; in docs, a failing check of weight 1 beside a passing one of weight 3.
    const categories = [
      { id: 'docs' as const, title: 'Documentation', score: 75, weight: 1 },
      { id: 'testing' as const, title: 'Testing', score: 100, weight: 1 },
    ];
    const checks = [check('docs.a', 'pass', 1, 3), check('docs.b', 'fail', 0, 1), check('testing.a', 'pass', 1)];
    const result = explainScore({ categories, checks, score: 88, cap: null });
    const lost = result.areas[0]!.checks.find((c) => c.id === 'docs.b')!.lostPoints;
    expect(lost).toBeCloseTo(12.5, 6); // 1/4 of the area, the area half of the whole
    expect(result.exact).toBeCloseTo(87.5, 6);
  });
});

describe('whatIf and fixImpact', () => {
  const checks = [check('docs.a', 'pass', 1, 3), check('docs.b', 'fail', 0, 1), check('testing.a', 'partial', 0.5), check('data.a', 'na', null)];
  const report = fixtureReport({ checks, findings: [] });

  it('recomputes through the scoring model with the fixed checks passing', () => {
    const before = whatIf(report, []);
    expect(before.score).toBe(report.score);
    // Policy weights: documentation 1, testing 2.
    expect(report.score).toBe(Math.round((75 * 1 + 50 * 2) / 3));
    const after = whatIf(report, ['docs.b']);
    expect(after.score).toBe(Math.round((100 * 1 + 50 * 2) / 3));
    expect(whatIf(report, ['docs.b', 'testing.a']).score).toBe(100);
  });

  it('does not turn a check that does not apply into a pass', () => {
    expect(whatIf(report, ['data.a']).score).toBe(report.score);
  });

  it('reports the exact gain of fixing one check, and the change in the whole-number score', () => {
    const impact = fixImpact(report, ['docs.b']);
    expect(impact.exact).toBeCloseTo(25 / 3, 6);
    expect(impact.points).toBe(67 - report.score!);
  });

  it('counts lifting a blocker cap as part of the gain', () => {
    const capped = fixtureReport();
    const impact = fixImpact(capped, ['security.secrets']);
    expect(capped.cap).not.toBeNull();
    expect(whatIf(capped, ['security.secrets']).cap).toBeNull();
    expect(impact.points).toBeGreaterThan(capped.cap!.uncapped - capped.cap!.score);
  });

  it('ranks other fixes by their uncapped gain while a blocker holds the score at the cap', () => {
    const capped = fixtureReport();
    const impact = fixImpact(capped, ['security.env-example']);
    expect(impact.points).toBe(0);
    expect(impact.exact).toBeGreaterThan(0);
    expect(impact.exact).toBeCloseTo(whatIf(capped, ['security.env-example']).exact! - whatIf(capped, []).exact!, 6);
  });

  it('lists what-if steps for the top 1, 3, 5… and all, ending with all', () => {
    const ids = ['a.1', 'a.2', 'a.3', 'a.4'];
    expect(whatIfSeries(report, ids).map((step) => step.fixed.length)).toEqual([1, 3, 4]);
    expect(whatIfSeries(report, [])).toEqual([]);
  });

  it('recomputes the level too', () => {
    const capped = fixtureReport();
    expect(capped.level.id).toBe('none');
    expect(whatIf(capped, ['security.secrets']).level.next?.missing).not.toContain('security.secrets');
  });
});
