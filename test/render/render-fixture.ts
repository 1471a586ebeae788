// The inputs every renderer test uses: the fixed report, a previous one for --compare, and a fixed
// catalogue, so outputs do not change when checks are added to the real catalogue.
import type { RenderOptions } from '../../src/render/index.js';
import type { Report } from '../../src/report/schema.js';
import { FIXTURE_CHECKS, FIXTURE_FINDINGS, fixtureCheckInfo, fixtureReport } from './fixture-report.js';

export const report: Report = fixtureReport();

/** The audit two months earlier: tests were missing too, and the complexity finding was new since. */
export const previousReport: Report = fixtureReport({
  generatedAt: '2026-09-01T00:00:00.000Z',
  target: { path: '.', commit: 'fedcba9876543210fedcba9876543210fedcba98', kind: 'service', name: 'acme-shop' },
  checks: FIXTURE_CHECKS.map((check) => (check.id === 'docs.readme' ? { ...check, status: 'fail' as const, score: 0 } : check)),
  findings: [
    ...FIXTURE_FINDINGS.filter((finding) => finding.checkId !== 'code.complexity'),
    { ...FIXTURE_FINDINGS[3]!, checkId: 'docs.readme', message: 'README.md is empty', fingerprint: 'ffffffffffffffffffff' },
  ],
});

export const options: RenderOptions = { color: false, verbose: true, width: 80, checkInfo: fixtureCheckInfo, previous: previousReport, explainScore: true };
