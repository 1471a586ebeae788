import { UsageError } from '../cli/errors.js';
import type { Config } from '../config/schema.js';
import type { AnyCheck } from './check.js';
import type { CheckSettings } from './run-check.js';
import { AREA_IDS } from './types.js';

export interface Selection {
  only: readonly string[];
  skip: readonly string[];
}

function matches(check: AnyCheck, ids: readonly string[]): boolean {
  return ids.some((id) => id === check.id || id === check.area);
}

function assertKnown(ids: readonly string[], all: readonly AnyCheck[], flag: string): void {
  for (const id of ids) {
    if ((AREA_IDS as readonly string[]).includes(id) || all.some((check) => check.id === id)) continue;
    const close = all.filter((check) => check.id.includes(id) || id.includes(check.id.split('.')[1] ?? '')).map((check) => check.id);
    const hint = close.length > 0 ? ` (did you mean ${close.slice(0, 3).join(', ')}?)` : '';
    throw new UsageError(`${flag}: unknown check or area "${id}"${hint}; see \`shipshape checks\``);
  }
}

/** The checks this audit runs: the catalogue, less what the config turns off, narrowed by --only/--skip. */
export function selectChecks(all: readonly AnyCheck[], config: Config, selection: Selection): AnyCheck[] {
  assertKnown(selection.only, all, '--only');
  assertKnown(selection.skip, all, '--skip');
  return all.filter((check) => {
    const override = config.checks[check.id];
    if (override?.enabled === false) return false;
    if (config.areas[check.area]?.enabled === false) return false;
    if (selection.only.length > 0 && !matches(check, selection.only)) return false;
    return !matches(check, selection.skip);
  });
}

export function settingsFor(check: AnyCheck, config: Config): CheckSettings {
  const override = config.checks[check.id];
  const given = override ?? {};
  return {
    severity: given.severity ?? check.severity,
    weight: given.weight ?? check.weight,
    options: given.options ?? {},
  };
}
