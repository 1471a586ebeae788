// Worker-thread entry: analyses batches of files and posts back the extractors' plain data only.
import { parentPort } from 'node:worker_threads';
import { extractors } from './extractors/index.js';
import { analyseBatch, type BatchRequest } from './parse.js';

const port = parentPort;
if (!port) throw new Error('parse-worker must run in a worker thread');
port.on('message', (request: BatchRequest) => {
  port.postMessage(analyseBatch(request, extractors));
});
