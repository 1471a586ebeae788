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
const LITERALS = new Set([StringLiteral, NumericLiteral, BigIntLiteral, NoSubstitutionTemplateLiteral, RegularExpressionLiteral, TemplateHead, TemplateMiddle, TemplateTail]);

// AbstractKeyword … DeferKeyword is the contextual-keyword range of the SyntaxKind enum (TypeScript 6).
const { AbstractKeyword: FirstContextualKeyword, DeferKeyword: LastContextualKeyword } = ts.SyntaxKind;

/** Contextual keywords (`type`, `out`, `of`, `get`, `string`…) are ordinary names in most places. */
function normalised(kind: number): number {
  if (kind === Identifier || kind === PrivateIdentifier || (kind >= FirstContextualKeyword && kind <= LastContextualKeyword)) return IDENTIFIER_CLASS;
  return LITERALS.has(kind) ? LITERAL_CLASS : kind;
}

/** Lines of import and re-export statements: every file has them and they are not logic. */
function moduleHeaderLines({ ts: api, sourceFile }: SourceInput): Set<number> {
  const lines = new Set<number>();
  for (const statement of sourceFile.statements) {
    const isHeader = api.isImportDeclaration(statement) || (api.isExportDeclaration(statement) && statement.moduleSpecifier !== undefined);
    if (!isHeader) continue;
    const first = sourceFile.getLineAndCharacterOfPosition(statement.getStart(sourceFile)).line + 1;
    const last = sourceFile.getLineAndCharacterOfPosition(statement.end).line + 1;
    for (let line = first; line <= last; line++) lines.add(line);
  }
  return lines;
}

export function extractCloneTokens(input: SourceInput): CloneTokensExtract {
  const { kinds, lines } = input.tokens;
  const skipLines = moduleHeaderLines(input);
  const kept: number[] = [];
  const keptLines: number[] = [];
  for (let index = 0; index < kinds.length; index++) {
    const line = lines[index]!;
    if (skipLines.has(line)) continue;
    kept.push(normalised(kinds[index]!));
    keptLines.push(line);
  }
  const windows = kept.length - CLONE_WINDOW_TOKENS + 1;
  const empty = new Uint32Array(0);
  if (windows <= 0) return { tokens: kept.length, hashes: empty, starts: empty, startLines: empty, endLines: empty };
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
  // Winnowing: the minimum hash of each run of W windows (rightmost on ties), each kept once.
  const selected: number[] = [];
  let last = -1;
  for (let start = 0; start + WINNOW <= windows || (start === 0 && windows > 0); start++) {
    const end = Math.min(start + WINNOW, windows);
    let best = start;
    for (let index = start; index < end; index++) if (windowHashes[index]! <= windowHashes[best]!) best = index;
    if (best !== last) {
      selected.push(best);
      last = best;
    }
    if (end === windows) break;
  }
  const count = selected.length;
  const result = {
    tokens: kept.length,
    hashes: new Uint32Array(count),
    starts: new Uint32Array(count),
    startLines: new Uint32Array(count),
    endLines: new Uint32Array(count),
  };
  selected.forEach((position, slot) => {
    result.hashes[slot] = windowHashes[position]!;
    result.starts[slot] = position;
    result.startLines[slot] = keptLines[position]!;
    result.endLines[slot] = keptLines[position + CLONE_WINDOW_TOKENS - 1]!;
  });
  return result;
}

export const cloneTokensExtractor: FileExtractor<CloneTokensExtract> = {
  id: 'clone-tokens',
  extract(input) {
    const result = extractCloneTokens(input);
    return result.hashes.length === 0 ? null : result;
  },
};
