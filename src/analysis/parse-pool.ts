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
  /** Below this many files, starting workers (≈0.4 s each to load the parser) costs more than it saves. */
  minFilesForWorkers: number;
  batchSize: number;
  maxWorkers: number;
  /** Called after each file, for progress. */
  onFile?: () => void;
}

export const DEFAULT_POOL_OPTIONS: PoolOptions = { minFilesForWorkers: 300, batchSize: 40, maxWorkers: 8 };

const WORKER_URL = new URL('./parse-worker.js', import.meta.url);

/** The compile cache this thread uses, for the workers to share (its folder holds one subfolder per Node version). */
function sharedCompileCache(): ParseWorkerData {
  const versioned = module.getCompileCacheDir();
  return { compileCache: versioned === undefined ? null : dirname(versioned) };
}

function workerScript(): string | null {
  const path = fileURLToPath(WORKER_URL);
  return import.meta.url.endsWith('.js') && existsSync(path) ? path : null;
}

function inProcess(
  inputs: readonly AnalyseInput[],
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

function* batches(inputs: readonly AnalyseInput[], size: number): Generator<AnalyseInput[]> {
  for (let start = 0; start < inputs.length; start += size) yield inputs.slice(start, start + size);
}

async function inWorkers(
  script: string,
  inputs: readonly AnalyseInput[],
  workerCount: number,
  extractors: readonly FileExtractor<unknown>[],
  options: PoolOptions,
): Promise<AnalyseOutcome[]> {
  const pending = batches(inputs, options.batchSize);
  const outcomes: AnalyseOutcome[] = [];
  let nextId = 0;
  const workerData = sharedCompileCache();
  const runWorker = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const worker = new Worker(script, { workerData });
      let inFlight = 0;
      const send = (): void => {
        const next = pending.next();
        if (next.done) return;
        inFlight++;
        worker.postMessage({ id: nextId++, files: next.value });
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
    for (let next = pending.next(); !next.done; next = pending.next()) {
      for (const outcome of analyseBatch({ id: nextId++, files: next.value }, extractors).outcomes) {
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
  inputs: readonly AnalyseInput[],
  extractors: readonly FileExtractor<unknown>[],
  options: PoolOptions = DEFAULT_POOL_OPTIONS,
  onWorkerFailure: (error: unknown) => void = () => {},
): Promise<AnalyseOutcome[]> {
  const script = workerScript();
  // This thread parses too, so one core is left for it.
  const workerCount = Math.min(options.maxWorkers, availableParallelism() - 1, Math.ceil(inputs.length / options.minFilesForWorkers));
  if (!script || inputs.length < options.minFilesForWorkers || workerCount < 1) return inProcess(inputs, extractors, options.onFile);
  try {
    return await inWorkers(script, inputs, workerCount, extractors, options);
  } catch (error) {
    onWorkerFailure(error);
    return inProcess(inputs, extractors, undefined);
  }
}
