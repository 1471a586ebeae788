// The client report as one self-contained HTML file: inline CSS, inline SVG charts, no scripts and
// no external assets, so it opens offline, can be mailed, and prints cleanly. Every piece of text
// from the report is escaped.
import { signed, type Comparison } from '../report/compare.js';
import type { HistogramBar } from '../report/metrics-views.js';
import { formatHours, type PlanItem } from '../report/plan.js';
import type { Report, ReportCategory, ReportFinding } from '../report/schema.js';
import { clientModel, headline, type ClientModel, type ClientOptions } from './client-model.js';
import { READY_SCORE } from '../scoring/policy.js';
import { unverifiedForLevel } from './markdown.js';
import { formatScore, leftOutSentence, locationText, messageBesideLocation, plural, STATUS_LABEL } from './shared.js';

const FINDINGS_PER_ITEM = 10;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

const e = escapeHtml;

/** Escaped prose in which `code spans`, as check authors write them, become <code>. */
function prose(text: string): string {
  return escapeHtml(text).replace(/`([^`]+)`/g, '<code>$1</code>');
}

function scoreClass(score: number | null): string {
  if (score === null) return 'none';
  return score >= READY_SCORE ? 'good' : score >= 60 ? 'fair' : 'poor';
}

const COLOURS: Record<string, string> = { good: '#2e7d32', fair: '#b26a00', poor: '#c62828', none: '#9e9e9e' };

function points(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return rounded === 0 && value > 0 ? '&lt;0.1' : String(rounded);
}

function table(head: readonly string[], rows: readonly string[][], numeric: readonly number[] = []): string {
  const th = head.map((h, i) => `<th${numeric.includes(i) ? ' class="num"' : ''}>${h}</th>`).join('');
  const body = rows
    .map((row) => `<tr>${row.map((c, i) => `<td${numeric.includes(i) ? ' class="num"' : ''}>${c}</td>`).join('')}</tr>`)
    .join('\n');
  return `<table><thead><tr>${th}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/** Horizontal bars, one per area, 0–100. */
export function areaChart(categories: readonly ReportCategory[]): string {
  const rowHeight = 28;
  const labelWidth = 210;
  const barWidth = 360;
  const height = categories.length * rowHeight + 8;
  const rows = categories.map((category, index) => {
    const y = index * rowHeight + 4;
    const width = category.score === null ? 0 : (category.score / 100) * barWidth;
    return (
      `<text x="0" y="${y + 17}" class="label">${e(category.title)}</text>` +
      `<rect x="${labelWidth}" y="${y + 4}" width="${barWidth}" height="18" rx="3" fill="#eceff1"/>` +
      `<rect x="${labelWidth}" y="${y + 4}" width="${width.toFixed(1)}" height="18" rx="3" fill="${COLOURS[scoreClass(category.score)]}"/>` +
      `<text x="${labelWidth + barWidth + 10}" y="${y + 17}" class="value">${formatScore(category.score)}</text>`
    );
  });
  return (
    `<svg class="chart" role="img" aria-labelledby="area-chart-title" viewBox="0 0 ${labelWidth + barWidth + 50} ${height}" ` +
    `width="${labelWidth + barWidth + 50}" height="${height}" xmlns="http://www.w3.org/2000/svg">` +
    `<title id="area-chart-title">Score per area, out of 100</title>${rows.join('')}</svg>`
  );
}

