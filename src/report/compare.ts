// "Progress since last audit": what changed between a previous report and this one, matched by
// finding fingerprint (so a finding that moved is the same finding) and by check id.
import { levelRank } from './levels.js';
import type { Report, ReportCheck, ReportFinding, ReportLevel } from './schema.js';

export interface ReportSnapshot {
  generatedAt: string;
  commit: string | null;
  score: number | null;
  grade: Report['grade'];
  level: ReportLevel;
}

export interface CheckChange {
  id: string;
  title: string;
  from: ReportCheck['status'];
  to: ReportCheck['status'];
}

export interface Comparison {
  previous: ReportSnapshot;
  current: ReportSnapshot;
  /** Null when either report has no score. */
  scoreDelta: number | null;
  levelChange: 'up' | 'down' | 'same';
  fixed: ReportFinding[];
  added: ReportFinding[];
  /** Checks that moved from fail/partial to pass (or the reverse). */
  improved: CheckChange[];
  regressed: CheckChange[];
}

function snapshot(report: Report): ReportSnapshot {
  return { generatedAt: report.generatedAt, commit: report.target.commit, score: report.score, grade: report.grade, level: report.level };
}

const STANDING: Record<ReportCheck['status'], number | null> = { pass: 2, partial: 1, fail: 0, na: null, unknown: null, error: null };

export function compareReports(previous: Report, current: Report): Comparison {
  const before = new Set(previous.findings.map((finding) => finding.fingerprint));
  const after = new Set(current.findings.map((finding) => finding.fingerprint));
  const previousChecks = new Map(previous.checks.map((check) => [check.id, check]));
  const improved: CheckChange[] = [];
  const regressed: CheckChange[] = [];
  for (const check of current.checks) {
    const old = previousChecks.get(check.id);
    const from = old ? STANDING[old.status] : null;
    const to = STANDING[check.status];
    if (!old || from === null || to === null || from === to) continue;
    (to > from ? improved : regressed).push({ id: check.id, title: check.title, from: old.status, to: check.status });
  }
  const levelDelta = levelRank(current.level.id) - levelRank(previous.level.id);
  return {
    previous: snapshot(previous),
    current: snapshot(current),
    scoreDelta: previous.score === null || current.score === null ? null : current.score - previous.score,
    levelChange: levelDelta > 0 ? 'up' : levelDelta < 0 ? 'down' : 'same',
    fixed: previous.findings.filter((finding) => !after.has(finding.fingerprint)),
    added: current.findings.filter((finding) => !before.has(finding.fingerprint)),
    improved,
    regressed,
  };
}

export function signed(delta: number): string {
  return delta > 0 ? `+${delta}` : delta < 0 ? `−${Math.abs(delta)}` : '±0';
}
