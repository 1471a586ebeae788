// Node shapes several of the data and observability extractors recognise the same way.
import type { ts as TS } from 'ts-morph';

/** The text of a string literal or a template without substitutions, else null. */
export function stringLiteralText(ts: typeof TS, node: TS.Node | undefined): string | null {
  return node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : null;
}

export type FunctionNode = TS.ArrowFunction | TS.FunctionExpression | TS.FunctionDeclaration | TS.MethodDeclaration;

export function isFunctionNode(ts: typeof TS, node: TS.Node | undefined): node is FunctionNode {
  return !!node && (ts.isArrowFunction(node) || ts.isFunctionExpression(node) || ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node));
}

/** A directive prologue entry such as `'use server'` or `'use client'` at the top of a file or function body. */
export function hasDirective(ts: typeof TS, statements: readonly TS.Statement[], directive: string): boolean {
  for (const statement of statements) {
    if (!ts.isExpressionStatement(statement) || !ts.isStringLiteral(statement.expression)) return false;
    if (statement.expression.text === directive) return true;
  }
  return false;
}

export function hasExportModifier(ts: typeof TS, node: TS.Node): boolean {
  const modifiers = ts.canHaveModifiers(node) ? ts.getModifiers(node) : undefined;
  return modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword) ?? false;
}

/** Parentheses and type-only wrappers: `(x)`, `x as T`, `x satisfies T`, `x!`, `<T>x`. */
export function isTypeOnlyWrapper(
  ts: typeof TS,
  node: TS.Node,
): node is TS.ParenthesizedExpression | TS.AsExpression | TS.SatisfiesExpression | TS.NonNullExpression | TS.TypeAssertion {
  return ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node) || ts.isNonNullExpression(node) || ts.isTypeAssertionExpression(node);
}

/** The expression inside parentheses and type-only wrappers; with `awaits`, inside `await` too. */
export function unwrapExpression(ts: typeof TS, node: TS.Expression, awaits = false): TS.Expression {
  let current = node;
  while (isTypeOnlyWrapper(ts, current) || (awaits && ts.isAwaitExpression(current))) current = current.expression;
  return current;
}
