// What the dependency checks share: which dependencies are registry packages, where a finding
// points, and how a check reads when the manifest or the registry is missing.
import type { DirectDependency, InstalledFact, ManifestsFact, PackageRegistryInfo, RegistryFact } from '../../core/facts.js';
import type { CheckOutcome, Location } from '../../core/types.js';

const REGISTRY_KINDS = new Set(['range', 'version', 'tag', 'alias']);

/** `na` without any package.json, `unknown` when the only ones cannot be read; null when the check applies. */
export function withoutManifest(manifests: ManifestsFact): CheckOutcome | null {
  if (manifests.all.length > 0) return null;
  const broken = manifests.invalid[0];
  if (broken) return { status: 'unknown', evidence: [`${broken.path}: ${broken.message}`], reason: `${broken.path} could not be read, so its dependencies are not known` };
  return { status: 'na', evidence: ['no package.json'], reason: 'there is no package.json, so there are no npm dependencies to check' };
}

/**
 * Dependencies installed from the registry at a known version. Peer dependencies are left out:
 * they are the consumer's to install, and the repository's own copy is a devDependency.
 */
export function installedRegistryDependencies(direct: readonly DirectDependency[]): DirectDependency[] {
  return direct.filter((dependency) => REGISTRY_KINDS.has(dependency.specifierKind) && dependency.type !== 'peerDependencies');
}

export function locationOf(dependency: DirectDependency): Location {
  return dependency.line === null ? { file: dependency.manifestPath } : { file: dependency.manifestPath, line: dependency.line };
}

/** `lodash@^4.17.0 (package.json)`. */
export function labelOf(dependency: DirectDependency): string {
  return `${dependency.name}@${dependency.range} (${dependency.manifestPath})`;
}

export interface RegistrySplit {
  known: { dependency: DirectDependency; info: PackageRegistryInfo }[];
  unknown: { dependency: DirectDependency; reason: string }[];
}

/** Sorts dependencies into those the registry told about and those it could not. */
export function splitByRegistry(dependencies: readonly DirectDependency[], registry: RegistryFact): RegistrySplit {
  const split: RegistrySplit = { known: [], unknown: [] };
  for (const dependency of dependencies) {
    const info = registry.packages[dependency.packageName];
    if (info?.status === 'ok') split.known.push({ dependency, info });
    else if (info?.status !== 'nonexistent') split.unknown.push({ dependency, reason: info?.reason ?? 'not looked up' });
  }
  return split;
}

/** The outcome when nothing could be learned, or the evidence line that says what was skipped. */
export function registryGaps(split: RegistrySplit, total: number): { outcome: CheckOutcome | null; evidence: string[] } {
  if (split.unknown.length === 0) return { outcome: null, evidence: [] };
  const reasons = [...new Set(split.unknown.map((entry) => entry.reason))];
  const line = `${split.unknown.length} of ${total} dependencies could not be checked: ${reasons.slice(0, 3).join('; ')}`;
  if (split.known.length > 0) return { outcome: null, evidence: [line] };
  return { outcome: { status: 'unknown', evidence: [line], reason: `no dependency could be checked: ${reasons[0]}` }, evidence: [line] };
}

export interface PinnedLookup {
  dependencies: DirectDependency[];
  split: RegistrySplit;
  gaps: { evidence: string[] };
}

/**
 * Direct registry dependencies at a known version and what the registry said about them, or the
 * outcome when there is nothing to judge (`na` without such dependencies, `unknown` when the
 * registry told nothing about any of them).
 */
export function pinnedRegistryDependencies(installed: InstalledFact, registry: RegistryFact): PinnedLookup | { outcome: CheckOutcome } {
  const dependencies = installedRegistryDependencies(installed.direct).filter((dependency) => dependency.installed !== null);
  if (dependencies.length === 0) {
    return { outcome: { status: 'na', evidence: ['no registry dependency with a known version'], reason: 'no dependency installed from the registry at a known version' } };
  }
  const split = splitByRegistry(dependencies, registry);
  const gaps = registryGaps(split, dependencies.length);
  return gaps.outcome ? { outcome: gaps.outcome } : { dependencies, split, gaps };
}

/** Share of dependencies the registry must have answered for before a check may say "pass". */
const PASS_COVERAGE = 0.9;

/**
 * A pass from a sample is a guess: when too few dependencies could be looked up, a check that found
 * nothing wrong says `unknown` instead (what it did find wrong still fails it).
 */
export function passIfCovered<T extends CheckOutcome>(outcome: T, split: RegistrySplit): T | CheckOutcome {
  return passIfLookedUp(outcome, split.known.length, split.known.length + split.unknown.length, split.unknown[0]?.reason ?? 'no answer');
}

/** The same rule from counts: `lookedUp` of `total` dependencies answered for. */
export function passIfLookedUp<T extends CheckOutcome>(outcome: T, lookedUp: number, total: number, why: string): T | CheckOutcome {
  if (outcome.status !== 'pass' || total === 0 || lookedUp / total >= PASS_COVERAGE) return outcome;
  return {
    ...outcome,
    status: 'unknown',
    score: undefined,
    reason: `only ${lookedUp} of ${total} dependencies could be looked up, too few to call it a pass (${why})`,
  };
}

/** Years between two ISO dates (0 when either is missing or the order is reversed). */
export function yearsBetween(from: string | undefined | null, to: string | undefined | null): number | null {
  if (!from || !to) return null;
  const years = (Date.parse(to) - Date.parse(from)) / (365.25 * 24 * 3600 * 1000);
  return Number.isNaN(years) ? null : Math.max(0, Math.round(years * 100) / 100);
}

export function plural(count: number, word: string): string {
  if (count === 1) return `${count} ${word}`;
  return `${count} ${/[^aeiou]y$/.test(word) ? `${word.slice(0, -1)}ies` : `${word}s`}`;
}
