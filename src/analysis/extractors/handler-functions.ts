// Top-level functions shaped like request handlers (first parameter `req`, `ctx`, `c`, …), including
// methods of exported objects and classes, so that a route in another file that names one
// (`router.post('/users', createUser)`) can be resolved to its body.
import type { ts as TS } from 'ts-morph';
import { HANDLER_PARAMS } from '../../knowledge/integrations/web-frameworks.js';
import { hasExportModifier, isFunctionNode, type FunctionNode } from './node-shapes.js';

export interface HandlerShapedFunction {
  /** Function name; `object.method` for methods of an object or class. */
  name: string;
  fn: FunctionNode;
  exported: boolean;
}

function variableFunctions(ts: typeof TS, statement: TS.VariableStatement, exported: boolean): HandlerShapedFunction[] {
  const found: HandlerShapedFunction[] = [];
  for (const declaration of statement.declarationList.declarations) {
    const init = declaration.initializer;
    if (!ts.isIdentifier(declaration.name) || !init) continue;
    if (isFunctionNode(ts, init)) found.push({ name: declaration.name.text, fn: init, exported });
    else if (ts.isObjectLiteralExpression(init)) {
      for (const property of init.properties) {
        const value = ts.isPropertyAssignment(property) ? property.initializer : property;
        if (property.name && ts.isIdentifier(property.name) && isFunctionNode(ts, value)) found.push({ name: `${declaration.name.text}.${property.name.text}`, fn: value, exported });
      }
    }
  }
  return found;
}

/** `module.exports.create = async (req, res) => …`, `exports.create = …`: CommonJS controllers. */
function commonJsExport(ts: typeof TS, statement: TS.ExpressionStatement): HandlerShapedFunction[] {
  const assignment = statement.expression;
  if (!ts.isBinaryExpression(assignment) || assignment.operatorToken.kind !== ts.SyntaxKind.EqualsToken || !isFunctionNode(ts, assignment.right)) return [];
  const target = assignment.left;
  if (!ts.isPropertyAccessExpression(target)) return [];
  const object = target.expression;
  const isExports = (ts.isIdentifier(object) && object.text === 'exports') || (ts.isPropertyAccessExpression(object) && ts.isIdentifier(object.expression) && object.expression.text === 'module' && object.name.text === 'exports');
  return isExports ? [{ name: target.name.text, fn: assignment.right, exported: true }] : [];
}

function candidates(ts: typeof TS, statement: TS.Statement): HandlerShapedFunction[] {
  const exported = hasExportModifier(ts, statement);
  if (ts.isExpressionStatement(statement)) return commonJsExport(ts, statement);
  if (ts.isFunctionDeclaration(statement) && statement.name) return [{ name: statement.name.text, fn: statement, exported }];
  if (ts.isVariableStatement(statement)) return variableFunctions(ts, statement, exported);
  if (ts.isClassDeclaration(statement) && statement.name) {
    const className = statement.name.text;
    return statement.members.flatMap((member) =>
      ts.isMethodDeclaration(member) && member.name && ts.isIdentifier(member.name) ? [{ name: `${className}.${member.name.text}`, fn: member, exported }] : [],
    );
  }
  return [];
}

export function handlerShapedFunctions(ts: typeof TS, sourceFile: TS.SourceFile): HandlerShapedFunction[] {
  return sourceFile.statements.flatMap((statement) => candidates(ts, statement)).filter(({ fn }) => {
    const first = fn.parameters[0];
    return first !== undefined && ts.isIdentifier(first.name) && HANDLER_PARAMS.has(first.name.text);
  });
}
