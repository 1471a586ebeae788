// The default view: what a founder reads in a terminal, 80 columns wide, worst news first.
import { Chalk, type ChalkInstance } from 'chalk';
import type { Report, ReportCheck } from '../report/schema.js';
import type { Severity } from '../core/types.js';
import { compareReports, signed } from '../report/compare.js';
import { formatHours, remediationPlan, type CheckInfoLookup } from '../report/plan.js';
import { explainScore } from '../scoring/explain.js';
import {
  byStatus,
  failingChecks,
  findingsOf,
  formatDuration,
  formatScore,
  leftOutSentence,
  locationText,
  messageBesideLocation,
  plural,
} from './shared.js';

export interface TerminalOptions {
  color: boolean;
  /** Show every finding and the passing checks too. */
  verbose: boolean;
  width?: number;
  /** Rationale and effort per check; defaults to this version's catalogue. */
  checkInfo?: CheckInfoLookup;
  /** A previous report (--compare): adds "Progress since last audit". */
  previous?: Report | null;
  /** --explain-score: adds how each area score was computed and the "what if" scores (the client reports always have them). */
  explainScore?: boolean;
}

const FINDINGS_PER_CHECK = 3;

function severityColour(c: ChalkInstance, severity: Severity): (text: string) => string {
  switch (severity) {
    case 'critical':
      return c.bgRed.white.bold;
    case 'high':
      return c.red.bold;
    case 'medium':
      return c.yellow;
    case 'low':
      return c.cyan;
    default:
      return c.gray;
  }
}

function scoreColour(c: ChalkInstance, score: number | null): (text: string) => string {
  if (score === null) return c.gray;
  if (score >= 80) return c.green;
  if (score >= 60) return c.yellow;
  return c.red;
}

function bar(score: number | null, width: number): string {
  if (score === null) return '·'.repeat(width);
  const filled = Math.round((score / 100) * width);
  return '█'.repeat(filled) + '░'.repeat(width - filled);
}

/** Wraps prose to the width, indenting continuation lines. */
function wrap(text: string, width: number, indent: string): string {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line && line.length + 1 + word.length > width - indent.length) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines.map((l) => indent + l).join('\n');
}

function checkBlock(c: ChalkInstance, report: Report, { check, severity }: { check: ReportCheck; severity: Severity }, options: TerminalOptions, width: number): string[] {
  const mark = check.status === 'fail' ? c.red('✗') : c.yellow('◐');
  const scoreText = check.status === 'partial' && check.score !== null ? c.gray(` ${Math.round(check.score * 100)}%`) : '';
  const lines = [`${mark} ${c.bold(check.title)}${scoreText}`, `  ${severityColour(c, severity)(severity)} ${c.gray(check.id)}`];
  const findings = findingsOf(report, check.id);
  const shown = options.verbose ? findings : findings.slice(0, FINDINGS_PER_CHECK);
  for (const finding of shown) {
    const where = locationText(finding);
    lines.push(wrap(`${where ? `${c.underline(where)} ` : ''}${messageBesideLocation(finding)}`, width, '    '));
  }
  if (shown.length < findings.length) lines.push(c.gray(`    … and ${findings.length - shown.length} more (--verbose or --format json)`));
  if (findings.length === 0) for (const evidence of check.evidence.slice(0, 2)) lines.push(wrap(evidence, width, '    '));
  const fix = options.verbose ? check.remediation : briefly(check.remediation);
  lines.push(wrap(`${c.green('fix:')} ${fix}`, width, '    '));
  if (fix !== check.remediation) lines.push(c.gray(`    more: shipshape explain ${check.id}`));
  return lines;
}

const BRIEF_REMEDIATION_CHARS = 220;

/** Where sentences end: after . ! ? outside `code`, before a space and a capital, digit or quote. */
function sentenceEnds(text: string): number[] {
  const ends: number[] = [];
  let inCode = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === '`') inCode = !inCode;
    else if (!inCode && '.!?'.includes(char) && /^\s+[A-Z0-9("`]/.test(text.slice(i + 1, i + 3))) {
      // "2." opening a numbered step is not a sentence of its own.
      if (!/^\s*\d+\.$/.test(text.slice(ends.at(-1) ?? 0, i + 1))) ends.push(i + 1);
    }
  }
  return ends;
}

