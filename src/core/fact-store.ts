import type { Collector, FactGetter } from './collector.js';
import type { AuditContext } from './context.js';
import type { FactKey, Facts } from './facts.js';

export class FactError extends Error {
  constructor(
    readonly key: FactKey,
    override readonly cause: unknown,
  ) {
    super(`could not collect "${key}": ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

/**
 * Collects each fact at most once, on first request, and remembers failures so that every check
 * needing a broken fact gets the same error instead of re-running the collector.
 */
export class FactStore {
  private readonly pending = new Map<FactKey, Promise<unknown>>();
  private readonly settled = new Map<FactKey, unknown>();
  private readonly failures = new Map<FactKey, FactError>();

  constructor(
    private readonly ctx: AuditContext,
    private readonly collectors: ReadonlyMap<FactKey, Collector>,
    /** Facts supplied up front (tests hand in an in-memory tree this way). */
    preset: Partial<Facts> = {},
  ) {
    for (const [key, value] of Object.entries(preset) as [FactKey, unknown][]) {
      this.pending.set(key, Promise.resolve(value));
      this.settled.set(key, value);
    }
  }

  readonly get: FactGetter = <K extends FactKey>(key: K): Promise<Facts[K]> => {
    let promise = this.pending.get(key);
    if (!promise) {
      const collector = this.collectors.get(key);
      if (!collector) throw new Error(`no collector registered for fact "${key}"`);
      promise = Promise.resolve()
        .then(() => collector.collect(this.ctx, this.get))
        .then(
          (value) => {
            this.settled.set(key, value);
            return value;
          },
          (error: unknown) => {
            const failure = error instanceof FactError ? error : new FactError(key, error);
            // Only the fact's own collector failing is recorded here; a failure inherited from a
            // fact it depends on is already recorded under that fact.
            if (failure.key === key) this.failures.set(key, failure);
            throw failure;
          },
        );
      // Failures surface through the checks that await the fact; keep Node from reporting them twice.
      promise.catch(() => {});
      this.pending.set(key, promise);
    }
    return promise as Promise<Facts[K]>;
  };

  /** Facts whose collector threw, with the error. */
  failed(): ReadonlyMap<FactKey, FactError> {
    return this.failures;
  }

  /** Facts that were collected successfully, for metrics. */
  collected(): ReadonlyMap<FactKey, unknown> {
    return this.settled;
  }
}
