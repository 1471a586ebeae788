// Turns check results into area scores, the overall score, a grade and a maturity level.
// Pure: the same results always give the same numbers, and each number can be traced back.
import type { AreaId, Finding } from '../core/types.js';
import { AREA_IDS } from '../core/types.js';
import type { ReportCategory, ReportCheck, ReportLevel } from '../report/schema.js';
import { AREAS, BLOCKER_CAP, GRADE_BANDS, LEVELS, type Grade } from './policy.js';

/** Statuses that count in a score; `na`, `unknown` and `error` carry no weight. */
export function isScored(check: Pick<ReportCheck, 'status' | 'score'>): boolean {
  return (check.status === 'pass' || check.status === 'partial' || check.status === 'fail') && check.score !== null;
}

function weightedMean(items: { value: number; weight: number }[]): number | null {
  const total = items.reduce((sum, item) => sum + item.weight, 0);
  if (total === 0) return null;
  return items.reduce((sum, item) => sum + item.value * item.weight, 0) / total;
}

export function scoreArea(checks: readonly ReportCheck[]): number | null {
  const mean = weightedMean(checks.filter(isScored).map((check) => ({ value: check.score ?? 0, weight: check.weight })));
  return mean === null ? null : Math.round(mean * 1000) / 10;
}

export function scoreCategories(
  checks: readonly ReportCheck[],
  areaWeights: Partial<Record<AreaId, number>> = {},
): ReportCategory[] {
  return AREA_IDS.map((id) => ({
    id,
    title: AREAS[id].title,
    score: scoreArea(checks.filter((check) => check.category === id)),
    weight: areaWeights[id] ?? AREAS[id].weight,
  })).filter((category) => checks.some((check) => check.category === category.id));
}

export interface OverallScore {
  score: number | null;
  grade: Grade | null;
  cap: { score: number; uncapped: number; reason: string } | null;
}

export function gradeOf(score: number): Grade {
  return (GRADE_BANDS.find((band) => score >= band.min) ?? GRADE_BANDS[GRADE_BANDS.length - 1]!).grade;
}

export function scoreOverall(categories: readonly ReportCategory[], findings: readonly Finding[]): OverallScore {
  const mean = weightedMean(
    categories.flatMap((category) => (category.score === null ? [] : [{ value: category.score, weight: category.weight }])),
  );
  if (mean === null) return { score: null, grade: null, cap: null };
  const uncapped = Math.round(mean);
  const blockers = findings.filter((finding) => finding.blocker);
  if (blockers.length > 0 && uncapped > BLOCKER_CAP) {
    const ids = [...new Set(blockers.map((finding) => finding.checkId))].join(', ');
    return {
      score: BLOCKER_CAP,
      grade: gradeOf(BLOCKER_CAP),
      cap: { score: BLOCKER_CAP, uncapped, reason: `${blockers.length} blocker finding(s) from ${ids}` },
    };
  }
  return { score: uncapped, grade: gradeOf(uncapped), cap: null };
}

/** A check counts towards a level when it passes or does not apply to this repository. */
function satisfies(check: ReportCheck | undefined): boolean {
  return check !== undefined && (check.status === 'pass' || check.status === 'na');
}

export function levelOf(checks: readonly ReportCheck[]): ReportLevel {
  const byId = new Map(checks.map((check) => [check.id, check]));
  let reached: ReportLevel = { id: 'none', title: 'Not yet safe to demo', next: null };
  for (const level of LEVELS) {
    const missing = level.checks.filter((id) => !satisfies(byId.get(id)));
    if (missing.length > 0) return { ...reached, next: { id: level.id, title: level.title, missing } };
    reached = { id: level.id, title: level.title, next: null };
  }
  return reached;
}
