// Per-function metrics: cyclomatic complexity (ESLint 9's `complexity` rule, "classic" variant),
// cognitive complexity (SonarSource's specification as implemented by SonarJS), lines of code,
// parameters and nesting depth (ESLint's `max-depth`). See docs/code-health.md for the counting.
import { ts as TS } from 'ts-morph';
import type { FileExtractor, SourceInput } from '../extractor.js';
import { endLineOf, lineOf } from '../syntax.js';
import { functionName } from './function-names.js';

export interface FunctionRecord {
  /** Inferred from the declaration, variable, property or class member; `<anonymous>` otherwise. */
  name: string;
  kind: 'function' | 'method' | 'arrow' | 'expression' | 'constructor' | 'accessor';
  line: number;
  endLine: number;
  /** Lines in the function that hold code (blank and comment-only lines excluded). */
  loc: number;
  /** Declared parameters (a destructured object is one; TypeScript's `this` parameter is not counted). */
  params: number;
  cyclomatic: number;
  /** Counted from the function's own body; a top-level function that folds includes its nested functions. */
  cognitive: number;
  /**
   * False when SonarSource's rule counts this function's cognitive complexity in the function that
   * encloses it (a nested callback inside a function that has control flow of its own).
   */
  cognitiveReported: boolean;
  /**
   * The cognitive figure includes branches of functions nested in it (SonarSource counts callbacks in
   * the function around them), while cyclomatic complexity, as ESLint counts it, stops at each function.
   */
  cognitiveNested: boolean;
  /** Deepest nesting of blocks (if, loops, switch, try) inside the function's own body. */
  depth: number;
  /** A capitalised function that returns JSX. */
  component: boolean;
  /** Nested in another function. */
  nested: boolean;
  /** Passed directly as an argument (`items.map((x) => …)`): its parameters are dictated by the callee. */
  callback: boolean;
  /** Normalised `name(params)` text: a stable identity for fingerprints. */
  signature: string;
}

export interface FunctionsExtract {
  functions: FunctionRecord[];
}

interface Frame {
  record: FunctionRecord;
  /** 1 for a function outside any function, 2 for one nested in it, … */
  level: number;
  /** The nesting level at the function's body: its own figure counts nesting from here. */
  base: number;
  blockDepth: number;
  // Cognitive bookkeeping, following SonarJS: a top-level function folds its second-level functions
  // in only when it has control flow of its own and is not a React component.
  own: number;
  hasStructural: boolean;
  ifNested: number;
  ifNotNested: number;
  children: Frame[];
  recursive: boolean;
  returnsJsx: boolean;
}

const MAX_SIGNATURE = 160;

// Module-level constants: `ts.SyntaxKind.X` in the per-node switch would be a dictionary lookup each time.
const SK = TS.SyntaxKind;
const {
  FunctionDeclaration,
  FunctionExpression,
  ArrowFunction,
  MethodDeclaration,
  Constructor,
  GetAccessor,
  SetAccessor,
  IfStatement,
  ForStatement,
  ForInStatement,
  ForOfStatement,
  WhileStatement,
  DoStatement,
  SwitchStatement,
  TryStatement,
  WithStatement,
  ConditionalExpression,
  BinaryExpression,
  PropertyAccessExpression,
  ElementAccessExpression,
  CallExpression,
  Parameter,
  BindingElement,
  ShorthandPropertyAssignment,
  EqualsToken,
  BreakStatement,
  ContinueStatement,
  ReturnStatement,
  PropertyDeclaration,
  ClassStaticBlockDeclaration,
  AmpersandAmpersandToken,
  BarBarToken,
  QuestionQuestionToken,
  AmpersandAmpersandEqualsToken,
  BarBarEqualsToken,
  QuestionQuestionEqualsToken,
  LastToken,
  FirstTypeNode,
  LastTypeNode,
  InterfaceDeclaration,
  TypeAliasDeclaration,
} = SK;

function isArgument(node: TS.Node): boolean {
  let child = node;
  let parent = node.parent;
  while (parent && TS.isParenthesizedExpression(parent)) {
    child = parent;
    parent = parent.parent;
  }
  return parent !== undefined && (TS.isCallExpression(parent) || TS.isNewExpression(parent)) && (parent.arguments?.includes(child as TS.Expression) ?? false);
}