/** Vertical bars: how many functions fall in each complexity band. */
export function histogramChart(bars: readonly HistogramBar[], title = 'Functions per complexity band'): string {
  const width = 600;
  const height = 200;
  const plotHeight = height - 40;
  const max = Math.max(1, ...bars.map((bar) => bar.count));
  const slot = width / Math.max(1, bars.length);
  const columns = bars.map((bar, index) => {
    const h = (bar.count / max) * (plotHeight - 16);
    const x = index * slot + slot * 0.15;
    const y = plotHeight - h;
    return (
      `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${(slot * 0.7).toFixed(1)}" height="${h.toFixed(1)}" fill="#546e7a"/>` +
      `<text x="${(x + slot * 0.35).toFixed(1)}" y="${(y - 4).toFixed(1)}" class="value" text-anchor="middle">${bar.count}</text>` +
      `<text x="${(x + slot * 0.35).toFixed(1)}" y="${plotHeight + 18}" class="label" text-anchor="middle">${e(bar.label)}</text>`
    );
  });
  return (
    `<svg class="chart" role="img" aria-labelledby="histogram-title" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" ` +
    `xmlns="http://www.w3.org/2000/svg"><title id="histogram-title">${e(title)}</title>` +
    `<line x1="0" y1="${plotHeight}" x2="${width}" y2="${plotHeight}" stroke="#90a4ae"/>${columns.join('')}</svg>`
  );
}

function findingItem(finding: ReportFinding): string {
  const where = locationText(finding);
  return `<li>${where ? `<code>${e(where)}</code> ` : ''}${prose(messageBesideLocation(finding))}</li>`;
}

function summarySection(report: Report, model: ClientModel): Section {
  const parts: string[] = [];
  const cls = scoreClass(report.score);
  parts.push(
    `<div class="headline"><div class="score ${cls}" aria-label="overall score"><span class="big">${formatScore(report.score)}</span><span>/100</span></div>` +
      `<div><p class="grade">Grade <strong>${e(report.grade ?? '—')}</strong></p>` +
      `<p class="level level-${e(report.level.id)}">Level: <strong>${e(report.level.title)}</strong>${report.level.id === 'none' ? '' : ` (${e(report.level.id)})`}</p></div></div>`,
  );
  const scoreWords =
    report.score === null ? 'could not be scored' : `scores <strong>${report.score} out of 100</strong> (grade ${e(report.grade ?? '—')})`;
  parts.push(`<p>${e(model.name)} ${scoreWords} and has reached the level <strong>${e(report.level.title.toLowerCase())}</strong>.</p>`);
  if (report.cap) {
    parts.push(`<p class="warn">The score is capped at ${report.cap.score}; without the blockers it would be ${report.cap.uncapped} (${e(report.cap.reason)}).</p>`);
  }
  if (model.nextLevel) {
    parts.push(
      `<p>To reach the next level, <em>${e(model.nextLevel.title.toLowerCase())}</em>, these must pass:</p><ul class="needs">` +
        model.nextLevel.needs
          .map(
            (need) =>
              `<li>${need.standing === 'not run' ? '' : `${e(need.title)} `}<code>${e(need.id)}</code> ` +
              `<span class="status status-${e(need.standing.replace(/\s+/g, '-'))}">${need.standing === 'not run' ? 'not run in this audit' : e(need.standing)}</span></li>`,
          )
          .join('') +
        '</ul>',
    );
  } else {
    parts.push('<p>This is the highest level shipshape checks for.</p>');
  }
  if (model.risks.length > 0) {
    parts.push(
      `<h3>${model.risks.length === 1 ? 'The biggest risk' : `The ${model.risks.length} biggest risks`}</h3><ol class="risks">` +
        model.risks
          .map((item) => `<li><strong>${e(item.check.title)}</strong> <span class="sev sev-${item.severity}">${item.severity}</span><br>${prose(headline(item))}</li>`)
          .join('') +
        '</ol>',
    );
  }
  const all = model.plan.whatIf.at(-1);
  if (model.plan.items.length > 0 && all) {
    parts.push(
      `<p>The remediation plan has ${plural(model.plan.items.length, 'item')} and takes about <strong>${formatHours(model.plan.totalMinutes)}</strong>; ` +
        `done in full, the score would be ${formatScore(all.score)} and the level ${e(all.level.title.toLowerCase())}.</p>`,
    );
    const blocked = unverifiedForLevel(report, all.level);
    if (blocked.length > 0) {
      parts.push(
        `<p>Reaching <em>${e(all.level.next!.title.toLowerCase())}</em> also needs ${blocked.map((id) => `<code>${e(id)}</code>`).join(', ')} verified: fixing code alone cannot show it.</p>`,
      );
    }
  } else if (report.checks.length > 0) {
    parts.push('<p>Every check that applies passes.</p>');
  }
  if (model.unknown.length > 0) parts.push(`<p>${plural(model.unknown.length, 'check')} could not be verified from the files (see below).</p>`);
  return section('summary', 'Summary', parts.join('\n'));
}

