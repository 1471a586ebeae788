// The vocabulary shared by collectors, checks, scoring and renderers.
// Nothing here performs I/O.

export const SEVERITIES = ['info', 'low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const STATUSES = ['pass', 'partial', 'fail', 'na', 'unknown', 'error'] as const;
export type Status = (typeof STATUSES)[number];

export const AREA_IDS = [
  'code',
  'deps',
  'testing',
  'docs',
  'data',
  'observability',
  'security',
  'delivery',
  'simplicity',
] as const;
export type AreaId = (typeof AREA_IDS)[number];

export const PROJECT_KINDS = ['service', 'web-app', 'library', 'cli', 'monorepo', 'unknown'] as const;
export type ProjectKind = (typeof PROJECT_KINDS)[number];

export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

export interface Location {
  /** Relative to the target root, with `/`. */
  file: string;
  line?: number;
  column?: number;
}

/** What a check reports about one thing it saw. The pipeline completes it into a `Finding`. */
export interface FindingInput {
  message: string;
  location?: Location | null;
  /** Defaults to the check's severity (after config overrides). */
  severity?: Severity;
  /** Defaults to the check's failure title. */
  title?: string;
  /** Defaults to the check's effort estimate. */
  effortMinutes?: number;
  /** Machine-readable values for CI users, e.g. `{ function, cyclomatic }`. */
  data?: Record<string, unknown>;
  /**
   * Identity inputs for the fingerprint: the enclosing symbol (function/class name) and the code
   * or value the finding is about. Line numbers are deliberately not part of the identity so that a
   * finding survives unrelated edits above it.
   */
  symbol?: string;
  snippet?: string;
  /** A blocker caps the overall score below the "ready" band, whatever else passes. */
  blocker?: boolean;
}

export interface Finding {
  checkId: string;
  severity: Severity;
  title: string;
  message: string;
  location: Location | null;
  effortMinutes: number;
  fingerprint: string;
  blocker?: boolean;
  data?: Record<string, unknown>;
}

/** What a check's `run` returns. */
export interface CheckOutcome {
  status: Exclude<Status, 'error'>;
  /** 0..1; required for `partial`, implied for pass (1) and fail (0), ignored for na/unknown. */
  score?: number;
  /** Short lines naming what was seen, e.g. "README.md: 4 lines, has an Install section". */
  evidence: string[];
  findings?: FindingInput[];
  /** Why a check is `na` or `unknown`, in words a reader can act on. */
  reason?: string;
  /** Check-specific figures that belong in `metrics` rather than in one finding. */
  metrics?: Record<string, unknown>;
}