/** The opening sentences of a remediation, so that thirty failing checks still fit on a screen or two. */
function briefly(text: string): string {
  if (text.length <= BRIEF_REMEDIATION_CHARS) return text;
  const fitting = sentenceEnds(text).filter((end) => end <= BRIEF_REMEDIATION_CHARS);
  const end = fitting.at(-1) ?? sentenceEnds(text)[0];
  return end === undefined || end > BRIEF_REMEDIATION_CHARS * 2 ? `${text.slice(0, BRIEF_REMEDIATION_CHARS).trimEnd()}…` : text.slice(0, end);
}

const FIX_FIRST = 3;

/** The plan's head: where an hour of work moves the score most. */
function fixFirstBlock(c: ChalkInstance, report: Report, options: TerminalOptions, width: number): string[] {
  const plan = remediationPlan(report, options.checkInfo);
  if (plan.items.length === 0) return [];
  const lines = [c.bold(`Fix first (most points per hour; all ${plan.items.length} fixes ≈ ${formatHours(plan.totalMinutes)})`)];
  plan.items.slice(0, FIX_FIRST).forEach((item, index) => {
    const gain = item.impact.exact >= 0.05 ? `+${points(item.impact.exact)} points, ` : '';
    lines.push(wrap(`${index + 1}. ${item.check.title} (${gain}≈ ${formatHours(item.effortMinutes)})`, width, '  '));
  });
  return [...lines, ''];
}

function progressBlock(c: ChalkInstance, previous: Report, report: Report, width: number): string[] {
  const comparison = compareReports(previous, report);
  const delta = comparison.scoreDelta === null ? '' : ` (${signed(comparison.scoreDelta)})`;
  const lines = [
    c.bold(`Progress since ${previous.generatedAt.slice(0, 10)}`),
    `  score ${formatScore(previous.score)} → ${formatScore(report.score)}${delta}   level ${previous.level.title} → ${report.level.title}`,
    `  ${plural(comparison.fixed.length, 'finding')} fixed, ${plural(comparison.added.length, 'new finding')}`,
  ];
  for (const change of comparison.improved) lines.push(wrap(`${c.green('↑')} ${change.id}: ${change.from} → ${change.to}`, width, '  '));
  for (const change of comparison.regressed) lines.push(wrap(`${c.red('↓')} ${change.id}: ${change.from} → ${change.to}`, width, '  '));
  return [...lines, ''];
}

function points(value: number | null): string {
  return value === null ? '—' : (Math.round(value * 10) / 10).toFixed(1);
}

function explainBlock(c: ChalkInstance, report: Report, options: TerminalOptions): string[] {
  const explanation = explainScore(report);
  const lines = [c.bold('How the score is computed')];
  lines.push(
    c.gray(
      `  overall = weighted mean of area scores = ${points(explanation.exact)}` +
        `${report.cap ? `, capped at ${report.cap.score}` : ''} → ${formatScore(report.score)}`,
    ),
  );
  for (const area of explanation.areas) {
    lines.push(
      `  ${c.bold(area.title)} ${formatScore(area.score)} · weight ${area.weight} · ${Math.round(area.share * 100)}% of overall · ` +
        `${points(area.overallPoints)} points`,
    );
    for (const check of area.checks) {
      const score = check.score === null ? '  —' : String(Math.round(check.score * 100)).padStart(3);
      const lost = check.lostPoints ? `−${points(check.lostPoints)} overall` : 'nothing lost';
      const detail = check.areaPoints === null ? c.gray('not counted') : `${points(check.areaPoints)} area pts, ${lost}`;
      lines.push(`    ${check.id.padEnd(34)} ${check.status.padEnd(7)} w${String(check.weight).padEnd(3)} ${score}  ${detail}`);
    }
  }
  const plan = remediationPlan(report, options.checkInfo);
  if (plan.items.length > 0) {
    lines.push('', c.bold('What if (fixing the plan in order, best points per hour first)'));
    for (const step of plan.whatIf) {
      const minutes = plan.items.slice(0, step.fixed.length).reduce((total, item) => total + item.effortMinutes, 0);
      lines.push(`  fix ${String(step.fixed.length).padStart(2)} → score ${formatScore(step.score).padStart(3)} (${step.grade ?? '—'}), level ${step.level.title}, ~${formatHours(minutes)}`);
    }
  }
  return [...lines, ''];
}

