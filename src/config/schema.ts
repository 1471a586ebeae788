// The user's configuration: `shipshape.config.json` or a `shipshape` key in package.json.
// Never a JavaScript file: the audited repository's code is never executed.
import { z } from 'zod';
import { AREA_IDS, SEVERITIES } from '../core/types.js';

const checkOverride = z.union([
  z.literal('off'),
  z.strictObject({
    enabled: z.boolean().optional(),
    severity: z.enum(SEVERITIES).optional(),
    weight: z.number().nonnegative().optional(),
    /** Check-specific thresholds; validated against the check's own options schema. */
    options: z.record(z.string(), z.unknown()).optional(),
  }),
]);

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
