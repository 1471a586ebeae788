// Runs the shared parse over many files: in worker threads when the repository is large and the
// machine has cores to spare, otherwise in this thread. Workers load the compiled JavaScript, so
// when running from TypeScript sources (tests) everything stays in-process.
import { existsSync } from 'node:fs';
import module from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FileExtractor } from './extractor.js';
import { analyseBatch, type AnalyseInput, type AnalyseOutcome, type BatchResponse } from './parse.js';
import type { ParseWorkerData } from './parse-worker.js';

export interface PoolOptions {
  /** Below this many files, starting workers (≈ 0.15–0.4 s each to load the parser) costs more than it saves. */
  minFilesForWorkers: number;
  batchSize: number;
  maxWorkers: number;
  /** Called after each file, for progress. */
  onFile?: () => void;
}

export const DEFAULT_POOL_OPTIONS: PoolOptions = { minFilesForWorkers: 300, batchSize: 40, maxWorkers: 8 };

const WORKER_URL = new URL('./parse-worker.js', import.meta.url);

/** The compile cache this thread uses, for the workers to share (its folder holds one subfolder per Node version). */
function sharedCompileCache(): string | null {
  const versioned = module.getCompileCacheDir();
  return versioned === undefined ? null : dirname(versioned);
}

function workerScript(): string | null {
  const path = fileURLToPath(WORKER_URL);
  return import.meta.url.endsWith('.js') && existsSync(path) ? path : null;
}

/**
 * Files to analyse, read only when a thread asks for them: the workers start (≈ 0.1–0.3 s each to
 * load the parser) while this thread reads, instead of after it has read the whole repository.
 */
export interface AnalyseSource {
  /** At most this many inputs will come (files skipped while reading make it fewer). */
  count: number;
  inputs: Iterable<AnalyseInput>;
}

/** Hands out batches, keeping every input handed out so that a failed pool can start over. */
class BatchQueue {
  private readonly taken: AnalyseInput[] = [];
  private readonly iterator: Iterator<AnalyseInput>;

  constructor(
    inputs: Iterable<AnalyseInput>,
    private readonly size: number,
  ) {
    this.iterator = inputs[Symbol.iterator]();
  }

  next(): AnalyseInput[] | null {
    const batch: AnalyseInput[] = [];
    while (batch.length < this.size) {
      const next = this.iterator.next();
      if (next.done) break;
      batch.push(next.value);
    }
    this.taken.push(...batch);
    return batch.length > 0 ? batch : null;
  }

  /** What was handed out, then what was not. */
  all(): AnalyseInput[] {
    for (let next = this.iterator.next(); !next.done; next = this.iterator.next()) this.taken.push(next.value);
    return this.taken;
  }
}

function inProcess(
  inputs: Iterable<AnalyseInput>,
  extractors: readonly FileExtractor<unknown>[],
  onFile: (() => void) | undefined,
): AnalyseOutcome[] {
  const outcomes: AnalyseOutcome[] = [];
  for (const input of inputs) {
    outcomes.push(...analyseBatch({ id: 0, files: [input] }, extractors).outcomes);
    onFile?.();
  }
  return outcomes;
}

async function inWorkers(
  script: string,
  pending: BatchQueue,
  workerCount: number,
  extractors: readonly FileExtractor<unknown>[],
  options: PoolOptions,
): Promise<AnalyseOutcome[]> {
  const outcomes: AnalyseOutcome[] = [];
  let nextId = 0;
  const workerData: ParseWorkerData = { compileCache: sharedCompileCache(), extractors: extractors.map((extractor) => extractor.id) };
  const runWorker = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const worker = new Worker(script, { workerData });
      let inFlight = 0;
      const send = (): void => {
        const files = pending.next();
        if (files === null) return;
        inFlight++;
        worker.postMessage({ id: nextId++, files });
      };
      const finishIfIdle = (): void => {
        if (inFlight === 0) void worker.terminate().then(() => resolve(), reject);
      };
      worker.on('message', (response: BatchResponse) => {
        inFlight--;
        outcomes.push(...response.outcomes);
        for (let index = 0; index < response.outcomes.length; index++) options.onFile?.();
        send();
        finishIfIdle();
      });
      worker.on('error', reject);
      // Two batches in flight keep the worker busy while this thread is busy with its own batch.
      send();
      send();
      finishIfIdle();
    });
  // This thread takes batches from the same queue while the workers start and run, yielding between
  // batches so that their results are collected and they are sent more work promptly.
  const runHere = async (): Promise<void> => {
    for (let files = pending.next(); files !== null; files = pending.next()) {
      for (const outcome of analyseBatch({ id: nextId++, files }, extractors).outcomes) {
        outcomes.push(outcome);
        options.onFile?.();
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  // Workers first, so that they boot while this thread parses.
  const workers = Array.from({ length: workerCount }, runWorker);
  await Promise.all([...workers, runHere()]);
  return outcomes;
}

/**
 * Analyses every input once; the order of the outcomes is unspecified. If a worker dies (out of
 * memory, a crash in the runtime), everything is analysed again in this thread: slower, not lost.
 */
export async function analyseAll(
  source: AnalyseSource,
  extractors: readonly FileExtractor<unknown>[],
  options: PoolOptions = DEFAULT_POOL_OPTIONS,
  onWorkerFailure: (error: unknown) => void = () => {},
): Promise<AnalyseOutcome[]> {
  const script = workerScript();
  // This thread parses too, so one core is left for it.
  const workerCount = Math.min(options.maxWorkers, availableParallelism() - 1, Math.ceil(source.count / options.minFilesForWorkers));
  if (!script || source.count < options.minFilesForWorkers || workerCount < 1) return inProcess(source.inputs, extractors, options.onFile);
  const pending = new BatchQueue(source.inputs, options.batchSize);
  try {
    return await inWorkers(script, pending, workerCount, extractors, options);
  } catch (error) {
    onWorkerFailure(error);
    return inProcess(pending.all(), extractors, undefined);
  }
}
