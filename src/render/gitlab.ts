// GitLab's code-quality report (a JSON array GitLab shows in merge requests): one entry per finding.
import { posix } from 'node:path';
import type { Severity } from '../core/types.js';
import type { Report } from '../report/schema.js';
import { issuesOf } from './issues.js';
import { PROJECT_ANCHOR } from './sarif.js';

const GITLAB_SEVERITY: Record<Severity, 'info' | 'minor' | 'major' | 'critical' | 'blocker'> = {
  info: 'info',
  low: 'minor',
  medium: 'major',
  high: 'critical',
  critical: 'blocker',
};

export function renderGitlab(report: Report, pathPrefix = ''): string {
  const entries = issuesOf(report, pathPrefix).map((issue) => ({
    description: issue.location ? issue.message : `Repository-level: ${issue.message}`,
    check_name: issue.checkId,
    fingerprint: issue.fingerprint,
    severity: GITLAB_SEVERITY[issue.severity],
    location: { path: issue.location?.file ?? posix.join(pathPrefix, PROJECT_ANCHOR), lines: { begin: issue.location?.line ?? 1 } },
  }));
  return `${JSON.stringify(entries, null, 2)}\n`;
}
