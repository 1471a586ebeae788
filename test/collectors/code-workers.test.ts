// The worker-thread path of the shared parse runs only from compiled JavaScript (`npm test` builds
// first); it must give exactly what the in-process path gives.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractors } from '../../src/analysis/extractors/index.js';
import { analyseAll as analyseInProcess, type PoolOptions } from '../../src/analysis/parse-pool.js';
import type { AnalyseInput, AnalyseOutcome } from '../../src/analysis/parse.js';

const compiledPool = fileURLToPath(new URL('../../dist/analysis/parse-pool.js', import.meta.url));
const compiledExtractors = fileURLToPath(new URL('../../dist/analysis/extractors/index.js', import.meta.url));

const inputs: AnalyseInput[] = Array.from({ length: 12 }, (_, index) => ({
  path: `src/m${index}.${index % 3 === 0 ? 'tsx' : 'ts'}`,
  text:
    index === 5
      ? 'export function broken( {'
      : `import { x } from './m${(index + 1) % 12}';\nexport function f${index}(a: number) {\n  if (a > ${index}) {\n    try { return x(a); } catch { return null; }\n  }\n  return ${index % 3 === 0 ? '<div>{a}</div>' : 'a'};\n}\n`,
  isTest: false,
}));

const byPath = (outcomes: AnalyseOutcome[]) => JSON.parse(JSON.stringify([...outcomes].sort((a, b) => ('file' in a ? a.file.path : a.path).localeCompare('file' in b ? b.file.path : b.path))));

describe.skipIf(!existsSync(compiledPool))('parse workers (compiled)', () => {
  it('give the same results as the in-process parse', async () => {
    const pool = (await import(compiledPool)) as { analyseAll: typeof analyseInProcess };
    const compiled = (await import(compiledExtractors)) as { extractors: typeof extractors };
    const options: PoolOptions = { minFilesForWorkers: 2, batchSize: 3, maxWorkers: 2 };
    let ticks = 0;
    // Read lazily, as the code collector does, and fewer than announced (files skipped while reading).
    const read: string[] = [];
    function* lazily(): Generator<AnalyseInput> {
      for (const input of inputs) {
        read.push(input.path);
        yield input;
      }
    }
    const inWorkers = await pool.analyseAll({ count: inputs.length + 3, inputs: lazily() }, compiled.extractors, { ...options, onFile: () => ticks++ });
    const inProcess = await analyseInProcess({ count: inputs.length, inputs }, extractors, { ...options, minFilesForWorkers: 1_000 });
    expect(read).toHaveLength(12);
    expect(inWorkers).toHaveLength(12);
    expect(ticks).toBe(12);
    expect(byPath(inWorkers)).toEqual(byPath(inProcess));
  });
});
