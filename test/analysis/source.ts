// Builds the input an extractor sees, from a snippet, the way the code collector does.
import { ts } from 'ts-morph';
import type { SourceInput } from '../../src/analysis/extractor.js';
import { parseSource } from '../../src/analysis/parse.js';
import { NodeIndex } from '../../src/analysis/syntax.js';
import { scanTokens } from '../../src/analysis/tokens.js';

export function sourceOf(text: string, path = 'src/file.ts', isTest = false): SourceInput {
  const sourceFile = parseSource(path, text);
  return { path, text, sourceFile, ts, isTest, nodes: new NodeIndex(ts, sourceFile), tokens: scanTokens(sourceFile) };
}
