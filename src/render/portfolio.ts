// Views of a portfolio (many repositories' reports merged): Markdown, self-contained HTML, JSON.
import type { Portfolio, PortfolioEntry } from '../report/portfolio.js';
import { formatHours } from '../report/plan.js';
import { SEVERITIES } from '../core/types.js';
import { escapeHtml as e } from './html.js';
import { cell, textBar } from './markdown.js';
import { formatScore } from './shared.js';

const COMMON_FAILURES_SHOWN = 15;

function findingsText(entry: Pick<PortfolioEntry, 'findings'>): string {
  const parts = [...SEVERITIES].reverse().flatMap((severity) => (entry.findings[severity] > 0 ? [`${entry.findings[severity]} ${severity}`] : []));
  return parts.length === 0 ? 'none' : parts.join(', ');
}

function levelText(entry: PortfolioEntry): string {
  return entry.level.id === 'none' ? entry.level.title : `${entry.level.id} (${entry.level.title.toLowerCase()})`;
}

function totalsLines(portfolio: Portfolio): string[] {
  const { totals } = portfolio;
  return [
    `${totals.repositories} repositories; average score ${formatScore(totals.averageScore)}, median ${formatScore(totals.medianScore)}.`,
    `Levels: ${totals.levels.gold} gold, ${totals.levels.silver} silver, ${totals.levels.bronze} bronze, ${totals.levels.none} below bronze.`,
    `Findings: ${findingsText(totals)}. Estimated effort for every remediation plan: ${formatHours(totals.estimatedMinutes)}.`,
  ];
}

export function renderPortfolioMarkdown(portfolio: Portfolio): string {
  const out = ['# Production readiness across repositories', '', ...totalsLines(portfolio).flatMap((line) => [line, '']), '## Ranking', ''];
  out.push('| # | Repository | Score | | Grade | Level | To fix | Unknown | Findings | Effort |');
  out.push('| ---: | --- | ---: | --- | --- | --- | ---: | ---: | --- | ---: |');
  portfolio.ranking.forEach((entry, index) =>
    out.push(
      `| ${index + 1} | ${cell(entry.name)} | ${formatScore(entry.score)} | \`${textBar(entry.score, 10)}\` | ${entry.grade ?? '—'} | ` +
        `${cell(levelText(entry))} | ${entry.failing} | ${entry.unknown} | ${findingsText(entry)} | ${formatHours(entry.estimatedMinutes)} |`,
    ),
  );
  out.push('');
  out.push('## Common failures', '');
  if (portfolio.commonFailures.length === 0) out.push('No check fails in any repository.', '');
  else {
    out.push('Fixing these once, as a shared template or library, helps every repository listed.', '');
    out.push('| Check | Failing in | Repositories |', '| --- | ---: | --- |');
    for (const failure of portfolio.commonFailures.slice(0, COMMON_FAILURES_SHOWN)) {
      out.push(
        `| ${cell(failure.title)} (\`${failure.checkId}\`) | ${failure.repositories.length} (${Math.round(failure.share * 100)}%) | ` +
          `${cell(failure.repositories.join(', '))} |`,
      );
    }
    out.push('');
  }
  out.push('## Sources', '');
  for (const entry of portfolio.ranking) out.push(`- ${cell(entry.name)}: \`${entry.source}\` (${entry.generatedAt.slice(0, 10)})`);
  return `${out.join('\n')}\n`;
}

export function renderPortfolioHtml(portfolio: Portfolio): string {
  const ranking = portfolio.ranking
    .map(
      (entry, index) =>
        `<tr><td class="num">${index + 1}</td><td>${e(entry.name)}</td><td class="num">${formatScore(entry.score)}</td>` +
        `<td><svg width="120" height="12" role="img" aria-label="score ${formatScore(entry.score)}"><rect width="120" height="12" fill="#eceff1"/>` +
        `<rect width="${(((entry.score ?? 0) / 100) * 120).toFixed(1)}" height="12" fill="#546e7a"/></svg></td>` +
        `<td>${e(entry.grade ?? '—')}</td><td>${e(levelText(entry))}</td><td class="num">${entry.failing}</td><td class="num">${entry.unknown}</td>` +
        `<td>${e(findingsText(entry))}</td><td class="num">${formatHours(entry.estimatedMinutes)}</td></tr>`,
    )
    .join('\n');
  const failures =
    portfolio.commonFailures.length === 0
      ? '<p>No check fails in any repository.</p>'
      : '<p>Fixing these once, as a shared template or library, helps every repository listed.</p><table><thead><tr><th>Check</th><th class="num">Failing in</th><th>Repositories</th></tr></thead><tbody>' +
        portfolio.commonFailures
          .slice(0, COMMON_FAILURES_SHOWN)
          .map(
            (f) =>
              `<tr><td>${e(f.title)} <code>${e(f.checkId)}</code></td><td class="num">${f.repositories.length} (${Math.round(f.share * 100)}%)</td><td>${e(f.repositories.join(', '))}</td></tr>`,
          )
          .join('') +
        '</tbody></table>';
  const style =
    'body{margin:0;font:15px/1.5 system-ui,sans-serif;color:#1f2933}main{max-width:1100px;margin:0 auto;padding:32px 24px}' +
    'table{border-collapse:collapse;width:100%;font-size:14px;margin:8px 0 16px}th,td{border-bottom:1px solid #d9e0e6;padding:6px 8px;text-align:left}' +
    'th{background:#f6f8fa}.num{text-align:right}code{font:13px ui-monospace,monospace;background:#f3f5f7;padding:1px 4px}' +
    '@media print{main{max-width:none;padding:0}table{break-inside:auto}tr{break-inside:avoid}}';
  return (
    '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
    `<title>Production readiness across repositories</title>\n<style>${style}</style>\n</head>\n<body>\n<main>\n` +
    `<h1>Production readiness across repositories</h1>\n${totalsLines(portfolio).map((line) => `<p>${e(line)}</p>`).join('\n')}\n` +
    '<h2>Ranking</h2>\n<table><thead><tr><th class="num">#</th><th>Repository</th><th class="num">Score</th><th></th><th>Grade</th><th>Level</th>' +
    `<th class="num">To fix</th><th class="num">Unknown</th><th>Findings</th><th class="num">Effort</th></tr></thead><tbody>\n${ranking}\n</tbody></table>\n` +
    `<h2>Common failures</h2>\n${failures}\n</main>\n</body>\n</html>\n`
  );
}

function renderPortfolioJson(portfolio: Portfolio): string {
  return `${JSON.stringify({ portfolioVersion: 1, ...portfolio }, null, 2)}\n`;
}

export const PORTFOLIO_FORMATS = {
  markdown: renderPortfolioMarkdown,
  html: renderPortfolioHtml,
  json: renderPortfolioJson,
} satisfies Record<string, (portfolio: Portfolio) => string>;
