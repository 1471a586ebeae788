// What the client reports (Markdown and HTML) say, computed once from a report: the same plan,
// risks, explanation and metrics in both formats.
import { compareReports, type Comparison } from '../report/compare.js';
import { codeMetricsView, upgradePlanView, type CodeMetricsView, type UpgradeWave } from '../report/metrics-views.js';
import { biggestRisks, remediationPlan, type CheckInfoLookup, type PlanItem, type RemediationPlan } from '../report/plan.js';
import type { Report, ReportCheck } from '../report/schema.js';
import { explainScore, type ScoreExplanation } from '../scoring/explain.js';
import { byStatus } from './shared.js';

export interface NextLevelNeed {
  id: string;
  title: string;
  /** What stands in the way: a status, or "not run". */
  standing: string;
}

export interface ClientModel {
  name: string;
  plan: RemediationPlan;
  risks: PlanItem[];
  explanation: ScoreExplanation;
  nextLevel: { title: string; needs: NextLevelNeed[] } | null;
  unknown: ReportCheck[];
  code: CodeMetricsView | null;
  upgrades: UpgradeWave[];
  comparison: Comparison | null;
}

export interface ClientOptions {
  checkInfo?: CheckInfoLookup;
  previous?: Report | null;
}

/** Passing wording of level checks that did not run, so a reader still sees what they mean. */
function levelCheckTitle(report: Report, id: string): { title: string; standing: string } {
  const check = report.checks.find((candidate) => candidate.id === id);
  if (!check) return { title: id, standing: 'not run' };
  return { title: check.title, standing: check.status };
}

export function clientModel(report: Report, options: ClientOptions = {}): ClientModel {
  const plan = remediationPlan(report, options.checkInfo);
  const next = report.level.next;
  return {
    name: report.target.name ?? report.target.path,
    plan,
    risks: biggestRisks(plan),
    explanation: explainScore(report),
    nextLevel: next
      ? { title: next.title, needs: next.missing.map((id) => ({ id, ...levelCheckTitle(report, id) })) }
      : null,
    unknown: byStatus(report, 'unknown'),
    code: codeMetricsView(report.metrics),
    upgrades: upgradePlanView(report.metrics),
    comparison: options.previous ? compareReports(options.previous, report) : null,
  };
}

/** One line a reader can act on for a check: its first finding or its first piece of evidence. */
export function headline(item: PlanItem): string {
  const finding = item.findings[0];
  if (finding) return finding.message;
  return item.check.evidence[0] ?? item.check.title;
}
