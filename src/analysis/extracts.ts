// Typed access to the extractors' results on a parsed file (`extracts` is keyed by extractor id).
import type { ParsedFile } from '../core/facts.js';
import type { FunctionRecord, FunctionsExtract } from './extractors/functions.js';
import type { ImportsExtract } from './extractors/imports.js';

export function functionsOf(file: ParsedFile): FunctionRecord[] {
  return (file.extracts['functions'] as FunctionsExtract | undefined)?.functions ?? [];
}

export function importsOf(file: ParsedFile): ImportsExtract {
  return (file.extracts['imports'] as ImportsExtract | undefined) ?? { imports: [], exports: [] };
}
