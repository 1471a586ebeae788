// SARIF 2.1.0 for code scanning (GitHub, Azure DevOps, IDE viewers): one rule per check that ran,
// one result per finding. Paths stay relative to the audited root. GitHub rejects a whole upload
// when any result lacks a file, so repository-level results are anchored at the root manifest.
import { posix } from 'node:path';
import type { Severity } from '../core/types.js';
import type { CheckInfoLookup } from '../report/plan.js';
import type { Report } from '../report/schema.js';
import { AREAS } from '../scoring/policy.js';
import { issuesOf, type Issue } from './issues.js';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://www.npmjs.com/package/shipshape';
/** Where a finding about the repository as a whole is shown. */
export const PROJECT_ANCHOR = 'package.json';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  info: 'note',
};

/** GitHub ranks security alerts by this CVSS-like figure (only for rules tagged `security`). */
const SECURITY_SEVERITY: Record<Severity, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0', info: '1.0' };

export interface SarifOptions {
  checkInfo?: CheckInfoLookup;
  /** The audited folder's path inside the repository, prefixed to every file. */
  pathPrefix?: string;
}

function ruleName(id: string): string {
  return id
    .split(/[.-]/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

function location(issue: Issue, pathPrefix: string) {
  const anchored = issue.location ?? { file: posix.join(pathPrefix, PROJECT_ANCHOR), line: 1 };
  const region =
    anchored.line === undefined ? undefined : { startLine: anchored.line, ...(anchored.column === undefined ? {} : { startColumn: anchored.column }) };
  return {
    physicalLocation: {
      artifactLocation: { uri: encodeURI(anchored.file), uriBaseId: '%SRCROOT%' },
      ...(region ? { region } : {}),
    },
  };
}

export function renderSarif(report: Report, options: SarifOptions = {}): string {
  const lookup = options.checkInfo ?? (() => undefined);
  const checks = [...report.checks].sort((a, b) => a.id.localeCompare(b.id));
  const ruleIndex = new Map(checks.map((check, index) => [check.id, index]));
  const rules = checks.map((check) => {
    const info = lookup(check.id);
    const why = info?.rationale ?? check.title;
    const security = check.category === 'security';
    return {
      id: check.id,
      name: ruleName(check.id),
      shortDescription: { text: check.title },
      fullDescription: { text: why },
      help: {
        text: `${why}\n\nHow to fix: ${check.remediation}`,
        markdown: `**Why it matters.** ${why}\n\n**How to fix.** ${check.remediation}\n\n\`shipshape explain ${check.id}\` prints this entry.`,
      },
      defaultConfiguration: { level: LEVEL[check.severity] },
      properties: {
        tags: ['shipshape', AREAS[check.category].title, ...(security ? ['security'] : [])],
        ...(security ? { 'security-severity': SECURITY_SEVERITY[check.severity] } : {}),
      },
    };
  });
  const pathPrefix = options.pathPrefix ?? '';
  const results = issuesOf(report, pathPrefix).map((issue) => ({
    ruleId: issue.checkId,
    ...(ruleIndex.has(issue.checkId) ? { ruleIndex: ruleIndex.get(issue.checkId) } : {}),
    level: LEVEL[issue.severity],
    message: { text: issue.location ? issue.message : `Repository-level: ${issue.message}` },
    locations: [location(issue, pathPrefix)],
    partialFingerprints: { 'shipshape/v1': issue.fingerprint },
    properties: { severity: issue.severity, title: issue.title, repositoryLevel: issue.location === null },
  }));
  const sarif = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'shipshape',
            version: report.tool.version,
            semanticVersion: report.tool.version,
            informationUri: INFORMATION_URI,
            rules,
          },
        },
        automationDetails: { id: `shipshape/${report.target.name ?? report.target.path}/` },
        columnKind: 'utf16CodeUnits',
        results,
        invocations: [
          {
            executionSuccessful: report.errors.length === 0,
            endTimeUtc: report.generatedAt,
            ...(report.errors.length > 0
              ? {
                  toolExecutionNotifications: report.errors.map((error) => ({
                    level: 'error',
                    message: { text: `${error.source}: ${error.message}` },
                  })),
                }
              : {}),
          },
        ],
        properties: { score: report.score, grade: report.grade, level: report.level.id, commit: report.target.commit },
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
