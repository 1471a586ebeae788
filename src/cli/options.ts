// Flags from the command line, validated at the boundary: a bad value is one clear line and exit 2.
// Light on purpose: flags are checked before a command's own modules load.
import { homedir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { SEVERITIES } from '../core/types.js';
import { UsageError } from './errors.js';

const idList = z
  .string()
  .transform((value) => value.split(',').map((id) => id.trim()).filter(Boolean));

export const auditFlagsSchema = z.object({
  format: z.enum(['terminal', 'json', 'markdown', 'html', 'sarif', 'gitlab']).default('terminal'),
  output: z.string().min(1).optional(),
  failUnder: z.coerce.number().min(0).max(100).optional(),
  failOn: z.enum(SEVERITIES).optional(),
  baseline: z.string().min(1).optional(),
  maxDrop: z.coerce.number().min(0).max(100).optional(),
  compare: z.string().min(1).optional(),
  explainScore: z.boolean().default(false),
  only: idList.optional(),
  skip: idList.optional(),
  config: z.string().min(1).optional(),
  now: z
    .string()
    .refine((value) => !Number.isNaN(Date.parse(value)), 'expected an ISO date such as 2026-05-01 or 2026-05-01T12:00:00Z')
    .optional(),
  offline: z.boolean().default(false),
  concurrency: z.coerce.number().int().min(1).max(64).default(16),
  cacheDir: z.string().min(1).optional(),
  cache: z.boolean().default(true),
  advisoryDb: z.string().min(1).optional(),
  registry: z.url().optional(),
  progress: z.boolean().default(true),
  color: z.boolean().optional(),
  quiet: z.boolean().default(false),
  verbose: z.boolean().default(false),
});

export type AuditFlags = z.infer<typeof auditFlagsSchema>;

export const mergeFlagsSchema = z.object({
  format: z.enum(['markdown', 'html', 'json']).default('markdown'),
  output: z.string().min(1).optional(),
  quiet: z.boolean().default(false),
});

export type MergeFlags = z.infer<typeof mergeFlagsSchema>;

export const catalogueFlagsSchema = z.object({ format: z.enum(['table', 'json', 'markdown']).default('table') });

export type CatalogueFlags = z.infer<typeof catalogueFlagsSchema>;

/** For commands that take no options. */
export const noFlagsSchema = z.object({});

const FLAG_NAMES: Record<string, string> = {
  failUnder: '--fail-under',
  failOn: '--fail-on',
  cacheDir: '--cache-dir',
  advisoryDb: '--advisory-db',
  maxDrop: '--max-drop',
  explainScore: '--explain-score',
};

function flagName(key: string): string {
  return FLAG_NAMES[key] ?? `--${key}`;
}

export function parseFlags<T extends z.ZodType>(schema: T, raw: unknown): z.infer<T> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const key = String(issue.path[0] ?? '');
  const given = key && raw && typeof raw === 'object' ? (raw as Record<string, unknown>)[key] : undefined;
  throw new UsageError(`${flagName(key)}: ${issue.message}${given === undefined ? '' : ` (got "${String(given)}")`}`);
}

/** $XDG_CACHE_HOME/shipshape, else ~/.cache/shipshape. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'shipshape');
}
