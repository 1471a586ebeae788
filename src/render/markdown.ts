// The client report in Markdown: an executive summary in plain words, scores per area, the
// remediation plan ranked by points per hour, what could not be verified, how the score was
// computed, hotspots and upgrade waves when those analyzers ran, and every check in an appendix.
import { signed, type Comparison } from '../report/compare.js';
import { formatHours, type PlanItem } from '../report/plan.js';
import type { Report, ReportFinding } from '../report/schema.js';
import { clientModel, headline, type ClientModel, type ClientOptions } from './client-model.js';
import { formatScore, leftOutSentence, locationText, messageBesideLocation, plural, STATUS_LABEL } from './shared.js';

const FINDINGS_PER_ITEM = 10;
const BAR_WIDTH = 20;

const AUTOLINK = /(https?:\/\/[^\s<>`]*[^\s<>`.,;:!?)'"]|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)/;

function escapeProse(text: string): string {
  // Bare addresses become autolinks (<…>), whose content Markdown takes literally.
  return text
    .split(AUTOLINK)
    .map((part, index) => (index % 2 === 1 ? `<${part}>` : part.replace(/[\\*_<>[\]`]/g, (ch) => `\\${ch}`)))
    .join('');
}

/**
 * Report text comes from files of the audited repository: keep it from turning into HTML, links
 * or emphasis. Code spans (`…`) are left alone, since Markdown shows their content literally.
 */
export function inline(text: string): string {
  const parts = text.replace(/\r?\n/g, ' ').split(/(`[^`]+`)/);
  return parts.map((part, index) => (index % 2 === 1 ? part : escapeProse(part))).join('');
}

/** Table cells cannot hold pipes or line breaks either. */
export function cell(text: string): string {
  return inline(text).replace(/\|/g, '\\|');
}

function code(text: string): string {
  const fence = text.includes('`') ? '``' : '`';
  return `${fence}${fence.length === 2 ? ` ${text} ` : text}${fence}`;
}

export function textBar(score: number | null, width = BAR_WIDTH): string {
  if (score === null) return '·'.repeat(width);
  const filled = Math.round((score / 100) * width);
  return '█'.repeat(filled) + '░'.repeat(width - filled);
}

function points(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return rounded === 0 && value > 0 ? '<0.1' : String(rounded);
}

function findingLine(finding: ReportFinding): string {
  const where = locationText(finding);
  return `- ${where ? `${code(where)} ` : ''}${inline(messageBesideLocation(finding))}`;
}

/** `short`: the job summary, which has no section on unverified checks to point to. */
/** Checks a level needs that no fix in the plan can settle: unknown, errored or not run. */
export function unverifiedForLevel(report: Report, level: Report['level']): string[] {
  const status = new Map(report.checks.map((check) => [check.id, check.status]));
  return (level.next?.missing ?? []).filter((id) => {
    const s = status.get(id);
    return s === undefined || s === 'unknown' || s === 'error';
  });
}

export function summarySection(report: Report, model: ClientModel, short = false): string[] {
  const out: string[] = ['## Summary', ''];
  const score = report.score === null ? 'could not be scored' : `scores **${report.score} out of 100** (grade ${report.grade})`;
  out.push(
    `${inline(model.name)} ${score} and has reached the level **${inline(report.level.title.toLowerCase())}**` +
      `${report.level.id === 'none' ? '' : ` (${report.level.id})`}.`,
    '',
  );
  if (report.cap) {
    out.push(`The score is capped at ${report.cap.score}; without the blockers it would be ${report.cap.uncapped} (${inline(report.cap.reason)}).`, '');
  }
  if (model.nextLevel) {
    out.push(`To reach the next level, *${inline(model.nextLevel.title.toLowerCase())}*, these must pass:`, '');
    for (const need of model.nextLevel.needs) {
      out.push(need.standing === 'not run' ? `- ${code(need.id)} (not run in this audit)` : `- ${inline(need.title)} (${code(need.id)}: ${need.standing})`);
    }
    out.push('');
  } else {
    out.push('This is the highest level shipshape checks for.', '');
  }
  if (model.risks.length > 0) {
    out.push(`The ${model.risks.length === 1 ? 'biggest risk' : `${model.risks.length} biggest risks`}:`, '');
    model.risks.forEach((item, index) =>
      out.push(`${index + 1}. **${inline(item.check.title)}** (${item.severity}) — ${inline(headline(item))}`),
    );
    out.push('');
  }
  const all = model.plan.whatIf.at(-1);
  if (model.plan.items.length > 0 && all) {
    out.push(
      `The remediation plan below has ${plural(model.plan.items.length, 'item')} and takes about ` +
        `**${formatHours(model.plan.totalMinutes)}**; done in full, the score would be ${formatScore(all.score)} ` +
        `and the level ${inline(all.level.title.toLowerCase())}.`,
      '',
    );
    const blocked = unverifiedForLevel(report, all.level);
    if (blocked.length > 0) {
      out.push(`Reaching *${inline(all.level.next!.title.toLowerCase())}* also needs ${blocked.map(code).join(', ')} verified: fixing code alone cannot show it.`, '');
    }
  } else if (report.checks.length > 0) {
    out.push('Every check that applies passes.', '');
  }
  if (model.unknown.length > 0) {
    const where = short ? 'the full report lists them' : 'see *What we could not verify*';
    out.push(`${plural(model.unknown.length, 'check')} could not be verified from the files; ${where}.`, '');
  }
  return out;
}

export function progressSection(comparison: Comparison): string[] {
  const { previous, current } = comparison;
  const out = ['## Progress since last audit', ''];
  const delta = comparison.scoreDelta === null ? '' : ` (${signed(comparison.scoreDelta)})`;
  out.push(
    `Compared with the audit of ${previous.generatedAt.slice(0, 10)}${previous.commit ? ` at ${code(previous.commit.slice(0, 12))}` : ''}:`,
    '',
    `- Score: ${formatScore(previous.score)} → ${formatScore(current.score)}${delta}`,
    `- Level: ${inline(previous.level.title)} → ${inline(current.level.title)}` +
      `${comparison.levelChange === 'same' ? '' : comparison.levelChange === 'up' ? ' (up)' : ' (down)'}`,
    `- Findings fixed: ${comparison.fixed.length}; new findings: ${comparison.added.length}`,
    '',
  );
  if (comparison.improved.length > 0 || comparison.regressed.length > 0) {
    out.push('| Check | Before | Now |', '| --- | --- | --- |');
    for (const change of [...comparison.improved, ...comparison.regressed]) {
      out.push(`| ${cell(change.title)} (${code(change.id)}) | ${STATUS_LABEL[change.from]} | ${STATUS_LABEL[change.to]} |`);
    }
    out.push('');
  }
  for (const [title, findings] of [
    ['Fixed', comparison.fixed],
    ['New', comparison.added],
  ] as const) {
    if (findings.length === 0) continue;
    out.push(`### ${title} findings`, '');
    for (const finding of findings.slice(0, 30)) out.push(findingLine(finding));
    if (findings.length > 30) out.push(`- … and ${findings.length - 30} more`);
    out.push('');
  }
  return out;
}

function areasSection(report: Report): string[] {
  const out = ['## Scores by area', '', '| Area | Score | | Weight |', '| --- | ---: | --- | ---: |'];
  for (const category of report.categories) {
    out.push(`| ${cell(category.title)} | ${formatScore(category.score)} | ${code(textBar(category.score))} | ${category.weight} |`);
  }
  out.push('');
  return out;
}

function planItemSection(item: PlanItem, index: number): string[] {
  const { check } = item;
  const out = [`### ${index + 1}. ${inline(check.title)}`, ''];
  out.push(
    `${code(check.id)} · ${item.severity} · ${STATUS_LABEL[check.status]}` +
      `${check.status === 'partial' && check.score !== null ? ` (${Math.round(check.score * 100)}%)` : ''}` +
      ` · gain ${points(item.impact.exact)} points · effort ~${formatHours(item.effortMinutes)}`,
    '',
  );
  out.push('Evidence:', '');
  if (item.findings.length > 0) {
    for (const finding of item.findings.slice(0, FINDINGS_PER_ITEM)) out.push(findingLine(finding));
    if (item.findings.length > FINDINGS_PER_ITEM) out.push(`- … and ${item.findings.length - FINDINGS_PER_ITEM} more in the JSON report`);
  } else {
    for (const evidence of check.evidence.length > 0 ? check.evidence : ['(no detail recorded)']) out.push(`- ${inline(evidence)}`);
  }
  out.push('');
  if (item.rationale) out.push(`Why it matters: ${inline(item.rationale)}`, '');
  out.push(`How to fix: ${inline(check.remediation)}`, '');
  return out;
}

export function planTable(items: readonly PlanItem[]): string[] {
  const out = ['| # | Fix | Severity | Gain (points) | Effort |', '| ---: | --- | --- | ---: | ---: |'];
  items.forEach((item, index) =>
    out.push(
      `| ${index + 1} | ${cell(item.check.title)} (${code(item.check.id)}) | ${item.severity} | ` +
        `${points(item.impact.exact)} | ${formatHours(item.effortMinutes)} |`,
    ),
  );
  out.push('');
  return out;
}

function planSection(report: Report, model: ClientModel): string[] {
  const out = ['## Remediation plan', ''];
  if (model.plan.items.length === 0) return [...out, 'Nothing to fix among the checks that ran.', ''];
  out.push(
    `Ranked by points of the overall score gained per hour of work; a gain is what fixing that check alone ` +
      `would add. Total estimated effort: **${formatHours(model.plan.totalMinutes)}**.`,
    '',
    ...(report.cap ? [`While a blocker stands the score stays at ${report.cap.score}, so gains are counted from the uncapped score.`, ''] : []),
    ...planTable(model.plan.items),
  );
  model.plan.items.forEach((item, index) => out.push(...planItemSection(item, index)));
  out.push('### What if', '', '| Fixed (in plan order) | Score | Grade | Level |', '| --- | ---: | --- | --- |');
  for (const step of model.plan.whatIf) {
    const label = step.fixed.length === model.plan.items.length ? `all ${step.fixed.length}` : `top ${step.fixed.length}`;
    out.push(`| ${label} | ${formatScore(step.score)} | ${step.grade ?? '—'} | ${cell(step.level.title)} |`);
  }
  out.push('');
  return out;
}

function unknownSection(model: ClientModel): string[] {
  if (model.unknown.length === 0) return [];
  const out = [
    '## What we could not verify',
    '',
    'These checks apply, but the files did not show the answer. They do not count as passes. Check each by hand; ' +
      'once confirmed, a team can record it with an expiry in `.shipshape/attestations.json`.',
    '',
  ];
  for (const check of model.unknown) {
    out.push(`- **${inline(check.title)}** (${code(check.id)}): ${inline(check.reason ?? 'no evidence could be collected')}. To check by hand: ${inline(check.remediation)}`);
  }
  out.push('');
  return out;
}

function explanationSection(model: ClientModel, report: Report): string[] {
  const { explanation } = model;
  const out = ['## How the score is computed', ''];
  out.push(
    'An area score is the weighted mean of its scored checks; the overall score is the weighted mean of the area ' +
      `scores${explanation.exact === null ? '' : ` (${points(explanation.exact)}, rounded to ${formatScore(report.cap ? report.cap.uncapped : report.score)})`}. ` +
      'Checks that are n/a, unknown or errored carry no weight.',
    '',
  );
  if (report.cap) out.push(`A blocker caps the score at ${report.cap.score}.`, '');
  for (const area of explanation.areas) {
    out.push(
      `### ${inline(area.title)}: ${formatScore(area.score)}`,
      '',
      `Weight ${area.weight}, ${Math.round(area.share * 100)}% of the overall score; supplies ` +
        `${area.overallPoints === null ? 'nothing (no scored checks)' : `${points(area.overallPoints)} points`}.`,
      '',
      '| Check | Status | Weight | Score | Area points | Overall points lost |',
      '| --- | --- | ---: | ---: | ---: | ---: |',
    );
    for (const check of area.checks) {
      out.push(
        `| ${code(check.id)} | ${STATUS_LABEL[check.status]} | ${check.weight} | ` +
          `${check.score === null ? '—' : Math.round(check.score * 100)} | ` +
          `${check.areaPoints === null ? '—' : points(check.areaPoints)} | ${check.lostPoints === null ? '—' : points(check.lostPoints)} |`,
      );
    }
    out.push('');
  }
  return out;
}

function hotspotsSection(model: ClientModel): string[] {
  const { code: metrics } = model;
  if (!metrics) return [];
  const out = ['## Code hotspots', ''];
  if (metrics.summary.length > 0) out.push(metrics.summary.map((entry) => `${entry.label}: ${entry.value}`).join(' · '), '');
  if (metrics.histogram) {
    out.push(`Functions by ${metrics.histogram.measure}:`, '', '| Complexity | Functions |', '| --- | ---: |');
    for (const bar of metrics.histogram.bars) out.push(`| ${cell(bar.label)} | ${bar.count} |`);
    out.push('');
  }
  if (metrics.hotspots.length > 0) {
    out.push('The most complex functions, where changes are riskiest:', '', '| Function | Where | Cognitive | Cyclomatic | Lines |', '| --- | --- | ---: | ---: | ---: |');
    for (const fn of metrics.hotspots) {
      out.push(
        `| ${code(fn.name)} | ${code(fn.line === undefined ? fn.file : `${fn.file}:${fn.line}`)} | ${fn.cognitive ?? '—'} | ` +
          `${fn.cyclomatic} | ${fn.lines ?? '—'} |`,
      );
    }
    out.push('');
  }
  return out;
}

function upgradesSection(model: ClientModel): string[] {
  if (model.upgrades.length === 0) return [];
  const out = [
    '## Dependency upgrade plan',
    '',
    'Major upgrades grouped into waves of packages that move together, in the order to schedule them.',
    '',
    '| Wave | Packages | Risk | Effort | Notes |',
    '| ---: | --- | --- | ---: | --- |',
  ];
  model.upgrades.forEach((wave, index) => {
    const packages = wave.packages
      .map((p) => `${code(p.name)}${p.from || p.to ? ` ${cell(p.from ?? '?')} → ${cell(p.to ?? '?')}` : ''}`)
      .join(', ');
    out.push(
      `| ${index + 1} | ${packages} | ${cell(wave.risk ?? '—')} | ${wave.effortMinutes === null ? '—' : formatHours(wave.effortMinutes)} | ` +
        `${cell([wave.note, wave.importingFiles === null ? null : `imported in ${plural(wave.importingFiles, 'file')}`, wave.releaseDate ? `released ${wave.releaseDate.slice(0, 10)}` : null].filter(Boolean).join('; ') || '—')} |`,
    );
  });
  out.push('');
  return out;
}

function appendixSection(report: Report): string[] {
  const out = ['## Appendix: every check', '', '| Check | Area | Status | Score | Notes |', '| --- | --- | --- | ---: | --- |'];
  for (const check of [...report.checks].sort((a, b) => a.id.localeCompare(b.id))) {
    const score = check.score === null ? '—' : String(Math.round(check.score * 100));
    const note = (check.attested ? check.evidence.at(-1) : check.reason ?? check.evidence[0]) || '—';
    out.push(`| ${code(check.id)} | ${check.category} | ${STATUS_LABEL[check.status]}${check.attested ? ' (attested)' : ''} | ${score} | ${cell(note)} |`);
  }
  out.push('');
  return out;
}

export function headerLines(report: Report, name: string): string[] {
  const leftOut = leftOutSentence(report, (path) => code(path));
  return [
    `# Production readiness: ${inline(name)}`,
    '',
    `Audited by shipshape ${report.tool.version} on ${report.generatedAt.slice(0, 10)}` +
      `${report.target.commit ? ` at commit ${code(report.target.commit.slice(0, 12))}` : ''} (project kind: ${report.target.kind}).`,
    '',
    ...(leftOut ? [leftOut, ''] : []),
  ];
}

export function renderMarkdown(report: Report, options: ClientOptions = {}): string {
  const model = clientModel(report, options);
  const out = [
    ...headerLines(report, model.name),
    ...summarySection(report, model),
    ...(model.comparison ? progressSection(model.comparison) : []),
    ...areasSection(report),
    ...planSection(report, model),
    ...unknownSection(model),
    ...hotspotsSection(model),
    ...upgradesSection(model),
    ...explanationSection(model, report),
  ];
  if (report.errors.length > 0) {
    out.push('## Errors', '', 'These parts of the audit failed; their checks count neither for nor against the score.', '');
    for (const error of report.errors) out.push(`- ${code(error.source)}: ${inline(error.message)}`);
    out.push('');
  }
  out.push(...appendixSection(report));
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}
