// How far an installed version is behind the registry's `latest`, by semver.
import semver from 'semver';
import type { PackageRegistryInfo } from '../../core/facts.js';

export type Behind = 'major' | 'minor' | 'patch' | 'none';

export interface Distance {
  behind: Behind;
  latest: string;
  /** Majors between installed and latest (0.x minors count as majors, as semver's caret does). */
  majors: number;
}

/** The stable `latest` dist-tag; a prerelease published under `latest` is not a target. */
export function latestStable(info: PackageRegistryInfo): string | null {
  const latest = info.distTags.latest;
  if (latest && semver.valid(latest) && semver.prerelease(latest) === null) return latest;
  const stable = Object.keys(info.time).filter((version) => semver.prerelease(version) === null);
  return semver.rsort(stable)[0] ?? null;
}

export function distanceTo(installed: string, latest: string): Distance | null {
  const from = semver.parse(installed);
  const to = semver.parse(latest);
  if (!from || !to) return null;
  if (semver.gte(from, to)) return { behind: 'none', latest, majors: 0 };
  if (from.major !== to.major) return { behind: 'major', latest, majors: to.major - from.major };
  // Under 1.0.0 each minor is a breaking line (^0.25.0 excludes 0.26.0).
  if (from.major === 0 && from.minor !== to.minor) return { behind: 'major', latest, majors: to.minor - from.minor };
  if (from.minor !== to.minor) return { behind: 'minor', latest, majors: 0 };
  return { behind: 'patch', latest, majors: 0 };
}
