// Golden files: each format rendered from one fixed report. A change in wording or layout shows up
// as a diff here; when it is intended, regenerate with `UPDATE_GOLDEN=1 npx vitest run test/render`.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderAnnotations, renderGithubSummary } from '../../src/render/github.js';
import { FORMATS } from '../../src/render/index.js';
import { PORTFOLIO_FORMATS } from '../../src/render/portfolio.js';
import { buildPortfolio } from '../../src/report/portfolio.js';
import { evaluateBaseline, createBaseline } from '../../src/report/baseline.js';
import { fixtureCheckInfo } from './fixture-report.js';
import { options, previousReport, report } from './render-fixture.js';

function golden(name: string, actual: string): void {
  const url = new URL(`golden/${name}`, import.meta.url);
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(url, actual);
  if (!existsSync(url)) throw new Error(`no golden file test/render/golden/${name}: run with UPDATE_GOLDEN=1 once and review it`);
  expect(actual).toBe(readFileSync(url, 'utf8'));
}

describe('golden files', () => {
  it.each([
    ['report.txt', 'terminal'],
    ['report.json', 'json'],
    ['report.md', 'markdown'],
    ['report.html', 'html'],
    ['report.sarif', 'sarif'],
    ['report.gitlab.json', 'gitlab'],
  ] as const)('%s (--format %s)', (file, format) => {
    golden(file, FORMATS[format](report, options));
  });

  it('github annotations and job summary', () => {
    golden('github-annotations.txt', renderAnnotations(report));
    const baseline = evaluateBaseline(report, createBaseline(previousReport), { failOn: 'low' });
    golden(
      'github-summary.md',
      renderGithubSummary(report, { checkInfo: fixtureCheckInfo, baseline, gate: { passed: baseline.reasons.length === 0, reasons: baseline.reasons } }),
    );
  });

  it.each(['markdown', 'html', 'json'] as const)('portfolio (%s)', (format) => {
    const portfolio = buildPortfolio(
      [
        { source: 'reports/shop.json', report },
        { source: 'reports/shop-september.json', report: { ...previousReport, target: { ...previousReport.target, name: 'acme-shop (september)' } } },
      ],
      fixtureCheckInfo,
    );
    golden(`portfolio.${format === 'markdown' ? 'md' : format}`, PORTFOLIO_FORMATS[format](portfolio));
  });
});
