// Places where the code opts out of the type checker or the linter: `any`, `as unknown as`,
// non-null assertions `!`, `@ts-ignore`/`@ts-expect-error`/`@ts-nocheck`, `eslint-disable`.
import type { ts as TS } from 'ts-morph';
import type { FileExtractor, SourceInput } from '../extractor.js';
import { lineOf } from '../syntax.js';

export type TypeEscapeKind = 'any' | 'as-unknown-as' | 'non-null' | 'ts-ignore' | 'ts-expect-error' | 'ts-nocheck' | 'eslint-disable';

export interface TypeEscape {
  kind: TypeEscapeKind;
  line: number;
}

export interface TypeEscapesExtract {
  escapes: TypeEscape[];
}

/** Comment directives, matched at the start of the comment's text (after `//`, `/*` or `*`). */
const DIRECTIVES: { pattern: RegExp; kind: TypeEscapeKind }[] = [
  { pattern: /^\s*@ts-ignore\b/, kind: 'ts-ignore' },
  { pattern: /^\s*@ts-expect-error\b/, kind: 'ts-expect-error' },
  { pattern: /^\s*@ts-nocheck\b/, kind: 'ts-nocheck' },
  { pattern: /^\s*eslint-disable(?:-next-line|-line)?\b/, kind: 'eslint-disable' },
];

export function extractTypeEscapes({ ts, sourceFile, nodes, tokens }: SourceInput): TypeEscapesExtract {
  const escapes: TypeEscape[] = [];
  const SK = ts.SyntaxKind;
  for (const node of nodes.ofKind(SK.AnyKeyword)) escapes.push({ kind: 'any', line: lineOf(sourceFile, node) });
  // `items[i]!` is how code under `noUncheckedIndexedAccess` reads an index it knows is in range:
  // that option makes the code stricter, so its assertions are not counted as escapes.
  for (const node of nodes.ofKind(SK.NonNullExpression) as TS.NonNullExpression[]) {
    if (!ts.isElementAccessExpression(node.expression)) escapes.push({ kind: 'non-null', line: lineOf(sourceFile, node) });
  }
  for (const node of nodes.ofKind(SK.AsExpression) as TS.AsExpression[]) {
    let inner = node.expression;
    while (ts.isParenthesizedExpression(inner)) inner = inner.expression;
    if (ts.isAsExpression(inner) && inner.type.kind === SK.UnknownKeyword) {
      escapes.push({ kind: 'as-unknown-as', line: lineOf(sourceFile, node) });
    }
  }
  for (const comment of tokens.comments) {
    const body = comment.text.replace(/^\/\/+|^\/\*+/, '');
    const lines = comment.block ? body.split('\n').map((line) => line.replace(/^\s*\*?/, '')) : [body];
    lines.forEach((line, offset) => {
      const directive = DIRECTIVES.find((candidate) => candidate.pattern.test(line));
      if (directive) escapes.push({ kind: directive.kind, line: comment.line + offset });
    });
  }
  escapes.sort((a, b) => a.line - b.line);
  return { escapes };
}

export const typeEscapesExtractor: FileExtractor<TypeEscapesExtract> = {
  id: 'type-escapes',
  areas: ['code'],
  extract(input) {
    const result = extractTypeEscapes(input);
    return result.escapes.length === 0 ? null : result;
  },
};
