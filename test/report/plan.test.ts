import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/types.js';
import { biggestRisks, formatHours, remediationPlan, UNKNOWN_EFFORT_MINUTES } from '../../src/report/plan.js';
import type { ReportCheck } from '../../src/report/schema.js';
import { fixtureCheckInfo, fixtureReport } from '../render/fixture-report.js';

function check(id: string, status: ReportCheck['status'], weight: number, severity: ReportCheck['severity'] = 'medium'): ReportCheck {
  return {
    id,
    category: id.split('.')[0] as ReportCheck['category'],
    title: id,
    status,
    score: status === 'pass' ? 1 : status === 'fail' ? 0 : null,
    weight,
    severity,
    evidence: [],
    remediation: '',
    reason: null,
  };
}

function finding(checkId: string, effortMinutes: number, extra: Partial<Finding> = {}): Finding {
  return { checkId, severity: 'medium', title: checkId, message: 'm', location: null, effortMinutes, fingerprint: `${checkId}-${effortMinutes}`, ...extra };
}

describe('remediation plan', () => {
  it('ranks by points gained per hour, so a cheap small fix comes before an expensive big one', () => {
    const checks = [check('docs.big', 'fail', 3), check('docs.small', 'fail', 1), check('docs.ok', 'pass', 1)];
    const report = fixtureReport({ checks, findings: [finding('docs.big', 600), finding('docs.small', 10)] });
    const plan = remediationPlan(report);
    expect(plan.items.map((item) => item.check.id)).toEqual(['docs.small', 'docs.big']);
    const [small, big] = plan.items;
    expect(big!.impact.exact).toBeGreaterThan(small!.impact.exact);
    expect(small!.pointsPerHour).toBeGreaterThan(big!.pointsPerHour);
  });

  it("sums the findings' effort, else takes the catalogue's estimate, else a stated default", () => {
    const checks = [check('docs.a', 'fail', 1), check('docs.b', 'fail', 1), check('code.c', 'fail', 1)];
    const report = fixtureReport({ checks, findings: [finding('docs.a', 15), finding('docs.a', 25, { fingerprint: 'x' })] });
    const plan = remediationPlan(report, (id) => (id === 'docs.b' ? { rationale: 'why b', effortMinutes: 45 } : undefined));
    const effort = Object.fromEntries(plan.items.map((item) => [item.check.id, item.effortMinutes]));
    expect(effort).toEqual({ 'docs.a': 40, 'docs.b': 45, 'code.c': UNKNOWN_EFFORT_MINUTES });
    expect(plan.totalMinutes).toBe(40 + 45 + UNKNOWN_EFFORT_MINUTES);
    expect(plan.items.find((item) => item.check.id === 'docs.b')!.rationale).toBe('why b');
  });

  it('leaves passing, n/a, unknown and errored checks out of the plan', () => {
    const plan = remediationPlan(fixtureReport(), fixtureCheckInfo);
    const ids = plan.items.map((item) => item.check.id).sort();
    expect(ids).toEqual(['code.complexity', 'docs.readme-setup', 'security.env-example', 'security.secrets', 'testing.tests-present']);
  });

  it('ends the what-if series with every item fixed', () => {
    const plan = remediationPlan(fixtureReport(), fixtureCheckInfo);
    const last = plan.whatIf.at(-1)!;
    expect(last.fixed).toHaveLength(plan.items.length);
    expect(last.score).toBeGreaterThan(fixtureReport().score!);
    expect(last.cap).toBeNull();
  });

  it("shows a check's most severe finding's severity, not its default, when it has findings", () => {
    const checks = [check('security.a', 'fail', 1, 'critical'), check('security.b', 'fail', 1, 'high'), check('docs.c', 'fail', 1, 'low')];
    const findings = [
      finding('security.a', 5, { severity: 'low', fingerprint: 'a1' }),
      finding('security.b', 5, { severity: 'high', fingerprint: 'b1' }),
      finding('security.b', 5, { severity: 'info', fingerprint: 'b2' }),
    ];
    const plan = remediationPlan(fixtureReport({ checks, findings }));
    const severity = Object.fromEntries(plan.items.map((item) => [item.check.id, item.severity]));
    // A check without findings keeps its own.
    expect(severity).toEqual({ 'security.a': 'low', 'security.b': 'high', 'docs.c': 'low' });
    expect(biggestRisks(plan, 1).map((item) => item.check.id)).toEqual(['security.b']);
  });

  it('puts blockers first among the biggest risks, then severity, then the points at stake', () => {
    const plan = remediationPlan(fixtureReport(), fixtureCheckInfo);
    // Both medium: the security check weighs more than the documentation one.
    expect(biggestRisks(plan).map((item) => item.check.id)).toEqual(['security.secrets', 'testing.tests-present', 'security.env-example']);
  });
});

describe('formatHours', () => {
  it.each([
    [5, '5 min'],
    [59, '59 min'],
    [60, '1 h'],
    [100, '1.5 h'],
    [600, '10 h'],
    [6000, '100 h'],
  ])('%d minutes read as %s', (minutes, text) => {
    expect(formatHours(minutes)).toBe(text);
  });
});
