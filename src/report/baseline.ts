// Baselines by identity: the fingerprints of the findings a team has accepted for now, so that CI
// fails only on new ones. A count would let a fixed finding hide a new one; identities do not.
import { z } from 'zod';
import { SEVERITIES, severityRank, type Severity } from '../core/types.js';
import type { Report, ReportFinding } from './schema.js';

const BASELINE_VERSION = 1;

export const baselineSchema = z.object({
  version: z.literal(BASELINE_VERSION),
  generatedAt: z.string(),
  tool: z.object({ name: z.literal('shipshape'), version: z.string() }),
  target: z.object({ path: z.string(), commit: z.string().nullable() }).optional(),
  score: z.number().min(0).max(100).nullable(),
  findings: z.array(
    z.object({
      fingerprint: z.string().min(1),
      checkId: z.string(),
      file: z.string().nullable(),
      title: z.string(),
      severity: z.enum(SEVERITIES).optional(),
    }),
  ),
});

export type Baseline = z.infer<typeof baselineSchema>;

export function createBaseline(report: Report): Baseline {
  return {
    version: BASELINE_VERSION,
    generatedAt: report.generatedAt,
    tool: report.tool,
    target: { path: report.target.path, commit: report.target.commit },
    score: report.score,
    findings: report.findings.map((finding) => ({
      fingerprint: finding.fingerprint,
      checkId: finding.checkId,
      file: finding.location?.file ?? null,
      title: finding.title,
      severity: finding.severity,
    })),
  };
}

export interface BaselineGate {
  /** Findings not in the baseline, at or above the severity threshold. */
  newFindings: ReportFinding[];
  /** Baseline findings no longer reported. */
  fixedCount: number;
  /** Overall points lost since the baseline (positive = worse); null without both scores. */
  drop: number | null;
  reasons: string[];
}

export interface BaselineGateOptions {
  failOn: Severity;
  /** Largest tolerated score drop in points; undefined = any drop is tolerated. */
  maxDrop?: number;
}

export function evaluateBaseline(report: Report, baseline: Baseline, options: BaselineGateOptions): BaselineGate {
  const known = new Set(baseline.findings.map((finding) => finding.fingerprint));
  const current = new Set(report.findings.map((finding) => finding.fingerprint));
  const newFindings = report.findings.filter(
    (finding) => !known.has(finding.fingerprint) && severityRank(finding.severity) >= severityRank(options.failOn),
  );
  const drop = baseline.score === null || report.score === null ? null : baseline.score - report.score;
  const reasons: string[] = [];
  if (newFindings.length > 0) {
    reasons.push(`${newFindings.length} new finding(s) at or above "${options.failOn}" since the baseline`);
  }
  if (options.maxDrop !== undefined && drop !== null && drop > options.maxDrop) {
    reasons.push(`score dropped ${drop} points since the baseline (${baseline.score} → ${report.score}), more than --max-drop ${options.maxDrop}`);
  }
  return {
    newFindings,
    fixedCount: baseline.findings.filter((finding) => !current.has(finding.fingerprint)).length,
    drop,
    reasons,
  };
}
