// Style choices a codebase usually makes once: how top-level functions are written and how
// asynchronous code waits. File-name case, export and import style come from the path and the
// `imports` extract; the `code.convention-drift` check puts them together.
import type { ts as TS } from 'ts-morph';
import type { FileExtractor, SourceInput } from '../extractor.js';

export interface ConventionsExtract {
  /** `function name() {}` at the top level (exported or not). */
  functionDeclarations: number;
  /** `const name = () => {}` / `const name = function () {}` at the top level. */
  functionExpressions: number;
  awaits: number;
  /** `.then(` calls. */
  thenCalls: number;
}

function isFunctionValue(ts: typeof TS, node: TS.Expression | undefined): boolean {
  return node !== undefined && (ts.isArrowFunction(node) || ts.isFunctionExpression(node));
}

export function extractConventions({ ts, sourceFile, nodes }: SourceInput): ConventionsExtract {
  let functionDeclarations = 0;
  let functionExpressions = 0;
  for (const statement of sourceFile.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.body && statement.name) functionDeclarations++;
    else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) if (isFunctionValue(ts, declaration.initializer)) functionExpressions++;
    }
  }
  let thenCalls = 0;
  for (const call of nodes.ofKind(ts.SyntaxKind.CallExpression) as TS.CallExpression[]) {
    if (ts.isPropertyAccessExpression(call.expression) && call.expression.name.text === 'then') thenCalls++;
  }
  return { functionDeclarations, functionExpressions, awaits: nodes.ofKind(ts.SyntaxKind.AwaitExpression).length, thenCalls };
}

export const conventionsExtractor: FileExtractor<ConventionsExtract> = {
  id: 'conventions',
  areas: ['code'],
  extract(input) {
    const result = extractConventions(input);
    return result.functionDeclarations + result.functionExpressions + result.awaits + result.thenCalls === 0 ? null : result;
  },
};