function kindOf(ts: typeof TS, node: TS.Node): FunctionRecord['kind'] {
  if (ts.isArrowFunction(node)) return 'arrow';
  if (ts.isFunctionExpression(node)) return 'expression';
  if (ts.isConstructorDeclaration(node)) return 'constructor';
  if (ts.isMethodDeclaration(node)) return 'method';
  if (ts.isGetAccessorDeclaration(node) || ts.isSetAccessorDeclaration(node)) return 'accessor';
  return 'function';
}

function unwrapParens(ts: typeof TS, node: TS.Expression): TS.Expression {
  let current = node;
  while (ts.isParenthesizedExpression(current)) current = current.expression;
  return current;
}

function isJsx(ts: typeof TS, node: TS.Expression | undefined): boolean {
  if (!node) return false;
  const inner = unwrapParens(ts, node);
  return ts.isJsxElement(inner) || ts.isJsxSelfClosingElement(inner) || ts.isJsxFragment(inner);
}

/**
 * `[a = 1] = list` and `({ key: a = 1 } = options)`: a default value in a destructuring assignment,
 * which ESLint counts like a default parameter. The same `=` inside an array or object literal that
 * is not assigned to (`f([x = 1])`) is an ordinary assignment.
 */
function isDefaultInAssignmentPattern(expression: TS.BinaryExpression): boolean {
  let child: TS.Node = expression;
  let parent = expression.parent;
  if (!parent || !(TS.isArrayLiteralExpression(parent) || (TS.isPropertyAssignment(parent) && parent.initializer === expression))) return false;
  while (parent) {
    const kind = parent.kind;
    if (kind === SK.ArrayLiteralExpression || kind === SK.ObjectLiteralExpression || kind === SK.PropertyAssignment || kind === SK.SpreadElement || kind === SK.SpreadAssignment || kind === SK.ParenthesizedExpression) {
      child = parent;
      parent = parent.parent;
      continue;
    }
    if (TS.isBinaryExpression(parent)) return parent.operatorToken.kind === EqualsToken && parent.left === child;
    if (TS.isForOfStatement(parent) || TS.isForInStatement(parent)) return parent.initializer === child;
    return false;
  }
  return false;
}

function isLogical(kind: TS.SyntaxKind): boolean {
  return kind === AmpersandAmpersandToken || kind === BarBarToken || kind === QuestionQuestionToken;
}

function isLogicalAssignment(kind: TS.SyntaxKind): boolean {
  return kind === AmpersandAmpersandEqualsToken || kind === BarBarEqualsToken || kind === QuestionQuestionEqualsToken;
}

const TEMPLATE_PARTS = [SK.NoSubstitutionTemplateLiteral, SK.TemplateHead, SK.TemplateMiddle, SK.TemplateTail];

/**
 * Prefix sums of code lines, so a function's lines of code is one subtraction. A token marks the line
 * it starts on; the later lines of a multi-line template literal are code too, unless blank (as ESLint's
 * `max-lines-per-function` with `skipBlankLines` counts them).
 */
function codeLinePrefix(input: SourceInput): Uint32Array {
  const { sourceFile, text } = input;
  const lineStarts = sourceFile.getLineStarts();
  const lineCount = lineStarts.length;
  const mark = new Uint8Array(lineCount + 2);
  for (const line of input.tokens.lines) mark[line] = 1;
  for (const kind of TEMPLATE_PARTS) {
    for (const part of input.nodes.ofKind(kind)) {
      const first = lineOf(sourceFile, part);
      const last = endLineOf(sourceFile, part);
      for (let line = first + 1; line <= last; line++) {
        const end = line < lineCount ? lineStarts[line]! : text.length;
        if (/\S/.test(text.slice(lineStarts[line - 1]!, end))) mark[line] = 1;
      }
    }
  }
  const prefix = new Uint32Array(lineCount + 2);
  for (let line = 1; line < prefix.length; line++) prefix[line] = prefix[line - 1]! + mark[line]!;
  return prefix;
}

