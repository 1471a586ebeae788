import { describe, expect, it } from 'vitest';
import { sourceOf } from './source.js';

describe('node index', () => {
  it('merges kinds in source order, ties in the order asked, the same way every time', () => {
    const input = sourceOf("new A().b(); c(); new D(); e(new F());");
    const { ts } = input;
    const kinds = input.nodes.ofKind(ts.SyntaxKind.CallExpression, ts.SyntaxKind.NewExpression).map((node) => input.text.slice(node.getStart(input.sourceFile), node.end));
    expect(kinds).toEqual(['new A().b()', 'new A()', 'c()', 'new D()', 'e(new F())', 'new F()']);
    expect(input.nodes.ofKind(ts.SyntaxKind.CallExpression, ts.SyntaxKind.NewExpression)).toBe(input.nodes.ofKind(ts.SyntaxKind.CallExpression, ts.SyntaxKind.NewExpression));
  });
});
