import { collectorsByKey } from '../../src/collectors/index.js';
import type { AnyCheck } from '../../src/core/check.js';
import { noProgress, silentLogger, type AuditContext } from '../../src/core/context.js';
import { FactStore } from '../../src/core/fact-store.js';
import type { Facts } from '../../src/core/facts.js';
import { runCheck, type CheckResult } from '../../src/core/run-check.js';
import { memoryTree } from './memory-tree.js';

export const TEST_NOW = new Date('2026-11-01T00:00:00Z');

export function testContext(root = '', overrides: Partial<AuditContext['options']> = {}): AuditContext {
  return {
    root,
    now: TEST_NOW,
    options: { offline: true, concurrency: 4, cacheDir: null, advisoryDb: null, registry: null, ...overrides },
    ignorePaths: [],
    log: silentLogger,
    progress: noProgress,
  };
}

/**
 * Runs one check, with the real collectors, on an in-memory repository. Extra facts (e.g. registry
 * answers) can be preset; everything else is collected from the files given.
 */
export function runCheckOn(
  check: AnyCheck,
  files: Record<string, string | Buffer>,
  options: { facts?: Partial<Facts>; checkOptions?: unknown; context?: AuditContext } = {},
): Promise<CheckResult> {
  const store = new FactStore(options.context ?? testContext(), collectorsByKey, {
    tree: memoryTree(files),
    git: { isRepo: false, commit: null, branch: null },
    ...options.facts,
  });
  return runCheck(check, store, { severity: check.severity, weight: check.weight, options: options.checkOptions }, TEST_NOW);
}
