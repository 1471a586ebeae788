// One scanner pass per file gives what the AST does not keep: comments (for `@ts-ignore`, TODOs,
// commented-out code), the lines that hold code, and the token stream that clone detection hashes.
import type { ts as TS } from 'ts-morph';

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

/** Token kinds after which a `/` is division; anywhere else it starts a regular expression. */
function endsOperand(ts: typeof TS, kind: TS.SyntaxKind): boolean {
  return (
    kind === ts.SyntaxKind.Identifier ||
    kind === ts.SyntaxKind.CloseParenToken ||
    kind === ts.SyntaxKind.CloseBracketToken ||
    kind === ts.SyntaxKind.CloseBraceToken ||
    kind === ts.SyntaxKind.NumericLiteral ||
    kind === ts.SyntaxKind.StringLiteral ||
    kind === ts.SyntaxKind.ThisKeyword ||
    kind === ts.SyntaxKind.PlusPlusToken ||
    kind === ts.SyntaxKind.MinusMinusToken
  );
}

export function scanTokens(ts: typeof TS, sourceFile: TS.SourceFile): TokenStream {
  const text = sourceFile.text;
  const lineStarts = sourceFile.getLineStarts();
  const variant = sourceFile.languageVariant;
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, variant, text);
  const kinds: number[] = [];
  const lines: number[] = [];
  const comments: SourceComment[] = [];
  let lineIndex = 0;
  const lineAt = (pos: number): number => {
    while (lineIndex + 1 < lineStarts.length && lineStarts[lineIndex + 1]! <= pos) lineIndex++;
    return lineIndex + 1;
  };
  // Positions only grow, except for comment end lines: those use a binary search.
  const lineOfPos = (pos: number): number => sourceFile.getLineAndCharacterOfPosition(pos).line + 1;
  const templateStack: boolean[] = [];
  let codeLines = 0;
  let lastCodeLine = 0;
  let previous: TS.SyntaxKind = ts.SyntaxKind.Unknown;
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    if (kind === ts.SyntaxKind.WhitespaceTrivia || kind === ts.SyntaxKind.NewLineTrivia || kind === ts.SyntaxKind.ShebangTrivia) {
      continue;
    }
    const start = scanner.getTokenStart();
    if (kind === ts.SyntaxKind.SingleLineCommentTrivia || kind === ts.SyntaxKind.MultiLineCommentTrivia) {
      const end = scanner.getTokenEnd();
      const line = lineAt(start);
      const block = kind === ts.SyntaxKind.MultiLineCommentTrivia;
      comments.push({ line, endLine: block ? lineOfPos(end - 1) : line, text: text.slice(start, end), block });
      continue;
    }
    if ((kind === ts.SyntaxKind.SlashToken || kind === ts.SyntaxKind.SlashEqualsToken) && !endsOperand(ts, previous)) {
      kind = scanner.reScanSlashToken();
    } else if (kind === ts.SyntaxKind.TemplateHead) {
      templateStack.push(true);
    } else if (kind === ts.SyntaxKind.OpenBraceToken) {
      templateStack.push(false);
    } else if (kind === ts.SyntaxKind.CloseBraceToken && templateStack.pop() === true) {
      kind = scanner.reScanTemplateToken(false);
      if (kind === ts.SyntaxKind.TemplateMiddle) templateStack.push(true);
    }
    const line = lineAt(start);
    kinds.push(kind);
    lines.push(line);
    const endLine = kind === ts.SyntaxKind.NoSubstitutionTemplateLiteral || kind === ts.SyntaxKind.TemplateTail || kind === ts.SyntaxKind.TemplateMiddle ? lineOfPos(scanner.getTokenEnd() - 1) : line;
    // A multi-line template counts every line it spans as code.
    const first = Math.max(line, lastCodeLine + 1);
    if (endLine >= first) {
      codeLines += endLine - first + 1;
      lastCodeLine = endLine;
    }
    previous = kind;
  }
  return { kinds: Uint16Array.from(kinds), lines: Uint32Array.from(lines), comments, codeLines };
}
