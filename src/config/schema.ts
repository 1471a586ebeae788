// The user's configuration: `shipshape.config.json` or a `shipshape` key in package.json.
// Never a JavaScript file: the audited repository's code is never executed.
import { z } from 'zod';
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

export const configSchema = z.strictObject({
  $schema: z.string().optional(),
  /** Per check id. */
  checks: z.record(z.string(), checkOverride).default({}),
  /** Per area id. */
  areas: z.partialRecord(z.enum(AREA_IDS), areaOverride).default({}),
  /** Paths to leave out of the audit, in .gitignore syntax. */
  ignore: z.array(z.string()).default([]),
  failUnder: z.number().min(0).max(100).optional(),
  failOn: z.enum(SEVERITIES).optional(),
});

export type Config = z.infer<typeof configSchema>;
export type CheckOverride = z.infer<typeof checkOverride>;

export const emptyConfig: Config = configSchema.parse({});
