import { readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { z } from 'zod';
import type { AnyCheck } from '../core/check.js';
import { UsageError } from '../cli/errors.js';
import { configSchema, emptyConfig, type Config } from './schema.js';

export interface LoadedConfig {
  config: Config;
  /** Where it came from ("shipshape.config.json", "package.json#shipshape"), or null for defaults. */
  source: string | null;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const field = issue.path.length > 0 ? issue.path.join('.') : '(top level)';
  return `${field}: ${issue.message}`;
}

/** Validates a config document against the check registry; every error names the source, the field and what was expected. */
export function parseConfig(document: unknown, source: string, checksById: ReadonlyMap<string, AnyCheck>): Config {
  const result = configSchema.safeParse(document);
  if (!result.success) {
    throw new UsageError(`invalid configuration in ${source}: ${result.error.issues.map(describeIssue).join('; ')}`);
  }
  for (const [id, override] of Object.entries(result.data.checks)) {
    const check = checksById.get(id);
    if (!check) throw new UsageError(`invalid configuration in ${source}: checks.${id}: no such check (see \`shipshape checks\`)`);
    if (override.options && check.optionsSchema) {
      const options = check.optionsSchema.safeParse(override.options);
      if (!options.success) {
        throw new UsageError(
          `invalid configuration in ${source}: checks.${id}.options.${options.error.issues.map(describeIssue).join('; ')}`,
        );
      }
    }
  }
  return result.data;
}

/**
 * Parses with the check registry loaded only when the document overrides checks: the registry pulls
 * in every check and the parser, which a configuration error should not wait for.
 */
async function parseLoaded(document: unknown, source: string): Promise<Config> {
  const overrides = document !== null && typeof document === 'object' && 'checks' in document;
  const registry = overrides ? (await import('../checks/index.js')).checksById : new Map<string, AnyCheck>();
  return parseConfig(document, source, registry);
}

async function readJson(path: string, label: string): Promise<unknown | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new UsageError(`cannot read ${label}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new UsageError(`invalid configuration in ${label}: not valid JSON (${(error as Error).message})`);
  }
}

/**
 * `--config <file>` wins; otherwise the target's shipshape.config.json, then the `shipshape` key of
 * its package.json. A broken package.json is not a config error: the audit reports it instead.
 */
export async function loadConfig(root: string, explicit: string | null, cwd = process.cwd()): Promise<LoadedConfig> {
  if (explicit) {
    const path = resolve(cwd, explicit);
    const document = await readJson(path, explicit);
    if (document === undefined) throw new UsageError(`config file not found: ${explicit}`);
    return { config: await parseLoaded(document, explicit), source: explicit };
  }
  const configPath = join(root, 'shipshape.config.json');
  const fromFile = await readJson(configPath, relative(cwd, configPath) || 'shipshape.config.json');
  if (fromFile !== undefined) return { config: await parseLoaded(fromFile, 'shipshape.config.json'), source: 'shipshape.config.json' };
  let manifest: unknown;
  try {
    manifest = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
  } catch {
    return { config: emptyConfig, source: null };
  }
  if (manifest && typeof manifest === 'object' && 'shipshape' in manifest) {
    return { config: await parseLoaded((manifest as { shipshape: unknown }).shipshape, 'package.json#shipshape'), source: 'package.json#shipshape' };
  }
  return { config: emptyConfig, source: null };
}
