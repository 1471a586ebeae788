// Fingerprints for duplicate detection: the token stream with identifiers and literals normalised
// (so a renamed copy still matches), hashed in windows of K tokens, thinned by winnowing so that
// any shared run of at least K + W - 1 tokens keeps at least one common fingerprint.
import { ts } from 'ts-morph';
import type { FileExtractor, SourceInput } from '../extractor.js';

/** Tokens per hashed window. With W below, every copy of ≥ 50 tokens shares a fingerprint. */
export const CLONE_WINDOW_TOKENS = 40;
const WINNOW = 11;

export interface CloneTokensExtract {
  /** Token count after normalisation (import/export-from lines left out). */
  tokens: number;
  /** Winnowed fingerprints: hash, index of the window's first token, first and last line. */
  hashes: Uint32Array;
  starts: Uint32Array;
  startLines: Uint32Array;
  endLines: Uint32Array;
}

const IDENTIFIER_CLASS = 1_000;
const LITERAL_CLASS = 1_001;
const { Identifier, PrivateIdentifier, StringLiteral, NumericLiteral, BigIntLiteral, NoSubstitutionTemplateLiteral, RegularExpressionLiteral, TemplateHead, TemplateMiddle, TemplateTail } = ts.SyntaxKind;
// AbstractKeyword … DeferKeyword is the contextual-keyword range of the SyntaxKind enum (TypeScript 6).
const { AbstractKeyword: FirstContextualKeyword, DeferKeyword: LastContextualKeyword } = ts.SyntaxKind;

/**
 * Token kind → what clone detection compares, as a lookup table (one array read per token).
 * Identifiers and contextual keywords (`type`, `out`, `of`, `get`, `string`…, ordinary names in
 * most places) become one class, literals another; everything else keeps its kind.
 */
const NORMALISED = (() => {
  const table = new Uint16Array(1_024);
  for (let kind = 0; kind < table.length; kind++) table[kind] = kind;
  for (let kind = FirstContextualKeyword; kind <= LastContextualKeyword; kind++) table[kind] = IDENTIFIER_CLASS;
  table[Identifier] = IDENTIFIER_CLASS;
  table[PrivateIdentifier] = IDENTIFIER_CLASS;
  for (const kind of [StringLiteral, NumericLiteral, BigIntLiteral, NoSubstitutionTemplateLiteral, RegularExpressionLiteral, TemplateHead, TemplateMiddle, TemplateTail]) {
    table[kind] = LITERAL_CLASS;
  }
  return table;
})();

/**
 * Tokens that make code logic rather than data: a window without any of them is part of a table
 * (rules, routes, fixtures written as object literals), whose entries look alike by design.
 */
const LOGIC = (() => {
  const table = new Uint8Array(1_024);
  const K = ts.SyntaxKind;
  for (const kind of [
    K.IfKeyword, K.ForKeyword, K.WhileKeyword, K.DoKeyword, K.ReturnKeyword, K.SwitchKeyword, K.CaseKeyword,
    K.FunctionKeyword, K.AwaitKeyword, K.ThrowKeyword, K.TryKeyword, K.CatchKeyword, K.YieldKeyword, K.BreakKeyword,
    K.ContinueKeyword, K.EqualsGreaterThanToken, K.EqualsToken, K.PlusEqualsToken, K.MinusEqualsToken,
    K.AmpersandAmpersandToken, K.BarBarToken, K.QuestionQuestionToken, K.EqualsEqualsEqualsToken,
    K.ExclamationEqualsEqualsToken, K.EqualsEqualsToken, K.ExclamationEqualsToken, K.PlusPlusToken, K.MinusMinusToken,
    // Statements end in `;`; entries of a table are separated by `,`.
    K.SemicolonToken,
  ]) {
    table[kind] = 1;
  }
  return table;
})();