interface Section {
  id: string;
  title: string;
  body: string;
}

function section(id: string, title: string, body: string): Section {
  return { id, title, body };
}

function renderSection({ id, title, body }: Section): string {
  return `<section id="${id}">\n<h2>${e(title)}</h2>\n${body}\n</section>`;
}

/** Contents for a long report; links do not print. */
function contents(sections: readonly Section[]): string {
  return `<nav aria-label="Contents"><ol>${sections.map((s) => `<li><a href="#${s.id}">${e(s.title)}</a></li>`).join('')}</ol></nav>`;
}

function progressSection(comparison: Comparison): Section {
  const { previous, current } = comparison;
  const delta = comparison.scoreDelta === null ? '' : ` (${signed(comparison.scoreDelta)})`;
  const parts = [
    `<p>Compared with the audit of ${e(previous.generatedAt.slice(0, 10))}${previous.commit ? ` at <code>${e(previous.commit.slice(0, 12))}</code>` : ''}:</p>`,
    '<ul>',
    `<li>Score: ${formatScore(previous.score)} → ${formatScore(current.score)}${delta}</li>`,
    `<li>Level: ${e(previous.level.title)} → ${e(current.level.title)}${comparison.levelChange === 'same' ? '' : ` (${comparison.levelChange})`}</li>`,
    `<li>Findings fixed: ${comparison.fixed.length}; new findings: ${comparison.added.length}</li>`,
    '</ul>',
  ];
  const changes = [...comparison.improved, ...comparison.regressed];
  if (changes.length > 0) {
    parts.push(table(['Check', 'Before', 'Now'], changes.map((c) => [`${e(c.title)} <code>${e(c.id)}</code>`, STATUS_LABEL[c.from], STATUS_LABEL[c.to]])));
  }
  for (const [title, findings] of [
    ['Fixed findings', comparison.fixed],
    ['New findings', comparison.added],
  ] as const) {
    if (findings.length === 0) continue;
    parts.push(`<h3>${title}</h3><ul>${findings.slice(0, 30).map(findingItem).join('')}${findings.length > 30 ? `<li>… and ${findings.length - 30} more</li>` : ''}</ul>`);
  }
  return section('progress', 'Progress since last audit', parts.join('\n'));
}

function planItem(item: PlanItem, index: number): string {
  const { check } = item;
  const evidence =
    item.findings.length > 0
      ? item.findings.slice(0, FINDINGS_PER_ITEM).map(findingItem).join('') +
        (item.findings.length > FINDINGS_PER_ITEM ? `<li>… and ${item.findings.length - FINDINGS_PER_ITEM} more in the JSON report</li>` : '')
      : (check.evidence.length > 0 ? check.evidence : ['(no detail recorded)']).map((line) => `<li>${prose(line)}</li>`).join('');
  const partial = check.status === 'partial' && check.score !== null ? ` (${Math.round(check.score * 100)}%)` : '';
  return (
    `<article class="item" id="fix-${e(check.id)}">` +
    `<h3>${index + 1}. ${e(check.title)}</h3>` +
    `<p class="meta"><code>${e(check.id)}</code> <span class="sev sev-${item.severity}">${item.severity}</span> ${STATUS_LABEL[check.status]}${partial}` +
    ` · gain <strong>${points(item.impact.exact)}</strong> points · effort ~${formatHours(item.effortMinutes)}</p>` +
    `<h4>Evidence</h4><ul class="evidence">${evidence}</ul>` +
    (item.rationale ? `<h4>Why it matters</h4><p>${prose(item.rationale)}</p>` : '') +
    `<h4>How to fix</h4><p>${prose(check.remediation)}</p>` +
    '</article>'
  );
}

