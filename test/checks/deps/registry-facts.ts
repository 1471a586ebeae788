// Registry facts for check tables: derived from the recorded documents in fixtures/registry/ by
// the real derivation, or written out for cases no real package shows (a prerelease under `next`).
import { readFileSync } from 'node:fs';
import type { AdvisoriesFact, PackageRegistryInfo, RegistryFact } from '../../../src/core/facts.js';
import { derivePackageInfo, packageWithoutInfo, packumentSchema } from '../../../src/registry/packument.js';

const FIXTURES = new URL('../../../fixtures/registry/', import.meta.url);

export function recorded(name: string): PackageRegistryInfo {
  const document = packumentSchema.parse(JSON.parse(readFileSync(new URL(`${name}.json`, FIXTURES), 'utf8')));
  return derivePackageInfo(name, document, new Date('2026-11-01T00:00:00Z'));
}

export function synthetic(name: string, time: Record<string, string>, extra: Partial<PackageRegistryInfo> = {}): PackageRegistryInfo {
  const versions = Object.keys(time);
  return {
    ...packageWithoutInfo(name, 'unknown', '', new Date('2026-11-01T00:00:00Z')),
    status: 'ok',
    reason: null,
    distTags: { latest: versions[versions.length - 1]! },
    time,
    ...extra,
  };
}

export function registryOf(...packages: PackageRegistryInfo[]): RegistryFact {
  return {
    registry: 'https://registry.npmjs.org/',
    offline: false,
    packages: Object.fromEntries(packages.map((info) => [info.name, info])),
    stats: { requested: packages.length, fromCache: 0, fetched: packages.length, failed: 0, durationMs: 0 },
  };
}

export function unknownRegistry(...names: string[]): RegistryFact {
  return registryOf(...names.map((name) => packageWithoutInfo(name, 'unknown', 'offline, and no cache to read from', null)));
}

export const noAdvisories: AdvisoriesFact = { status: 'ok', reason: null, source: 'registry', queried: 0, advisories: [] };

/** A package-lock v3 pinning the given `name → version` at the root. */
export function npmLock(pins: Record<string, string>, extra: Record<string, Record<string, unknown>> = {}): string {
  const packages: Record<string, unknown> = { '': { name: 'app' } };
  for (const [name, version] of Object.entries(pins)) packages[`node_modules/${name}`] = { version, ...extra[name] };
  return JSON.stringify({ name: 'app', lockfileVersion: 3, requires: true, packages });
}
