// The findings as code-scanning tools want them: one entry per finding, plus one per failing check
// that reported no finding of its own (a missing CI file has no line to point at), worst first.
import { createHash } from 'node:crypto';
import { posix } from 'node:path';
import { severityRank, type Severity } from '../core/types.js';
import type { Location } from '../core/types.js';
import type { Report } from '../report/schema.js';

export interface Issue {
  checkId: string;
  severity: Severity;
  title: string;
  message: string;
  location: Location | null;
  fingerprint: string;
}

/** A stable identity for a check-level issue: the check id alone (there is one per report). */
function checkFingerprint(checkId: string): string {
  return createHash('sha256').update(`check\u0000${checkId}`).digest('hex').slice(0, 20);
}

/**
 * `pathPrefix` places the audited folder inside the repository the consumer knows (the audit of
 * `packages/api` reports `src/x.ts`; GitHub needs `packages/api/src/x.ts`).
 */
export function issuesOf(report: Report, pathPrefix = ''): Issue[] {
  const withFindings = new Set(report.findings.map((finding) => finding.checkId));
  const checkLevel: Issue[] = report.checks
    .filter((check) => (check.status === 'fail' || check.status === 'partial') && !withFindings.has(check.id))
    .map((check) => ({
      checkId: check.id,
      severity: check.severity,
      title: check.title,
      message: check.evidence.length > 0 ? `${check.title}: ${check.evidence.join('; ')}` : check.title,
      location: null,
      fingerprint: checkFingerprint(check.id),
    }));
  const findings: Issue[] = report.findings.map((finding) => ({
    checkId: finding.checkId,
    severity: finding.severity,
    title: finding.title,
    message: finding.message,
    location: finding.location && pathPrefix ? { ...finding.location, file: posix.join(pathPrefix, finding.location.file) } : finding.location,
    fingerprint: finding.fingerprint,
  }));
  return [...findings, ...checkLevel].sort(
    (a, b) =>
      severityRank(b.severity) - severityRank(a.severity) ||
      a.checkId.localeCompare(b.checkId) ||
      (a.location?.file ?? '').localeCompare(b.location?.file ?? '') ||
      (a.location?.line ?? 0) - (b.location?.line ?? 0),
  );
}