function planSection(report: Report, model: ClientModel): Section {
  if (model.plan.items.length === 0) return section('plan', 'Remediation plan', '<p>Nothing to fix among the checks that ran.</p>');
  const rows = model.plan.items.map((item, index) => [
    String(index + 1),
    `<a href="#fix-${e(item.check.id)}">${e(item.check.title)}</a> <code>${e(item.check.id)}</code>`,
    `<span class="sev sev-${item.severity}">${item.severity}</span>`,
    points(item.impact.exact),
    formatHours(item.effortMinutes),
  ]);
  const whatIf = model.plan.whatIf.map((step) => [
    step.fixed.length === model.plan.items.length ? `all ${step.fixed.length}` : `top ${step.fixed.length}`,
    formatScore(step.score),
    e(step.grade ?? '—'),
    e(step.level.title),
  ]);
  return section(
    'plan',
    'Remediation plan',
    `<p>Ranked by points of the overall score gained per hour of work; a gain is what fixing that check alone would add. ` +
      `Total estimated effort: <strong>${formatHours(model.plan.totalMinutes)}</strong>.</p>\n` +
      (report.cap ? `<p>While a blocker stands the score stays at ${report.cap.score}, so gains are counted from the uncapped score.</p>\n` : '') +
      table(['#', 'Fix', 'Severity', 'Gain (points)', 'Effort'], rows, [0, 3, 4]) +
      '\n' +
      model.plan.items.map(planItem).join('\n') +
      `\n<h3>What if</h3>\n${table(['Fixed (in plan order)', 'Score', 'Grade', 'Level'], whatIf, [1])}`,
  );
}

function unknownSection(model: ClientModel): Section | null {
  if (model.unknown.length === 0) return null;
  return section(
    'unverified',
    'What we could not verify',
    '<p>These checks apply, but the files did not show the answer. They do not count as passes. Check each by hand; once confirmed, ' +
      'a team can record it with an expiry in <code>.shipshape/attestations.json</code>.</p><ul>' +
      model.unknown
        .map((check) => `<li><strong>${e(check.title)}</strong> <code>${e(check.id)}</code>: ${prose(check.reason ?? 'no evidence could be collected')}. To check by hand: ${prose(check.remediation)}</li>`)
        .join('') +
      '</ul>',
  );
}

function hotspotsSection(model: ClientModel): Section | null {
  const metrics = model.code;
  if (!metrics) return null;
  const parts: string[] = [];
  if (metrics.summary.length > 0) parts.push(`<p>${metrics.summary.map((s) => `${e(s.label)}: ${e(s.value)}`).join(' · ')}</p>`);
  if (metrics.histogram) {
    const title = `Functions by ${metrics.histogram.measure}`;
    parts.push(`<h3>${e(title)}</h3>${histogramChart(metrics.histogram.bars, title)}`);
  }
  if (metrics.hotspots.length > 0) {
    parts.push(
      '<h3>The most complex functions</h3>' +
        table(
          ['Function', 'Where', 'Cognitive', 'Cyclomatic', 'Lines'],
          metrics.hotspots.map((fn) => [
            `<code>${e(fn.name)}</code>`,
            `<code>${e(fn.line === undefined ? fn.file : `${fn.file}:${fn.line}`)}</code>`,
            fn.cognitive === undefined ? '—' : String(fn.cognitive),
            String(fn.cyclomatic),
            fn.lines === undefined ? '—' : String(fn.lines),
          ]),
          [2, 3, 4],
        ),
    );
  }
  return section('hotspots', 'Code hotspots', parts.join('\n'));
}

