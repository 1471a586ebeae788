// A Markdown view of the report: summary, score per area, what to fix with evidence, what could not
// be verified.
import type { Report } from '../report/schema.js';
import { byStatus, failingChecks, findingsOf, formatScore, locationText, STATUS_LABEL } from './shared.js';

/** Table cells cannot hold pipes or line breaks. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

export function renderMarkdown(report: Report): string {
  const out: string[] = [];
  const name = report.target.name ?? report.target.path;
  out.push(`# Production readiness: ${name}`, '');
  out.push(
    `Audited by shipshape ${report.tool.version} on ${report.generatedAt.slice(0, 10)}` +
      `${report.target.commit ? ` at commit \`${report.target.commit.slice(0, 12)}\`` : ''} (project kind: ${report.target.kind}).`,
    '',
  );
  out.push(`**Score: ${formatScore(report.score)}/100 — grade ${report.grade ?? '—'} — level: ${report.level.title}**`, '');
  if (report.cap) out.push(`> The score is capped at ${report.cap.score} (it would be ${report.cap.uncapped}): ${report.cap.reason}.`, '');
  if (report.level.next) out.push(`Next level, *${report.level.next.title}*, still needs: ${report.level.next.missing.map((id) => `\`${id}\``).join(', ')}.`, '');

  out.push('## Scores by area', '', '| Area | Score | Weight |', '| --- | ---: | ---: |');
  for (const category of report.categories) out.push(`| ${cell(category.title)} | ${formatScore(category.score)} | ${category.weight} |`);
  out.push('');

  const failing = failingChecks(report);
  out.push('## What to fix', '');
  if (failing.length === 0) out.push(report.checks.length > 0 ? 'Every check that applies passes.' : 'No checks ran.', '');
  for (const check of failing) {
    out.push(`### ${check.title} (\`${check.id}\`, ${check.severity}, ${STATUS_LABEL[check.status]})`, '');
    const findings = findingsOf(report, check.id);
    for (const finding of findings) {
      const where = locationText(finding);
      out.push(`- ${where ? `\`${where}\`: ` : ''}${finding.message}`);
    }
    if (findings.length === 0) for (const evidence of check.evidence) out.push(`- ${evidence}`);
    out.push('', `**How to fix:** ${check.remediation}`, '');
  }

  const unknown = byStatus(report, 'unknown');
  if (unknown.length > 0) {
    out.push('## What could not be verified', '', 'These checks apply but their evidence could not be collected; they do not count as passes.', '');
    for (const check of unknown) out.push(`- \`${check.id}\` — ${check.reason ?? check.title}`);
    out.push('');
  }
  if (report.errors.length > 0) {
    out.push('## Errors', '');
    for (const error of report.errors) out.push(`- \`${error.source}\`: ${error.message}`);
    out.push('');
  }
  out.push('## All checks', '', '| Check | Status | Score | Notes |', '| --- | --- | ---: | --- |');
  for (const check of report.checks) {
    const score = check.score === null ? '—' : String(Math.round(check.score * 100));
    out.push(`| \`${check.id}\` | ${STATUS_LABEL[check.status]} | ${score} | ${cell(check.reason ?? check.evidence[0] ?? '')} |`);
  }
  out.push('');
  return out.join('\n');
}
