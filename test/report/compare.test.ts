import { describe, expect, it } from 'vitest';
import { compareReports, signed } from '../../src/report/compare.js';
import { FIXTURE_CHECKS, FIXTURE_FINDINGS, fixtureReport } from '../render/fixture-report.js';

describe('compareReports', () => {
  const previous = fixtureReport({ generatedAt: '2026-09-01T00:00:00.000Z' });
  // Since then: the secrets were removed (one finding moved file), a test suite was added, a new finding appeared.
  const checks = FIXTURE_CHECKS.map((check) =>
    check.id === 'security.secrets' || check.id === 'testing.tests-present' ? { ...check, status: 'pass' as const, score: 1 } : check,
  ).map((check) => (check.id === 'deps.lockfile' ? { ...check, status: 'fail' as const, score: 0 } : check));
  const findings = [
    ...FIXTURE_FINDINGS.filter((finding) => finding.checkId !== 'security.secrets').map((finding) =>
      finding.location ? { ...finding, location: { ...finding.location, line: (finding.location.line ?? 1) + 10 } } : finding,
    ),
    { ...FIXTURE_FINDINGS[2]!, message: 'another complex function', fingerprint: 'eeeeeeeeeeeeeeeeeeee' },
  ];
  const current = fixtureReport({ checks, findings });
  const comparison = compareReports(previous, current);

  it('matches findings by fingerprint, so moved findings are neither fixed nor new', () => {
    expect(comparison.fixed.map((f) => f.fingerprint).sort()).toEqual(['aaaaaaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbbbbbb']);
    expect(comparison.added.map((f) => f.fingerprint)).toEqual(['eeeeeeeeeeeeeeeeeeee']);
  });

  it('reports the score and level change', () => {
    expect(comparison.scoreDelta).toBe(current.score! - previous.score!);
    expect(comparison.scoreDelta).toBeGreaterThan(0);
    expect(comparison.previous.generatedAt).toBe('2026-09-01T00:00:00.000Z');
    expect(comparison.levelChange).toBe('same');
  });

  it('lists checks that improved and regressed, leaving unknown and n/a out', () => {
    expect(comparison.improved.map((c) => c.id).sort()).toEqual(['security.secrets', 'testing.tests-present']);
    expect(comparison.regressed).toEqual([{ id: 'deps.lockfile', title: 'A lockfile is committed', from: 'pass', to: 'fail' }]);
  });

  it('has no score change when either report has no score', () => {
    expect(compareReports({ ...previous, score: null }, current).scoreDelta).toBeNull();
  });

  it('signs a delta for display', () => {
    expect([signed(3), signed(-2), signed(0)]).toEqual(['+3', '−2', '±0']);
  });
});
