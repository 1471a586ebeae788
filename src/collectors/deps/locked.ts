// The common view every lockfile parser produces, whatever the package manager.

export interface LockedPackage {
  name: string;
  version: string;
  /** From the lockfile when it records it; null when the format does not say. */
  dev: boolean | null;
  hasInstallScript: boolean;
  location: string | null;
  /** Names of the packages it depends on. */
  children: string[];
  /** Names of its peer dependencies, when the lockfile records them (npm v2+, pnpm). */
  peers?: string[];
}

export interface ParsedLockfile {
  /** e.g. `package-lock v3`, `pnpm-lock 9.0`, `yarn classic`, `yarn berry 8`. */
  format: string;
  packages: LockedPackage[];
  /**
   * The version pinned for dependency `name` (declared as `specifier`) of the workspace in folder
   * `dir` ('' for the root); null when the lockfile does not have it.
   */
  resolve(dir: string, name: string, specifier: string): string | null;
}

export class LockfileFormatError extends Error {}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function childNames(...maps: unknown[]): string[] {
  return [...new Set(maps.flatMap((map) => (isRecord(map) ? Object.keys(map) : [])))];
}
