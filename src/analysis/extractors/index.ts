// The one list of per-file extractors run on the shared parse. Add an extractor here to have its
// results in `facts.code.files[].extracts[extractor.id]`.
import type { FileExtractor } from '../extractor.js';
import { cloneTokensExtractor } from './clone-tokens.js';
import { consoleExtractor } from './console.js';
import { conventionsExtractor } from './conventions.js';
import { errorExposureExtractor } from './error-exposure.js';
import { errorHandlingExtractor } from './error-handling.js';
import { functionsExtractor } from './functions.js';
import { importsExtractor } from './imports.js';
import { residueExtractor } from './residue.js';
import { typeEscapesExtractor } from './type-escapes.js';
import { configValidationExtractor } from './config-validation.js';
import { dangerousPatternsExtractor } from './dangerous-patterns.js';
import { dataWritesExtractor } from './data-writes.js';
import { outboundHttpExtractor } from './outbound-http.js';
import { routesExtractor } from './routes.js';
import { schemaSyncExtractor } from './schema-sync.js';
import { schemaTablesExtractor } from './schema-tables.js';
import { sdkInitsExtractor } from './sdk-inits.js';
import { validationCallsExtractor } from './validation-calls.js';

export const extractors: readonly FileExtractor<unknown>[] = [
  importsExtractor,
  functionsExtractor,
  typeEscapesExtractor,
  errorHandlingExtractor,
  conventionsExtractor,
  residueExtractor,
  consoleExtractor,
  cloneTokensExtractor,
  routesExtractor,
  dataWritesExtractor,
  validationCallsExtractor,
  sdkInitsExtractor,
  outboundHttpExtractor,
  schemaSyncExtractor,
  schemaTablesExtractor,
  dangerousPatternsExtractor,
  configValidationExtractor,
  errorExposureExtractor,
];
