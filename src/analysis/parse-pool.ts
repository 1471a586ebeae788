// Runs the shared parse over many files: in worker threads when the repository is large and the
// machine has cores to spare, otherwise in this thread. Workers load the compiled JavaScript, so
// when running from TypeScript sources (tests) everything stays in-process.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FileExtractor } from './extractor.js';
import { analyseBatch, type AnalyseInput, type AnalyseOutcome, type BatchResponse } from './parse.js';

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

function workerScript(): string | null {
  const path = fileURLToPath(WORKER_URL);
  return import.meta.url.endsWith('.js') && existsSync(path) ? path : null;
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

function* batches(inputs: Iterable<AnalyseInput>, size: number): Generator<AnalyseInput[]> {
  let batch: AnalyseInput[] = [];
  for (const input of inputs) {
    batch.push(input);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

async function inWorkers(script: string, inputs: Iterable<AnalyseInput>, workerCount: number, options: PoolOptions): Promise<AnalyseOutcome[]> {
  const pending = batches(inputs, options.batchSize);
  const outcomes: AnalyseOutcome[] = [];
  let nextId = 0;
  const runWorker = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const worker = new Worker(script);
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
      // Two batches in flight keep the worker busy while the main thread reads the next files.
      send();
      send();
      finishIfIdle();
    });
  await Promise.all(Array.from({ length: workerCount }, runWorker));
  return outcomes;
}

/** Analyses every input once; the order of the outcomes is unspecified. */
export async function analyseAll(
  inputs: Iterable<AnalyseInput>,
  count: number,
  extractors: readonly FileExtractor<unknown>[],
  options: PoolOptions = DEFAULT_POOL_OPTIONS,
): Promise<AnalyseOutcome[]> {
  const script = workerScript();
  const workerCount = Math.min(options.maxWorkers, availableParallelism(), Math.ceil(count / options.minFilesForWorkers));
  if (!script || count < options.minFilesForWorkers || workerCount < 2) return inProcess(inputs, extractors, options.onFile);
  return inWorkers(script, inputs, workerCount, options);
}
