// The one list of per-file extractors run on the shared parse. Add an extractor here to have its
// results in `facts.code.files[].extracts[extractor.id]`.
import type { FileExtractor } from '../extractor.js';
import { functionsExtractor } from './functions.js';
import { importsExtractor } from './imports.js';

export const extractors: readonly FileExtractor<unknown>[] = [importsExtractor, functionsExtractor];
