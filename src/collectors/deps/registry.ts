// The `registry` fact: what the registry says about each direct dependency, from the cache of
// derived facts when it is fresh (or whatever its age when offline), else from the network with a
// concurrency limit. A package the registry cannot tell about is `unknown` with the reason.
import pLimit from 'p-limit';
import { defineCollector } from '../../core/collector.js';
import type { AuditContext } from '../../core/context.js';
import type { InstalledFact, PackageRegistryInfo, RegistryFact } from '../../core/facts.js';
import { CACHE_MAX_AGE_MS, RegistryCache } from '../../registry/cache.js';
import { RegistryClient } from '../../registry/client.js';
import { loadNpmrc, redactUrl } from '../../registry/npmrc.js';
import { packageWithoutInfo } from '../../registry/packument.js';
import { isRegistrySpecifier } from './specifier.js';

export const DEFAULT_CONCURRENCY = 16;

/** The packages worth asking about: every registry dependency that is declared directly. */
export function registryNames(installed: InstalledFact): string[] {
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

  const fetchOne = async (name: string): Promise<void> => {
    const info = offline
      ? packageWithoutInfo(name, 'unknown', cache ? 'offline, and the cache has nothing on it' : 'offline, and no cache to read from', null)
      : await client.packageInfo(name);
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
  // simultaneous look-ups of one name have been seen to stall for the resolver's timeout).
  const [first, ...rest] = missing;
  if (first !== undefined) await fetchOne(first);
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
  metrics: (fact) => ({ registry: { ...fact.stats, offline: fact.offline } }),
});
