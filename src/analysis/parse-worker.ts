// Worker-thread entry: analyses batches of files and posts back the extractors' plain data only.
// `module.enableCompileCache()` in the main thread does not reach worker threads, and without it a
// worker spends ≈ 0.15–0.3 s compiling TypeScript's 9 MB bundle again; so the worker turns the cache
// on (the parent passes its directory) before it loads the parser.
import module from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';
import type { FileExtractor } from './extractor.js';
import type { BatchRequest } from './parse.js';

export interface ParseWorkerData {
  /** The parent's compile-cache directory, or null when it runs without one. */
  compileCache: string | null;
  /** Ids of the registered extractors to run (an audit of a few areas needs only some). */
  extractors: readonly string[];
}

const port = parentPort;
if (!port) throw new Error('parse-worker must run in a worker thread');
const { compileCache, extractors: wanted } = workerData as ParseWorkerData;
if (compileCache !== null) module.enableCompileCache(compileCache);
const [{ extractors }, { analyseBatch }] = await Promise.all([import('./extractors/index.js'), import('./parse.js')]);
const active: readonly FileExtractor<unknown>[] = extractors.filter((extractor) => wanted.includes(extractor.id));
port.on('message', (request: BatchRequest) => {
  port.postMessage(analyseBatch(request, active));
});
