// The `registry` fact: what the registry says about each direct dependency, from the cache of
// derived facts when it is fresh (or whatever its age when offline), else from the network with a
// concurrency limit. A package the registry cannot tell about is `unknown` with the reason.
import pLimit from 'p-limit';
import { defineCollector } from '../../core/collector.js';
import type { AuditContext } from '../../core/context.js';
import type { InstalledFact, PackageRegistryInfo, RegistryFact } from '../../core/facts.js';
import { CACHE_MAX_AGE_MS, RegistryCache } from '../../registry/cache.js';
import { RegistryClient, type RequestLimits } from '../../registry/client.js';
import { loadNpmrc, redactUrl } from '../../registry/npmrc.js';
import { packageWithoutInfo } from '../../registry/packument.js';
import { isRegistrySpecifier } from './specifier.js';

const DEFAULT_CONCURRENCY = 16;
const PROBE_LIMITS: RequestLimits = { timeoutMs: 15_000, retries: 1 };

/** The packages worth asking about: every registry dependency that is declared directly. */
function registryNames(installed: InstalledFact): string[] {
  const names = installed.direct.filter((dependency) => isRegistrySpecifier(dependency.specifierKind)).map((dependency) => dependency.packageName);
  return [...new Set(names)].sort();
}

export async function collectRegistry(ctx: AuditContext, names: readonly string[], client: RegistryClient): Promise<RegistryFact> {
  const started = performance.now();
  const cache = ctx.options.cacheDir ? new RegistryCache(ctx.options.cacheDir) : null;
  const offline = ctx.options.offline;
  const packages: Record<string, PackageRegistryInfo> = {};
  const stats = { requested: names.length, fromCache: 0, fetched: 0, failed: 0, durationMs: 0 };
  const progress = ctx.progress.start('registry', names.length);

  const missing: string[] = [];
  await Promise.all(
    names.map(async (name) => {
      const cached = cache ? await cache.read(client.registryFor(name), name, offline ? Number.POSITIVE_INFINITY : CACHE_MAX_AGE_MS) : null;
      if (cached) {
        packages[name] = cached;
        stats.fromCache += 1;
        progress.tick();
      } else missing.push(name);
    }),
  );

  let unreachable: string | null = null;
  const fetchOne = async (name: string, limits?: RequestLimits): Promise<void> => {
    let info: PackageRegistryInfo;
    if (offline) info = packageWithoutInfo(name, 'unknown', cache ? 'offline, and the cache has nothing on it' : 'offline, and no cache to read from', null);
    else if (unreachable) info = packageWithoutInfo(name, 'unknown', unreachable, null);
    else {
      const lookup = await client.lookup(name, limits);
      info = lookup.info;
      // Only the probe speaks for the registry: later, one slow answer is that package's problem.
      if (lookup.unreachable && limits === PROBE_LIMITS) unreachable = `the registry is unreachable (${info.reason})`;
    }
    packages[name] = info;
    if (info.status === 'unknown') stats.failed += 1;
    else {
      stats.fetched += 1;
      await cache?.write(client.registryFor(name), info);
    }
    progress.tick();
  };
  missing.sort();
  // One request alone first: it resolves the registry's address once, before the burst (many
  // simultaneous look-ups of one name have been seen to stall for the resolver's timeout), and it
  // tells quickly whether the registry answers at all. When it does not, nothing else is asked.
  const [first, ...rest] = missing;
  if (first !== undefined) await fetchOne(first, PROBE_LIMITS);
  const limit = pLimit(Math.max(1, ctx.options.concurrency || DEFAULT_CONCURRENCY));
  await Promise.all(rest.map((name) => limit(() => fetchOne(name))));
  progress.done();

  stats.durationMs = Math.round(performance.now() - started);
  const sorted = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => a.localeCompare(b)));
  return { registry: redactUrl(client.registry), offline, packages: sorted, stats };
}

export function registryClientFor(ctx: AuditContext): RegistryClient {
  return new RegistryClient({ npmrc: loadNpmrc(ctx.root), registry: ctx.options.registry });
}

export const registryCollector = defineCollector({
  key: 'registry',
  description: 'Versions, publish times, deprecations and install scripts of each direct dependency, from the npm registry or the cache',
  async collect(ctx, get) {
    const installed = await get('installed');
    return collectRegistry(ctx, registryNames(installed), registryClientFor(ctx));
  },
  metrics: (fact) => ({ dependencies: { registry: { ...fact.stats, offline: fact.offline } } }),
});
