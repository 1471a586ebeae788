// "Why is this 62?": each check's share of its area and of the overall score, and "what if" scores
// after fixing some checks — recomputed through the same scoring functions as the report itself.
// Pure: a view of a report's checks, findings and area weights.
import type { AreaId } from '../core/types.js';
import type { Report, ReportCheck, ReportLevel } from '../report/schema.js';
import { isScored, levelOf, scoreCategories, scoreOverall, type OverallScore } from './score.js';

export interface CheckContribution {
  id: string;
  title: string;
  status: ReportCheck['status'];
  weight: number;
  score: number | null;
  /** Points of the area's 0–100 score this check supplies; null when it does not count. */
  areaPoints: number | null;
  /** Points of the overall score this check supplies (before any cap). */
  overallPoints: number | null;
  /** Points of the overall score lost to this check not fully passing. */
  lostPoints: number | null;
}

export interface AreaExplanation {
  id: AreaId;
  title: string;
  weight: number;
  score: number | null;
  /** The area's share of the overall score, 0..1 (its weight over the weights of scored areas). */
  share: number;
  /** Points of the overall score this area supplies. */
  overallPoints: number | null;
  checks: CheckContribution[];
}

export interface ScoreExplanation {
  areas: AreaExplanation[];
  /** The unrounded, uncapped weighted mean the overall score is rounded from. */
  exact: number | null;
  score: number | null;
  cap: Report['cap'];
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function areaWeights(report: Pick<Report, 'categories'>): Partial<Record<AreaId, number>> {
  return Object.fromEntries(report.categories.map((category) => [category.id, category.weight]));
}

export function explainScore(report: Pick<Report, 'categories' | 'checks' | 'score' | 'cap'>): ScoreExplanation {
  const scoredAreaWeight = sum(report.categories.filter((c) => c.score !== null).map((c) => c.weight));
  const areas = report.categories.map((category): AreaExplanation => {
    const checks = report.checks.filter((check) => check.category === category.id);
    const scoredWeight = sum(checks.filter(isScored).map((check) => check.weight));
    const share = category.score === null || scoredAreaWeight === 0 ? 0 : category.weight / scoredAreaWeight;
    return {
      id: category.id,
      title: category.title,
      weight: category.weight,
      score: category.score,
      share,
      overallPoints: category.score === null ? null : category.score * share,
      checks: checks.map((check) => {
        const counted = isScored(check) && scoredWeight > 0;
        const areaShare = counted ? check.weight / scoredWeight : 0;
        return {
          id: check.id,
          title: check.title,
          status: check.status,
          weight: check.weight,
          score: check.score,
          areaPoints: counted ? (check.score ?? 0) * areaShare * 100 : null,
          overallPoints: counted ? (check.score ?? 0) * areaShare * 100 * share : null,
          lostPoints: counted ? (1 - (check.score ?? 0)) * areaShare * 100 * share : null,
        };
      }),
    };
  });
  const scored = areas.filter((area) => area.overallPoints !== null);
  return {
    areas,
    exact: scored.length === 0 ? null : sum(scored.map((area) => area.overallPoints ?? 0)),
    score: report.score,
    cap: report.cap ?? null,
  };
}

export interface WhatIf extends OverallScore {
  /** The unrounded, uncapped weighted mean. */
  exact: number | null;
  level: ReportLevel;
  fixed: string[];
}

/** The report's score, grade and level if these checks passed and their findings were gone. */
export function whatIf(report: Pick<Report, 'categories' | 'checks' | 'findings'>, fixedIds: readonly string[]): WhatIf {
  const fixed = new Set(fixedIds);
  const checks = report.checks.map((check) =>
    fixed.has(check.id) && check.status !== 'na' ? { ...check, status: 'pass' as const, score: 1 } : check,
  );
  const findings = report.findings.filter((finding) => !fixed.has(finding.checkId));
  const categories = scoreCategories(checks, areaWeights(report));
  const overall = scoreOverall(categories, findings);
  const exact = explainScore({ categories, checks, score: overall.score, cap: null }).exact;
  return { ...overall, exact, level: levelOf(checks), fixed: [...fixed] };
}

export interface FixImpact {
  /** Change in the reported (whole-number, capped) score. */
  points: number;
  /**
   * Unrounded gain for ranking, counted as if blockers were fixed first: otherwise every fix but
   * the blocker's would rank at zero while the cap holds. Fixing a blocker also gains what the cap
   * was holding back.
   */
  exact: number;
}

function capPenalty(result: WhatIf): number {
  return result.cap && result.exact !== null ? Math.max(0, result.exact - result.cap.score) : 0;
}

export function fixImpact(report: Pick<Report, 'categories' | 'checks' | 'findings'>, checkIds: readonly string[]): FixImpact {
  const before = whatIf(report, []);
  const after = whatIf(report, checkIds);
  const lifted = after.cap === null ? capPenalty(before) : 0;
  return {
    points: (after.score ?? 0) - (before.score ?? 0),
    exact: (after.exact ?? 0) - (before.exact ?? 0) + lifted,
  };
}

/** Scores after fixing the first 1, 3, 5… of the ranked checks, ending with all of them. */
export function whatIfSeries(
  report: Pick<Report, 'categories' | 'checks' | 'findings'>,
  rankedIds: readonly string[],
  steps: readonly number[] = [1, 3, 5, 10],
): WhatIf[] {
  const counts = [...new Set([...steps.filter((n) => n < rankedIds.length), rankedIds.length])].filter((n) => n > 0);
  return counts.map((n) => whatIf(report, rankedIds.slice(0, n)));
}
