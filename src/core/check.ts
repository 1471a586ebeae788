import type { z } from 'zod';
import type { FactKey, Facts } from './facts.js';
import type { AreaId, CheckOutcome, Severity } from './types.js';

export interface CheckContext<O> {
  now: Date;
  /** The check's options: its defaults, overridden by the user's config, validated by `optionsSchema`. */
  options: O;
}

/**
 * One check: metadata beside a pure function from facts to an outcome. Checks do no I/O; what they
 * need from the repository they declare in `requires` and receive as facts.
 */
export interface CheckDefinition<R extends FactKey = FactKey, O = Record<string, never>> {
  /** `area.name`, lower-case and hyphenated; never changes meaning once shipped. */
  id: string;
  area: AreaId;
  /** Wording when it passes: "A README explains the project". */
  title: string;
  /** Wording when it fails: "No README at the root". */
  failureTitle: string;
  /** Why it matters, for a founder who has not heard of the practice. */
  rationale: string;
  /** What to do about a failure, concretely. */
  remediation: string;
  severity: Severity;
  /** Relative weight inside its area (0 shows the check but does not count it). */
  weight: number;
  /** Typical minutes to fix one failure. */
  effortMinutes: number;
  requires: readonly R[];
  /** Options with their defaults; users may override them in the config. */
  optionsSchema?: z.ZodType<O>;
  run(facts: Pick<Facts, R>, ctx: CheckContext<O>): CheckOutcome;
}

// The registry holds checks of many fact and option types; this is the erased view it stores.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyCheck = CheckDefinition<any, any>;

export function defineCheck<R extends FactKey, O = Record<string, never>>(
  check: CheckDefinition<R, O>,
): CheckDefinition<R, O> {
  return check;
}
