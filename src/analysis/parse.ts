// Parses one source file (syntax only: no type checker, no module resolution), runs every
// extractor on it and keeps only their plain-data results. Used in-process and by parse workers.
import { ts } from 'ts-morph';
import type { ParsedFile } from '../core/facts.js';
import type { FileExtractor } from './extractor.js';
import { NodeIndex } from './syntax.js';
import { scanTokens } from './tokens.js';

const SCRIPT_KINDS: Record<string, ts.ScriptKind> = {
  '.ts': ts.ScriptKind.TS,
  '.mts': ts.ScriptKind.TS,
  '.cts': ts.ScriptKind.TS,
  '.tsx': ts.ScriptKind.TSX,
  '.js': ts.ScriptKind.JS,
  '.mjs': ts.ScriptKind.JS,
  '.cjs': ts.ScriptKind.JS,
  '.jsx': ts.ScriptKind.JSX,
};

/** `.js` files often hold JSX (Create React App, older Next.js): the JSX kind parses both. */
function scriptKindFor(path: string): ts.ScriptKind {
  const dot = path.lastIndexOf('.');
  const kind = SCRIPT_KINDS[path.slice(dot)] ?? ts.ScriptKind.TS;
  return kind === ts.ScriptKind.JS && path.endsWith('.js') ? ts.ScriptKind.JSX : kind;
}

// No extractor reads JSDoc nodes (comments come from the token scan), so the parser need not build them.
const PARSE_OPTIONS: ts.CreateSourceFileOptions = { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone };

export function parseSource(path: string, text: string): ts.SourceFile {
  return ts.createSourceFile(path, text, PARSE_OPTIONS, false, scriptKindFor(path));
}

function parseErrorsOf(sourceFile: ts.SourceFile): ParsedFile['parseErrors'] {
  // parseDiagnostics is internal API, but it is the only syntax-only way to get the parser's errors.
  const diagnostics = (sourceFile as unknown as { parseDiagnostics?: readonly ts.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
  return diagnostics.slice(0, 20).map((diagnostic) => {
    const position = sourceFile.getLineAndCharacterOfPosition(diagnostic.start);
    return {
      line: position.line + 1,
      column: position.character + 1,
      message: ts.flattenDiagnosticMessageText(diagnostic.messageText, ' '),
    };
  });
}

export interface AnalyseInput {
  path: string;
  text: string;
  isTest: boolean;
}

/** Parses one file and returns what outlives the AST. An extractor that throws is recorded, not fatal. */
export function analyseFile(input: AnalyseInput, extractors: readonly FileExtractor<unknown>[]): ParsedFile {
  const sourceFile = parseSource(input.path, input.text);
  const tokens = scanTokens(sourceFile);
  const source = { ...input, sourceFile, ts, nodes: new NodeIndex(ts, sourceFile), tokens };
  const extracts: Record<string, unknown> = {};
  const extractorErrors: { extractor: string; message: string }[] = [];
  for (const extractor of extractors) {
    try {
      const result = extractor.extract(source);
      if (result !== null) extracts[extractor.id] = result;
    } catch (error) {
      extractorErrors.push({ extractor: extractor.id, message: error instanceof Error ? error.message : String(error) });
    }
  }
  return {
    path: input.path,
    lines: sourceFile.getLineStarts().length,
    codeLines: tokens.codeLines,
    isTest: input.isTest,
    parseErrors: parseErrorsOf(sourceFile),
    extracts,
    ...(extractorErrors.length > 0 ? { extractorErrors } : {}),
  };
}

/** A file the parser itself choked on (e.g. nesting deep enough to overflow the stack). */
export interface AnalyseFailure {
  path: string;
  error: string;
}

export type AnalyseOutcome = { file: ParsedFile } | AnalyseFailure;

export interface BatchRequest {
  id: number;
  files: AnalyseInput[];
}

export interface BatchResponse {
  id: number;
  outcomes: AnalyseOutcome[];
}

export function analyseBatch(request: BatchRequest, extractors: readonly FileExtractor<unknown>[]): BatchResponse {
  const outcomes = request.files.map((input): AnalyseOutcome => {
    try {
      return { file: analyseFile(input, extractors) };
    } catch (error) {
      return { path: input.path, error: error instanceof Error ? error.message : String(error) };
    }
  });
  return { id: request.id, outcomes };
}
