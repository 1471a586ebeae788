// One scanner pass per file gives what the AST does not keep: comments (for `@ts-ignore`, TODOs,
// commented-out code), the lines that hold code, and the token stream that clone detection hashes.
import { ts } from 'ts-morph';

export interface SourceComment {
  line: number;
  endLine: number;
  /** Whole comment including its `//` or `/* … *\/` markers. */
  text: string;
  block: boolean;
}

export interface TokenStream {
  /** Syntax kinds of the significant tokens, in order. */
  kinds: Uint16Array;
  /** 1-based line of each token. */
  lines: Uint32Array;
  comments: SourceComment[];
  /** Lines holding at least one token (not blank, not only comments). */
  codeLines: number;
}

// Module-level constants: reading `ts.SyntaxKind.X` in the loop is a dictionary lookup per token.
const {
  EndOfFileToken,
  WhitespaceTrivia,
  NewLineTrivia,
  ShebangTrivia,
  ConflictMarkerTrivia,
  SingleLineCommentTrivia,
  MultiLineCommentTrivia,
  SlashToken,
  SlashEqualsToken,
  TemplateHead,
  TemplateMiddle,
  TemplateTail,
  NoSubstitutionTemplateLiteral,
  OpenBraceToken,
  CloseBraceToken,
  Identifier,
  CloseParenToken,
  CloseBracketToken,
  NumericLiteral,
  StringLiteral,
  ThisKeyword,
  PlusPlusToken,
  MinusMinusToken,
} = ts.SyntaxKind;

/** Token kinds after which a `/` is division; anywhere else it starts a regular expression. */
const ENDS_OPERAND = new Set([
  Identifier,
  CloseParenToken,
  CloseBracketToken,
  CloseBraceToken,
  NumericLiteral,
  StringLiteral,
  ThisKeyword,
  PlusPlusToken,
  MinusMinusToken,
]);

/** Does 1-based `line` hold only whitespace? */
function blankLine(text: string, lineStarts: readonly number[], line: number): boolean {
  const end = line < lineStarts.length ? lineStarts[line]! : text.length;
  return !/\S/.test(text.slice(lineStarts[line - 1]!, end));
}

export function scanTokens(sourceFile: ts.SourceFile): TokenStream {
  const text = sourceFile.text;
  const lineStarts = sourceFile.getLineStarts();
  const lineCount = lineStarts.length;
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, sourceFile.languageVariant, text);
  let kinds = new Uint16Array(Math.max(16, text.length >> 2));
  let lines = new Uint32Array(kinds.length);
  let count = 0;
  const comments: SourceComment[] = [];
  let lineIndex = 0;
  const lineAt = (pos: number): number => {
    while (lineIndex + 1 < lineCount && lineStarts[lineIndex + 1]! <= pos) lineIndex++;
    return lineIndex + 1;
  };
  // For ends of multi-line tokens, which must not move the forward-only cursor.
  const lineOfPos = (pos: number): number => sourceFile.getLineAndCharacterOfPosition(pos).line + 1;
  const templateStack: boolean[] = [];
  let codeLines = 0;
  let lastCodeLine = 0;
  let previous: ts.SyntaxKind = EndOfFileToken;
  for (let kind = scanner.scan(); kind !== EndOfFileToken; kind = scanner.scan()) {
    if (kind === WhitespaceTrivia || kind === NewLineTrivia || kind === ShebangTrivia || kind === ConflictMarkerTrivia) continue;
    const start = scanner.getTokenStart();
    if (kind === SingleLineCommentTrivia || kind === MultiLineCommentTrivia) {
      const end = scanner.getTokenEnd();
      const line = lineAt(start);
      const block = kind === MultiLineCommentTrivia;
      comments.push({ line, endLine: block ? lineOfPos(end - 1) : line, text: text.slice(start, end), block });
      continue;
    }
    if ((kind === SlashToken || kind === SlashEqualsToken) && !ENDS_OPERAND.has(previous)) {
      kind = scanner.reScanSlashToken();
    } else if (kind === TemplateHead) {
      templateStack.push(true);
    } else if (kind === OpenBraceToken) {
      templateStack.push(false);
    } else if (kind === CloseBraceToken && templateStack.pop() === true) {
      kind = scanner.reScanTemplateToken(false);
      if (kind === TemplateMiddle) templateStack.push(true);
    }
    const line = lineAt(start);
    if (count === kinds.length) {
      const grownKinds = new Uint16Array(count * 2);
      grownKinds.set(kinds);
      kinds = grownKinds;
      const grownLines = new Uint32Array(count * 2);
      grownLines.set(lines);
      lines = grownLines;
    }
    kinds[count] = kind;
    lines[count] = line;
    count++;
    // The later lines of a multi-line template literal are code too, unless blank (as ESLint's
    // `max-lines-per-function` with `skipBlankLines` counts them, and so the per-function figure).
    const spans = kind === NoSubstitutionTemplateLiteral || kind === TemplateTail || kind === TemplateMiddle || kind === TemplateHead;
    const endLine = spans ? lineOfPos(scanner.getTokenEnd() - 1) : line;
    if (line > lastCodeLine) codeLines++;
    for (let spanned = Math.max(line + 1, lastCodeLine + 1); spanned <= endLine; spanned++) {
      if (!blankLine(text, lineStarts, spanned)) codeLines++;
    }
    if (endLine > lastCodeLine) lastCodeLine = endLine;
    previous = kind;
  }
  return { kinds: kinds.slice(0, count), lines: lines.slice(0, count), comments, codeLines };
}
