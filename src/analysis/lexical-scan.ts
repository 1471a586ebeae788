// A light lexical pass over JS/TS text, for collectors that need a few token patterns (env reads,
// test-case calls) without the shared parse: comments and whitespace are dropped, strings and
// templates become single tokens, so `it(` inside a comment or a string is never seen as code.
// Unlike `tokens.ts` (which works on a parsed SourceFile and keeps only kinds) it keeps token text.
import { ts } from 'ts-morph';

export type LexemeKind = 'name' | 'string' | 'template' | 'punctuation' | 'other';

export interface Lexeme {
  kind: LexemeKind;
  /** Identifier or keyword text, a string's value, or the punctuation itself. */
  text: string;
  /** 1-based. */
  line: number;
}

const Kind = ts.SyntaxKind;

/** Tokens after which a `/` divides; anywhere else it opens a regular expression. */
const ENDS_OPERAND = new Set<ts.SyntaxKind>([
  Kind.Identifier,
  Kind.CloseParenToken,
  Kind.CloseBracketToken,
  Kind.CloseBraceToken,
  Kind.NumericLiteral,
  Kind.BigIntLiteral,
  Kind.StringLiteral,
  Kind.NoSubstitutionTemplateLiteral,
  Kind.TemplateTail,
  Kind.ThisKeyword,
  Kind.SuperKeyword,
  Kind.PlusPlusToken,
  Kind.MinusMinusToken,
]);

function lexemeKind(kind: ts.SyntaxKind): LexemeKind {
  if (kind === Kind.Identifier || (kind >= Kind.FirstKeyword && kind <= Kind.LastKeyword)) return 'name';
  if (kind === Kind.StringLiteral || kind === Kind.NoSubstitutionTemplateLiteral) return 'string';
  if (kind === Kind.TemplateHead || kind === Kind.TemplateMiddle || kind === Kind.TemplateTail) return 'template';
  if (kind >= Kind.FirstPunctuation && kind <= Kind.LastPunctuation) return 'punctuation';
  return 'other';
}

/** Significant tokens of a JS/TS text. Never throws on malformed input: the scanner recovers. */
export function scanLexemes(text: string): Lexeme[] {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, text);
  const lexemes: Lexeme[] = [];
  // Opening braces seen so far: true for a template's `${`, whose `}` resumes the template.
  const braces: boolean[] = [];
  let line = 1;
  let lineCursor = 0;
  let previous: ts.SyntaxKind = Kind.Unknown;
  for (let kind = scanner.scan(); kind !== Kind.EndOfFileToken; kind = scanner.scan()) {
    if ((kind === Kind.SlashToken || kind === Kind.SlashEqualsToken) && !ENDS_OPERAND.has(previous)) {
      kind = scanner.reScanSlashToken();
    } else if (kind === Kind.TemplateHead) {
      braces.push(true);
    } else if (kind === Kind.OpenBraceToken) {
      braces.push(false);
    } else if (kind === Kind.CloseBraceToken && braces.pop() === true) {
      kind = scanner.reScanTemplateToken(false);
      if (kind === Kind.TemplateMiddle) braces.push(true);
    }
    const start = scanner.getTokenStart();
    // Positions only grow, so the line is advanced incrementally instead of searched.
    while (lineCursor < start) {
      if (text.charCodeAt(lineCursor) === 10) line++;
      lineCursor++;
    }
    const lexemeType = lexemeKind(kind);
    const value = lexemeType === 'name' || lexemeType === 'punctuation' ? scanner.getTokenText() : scanner.getTokenValue();
    lexemes.push({ kind: lexemeType, text: value ?? '', line });
    previous = kind;
  }
  return lexemes;
}

/** Index of the token closing the bracket opened at `open`, or -1 when the text ends first. */
export function matchingClose(lexemes: readonly Lexeme[], open: number): number {
  const opener = lexemes[open]?.text;
  const closer = opener === '(' ? ')' : opener === '[' ? ']' : opener === '{' ? '}' : null;
  if (closer === null || opener === undefined) return -1;
  let depth = 0;
  for (let index = open; index < lexemes.length; index++) {
    const token = lexemes[index]!;
    if (token.kind !== 'punctuation') continue;
    if (token.text === opener) depth++;
    else if (token.text === closer && --depth === 0) return index;
  }
  return -1;
}
