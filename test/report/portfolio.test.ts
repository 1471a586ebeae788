import { describe, expect, it } from 'vitest';
import { buildPortfolio } from '../../src/report/portfolio.js';
import { FIXTURE_CHECKS, fixtureCheckInfo, fixtureReport } from '../render/fixture-report.js';

const passing = FIXTURE_CHECKS.map((check) =>
  check.status === 'fail' || check.status === 'partial' ? { ...check, status: 'pass' as const, score: 1 } : check,
);

describe('buildPortfolio', () => {
  const shop = fixtureReport();
  const api = fixtureReport({ checks: passing, findings: [], target: { path: 'api', commit: null, kind: 'service', name: 'acme-api' } });
  const unnamed = fixtureReport({ checks: [], findings: [], target: { path: 'tools/cli', commit: null, kind: 'cli', name: null } });
  const portfolio = buildPortfolio(
    [
      { source: 'shop.json', report: shop },
      { source: 'api.json', report: api },
      { source: 'cli.json', report: unnamed },
    ],
    fixtureCheckInfo,
  );

  it('ranks best score first, repositories without a score last', () => {
    expect(portfolio.ranking.map((entry) => entry.name)).toEqual(['acme-api', 'acme-shop', 'tools/cli']);
    expect(portfolio.ranking[2]!.score).toBeNull();
  });

  it('lists the failures repositories share, most common first', () => {
    const secrets = portfolio.commonFailures.find((failure) => failure.checkId === 'security.secrets');
    expect(secrets).toMatchObject({ repositories: ['acme-shop'], share: 1 / 3 });
    expect(portfolio.commonFailures.every((failure) => failure.repositories.length === 1)).toBe(true);
  });

  it('totals scores, findings, levels and effort', () => {
    expect(portfolio.totals.repositories).toBe(3);
    expect(portfolio.totals.averageScore).toBe(Math.round(((shop.score! + api.score!) / 2) * 10) / 10);
    expect(portfolio.totals.medianScore).toBe((shop.score! + api.score!) / 2);
    expect(portfolio.totals.findings).toMatchObject({ critical: 2, medium: 1, low: 1, high: 0 });
    expect(Object.values(portfolio.totals.levels).reduce((a, b) => a + b, 0)).toBe(3);
    expect(portfolio.totals.estimatedMinutes).toBe(portfolio.ranking.reduce((sum, entry) => sum + entry.estimatedMinutes, 0));
    expect(portfolio.totals.estimatedMinutes).toBeGreaterThan(0);
  });
});