export function renderTerminal(report: Report, options: TerminalOptions): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const width = Math.max(60, Math.min(options.width ?? 80, 100));
  const out: string[] = [];
  const commit = report.target.commit ? ` @ ${report.target.commit.slice(0, 7)}` : '';
  out.push(c.bold(`shipshape ${report.tool.version}`) + c.gray(` · ${report.target.path}${commit} · ${report.target.kind}`));
  const leftOut = leftOutSentence(report, (path) => path);
  if (leftOut) out.push(c.yellow(leftOut));
  out.push('');

  const scoreText = scoreColour(c, report.score)(c.bold(`${formatScore(report.score)}/100`));
  out.push(`Score ${scoreText}  grade ${c.bold(report.grade ?? '—')}  level ${c.bold(report.level.title)}`);
  if (report.cap) out.push(c.red(`  capped from ${report.cap.uncapped}: ${report.cap.reason}`));
  if (report.level.next) {
    out.push(wrap(`next level, ${report.level.next.title}, still needs: ${report.level.next.missing.join(', ')}`, width, '  '));
  }
  out.push('');

  const titleWidth = Math.max(...report.categories.map((category) => category.title.length), 10);
  for (const category of report.categories) {
    const colour = scoreColour(c, category.score);
    out.push(`  ${category.title.padEnd(titleWidth)}  ${colour(bar(category.score, 20))} ${colour(formatScore(category.score).padStart(3))}`);
  }
  out.push('');

  if (options.previous) out.push(...progressBlock(c, options.previous, report, width));
  if (options.explainScore) out.push(...explainBlock(c, report, options));

  const failing = failingChecks(report);
  out.push(...fixFirstBlock(c, report, options, width));
  if (failing.length > 0) {
    out.push(c.bold(`What to fix (${plural(failing.length, 'check')}, worst first)`));
    for (const item of failing) out.push(...checkBlock(c, report, item, options, width), '');
  } else if (report.checks.length > 0) {
    out.push(c.green('Every check that applies passes.'), '');
  }

  const unknown = byStatus(report, 'unknown');
  if (unknown.length > 0) {
    out.push(c.bold('Could not verify (does not count as a pass)'));
    for (const check of unknown) out.push(wrap(`? ${check.id}: ${check.reason ?? check.title}`, width, '  '));
    out.push('');
  }
  const errored = byStatus(report, 'error');
  if (errored.length > 0 || report.errors.length > 0) {
    out.push(c.bold.red('Could not check (errors)'));
    for (const error of report.errors) out.push(wrap(`! ${error.source}: ${error.message}`, width, '  '));
    out.push('');
  }
  const na = byStatus(report, 'na');
  if (options.verbose) {
    if (na.length > 0) {
      out.push(c.bold('Not applicable'));
      for (const check of na) out.push(wrap(`- ${check.id}: ${check.reason ?? ''}`, width, '  '));
      out.push('');
    }
    const passing = byStatus(report, 'pass');
    if (passing.length > 0) {
      out.push(c.bold('Passing'));
      for (const check of passing) out.push(`  ${c.green('✓')} ${check.title} ${c.gray(check.id)}`);
      out.push('');
    }
  }
  const passCount = byStatus(report, 'pass').length;
  out.push(
    c.gray(
      `${plural(report.checks.length, 'check')}: ${passCount} passed, ${failing.length} to fix, ${unknown.length} unknown, ` +
        `${na.length} n/a, ${errored.length} errors · ${plural(report.findings.length, 'finding')} · ${formatDuration(report.durationMs)}`,
    ),
  );
  if (!options.verbose && (na.length > 0 || passCount > 0)) out.push(c.gray('Run with --verbose to list passing and n/a checks.'));
  return `${out.join('\n')}\n`;
}
