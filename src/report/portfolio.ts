// The portfolio view across many repositories' reports: a ranking, the failures they share, totals.
import { SEVERITIES, type Severity } from '../core/types.js';
import { levelRank } from './levels.js';
import { remediationPlan, type CheckInfoLookup } from './plan.js';
import type { Report } from './schema.js';

export interface PortfolioEntry {
  /** Where the report came from (a file name), for readers to find it. */
  source: string;
  name: string;
  score: number | null;
  grade: Report['grade'];
  level: Report['level'];
  failing: number;
  unknown: number;
  findings: Record<Severity, number>;
  estimatedMinutes: number;
  generatedAt: string;
}

export interface CommonFailure {
  checkId: string;
  title: string;
  /** Names of the repositories where the check fails or is partial. */
  repositories: string[];
  share: number;
}

export interface Portfolio {
  /** Best score first; repositories without a score last. */
  ranking: PortfolioEntry[];
  commonFailures: CommonFailure[];
  totals: {
    repositories: number;
    averageScore: number | null;
    medianScore: number | null;
    findings: Record<Severity, number>;
    estimatedMinutes: number;
    levels: Record<Report['level']['id'], number>;
  };
}

function severityCounts(report: Pick<Report, 'findings'>): Record<Severity, number> {
  const counts = Object.fromEntries(SEVERITIES.map((severity) => [severity, 0])) as Record<Severity, number>;
  for (const finding of report.findings) counts[finding.severity] += 1;
  return counts;
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function buildPortfolio(
  reports: readonly { source: string; report: Report }[],
  lookup: CheckInfoLookup = () => undefined,
): Portfolio {
  const entries = reports.map(({ source, report }): PortfolioEntry => ({
    source,
    name: report.target.name ?? report.target.path,
    score: report.score,
    grade: report.grade,
    level: report.level,
    failing: report.checks.filter((check) => check.status === 'fail' || check.status === 'partial').length,
    unknown: report.checks.filter((check) => check.status === 'unknown').length,
    findings: severityCounts(report),
    estimatedMinutes: remediationPlan(report, lookup).totalMinutes,
    generatedAt: report.generatedAt,
  }));
  const ranking = [...entries].sort(
    (a, b) =>
      (b.score ?? -1) - (a.score ?? -1) || levelRank(b.level.id) - levelRank(a.level.id) || a.name.localeCompare(b.name),
  );

  const failures = new Map<string, { title: string; repositories: string[] }>();
  reports.forEach(({ report }, index) => {
    for (const check of report.checks) {
      if (check.status !== 'fail' && check.status !== 'partial') continue;
      const entry = failures.get(check.id) ?? { title: check.title, repositories: [] };
      entry.repositories.push(entries[index]!.name);
      failures.set(check.id, entry);
    }
  });
  const commonFailures = [...failures.entries()]
    .map(([checkId, entry]) => ({ checkId, ...entry, share: entry.repositories.length / Math.max(1, reports.length) }))
    .sort((a, b) => b.repositories.length - a.repositories.length || a.checkId.localeCompare(b.checkId));

  const scores = entries.flatMap((entry) => (entry.score === null ? [] : [entry.score]));
  const findings = severityCounts({ findings: reports.flatMap(({ report }) => report.findings) });
  const levels = { none: 0, bronze: 0, silver: 0, gold: 0 };
  for (const entry of entries) levels[entry.level.id] += 1;
  return {
    ranking,
    commonFailures,
    totals: {
      repositories: entries.length,
      averageScore: scores.length === 0 ? null : Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 10) / 10,
      medianScore: median(scores),
      findings,
      estimatedMinutes: entries.reduce((total, entry) => total + entry.estimatedMinutes, 0),
      levels,
    },
  };
}