function upgradesSection(model: ClientModel): Section | null {
  if (model.upgrades.length === 0) return null;
  const rows = model.upgrades.map((wave, index) => [
    String(index + 1),
    wave.packages.map((p) => `<code>${e(p.name)}</code>${p.from || p.to ? ` ${e(p.from ?? '?')} → ${e(p.to ?? '?')}` : ''}`).join(', '),
    e(wave.risk ?? '—'),
    wave.effortMinutes === null ? '—' : formatHours(wave.effortMinutes),
    e([wave.note, wave.importingFiles === null ? null : `imported in ${plural(wave.importingFiles, 'file')}`, wave.releaseDate ? `released ${wave.releaseDate.slice(0, 10)}` : null].filter(Boolean).join('; ') || '—'),
  ]);
  return section(
    'upgrades',
    'Dependency upgrade plan',
    '<p>Major upgrades grouped into waves of packages that move together, in the order to schedule them.</p>' +
      table(['Wave', 'Packages', 'Risk', 'Effort', 'Notes'], rows, [0, 3]),
  );
}

function explanationSection(report: Report, model: ClientModel): Section {
  const { explanation } = model;
  const parts = [
    `<p>An area score is the weighted mean of its scored checks; the overall score is the weighted mean of the area scores` +
      `${explanation.exact === null ? '' : ` (${points(explanation.exact)}, rounded to ${formatScore(report.cap ? report.cap.uncapped : report.score)})`}. ` +
      'Checks that are n/a, unknown or errored carry no weight.' +
      `${report.cap ? ` A blocker caps the score at ${report.cap.score}.` : ''}</p>`,
  ];
  for (const area of explanation.areas) {
    parts.push(
      `<h3>${e(area.title)}: ${formatScore(area.score)}</h3><p>Weight ${area.weight}, ${Math.round(area.share * 100)}% of the overall score; supplies ` +
        `${area.overallPoints === null ? 'nothing (no scored checks)' : `${points(area.overallPoints)} points`}.</p>` +
        table(
          ['Check', 'Status', 'Weight', 'Score', 'Area points', 'Overall points lost'],
          area.checks.map((check) => [
            `<code>${e(check.id)}</code>`,
            STATUS_LABEL[check.status],
            String(check.weight),
            check.score === null ? '—' : String(Math.round(check.score * 100)),
            check.areaPoints === null ? '—' : points(check.areaPoints),
            check.lostPoints === null ? '—' : points(check.lostPoints),
          ]),
          [2, 3, 4, 5],
        ),
    );
  }
  return section('explanation', 'How the score is computed', parts.join('\n'));
}

function appendixSection(report: Report): Section {
  const rows = [...report.checks]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((check) => [
      `<code>${e(check.id)}</code>`,
      e(check.title),
      `<span class="status status-${check.status}">${STATUS_LABEL[check.status]}${check.attested ? ' (attested)' : ''}</span>`,
      check.score === null ? '—' : String(Math.round(check.score * 100)),
      prose(check.attested ? check.evidence.at(-1) ?? '' : check.reason ?? check.evidence[0] ?? ''),
    ]);
  return section('appendix', 'Appendix: every check', table(['Check', 'Title', 'Status', 'Score', 'Notes'], rows, [3]));
}

