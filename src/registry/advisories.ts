// Advisories from the registry's bulk endpoint (the answer npm audit reads): per package, a list
// of advisories with the affected range. The answer is validated and matched against the versions
// actually installed, since a registry may return advisories for versions it was not asked about.
import semver from 'semver';
import { z } from 'zod';
import type { Advisory, AdvisorySeverity } from '../core/facts.js';

const SEVERITIES = ['info', 'low', 'moderate', 'high', 'critical'] as const;

const bulkAdvisorySchema = z.object({
  id: z.union([z.number(), z.string()]),
  url: z.string().optional(),
  title: z.string().optional(),
  severity: z.string().optional(),
  vulnerable_versions: z.string(),
});

const bulkAnswerSchema = z.record(z.string(), z.array(bulkAdvisorySchema));

export function normaliseSeverity(value: string | undefined): AdvisorySeverity {
  const lower = (value ?? '').toLowerCase();
  if (lower === 'medium') return 'moderate';
  return (SEVERITIES as readonly string[]).includes(lower) ? (lower as AdvisorySeverity) : 'moderate';
}

function satisfies(version: string, range: string): boolean {
  try {
    return semver.satisfies(version, range, { includePrerelease: true, loose: true });
  } catch {
    return false;
  }
}

/** The installed versions an affected range covers. */
function affectedVersions(installed: readonly string[], range: string): string[] {
  return installed.filter((version) => satisfies(version, range));
}

/**
 * The first version out of the affected range above `version`, read from the range itself: the
 * bound of a `<x` comparator in the comparator set that matches. Null when the range does not say
 * (e.g. `<=2.88.2` for a package never fixed).
 */
export function firstFixedFromRange(range: string, version: string): string | null {
  let parsed: semver.Range;
  try {
    parsed = new semver.Range(range, { loose: true, includePrerelease: true });
  } catch {
    return null;
  }
  for (const set of parsed.set) {
    if (!set.every((comparator) => comparator.test(version))) continue;
    const upper = set.find((comparator) => comparator.operator === '<');
    if (upper) return upper.semver.version;
  }
  return null;
}

export type BulkParse = { ok: true; advisories: Advisory[] } | { ok: false; reason: string };

export function advisoriesFromBulk(body: unknown, query: Record<string, string[]>): BulkParse {
  const parsed = bulkAnswerSchema.safeParse(body);
  if (!parsed.success) return { ok: false, reason: 'the advisory endpoint answered in an unexpected format' };
  const advisories: Advisory[] = [];
  for (const [name, entries] of Object.entries(parsed.data)) {
    const installed = query[name] ?? [];
    for (const entry of entries) {
      const affected = affectedVersions(installed, entry.vulnerable_versions);
      if (affected.length === 0) continue;
      advisories.push({
        id: String(entry.id),
        package: name,
        title: entry.title ?? `advisory ${entry.id}`,
        url: entry.url ?? null,
        severity: normaliseSeverity(entry.severity),
        vulnerableVersions: entry.vulnerable_versions,
        affected,
        firstFixed: firstFixedFromRange(entry.vulnerable_versions, affected[0]!),
      });
    }
  }
  return { ok: true, advisories };
}
