// The one list of collectors. Each fact key in src/core/facts.ts has exactly one collector here.
import type { Collector } from '../core/collector.js';
import type { FactKey } from '../core/facts.js';

export const collectors: readonly Collector[] = [];

export const collectorsByKey: ReadonlyMap<FactKey, Collector> = new Map(
  collectors.map((collector) => [collector.key, collector]),
);