/** Lines of import and re-export statements: every file has them and they are not logic. */
function moduleHeaderLines({ ts: api, sourceFile }: SourceInput, lineCount: number): Uint8Array {
  const skip = new Uint8Array(lineCount + 2);
  for (const statement of sourceFile.statements) {
    const isHeader = api.isImportDeclaration(statement) || (api.isExportDeclaration(statement) && statement.moduleSpecifier !== undefined);
    if (!isHeader) continue;
    const first = sourceFile.getLineAndCharacterOfPosition(statement.getStart(sourceFile)).line + 1;
    const last = sourceFile.getLineAndCharacterOfPosition(statement.end).line + 1;
    skip.fill(1, first, last + 1);
  }
  return skip;
}

export function extractCloneTokens(input: SourceInput): CloneTokensExtract {
  const { kinds, lines } = input.tokens;
  const skip = moduleHeaderLines(input, input.sourceFile.getLineStarts().length);
  const kept = new Uint32Array(kinds.length);
  const keptLines = new Uint32Array(kinds.length);
  // logicBefore[i]: logic tokens among the first i kept tokens.
  const logicBefore = new Uint32Array(kinds.length + 1);
  let count = 0;
  for (let index = 0; index < kinds.length; index++) {
    const line = lines[index]!;
    if (skip[line] === 1) continue;
    const kind = kinds[index]!;
    kept[count] = NORMALISED[kind]!;
    keptLines[count] = line;
    logicBefore[count + 1] = logicBefore[count]! + LOGIC[kind]!;
    count++;
  }
  const windows = count - CLONE_WINDOW_TOKENS + 1;
  const empty = new Uint32Array(0);
  if (windows <= 0) return { tokens: count, hashes: empty, starts: empty, startLines: empty, endLines: empty };
  // Polynomial rolling hash over the window (mod 2^32 through Math.imul).
  const BASE = 0x01000193;
  let power = 1;
  for (let index = 1; index < CLONE_WINDOW_TOKENS; index++) power = Math.imul(power, BASE);
  const windowHashes = new Uint32Array(windows);
  let hash = 0;
  for (let index = 0; index < CLONE_WINDOW_TOKENS; index++) hash = (Math.imul(hash, BASE) + kept[index]!) | 0;
  windowHashes[0] = hash >>> 0;
  for (let index = 1; index < windows; index++) {
    hash = (Math.imul(hash - Math.imul(kept[index - 1]!, power), BASE) + kept[index + CLONE_WINDOW_TOKENS - 1]!) | 0;
    windowHashes[index] = hash >>> 0;
  }
  // Winnowing: the minimum hash of every run of W windows (rightmost on ties), each kept once.
  // A monotonic queue of window positions keeps this linear.
  const queue = new Uint32Array(windows);
  let head = 0;
  let tail = 0;
  const selected = new Uint32Array(windows);
  let selectedCount = 0;
  let last = -1;
  for (let index = 0; index < windows; index++) {
    while (tail > head && windowHashes[queue[tail - 1]!]! >= windowHashes[index]!) tail--;
    queue[tail++] = index;
    if (queue[head]! <= index - WINNOW) head++;
    if (index >= WINNOW - 1 || index === windows - 1) {
      const best = queue[head]!;
      if (best !== last) {
        if (logicBefore[best + CLONE_WINDOW_TOKENS]! > logicBefore[best]!) selected[selectedCount++] = best;
        last = best;
      }
    }
  }
  const result = {
    tokens: count,
    hashes: new Uint32Array(selectedCount),
    starts: selected.slice(0, selectedCount),
    startLines: new Uint32Array(selectedCount),
    endLines: new Uint32Array(selectedCount),
  };
  for (let slot = 0; slot < selectedCount; slot++) {
    const position = selected[slot]!;
    result.hashes[slot] = windowHashes[position]!;
    result.startLines[slot] = keptLines[position]!;
    result.endLines[slot] = keptLines[position + CLONE_WINDOW_TOKENS - 1]!;
  }
  return result;
}

export const cloneTokensExtractor: FileExtractor<CloneTokensExtract> = {
  id: 'clone-tokens',
  areas: ['code'],
  extract(input) {
    const result = extractCloneTokens(input);
    return result.hashes.length === 0 ? null : result;
  },
};
