// The registry's package document, validated, and reduced to the few facts the checks use so that
// the (often multi-megabyte) document can be dropped at once.
import semver from 'semver';
import { z } from 'zod';
import type { PackageRegistryInfo } from '../core/facts.js';

const versionSchema = z.object({
  deprecated: z.union([z.string(), z.boolean()]).optional(),
  scripts: z.record(z.string(), z.unknown()).optional(),
  gypfile: z.boolean().optional(),
  hasInstallScript: z.boolean().optional(),
  peerDependencies: z.record(z.string(), z.unknown()).optional(),
});

export const packumentSchema = z.object({
  name: z.string(),
  'dist-tags': z.record(z.string(), z.string()).optional(),
  versions: z.record(z.string(), versionSchema).optional(),
  time: z.record(z.string(), z.unknown()).optional(),
});

export type Packument = z.infer<typeof packumentSchema>;

const INSTALL_SCRIPTS = ['preinstall', 'install', 'postinstall'] as const;

function hasInstallScript(manifest: z.infer<typeof versionSchema>): boolean {
  if (manifest.hasInstallScript === true || manifest.gypfile === true) return true;
  return INSTALL_SCRIPTS.some((script) => typeof manifest.scripts?.[script] === 'string');
}

function isoOrNull(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

export function derivePackageInfo(name: string, document: Packument, fetchedAt: Date): PackageRegistryInfo {
  const versions = document.versions ?? {};
  if (Object.keys(versions).length === 0 && document.time?.unpublished !== undefined) {
    return packageWithoutInfo(name, 'nonexistent', 'every version was unpublished from the registry', fetchedAt);
  }
  const distTags = document['dist-tags'] ?? {};
  const tagged = new Set(Object.values(distTags));
  const rawTime = document.time ?? {};
  const time: Record<string, string> = {};
  const deprecated: Record<string, string> = {};
  const installScripts: string[] = [];
  for (const [version, manifest] of Object.entries(versions)) {
    if (!semver.valid(version)) continue;
    const published = isoOrNull(rawTime[version]);
    if (published && (semver.prerelease(version) === null || tagged.has(version))) time[version] = published;
    if (typeof manifest.deprecated === 'string' && manifest.deprecated.trim() !== '') deprecated[version] = manifest.deprecated.trim();
    if (hasInstallScript(manifest)) installScripts.push(version);
  }
  const latest = distTags.latest;
  const latestManifest = latest === undefined ? undefined : versions[latest];
  const publishTimes = Object.values(time).sort();
  return {
    name,
    status: 'ok',
    reason: null,
    distTags,
    time,
    created: isoOrNull(rawTime.created) ?? publishTimes[0] ?? null,
    modified: isoOrNull(rawTime.modified) ?? publishTimes[publishTimes.length - 1] ?? null,
    deprecated,
    installScripts,
    latestPeers: Object.keys(latestManifest?.peerDependencies ?? {}),
    fetchedAt: fetchedAt.toISOString(),
    fromCache: false,
  };
}

/** An entry for a package the registry could not tell about (or never heard of). */
export function packageWithoutInfo(name: string, status: 'nonexistent' | 'unknown', reason: string, fetchedAt: Date | null): PackageRegistryInfo {
  return {
    name,
    status,
    reason,
    distTags: {},
    time: {},
    created: null,
    modified: null,
    deprecated: {},
    installScripts: [],
    latestPeers: [],
    fetchedAt: fetchedAt?.toISOString() ?? null,
    fromCache: false,
  };
}
