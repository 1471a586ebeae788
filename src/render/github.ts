// GitHub Actions: workflow-command annotations on the lines findings point at, and a Markdown job
// summary for $GITHUB_STEP_SUMMARY.
import type { Severity } from '../core/types.js';
import type { BaselineGate } from '../report/baseline.js';
import type { Report } from '../report/schema.js';
import { clientModel, type ClientOptions } from './client-model.js';
import { issuesOf } from './issues.js';
import { cell, headerLines, inline, planTable, progressSection, summarySection, textBar } from './markdown.js';
import { formatScore, locationText, messageBesideLocation, plural } from './shared.js';

/** GitHub shows at most 10 annotations of each kind per step; more than this only floods the log. */
const ANNOTATION_LIMIT = 50;
const SUMMARY_PLAN_ITEMS = 10;
const SUMMARY_NEW_FINDINGS = 20;

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'notice',
  info: 'notice',
};

/** Message text of a workflow command: only %, CR and LF are special. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Property values (file=, title=) also end at ':' and ','. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** One `::error file=…,line=…::message` line per located finding, worst first, capped. */
export function renderAnnotations(report: Report, options: { limit?: number; pathPrefix?: string } = {}): string {
  const limit = options.limit ?? ANNOTATION_LIMIT;
  const located = issuesOf(report, options.pathPrefix).filter((issue) => issue.location !== null);
  const lines = located.slice(0, limit).map((issue) => {
    const { file, line, column } = issue.location!;
    const properties = [
      `file=${escapeProperty(file)}`,
      ...(line === undefined ? [] : [`line=${line}`]),
      ...(column === undefined ? [] : [`col=${column}`]),
      `title=${escapeProperty(`${issue.title} (${issue.checkId})`)}`,
    ];
    return `::${COMMAND[issue.severity]} ${properties.join(',')}::${escapeData(issue.message)}`;
  });
  if (located.length > limit) {
    lines.push(`::notice title=shipshape::${escapeData(`${located.length - limit} more findings are in the report (annotations are capped at ${limit})`)}`);
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

export interface SummaryOptions extends ClientOptions {
  gate?: { passed: boolean; reasons: string[] } | null;
  baseline?: BaselineGate | null;
}

/** A short Markdown view for the job summary: the headline, areas, top fixes, the gate. */
export function renderGithubSummary(report: Report, options: SummaryOptions = {}): string {
  const model = clientModel(report, options);
  const out = [...headerLines(report, model.name)];
  if (options.gate) {
    const reasons = options.gate.reasons.length > 0 ? ` — ${options.gate.reasons.map(inline).join('; ')}` : '';
    out.push(`Gate: **${options.gate.passed ? 'passed' : 'failed'}**${reasons}.`, '');
  }
  out.push(...summarySection(report, model, true));
  if (options.baseline) {
    const { newFindings, fixedCount } = options.baseline;
    out.push('## Since the baseline', '', `${plural(newFindings.length, 'new finding')}, ${fixedCount} fixed.`, '');
    for (const finding of newFindings.slice(0, SUMMARY_NEW_FINDINGS)) {
      const where = locationText(finding);
      out.push(`- ${finding.severity}: ${where ? `\`${where}\` ` : ''}${inline(messageBesideLocation(finding))}`);
    }
    if (newFindings.length > SUMMARY_NEW_FINDINGS) out.push(`- … and ${newFindings.length - SUMMARY_NEW_FINDINGS} more`);
    if (newFindings.length > 0) out.push('');
  }
  if (model.comparison) out.push(...progressSection(model.comparison));
  out.push('## Scores by area', '', '| Area | Score | |', '| --- | ---: | --- |');
  for (const category of report.categories) out.push(`| ${cell(category.title)} | ${formatScore(category.score)} | \`${textBar(category.score)}\` |`);
  out.push('');
  if (model.plan.items.length > 0) {
    out.push('## Fix first', '', ...planTable(model.plan.items.slice(0, SUMMARY_PLAN_ITEMS)));
    if (model.plan.items.length > SUMMARY_PLAN_ITEMS) out.push(`The full plan (${model.plan.items.length} items) is in the Markdown or HTML report.`, '');
  }
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}
