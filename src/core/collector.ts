import type { FactKey, Facts } from './facts.js';
import type { AuditContext } from './context.js';

/** Gets another fact, collecting it first if no one has yet. */
export type FactGetter = <K extends FactKey>(key: K) => Promise<Facts[K]>;

/**
 * Gathers one fact about the target. Collectors do the I/O so that checks need none; each runs at
 * most once per audit and only when a selected check needs its fact (directly or through another
 * collector).
 */
export interface Collector<K extends FactKey = FactKey> {
  key: K;
  description: string;
  collect(ctx: AuditContext, get: FactGetter): Promise<Facts[K]>;
  /**
   * What this fact could not cover (a manifest that does not parse, a file too large to read), for
   * the report's "could not be checked" list. Called after the checks ran, so lazily read files count.
   */
  problems?(fact: Facts[K]): string[];
  /** Figures for the report's `metrics` object, derived from the collected fact. */
  metrics?(fact: Facts[K]): Record<string, unknown>;
}

export function defineCollector<K extends FactKey>(collector: Collector<K>): Collector<K> {
  return collector;
}
