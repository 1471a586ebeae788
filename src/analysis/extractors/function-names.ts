// The name a reader would give a function: from its declaration, its class, or where it is assigned.
import type { ts as TS } from 'ts-morph';

function propertyNameText(ts: typeof TS, name: TS.PropertyName | TS.BindingName | undefined): string | null {
  if (!name) return null;
  if (ts.isIdentifier(name) || ts.isPrivateIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name)) return name.text;
  return null;
}

function className(ts: typeof TS, node: TS.Node): string | null {
  const parent = node.parent;
  if (parent && (ts.isClassDeclaration(parent) || ts.isClassExpression(parent))) return parent.name?.text ?? null;
  return null;
}

/** A function's name as a reader would say it: from its declaration or from where it is assigned. */
export function functionName(ts: typeof TS, node: TS.SignatureDeclaration): string {
  if ((ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node)) && node.name) return node.name.text;
  if (ts.isConstructorDeclaration(node)) {
    const owner = className(ts, node);
    return owner ? `${owner}.constructor` : 'constructor';
  }
  if (ts.isMethodDeclaration(node) || ts.isGetAccessorDeclaration(node) || ts.isSetAccessorDeclaration(node)) {
    const name = propertyNameText(ts, node.name) ?? '<computed>';
    const owner = className(ts, node);
    return owner ? `${owner}.${name}` : name;
  }
  if (ts.isFunctionDeclaration(node)) return 'default';
  let parent = node.parent;
  while (parent && (ts.isParenthesizedExpression(parent) || ts.isAsExpression(parent) || ts.isSatisfiesExpression(parent))) {
    parent = parent.parent;
  }
  if (!parent) return '<anonymous>';
  if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) {
    const name = propertyNameText(ts, parent.name);
    if (name === null) return '<anonymous>';
    const owner = ts.isPropertyDeclaration(parent) ? className(ts, parent) : null;
    return owner ? `${owner}.${name}` : name;
  }
  if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    const target = parent.left;
    if (ts.isIdentifier(target)) return target.text;
    if (ts.isPropertyAccessExpression(target)) return target.name.text;
  }
  if (ts.isExportAssignment(parent)) return 'default';
  // `forwardRef(function Button() {})`, `memo(() => …)` assigned to a name: name the wrapper's target.
  if (ts.isCallExpression(parent) && parent.parent && ts.isVariableDeclaration(parent.parent)) {
    const name = propertyNameText(ts, parent.parent.name);
    if (name !== null) return name;
  }
  return '<anonymous>';
}
