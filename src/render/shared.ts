// Orderings and wording that every human-facing view of a report shares.
import type { Report, ReportCheck, ReportFinding } from '../report/schema.js';
import { severityRank, type Severity } from '../core/types.js';
import { severityShown } from '../report/plan.js';

export const STATUS_LABEL: Record<ReportCheck['status'], string> = {
  pass: 'pass',
  partial: 'partial',
  fail: 'fail',
  na: 'n/a',
  unknown: 'unknown',
  error: 'error',
};

/** Failing and partial checks with the severity to show, the most severe and least satisfied first. */
export function failingChecks(report: Report): { check: ReportCheck; severity: Severity }[] {
  return report.checks
    .filter((check) => check.status === 'fail' || check.status === 'partial')
    .map((check) => ({ check, severity: severityShown(check, findingsOf(report, check.id)) }))
    .sort(
      (a, b) =>
        severityRank(b.severity) - severityRank(a.severity) ||
        (a.check.score ?? 0) - (b.check.score ?? 0) ||
        b.check.weight - a.check.weight ||
        a.check.id.localeCompare(b.check.id),
    );
}

export function findingsOf(report: Report, checkId: string): ReportFinding[] {
  return report.findings.filter((finding) => finding.checkId === checkId);
}

export function locationText(finding: ReportFinding): string {
  if (!finding.location) return '';
  const { file, line, column } = finding.location;
  return line === undefined ? file : column === undefined ? `${file}:${line}` : `${file}:${line}:${column}`;
}

/**
 * The message without the location it starts with: messages name their evidence so that they stand
 * alone (JSON, SARIF), but views that print the location beside them would otherwise say it twice.
 */
export function messageBesideLocation(finding: ReportFinding): string {
  const where = locationText(finding);
  const file = finding.location?.file;
  for (const prefix of [where, file]) {
    if (prefix && finding.message.startsWith(prefix)) {
      const rest = finding.message.slice(prefix.length).replace(/^(:\d+)*:?\s+/, '');
      if (rest) return rest;
    }
  }
  return finding.message;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

export function formatScore(score: number | null): string {
  return score === null ? '—' : String(Math.round(score));
}

export function formatDuration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

export function byStatus(report: Report, status: ReportCheck['status']): ReportCheck[] {
  return report.checks.filter((check) => check.status === status);
}

const LISTED_LEFT_OUT = 5;

/**
 * "Left out of the audit: `vendor/` (vendored code), …": one sentence, with paths formatted by the
 * renderer, or null when nothing that could be the team's own code was left out.
 */
export function leftOutSentence(report: Report, formatPath: (path: string) => string): string | null {
  const leftOut = report.target.leftOut ?? [];
  if (leftOut.length === 0) return null;
  const listed = leftOut.slice(0, LISTED_LEFT_OUT).map((skip) => `${formatPath(skip.path)} (${skip.reason})`);
  const more = leftOut.length > LISTED_LEFT_OUT ? ` and ${leftOut.length - LISTED_LEFT_OUT} more` : '';
  return `Left out of the audit: ${listed.join(', ')}${more}. If any of it is the team's own code, this report says nothing about it.`;
}
