// The remediation plan: failing checks ranked by how many points of the overall score fixing each
// gains per hour of work, with the evidence, the reason and the effort. Pure: a view of a report.
import { severityRank, type Severity } from '../core/types.js';
import { fixImpact, whatIfSeries, type FixImpact, type WhatIf } from '../scoring/explain.js';
import type { Report, ReportCheck, ReportFinding } from './schema.js';

/** What the catalogue knows about a check that a report does not carry. */
export interface CheckInfo {
  rationale: string;
  effortMinutes: number;
}

export type CheckInfoLookup = (checkId: string) => CheckInfo | undefined;

/** Effort assumed for a check the catalogue does not know (a report from another version). */
export const UNKNOWN_EFFORT_MINUTES = 60;

export interface PlanItem {
  check: ReportCheck;
  findings: ReportFinding[];
  /** See `severityShown`. */
  severity: Severity;
  impact: FixImpact;
  effortMinutes: number;
  /** Overall points gained per hour of effort (unrounded). */
  pointsPerHour: number;
  rationale: string | null;
}

export interface RemediationPlan {
  items: PlanItem[];
  totalMinutes: number;
  /** Scores after fixing the top 1, 3, 5, 10 and all items, in plan order. */
  whatIf: WhatIf[];
}

function isFailing(check: ReportCheck): boolean {
  return check.status === 'fail' || check.status === 'partial';
}

/** A check's findings each carry an effort; without findings, the catalogue's estimate stands for the fix. */
/**
 * The severity a view shows for a failing check: that of its most severe finding when it has
 * findings (a check grades each finding, and may grade one below its default: a `.env` holding only
 * public variables is low, not critical), else the check's own.
 */
export function severityShown(check: ReportCheck, findings: readonly ReportFinding[]): Severity {
  let shown: Severity | null = null;
  for (const finding of findings) if (shown === null || severityRank(finding.severity) > severityRank(shown)) shown = finding.severity;
  return shown ?? check.severity;
}

function effortOf(findings: readonly ReportFinding[], info: CheckInfo | undefined): number {
  if (findings.length > 0) return findings.reduce((total, finding) => total + finding.effortMinutes, 0);
  return info?.effortMinutes ?? UNKNOWN_EFFORT_MINUTES;
}

export function remediationPlan(report: Report, lookup: CheckInfoLookup = () => undefined): RemediationPlan {
  const items = report.checks.filter(isFailing).map((check): PlanItem => {
    const findings = report.findings.filter((finding) => finding.checkId === check.id);
    const info = lookup(check.id);
    const impact = fixImpact(report, [check.id]);
    const effortMinutes = effortOf(findings, info);
    return {
      check,
      findings,
      severity: severityShown(check, findings),
      impact,
      effortMinutes,
      pointsPerHour: effortMinutes === 0 ? impact.exact * 60 : impact.exact / (effortMinutes / 60),
      rationale: info?.rationale ?? null,
    };
  });
  items.sort(
    (a, b) =>
      b.pointsPerHour - a.pointsPerHour ||
      severityRank(b.severity) - severityRank(a.severity) ||
      a.check.id.localeCompare(b.check.id),
  );
  return {
    items,
    totalMinutes: items.reduce((total, item) => total + item.effortMinutes, 0),
    whatIf: whatIfSeries(
      report,
      items.map((item) => item.check.id),
    ),
  };
}

/** The biggest risks: the most severe failures first, then those costing the most points. */
export function biggestRisks(plan: RemediationPlan, count = 3): PlanItem[] {
  return [...plan.items]
    .sort(
      (a, b) =>
        Number(b.findings.some((f) => f.blocker)) - Number(a.findings.some((f) => f.blocker)) ||
        severityRank(b.severity) - severityRank(a.severity) ||
        b.impact.exact - a.impact.exact ||
        a.check.id.localeCompare(b.check.id),
    )
    .slice(0, count);
}

export function formatHours(minutes: number): string {
  if (minutes < 60) return `${Math.round(minutes)} min`;
  const hours = minutes / 60;
  return `${hours < 10 ? Math.round(hours * 2) / 2 : Math.round(hours)} h`;
}
