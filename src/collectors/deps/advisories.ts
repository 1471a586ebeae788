// The `advisories` fact: known vulnerabilities affecting the installed packages, from an offline
// OSV database when one is given, else from the registry's bulk endpoint (as npm audit does).
// When neither can answer the fact says `unknown` and why: it never reads as "no advisories".
import { defineCollector } from '../../core/collector.js';
import type { AuditContext } from '../../core/context.js';
import type { AdvisoriesFact, InstalledFact, RegistryFact } from '../../core/facts.js';
import { advisoriesFromBulk } from '../../registry/advisories.js';
import type { RegistryClient } from '../../registry/client.js';
import { advisoriesFromOsv } from '../../registry/osv.js';
import { registryClientFor } from './registry.js';

/** Package name → installed versions: every package of the lockfile. */
function advisoryQuery(installed: InstalledFact): Record<string, string[]> {
  const query: Record<string, Set<string>> = {};
  for (const entry of installed.packages) (query[entry.name] ??= new Set()).add(entry.version);
  return Object.fromEntries(Object.entries(query).map(([name, versions]) => [name, [...versions].sort()]));
}

function unknown(reason: string, queried: number): AdvisoriesFact {
  return { status: 'unknown', reason, source: null, queried, advisories: [] };
}

/** Why the registry is evidently out of reach: every package lookup of this run failed. */
function registryDown(registry: RegistryFact | null): string | null {
  if (!registry || registry.stats.failed === 0 || registry.stats.fetched + registry.stats.fromCache > 0) return null;
  const reason = Object.values(registry.packages).find((info) => info.reason)?.reason ?? 'no answer';
  return `the registry did not answer any package request either (${reason})`;
}

export async function collectAdvisories(
  ctx: AuditContext,
  installed: InstalledFact,
  client: () => RegistryClient,
  registry: () => Promise<RegistryFact | null> = async () => null,
): Promise<AdvisoriesFact> {
  if (installed.lockfile === null) return unknown('no lockfile was read, so the installed versions are not known', 0);
  const query = advisoryQuery(installed);
  const queried = Object.values(query).reduce((sum, versions) => sum + versions.length, 0);
  if (ctx.options.advisoryDb) {
    try {
      const result = await advisoriesFromOsv(ctx.options.advisoryDb, query);
      if (result.files === 0) return unknown(`the advisory database ${ctx.options.advisoryDb} holds no JSON files`, queried);
      return { status: 'ok', reason: null, source: 'osv', queried, advisories: result.advisories };
    } catch (error) {
      return unknown(`the advisory database could not be read (${error instanceof Error ? error.message : String(error)})`, queried);
    }
  }
  if (ctx.options.offline) return unknown('offline and no --advisory-db given', queried);
  if (queried === 0) return { status: 'ok', reason: null, source: 'registry', queried, advisories: [] };
  // Asking a registry that answered nothing would only wait for another timeout.
  const down = registryDown(await registry());
  if (down) return unknown(down, queried);
  const answer = await client().bulkAdvisories(query);
  if (!answer.ok) return unknown(answer.reason, queried);
  const parsed = advisoriesFromBulk(answer.body, query);
  if (!parsed.ok) return unknown(parsed.reason, queried);
  return { status: 'ok', reason: null, source: 'registry', queried, advisories: parsed.advisories };
}

export const advisoriesCollector = defineCollector({
  key: 'advisories',
  description: 'Known advisories for every package in the lockfile, from the registry or an offline OSV database',
  async collect(ctx, get) {
    const installed = await get('installed');
    return collectAdvisories(ctx, installed, () => registryClientFor(ctx), () => get('registry').catch(() => null));
  },
});
