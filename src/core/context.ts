// What collectors may use from the outside world: options, the clock, logging and progress.
import type { CodeAnalysisSettings } from '../analysis/skip.js';
import type { AreaId } from './types.js';

export interface Logger {
  /** Shown with --verbose only. */
  debug(message: string): void;
  /** Shown unless --quiet. */
  warn(message: string): void;
}

export interface ProgressTask {
  tick(count?: number): void;
  done(): void;
}

export interface Progress {
  /** Starts a long phase (`parsing 1,234 files`); `total` null when unknown. */
  start(label: string, total: number | null): ProgressTask;
}

export interface AuditOptions {
  offline: boolean;
  concurrency: number;
  /** Where derived registry facts are cached; null disables the cache. */
  cacheDir: string | null;
  /** Folder of OSV advisories for air-gapped use. */
  advisoryDb: string | null;
  /** Overrides the registry from .npmrc (tests point it at a loopback server). */
  registry: string | null;
}

export interface AuditContext {
  /** Absolute path of the audited repository. */
  root: string;
  now: Date;
  options: AuditOptions;
  /** Paths (gitignore syntax) the user's config excludes from the audit. */
  ignorePaths: readonly string[];
  /** The user's file-skip limits and ignores for the code analysis; the defaults when absent. */
  codeAnalysis?: CodeAnalysisSettings;
  /**
   * The areas of the checks this audit runs: the shared parse runs only the extractors whose results
   * they read (`--only code` does not look for routes or SQL). Absent: every extractor.
   */
  checkAreas?: ReadonlySet<AreaId>;
  log: Logger;
  progress: Progress;
}

export const silentLogger: Logger = { debug() {}, warn() {} };

export const noProgress: Progress = {
  start() {
    return { tick() {}, done() {} };
  },
};