export function extractFunctions(input: SourceInput): FunctionsExtract {
  const { ts, sourceFile, text } = input;
  const forEachChild = ts.forEachChild;
  const prefix = codeLinePrefix(input);
  const functions: FunctionRecord[] = [];
  const stack: Frame[] = [];
  const consideredLogical = new Set<TS.Node>();
  // Class field initializers and static blocks are code paths of their own for ESLint: their
  // branches do not count towards the function around the class.
  let cyclomaticTarget: Frame | null = null;
  // SonarSource's nesting level at the node being visited.
  let nesting = 0;

  const current = (): Frame | undefined => stack[stack.length - 1];

  const addCognitive = (value: number, structural: boolean): void => {
    const top = stack[0];
    if (!top) return;
    if (stack.length === 1) {
      top.own += value;
      if (structural) top.hasStructural = true;
      return;
    }
    const second = stack[1]!;
    second.ifNested += value + (structural ? 1 : 0);
    // Reported on its own, a nested function's figure does not include the nesting around it.
    for (let index = 1; index < stack.length; index++) {
      const frame = stack[index]!;
      frame.ifNotNested += structural ? value - frame.base : value;
      if (index < stack.length - 1 && value > 0) frame.record.cognitiveNested = true;
    }
  };
  const addCyclomatic = (): void => {
    if (cyclomaticTarget) cyclomaticTarget.record.cyclomatic++;
  };
  // A block statement (if, loop, switch, try) deepens the nesting of the function around it; the
  // frame entered is the one left, even if a nested function was pushed meanwhile.
  const enterBlock = (): Frame | undefined => {
    const frame = current();
    if (frame) {
      frame.blockDepth++;
      if (frame.blockDepth > frame.record.depth) frame.record.depth = frame.blockDepth;
    }
    return frame;
  };
  const leaveBlock = (frame: Frame | undefined): void => {
    if (frame) frame.blockDepth--;
  };

  const flattenLogical = (node: TS.Expression, out: TS.SyntaxKind[]): void => {
    const inner = unwrapParens(ts, node);
    if (ts.isBinaryExpression(inner) && isLogical(inner.operatorToken.kind)) {
      consideredLogical.add(inner);
      flattenLogical(inner.left, out);
      out.push(inner.operatorToken.kind);
      flattenLogical(inner.right, out);
    }
  };
  const isJsxShortCircuit = (node: TS.Expression, operator: TS.SyntaxKind): boolean => {
    const inner = unwrapParens(ts, node);
    if (ts.isConditionalExpression(inner)) return false;
    if (!ts.isBinaryExpression(inner) || !isLogical(inner.operatorToken.kind)) return true;
    return inner.operatorToken.kind === operator && isJsxShortCircuit(inner.left, operator) && isJsxShortCircuit(inner.right, operator);
  };
  const inJsxContainer = (node: TS.Node): boolean => {
    let parent = node.parent;
    while (parent && ts.isParenthesizedExpression(parent)) parent = parent.parent;
    return parent !== undefined && ts.isJsxExpression(parent);
  };

  const visitFunction = (node: TS.SignatureDeclaration & { body?: TS.Node | undefined }): void => {
    if (!node.body) {
      visitOutside(node);
      return;
    }
    const line = lineOf(sourceFile, node);
    const endLine = endLineOf(sourceFile, node);
    const name = functionName(ts, node);
    const parameters = node.parameters.filter((parameter) => !(ts.isIdentifier(parameter.name) && parameter.name.text === 'this'));
    const parameterText = parameters.map((parameter) => text.slice(parameter.getStart(sourceFile), parameter.end)).join(', ');
    const record: FunctionRecord = {
      name,
      kind: kindOf(ts, node),
      line,
      endLine,
      loc: prefix[Math.min(endLine, prefix.length - 1)]! - prefix[line - 1]!,
      params: parameters.length,
      cyclomatic: 1,
      cognitive: 0,
      cognitiveReported: true,
      cognitiveNested: false,
      depth: 0,
      component: false,
      nested: stack.length > 0,
      callback: isArgument(node),
      signature: `${name}(${parameterText.replace(/\s+/g, ' ')})`.slice(0, MAX_SIGNATURE),
    };
    const frame: Frame = {
      record,
      level: stack.length + 1,
      base: 0,
      blockDepth: 0,
      own: 0,
      hasStructural: false,
      ifNested: 0,
      ifNotNested: 0,
      children: [],
      recursive: false,
      returnsJsx: ts.isArrowFunction(node) && isJsx(ts, node.body as TS.Expression),
    };
    functions.push(record);
    // After the push, so that records stay in source order (a decorator starts the method).
    visitOutside(node);
    if (frame.level === 2) stack[0]!.children.push(frame);
    stack.push(frame);
    const savedTarget = cyclomaticTarget;
    cyclomaticTarget = frame;
    // A top-level function starts at nesting 0 whatever module-level `if` or `?:` it sits in.
    const inner = frame.level === 1 ? 0 : frame.level >= 3 ? nesting + 1 : nesting;
    frame.base = inner;
    for (const parameter of node.parameters) visitAt(parameter, inner);
    visitAt(node.body, inner);
    cyclomaticTarget = savedTarget;
    stack.pop();
    finishFunction(frame);
  };

  // Decorators and a computed name run in the code around the function, not in it.
  const visitOutside = (node: TS.SignatureDeclaration): void => {
    const modifiers = (node as { modifiers?: TS.NodeArray<TS.ModifierLike> }).modifiers;
    if (modifiers) for (const modifier of modifiers) if (modifier.kind === SK.Decorator) visit(modifier);
    if (node.name && node.name.kind === SK.ComputedPropertyName) visit(node.name);
  };

  const finishFunction = (frame: Frame): void => {
    const record = frame.record;
    record.component = /^[A-Z]/.test(record.name.slice(record.name.lastIndexOf('.') + 1)) && frame.returnsJsx;
    if (frame.level === 1) {
      const folds = frame.hasStructural && !record.component;
      const nested = folds ? frame.children.reduce((sum, child) => sum + child.ifNested, 0) : 0;
      record.cognitive = frame.own + nested;
      record.cognitiveNested = nested > 0;
      for (const child of frame.children) child.record.cognitiveReported = !folds;
    } else {
      record.cognitive = frame.ifNotNested;
      record.cognitiveReported = frame.level === 2;
    }
  };

  const visit = (node: TS.Node): void => {
    const kind = node.kind;
    // Tokens have no children; types and type declarations hold no code paths (no bodies, no branches).
    if (kind <= LastToken || (kind >= FirstTypeNode && kind <= LastTypeNode) || kind === InterfaceDeclaration || kind === TypeAliasDeclaration) return;
    switch (kind) {
      case FunctionDeclaration:
      case FunctionExpression:
      case ArrowFunction:
      case MethodDeclaration:
      case Constructor:
      case GetAccessor:
      case SetAccessor:
        visitFunction(node as TS.FunctionLikeDeclaration);
        return;
      case IfStatement: {
        const statement = node as TS.IfStatement;
        const parent = statement.parent;
        const isElseIf = parent !== undefined && ts.isIfStatement(parent) && parent.elseStatement === statement;
        addCyclomatic();
        addCognitive(isElseIf ? 1 : nesting + 1, !isElseIf);
        const frame = isElseIf ? undefined : enterBlock();
        visit(statement.expression);
        visitAt(statement.thenStatement, nesting + 1);
        const otherwise = statement.elseStatement;
        if (otherwise && ts.isIfStatement(otherwise)) visit(otherwise);
        else if (otherwise) {
          addCognitive(1, false);
          visitAt(otherwise, nesting + 1);
        }
        leaveBlock(frame);
        return;
      }
      case ForStatement:
      case ForInStatement:
      case ForOfStatement:
      case WhileStatement:
      case DoStatement: {
        addCyclomatic();
        addCognitive(nesting + 1, true);
        const loop = node as TS.IterationStatement;
        const frame = enterBlock();
        const savedLoop = loopBody;
        loopBody = loop.statement;
        forEachChild(loop, visitLoopChild);
        loopBody = savedLoop;
        leaveBlock(frame);
        return;
      }
      case SwitchStatement: {
        const statement = node as TS.SwitchStatement;
        addCognitive(nesting + 1, true);
        const frame = enterBlock();
        visit(statement.expression);
        for (const clause of statement.caseBlock.clauses) {
          if (ts.isCaseClause(clause)) {
            addCyclomatic();
            visitAt(clause.expression, nesting + 1);
          }
          for (const child of clause.statements) visitAt(child, nesting + 1);
        }
        leaveBlock(frame);
        return;
      }
      case TryStatement: {
        const statement = node as TS.TryStatement;
        const frame = enterBlock();
        visit(statement.tryBlock);
        const clause = statement.catchClause;
        if (clause) {
          addCyclomatic();
          addCognitive(nesting + 1, true);
          if (clause.variableDeclaration) visit(clause.variableDeclaration);
          visitAt(clause.block, nesting + 1);
        }
        if (statement.finallyBlock) visit(statement.finallyBlock);
        leaveBlock(frame);
        return;
      }
      case WithStatement: {
        const frame = enterBlock();
        forEachChild(node, visit);
        leaveBlock(frame);
        return;
      }
      case ConditionalExpression: {
        const expression = node as TS.ConditionalExpression;
        addCyclomatic();
        addCognitive(nesting + 1, true);
        visit(expression.condition);
        visitAt(expression.whenTrue, nesting + 1);
        visitAt(expression.whenFalse, nesting + 1);
        return;
      }
      case BinaryExpression: {
        const expression = node as TS.BinaryExpression;
        const operator = expression.operatorToken.kind;
        if (isLogical(operator)) {
          addCyclomatic();
          if (!consideredLogical.has(expression)) {
            const operators: TS.SyntaxKind[] = [];
            flattenLogical(expression, operators);
            // `{ready && <Spinner />}` is how JSX renders conditionally; SonarJS does not count it.
            // A chain that mixes operators or holds a `?:` is a decision all the same.
            if (!(inJsxContainer(expression) && isJsxShortCircuit(expression, operator))) {
              operators.forEach((kind, index) => {
                if (index === 0 || operators[index - 1] !== kind) addCognitive(1, false);
              });
            }
          }
        } else if (isLogicalAssignment(operator)) {
          addCyclomatic();
        } else if (operator === EqualsToken && isDefaultInAssignmentPattern(expression)) {
          addCyclomatic();
        }
        break;
      }
      case PropertyAccessExpression:
      case ElementAccessExpression:
        if ((node as TS.PropertyAccessExpression).questionDotToken) addCyclomatic();
        break;
      case CallExpression: {
        const call = node as TS.CallExpression;
        if (call.questionDotToken) addCyclomatic();
        const frame = current();
        if (frame && !frame.recursive && isSelfCall(call, frame)) {
          frame.recursive = true;
          addCognitive(1, false);
        }
        break;
      }
      case Parameter:
      case BindingElement:
        if ((node as TS.ParameterDeclaration).initializer) addCyclomatic();
        break;
      case ShorthandPropertyAssignment:
        // `({ a = 1 } = options)`: only valid as a destructuring target, so always a default value.
        if ((node as TS.ShorthandPropertyAssignment).objectAssignmentInitializer) addCyclomatic();
        break;
      case BreakStatement:
      case ContinueStatement:
        if ((node as TS.BreakStatement).label) addCognitive(1, false);
        break;
      case ReturnStatement: {
        const frame = current();
        if (frame && isJsx(ts, (node as TS.ReturnStatement).expression)) frame.returnsJsx = true;
        break;
      }
      case PropertyDeclaration:
      case ClassStaticBlockDeclaration: {
        const saved = cyclomaticTarget;
        cyclomaticTarget = null;
        forEachChild(node, visit);
        cyclomaticTarget = saved;
        return;
      }
      default:
        break;
    }
    forEachChild(node, visit);
  };
  // The body of the loop being visited: it is one level deeper than the loop's other children.
  let loopBody: TS.Node | undefined;
  const visitLoopChild = (child: TS.Node): void => {
    if (child === loopBody) visitAt(child, nesting + 1);
    else visit(child);
  };
  const visitAt = (node: TS.Node, level: number): void => {
    const saved = nesting;
    nesting = level;
    visit(node);
    nesting = saved;
  };

  const isSelfCall = (call: TS.CallExpression, frame: Frame): boolean => {
    const callee = call.expression;
    const name = frame.record.name;
    if (ts.isIdentifier(callee)) return callee.text === name;
    if (ts.isPropertyAccessExpression(callee) && callee.expression.kind === SK.ThisKeyword) {
      return name.endsWith(`.${callee.name.text}`);
    }
    return false;
  };

  forEachChild(sourceFile, visit);
  // Records were pushed on entry, so they are already in source order.
  return { functions };
}

export const functionsExtractor: FileExtractor<FunctionsExtract> = {
  id: 'functions',
  areas: ['code'],
  extract(input) {
    const result = extractFunctions(input);
    return result.functions.length === 0 ? null : result;
  },
};
