// The shared parse: every JS/TS source file is parsed once (by the `code` collector, possibly in
// worker threads) and each registered extractor pulls what its checks need from the AST. Only the
// extractors' plain-data results outlive the parse, so ASTs never have to be held for the whole repo
// or sent between threads.
import type { ts } from 'ts-morph';
import type { AreaId } from '../core/types.js';
import type { NodeIndex } from './syntax.js';
import type { TokenStream } from './tokens.js';

export interface SourceInput {
  /** Repository-relative, with `/`. */
  path: string;
  text: string;
  sourceFile: ts.SourceFile;
  /** The TypeScript namespace (from ts-morph), so extractors need not import TypeScript themselves. */
  ts: typeof ts;
  isTest: boolean;
  /** The file's nodes grouped by syntax kind (built once, on first use, for all extractors). */
  nodes: NodeIndex;
  /** Comments and significant tokens from one scanner pass. */
  tokens: TokenStream;
}

export interface FileExtractor<T> {
  /** Key of this extractor's results in `ParsedFile.extracts`. */
  id: string;
  /**
   * The areas whose checks read this extractor's results, directly or through another fact (the
   * routes, integrations, database facts): an audit that runs no check of these areas skips it.
   * `test/analysis/extractor-areas.test.ts` proves the list on every fixture.
   */
  areas: readonly AreaId[];
  /** Returns plain, structured-cloneable data (no AST nodes), or null when the file holds nothing of interest. */
  extract(input: SourceInput): T | null;
}
