// The user's configuration: `shipshape.config.json` or a `shipshape` key in package.json.
// Never a JavaScript file: the audited repository's code is never executed.
import { z } from 'zod';
import { DEFAULT_SKIP_LIMITS } from '../analysis/skip.js';
import { MAX_READ_BYTES } from '../collectors/inventory.js';
import { AREA_IDS, SEVERITIES } from '../core/types.js';

// "off" is shorthand for { "enabled": false }; rewriting it before validation keeps error paths
// precise (a union would only say "invalid input" for a typo deep inside the object).
const checkOverride = z.preprocess(
  (value) => (value === 'off' ? { enabled: false } : value),
  z.strictObject(
    {
      enabled: z.boolean().optional(),
      severity: z.enum(SEVERITIES).optional(),
      weight: z.number().nonnegative().optional(),
      /** Check-specific thresholds; validated against the check's own options schema. */
      options: z.record(z.string(), z.unknown()).optional(),
    },
    { error: 'expected "off" or an object with enabled, severity, weight or options' },
  ),
);

const areaOverride = z.strictObject({
  enabled: z.boolean().optional(),
  weight: z.number().nonnegative().optional(),
});

const wholeNumber = z.number().int('expected a whole number').positive('expected a whole number above 0');

/** Which files the code analysis reads: limits that mark a file as not hand-written, and paths to leave out. */
const analysisSettings = z.strictObject({
  maxFileBytes: wholeNumber
    .max(MAX_READ_BYTES, `at most ${MAX_READ_BYTES}: shipshape never reads files over 1 MiB`)
    .default(DEFAULT_SKIP_LIMITS.maxFileBytes),
  maxFileLines: wholeNumber.default(DEFAULT_SKIP_LIMITS.maxFileLines),
  // Shorter lines than this are ordinary code, and a lower limit would skip hand-written files.
  minifiedLineLength: wholeNumber.min(200, 'at least 200: shorter lines are ordinary code').default(DEFAULT_SKIP_LIMITS.minifiedLineLength),
  /** Left out of the code analysis only, in .gitignore syntax; the top-level `ignore` leaves paths out of every check. */
  ignore: z.array(z.string().min(1)).default([]),
});

export const configSchema = z.strictObject({
  $schema: z.string().optional(),
  /** Per check id. */
  checks: z.record(z.string(), checkOverride).default({}),
  /** Per area id. */
  areas: z.partialRecord(z.enum(AREA_IDS), areaOverride).default({}),
  /** Paths to leave out of the audit, in .gitignore syntax. */
  ignore: z.array(z.string()).default([]),
  analysis: analysisSettings.prefault({}),
  failUnder: z.number().min(0).max(100).optional(),
  failOn: z.enum(SEVERITIES).optional(),
});

export type Config = z.infer<typeof configSchema>;
export type CheckOverride = z.infer<typeof checkOverride>;

export const emptyConfig: Config = configSchema.parse({});