const STYLE = `
:root{--ink:#1f2933;--muted:#5f6b76;--line:#d9e0e6;--good:#2e7d32;--fair:#b26a00;--poor:#c62828}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:var(--ink);background:#fff}
main{max-width:960px;margin:0 auto;padding:32px 24px 64px}
h1{font-size:28px;margin:0 0 4px}h2{font-size:21px;margin:40px 0 12px;padding-bottom:4px;border-bottom:2px solid var(--line)}
h3{font-size:17px;margin:24px 0 8px}h4{font-size:14px;margin:12px 0 4px;color:var(--muted);text-transform:uppercase;letter-spacing:.04em}
.byline{color:var(--muted);margin:0}
code{font:13px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:#f3f5f7;padding:1px 4px;border-radius:3px;word-break:break-word}
table{border-collapse:collapse;width:100%;margin:8px 0 16px;font-size:14px}
th,td{border-bottom:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top}
th{background:#f6f8fa}td.num,th.num{text-align:right;white-space:nowrap}
.headline{display:flex;gap:24px;align-items:center;margin:8px 0 16px}
.score{border-radius:12px;padding:12px 20px;color:#fff;min-width:140px;text-align:center}
.score .big{font-size:48px;font-weight:700;line-height:1}.score.good{background:var(--good)}.score.fair{background:var(--fair)}.score.poor{background:var(--poor)}.score.none{background:#9e9e9e}
.grade,.level{margin:2px 0;font-size:17px}
.warn{border-left:4px solid var(--poor);padding:4px 12px;background:#fdecea}
.sev{display:inline-block;border-radius:3px;padding:0 6px;font-size:12px;font-weight:600;color:#fff;background:#78909c}
.sev-critical{background:#8e0000}.sev-high{background:var(--poor)}.sev-medium{background:var(--fair)}.sev-low{background:#1565c0}
.status{font-size:13px}.status-fail{color:var(--poor);font-weight:600}.status-partial{color:var(--fair);font-weight:600}.status-pass{color:var(--good)}.status-unknown,.status-not-run{color:#6a1b9a}
.item{border:1px solid var(--line);border-radius:8px;padding:4px 16px 8px;margin:12px 0}
.item .meta{color:var(--muted);margin:0}
.chart{max-width:100%;height:auto;display:block;margin:8px 0}
.chart .label{font-size:13px;fill:var(--ink)}.chart .value{font-size:13px;font-weight:600;fill:var(--ink)}
footer{margin-top:48px;color:var(--muted);font-size:13px}
nav ol{margin:16px 0 0;padding:0;list-style:none;display:flex;flex-wrap:wrap;gap:4px 16px;font-size:14px}
@media print{
  body{font-size:11pt}main{max-width:none;padding:0}
  h2{break-after:avoid}.item,table,.chart,.headline{break-inside:avoid}
  a{color:inherit;text-decoration:none}nav{display:none}
  .score,.sev{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
@page{margin:16mm}
`;

export function renderHtml(report: Report, options: ClientOptions = {}): string {
  const model = clientModel(report, options);
  const commit = report.target.commit ? ` at commit <code>${e(report.target.commit.slice(0, 12))}</code>` : '';
  const leftOut = leftOutSentence(report, (path) => `<code>${e(path)}</code>`);
  const errors =
    report.errors.length === 0
      ? null
      : section(
          'errors',
          'Errors',
          '<p>These parts of the audit failed; their checks count neither for nor against the score.</p><ul>' +
            report.errors.map((error) => `<li><code>${e(error.source)}</code>: ${prose(error.message)}</li>`).join('') +
            '</ul>',
        );
  const sections = [
    summarySection(report, model),
    model.comparison ? progressSection(model.comparison) : null,
    section('areas', 'Scores by area', areaChart(report.categories)),
    planSection(report, model),
    unknownSection(model),
    hotspotsSection(model),
    upgradesSection(model),
    explanationSection(report, model),
    errors,
    appendixSection(report),
  ].filter((s): s is Section => s !== null);
  const body = [
    `<header><h1>Production readiness: ${e(model.name)}</h1>`,
    `<p class="byline">Audited by shipshape ${e(report.tool.version)} on ${e(report.generatedAt.slice(0, 10))}${commit} (project kind: ${e(report.target.kind)}).</p>` +
      `${leftOut ? `<p class="byline">${leftOut}</p>` : ''}</header>`,
    contents(sections),
    ...sections.map(renderSection),
    `<footer>Generated by shipshape ${e(report.tool.version)} · report schema v${report.schemaVersion} · ${e(report.generatedAt)}</footer>`,
  ];
  return (
    '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
    `<title>Production readiness: ${e(model.name)}</title>\n<style>${STYLE}</style>\n</head>\n<body>\n<main>\n${body.join('\n')}\n</main>\n</body>\n</html>\n`
  );
}
