// Builds a `code` fact from snippets the way the code collector does (every registered extractor
// on one syntax-only parse per file), for tests that want extractor output without a whole repo.
import { extractors } from '../../src/analysis/extractors/index.js';
import { analyseFile } from '../../src/analysis/parse.js';
import type { CodeFact } from '../../src/core/facts.js';
import { isSourceFile, isTestFile } from '../../src/util/paths.js';

export function codeFactOf(files: Record<string, string>): CodeFact {
  const parsed = Object.entries(files)
    .filter(([path]) => isSourceFile(path))
    .map(([path, text]) => analyseFile({ path, text, isTest: isTestFile(path) }, extractors));
  return { files: parsed, skipped: [] };
}
