// Scoring policy as data: area weights, grade bands, the blocker cap and maturity levels.
// docs/scoring.md gives the reasoning for each number; change them together.
import type { AreaId } from '../core/types.js';

export interface AreaPolicy {
  title: string;
  weight: number;
}

export const AREAS: Record<AreaId, AreaPolicy> = {
  // Leaks and committed credentials are the failures that cannot be undone after launch.
  security: { title: 'Security & configuration', weight: 3 },
  // Lost or corrupted data is the most expensive failure a young product survives (or does not).
  data: { title: 'Data integrity', weight: 2.5 },
  testing: { title: 'Testing', weight: 2 },
  deps: { title: 'Dependencies', weight: 2 },
  code: { title: 'Code health', weight: 1.5 },
  delivery: { title: 'Delivery', weight: 1.5 },
  observability: { title: 'Observability', weight: 1.5 },
  docs: { title: 'Documentation', weight: 1 },
  // Judgement calls more than defects: counted, but lightly.
  simplicity: { title: 'Simplicity', weight: 0.5 },
};

export type Grade = 'A' | 'B' | 'C' | 'D' | 'F';

/** Lowest score for each grade, best first. */
export const GRADE_BANDS: readonly { grade: Grade; min: number }[] = [
  { grade: 'A', min: 90 },
  { grade: 'B', min: 80 },
  { grade: 'C', min: 70 },
  { grade: 'D', min: 60 },
  { grade: 'F', min: 0 },
];

/** Scores from here up read as "ready"; a blocker keeps a report below it. */
export const READY_SCORE = 80;
/** The highest overall score a report with a blocker finding can have (grade F). */
export const BLOCKER_CAP = 59;

export type LevelId = 'bronze' | 'silver' | 'gold';

export interface LevelPolicy {
  id: LevelId;
  title: string;
  /** Every one of these must pass (or not apply) — on top of the previous level's. */
  checks: readonly string[];
}

/** Maturity levels, cumulative: silver needs all of bronze, gold all of silver. */
export const LEVELS: readonly LevelPolicy[] = [
  {
    id: 'bronze',
    title: 'Safe to demo',
    checks: ['security.secrets', 'security.env-committed', 'deps.nonexistent', 'docs.readme', 'deps.lockfile'],
  },
  {
    id: 'silver',
    title: 'Safe to launch',
    checks: [
      'docs.readme-setup',
      'testing.tests-present',
      'testing.tests-in-ci',
      'delivery.ci',
      'deps.lockfile-sync',
      'deps.vulnerable',
      'deps.deprecated',
      'security.env-example',
      'security.dangerous-patterns',
      'security.config-validated',
      'observability.error-tracking',
      'data.migrations',
      'data.schema-sync',
      'data.input-validation',
      'data.backups',
    ],
  },
  {
    id: 'gold',
    title: 'Operable',
    checks: [
      'docs.architecture',
      'delivery.deploy-config',
      'deps.outdated',
      'deps.runtime-eol',
      'data.transactions',
      'observability.health-endpoint',
      'observability.structured-logging',
      'observability.metrics',
      'observability.alerting',
      'observability.graceful-shutdown',
    ],
  },
];
