// Where a file checks its configuration: a validation library (envalid, @t3-oss/env, zod's
// `EnvSchema.parse(process.env)`…) or hand-written guards (`if (!process.env.X) throw …`).
import type { ts as TS } from 'ts-morph';
import { CONFIG_VALIDATORS, SCHEMA_VALIDATE_METHODS, type ConfigValidator } from '../../knowledge/config-validators.js';
import type { FileExtractor, SourceInput } from '../extractor.js';
import { moduleBindings, requiredModule } from './module-bindings.js';
import { isTypeOnlyWrapper, unwrapExpression } from './node-shapes.js';

export interface ConfigValidationExtract {
  /** Calls that validate the environment (or a config object) as a whole. */
  validations: { line: number; how: string }[];
  /** Variables checked by hand: a missing value throws, exits or fails an assertion. */
  guards: { line: number; name: string }[];
  /**
   * Variables whose absence is handled where they are read, without stopping the program: the
   * function returns early, or a log line says the feature is off and the value is used only where present.
   */
  handled: { line: number; name: string }[];
  /**
   * Reads that bring their own default (`process.env.PORT || 3000`, `?? 'info'`): such a read cannot be
   * missing. `process.env.A || process.env.B` is not one: both can be missing.
   */
  defaults: { line: number; name: string }[];
  /** Reads joined by `||` or `??` (`process.env.A || process.env.B`): any one of the names supplies the value. */
  alternatives: { line: number; endLine: number; names: string[] }[];
}

const ENV_HOLDERS = new Set(['process', 'Bun']);
const ASSERT_FUNCTIONS = new Set(['assert', 'invariant', 'ok', 'strictEqual']);
/** Objects whose calls write to the log: `console.warn(…)`, `logger.info(…)`. */
const LOGGERS = new Set(['console', 'logger', 'log']);
const PROCESS = new Set(['process']);

function matchesModule(specifier: string, module: string): boolean {
  return specifier === module || specifier.startsWith(`${module}/`);
}

function validatorFor(module: string): ConfigValidator | undefined {
  return CONFIG_VALIDATORS.find((validator) => validator.modules.some((candidate) => matchesModule(module, candidate)));
}

/** `process.env`, `Bun.env`, `import.meta.env`. */
function isEnvObject(ts: typeof TS, node: TS.Expression): boolean {
  if (!ts.isPropertyAccessExpression(node) || node.name.text !== 'env') return false;
  const owner = node.expression;
  return (ts.isIdentifier(owner) && ENV_HOLDERS.has(owner.text)) || ts.isMetaProperty(owner);
}

/** `Deno.env.get`. */
function isEnvGetter(ts: typeof TS, node: TS.Expression): boolean {
  if (!ts.isPropertyAccessExpression(node) || node.name.text !== 'get' || !ts.isPropertyAccessExpression(node.expression)) return false;
  const owner = node.expression;
  return owner.name.text === 'env' && ts.isIdentifier(owner.expression) && owner.expression.text === 'Deno';
}

/** The variable name of `process.env.X` / `process.env['X']` / `Deno.env.get('X')`, else null. */
function envReadName(ts: typeof TS, node: TS.Node): string | null {
  if (ts.isPropertyAccessExpression(node) && isEnvObject(ts, node.expression)) return node.name.text;
  if (ts.isElementAccessExpression(node) && isEnvObject(ts, node.expression) && ts.isStringLiteral(node.argumentExpression)) {
    return node.argumentExpression.text;
  }
  if (ts.isCallExpression(node) && isEnvGetter(ts, node.expression)) {
    const first = node.arguments[0];
    return first && ts.isStringLiteral(first) ? first.text : null;
  }
  return null;
}

const unwrap = (ts: typeof TS, node: TS.Expression): TS.Expression => unwrapExpression(ts, node);

function isFallback(ts: typeof TS, node: TS.Node): node is TS.BinaryExpression {
  if (!ts.isBinaryExpression(node)) return false;
  const operator = node.operatorToken.kind;
  return operator === ts.SyntaxKind.BarBarToken || operator === ts.SyntaxKind.QuestionQuestionToken;
}

/** The operands of an `a || b ?? c` chain, left to right. */
function fallbackOperands(ts: typeof TS, node: TS.Expression): TS.Expression[] {
  const inner = unwrap(ts, node);
  return isFallback(ts, inner) ? [...fallbackOperands(ts, inner.left), ...fallbackOperands(ts, inner.right)] : [inner];
}

/** The names of an env read or of a chain of nothing but env reads (`env.A || env.B`), else null. */
function envChainNames(ts: typeof TS, node: TS.Expression): string[] | null {
  const names = fallbackOperands(ts, node).map((operand) => envReadName(ts, operand));
  return names.every((name): name is string => name !== null) ? names : null;
}

/**
 * Local names that stand for the whole environment: `env = process.env` (a variable or a parameter
 * default) or a parameter typed `NodeJS.ProcessEnv`. Scopes are not told apart.
 */
function environmentAliases(ts: typeof TS, sourceFile: TS.SourceFile, declarations: readonly TS.Node[]): Set<string> {
  const aliases = new Set<string>();
  for (const node of declarations as (TS.VariableDeclaration | TS.ParameterDeclaration)[]) {
    if (!ts.isIdentifier(node.name)) continue;
    const typed = node.type !== undefined && /\bProcessEnv$/.test(node.type.getText(sourceFile));
    if (typed || (node.initializer !== undefined && isEnvObject(ts, node.initializer))) aliases.add(node.name.text);
  }
  return aliases;
}

/** An argument that hands over the environment: the object itself, a spread of it, or an object of reads. */
function carriesEnvironment(ts: typeof TS, node: TS.Expression, aliases: ReadonlySet<string>): boolean {
  if (isEnvObject(ts, node) || (ts.isIdentifier(node) && aliases.has(node.text))) return true;
  if (!ts.isObjectLiteralExpression(node)) return false;
  return node.properties.some(
    (property) =>
      (ts.isSpreadAssignment(property) && isEnvObject(ts, property.expression)) ||
      (ts.isPropertyAssignment(property) && envReadName(ts, property.initializer) !== null),
  );
}

function hasOption(ts: typeof TS, args: readonly TS.Expression[], options: readonly string[]): boolean {
  return args.some(
    (argument) =>
      ts.isObjectLiteralExpression(argument) &&
      argument.properties.some((property) => property.name !== undefined && ts.isIdentifier(property.name) && options.includes(property.name.text)),
  );
}

/** Constant lists of names in the file: `const REQUIRED = ['A', 'B'] as const`. Scopes are not told apart. */
function constantLists(ts: typeof TS, declarations: readonly TS.Node[]): Map<string, string[]> {
  const lists = new Map<string, string[]>();
  for (const node of declarations as TS.VariableDeclaration[]) {
    let value = node.initializer;
    while (value && (ts.isAsExpression(value) || ts.isParenthesizedExpression(value))) value = value.expression;
    if (!ts.isIdentifier(node.name) || !value || !ts.isArrayLiteralExpression(value) || value.elements.length === 0) continue;
    if (value.elements.every((element) => ts.isStringLiteral(element))) lists.set(node.name.text, value.elements.map((element) => (element as TS.StringLiteral).text));
  }
  return lists;
}

/** The names a loop variable walks: the `for (const key of REQUIRED)` around `node` that declares it. */
function loopedNames(ts: typeof TS, node: TS.Node, variable: string, lists: ReadonlyMap<string, string[]>): string[] {
  for (let current = node.parent; current; current = current.parent) {
    if (!ts.isForOfStatement(current) || !ts.isVariableDeclarationList(current.initializer)) continue;
    const declaration = current.initializer.declarations[0];
    if (!declaration || !ts.isIdentifier(declaration.name) || declaration.name.text !== variable) continue;
    return ts.isIdentifier(current.expression) ? (lists.get(current.expression.text) ?? []) : [];
  }
  return [];
}

/** The expressions whose absence a test checks: the `X` of `!X` or `X === undefined`, through `a || !b` and `a && !b`. */
function testedForMissing(ts: typeof TS, node: TS.Expression, out: TS.Expression[]): void {
  if (ts.isParenthesizedExpression(node)) return testedForMissing(ts, node.expression, out);
  if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.ExclamationToken) {
    out.push(node.operand);
    return;
  }
  if (ts.isBinaryExpression(node)) {
    const operator = node.operatorToken.kind;
    if (operator === ts.SyntaxKind.BarBarToken || operator === ts.SyntaxKind.AmpersandAmpersandToken) {
      testedForMissing(ts, node.left, out);
      testedForMissing(ts, node.right, out);
      return;
    }
    const equality = [ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken].includes(operator);
    const empty = (side: TS.Expression) =>
      side.kind === ts.SyntaxKind.NullKeyword ||
      (ts.isIdentifier(side) && side.text === 'undefined') ||
      (ts.isStringLiteral(side) && side.text === '');
    if (equality && empty(node.right)) out.push(node.left);
    else if (equality && empty(node.left)) out.push(node.right);
  }
}

/** The part of a declaration that binds `name`: the declaration itself or an element of its destructuring. */
function bindingOf(ts: typeof TS, node: TS.VariableDeclaration | TS.ParameterDeclaration | TS.BindingElement, name: string): TS.Node | undefined {
  if (ts.isIdentifier(node.name)) return node.name.text === name ? node : undefined;
  for (const element of node.name.elements) {
    const bound = ts.isOmittedExpression(element) ? undefined : bindingOf(ts, element, name);
    if (bound) return bound;
  }
  return undefined;
}

function declaredIn(ts: typeof TS, scope: TS.Node, name: string): TS.Node | undefined {
  let declarations: readonly (TS.VariableDeclaration | TS.ParameterDeclaration)[] = [];
  if (ts.isSourceFile(scope) || ts.isBlock(scope) || ts.isModuleBlock(scope) || ts.isCaseClause(scope) || ts.isDefaultClause(scope)) {
    const named = scope.statements.find((statement) => (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name?.text === name);
    if (named) return named;
    declarations = scope.statements.flatMap((statement) => (ts.isVariableStatement(statement) ? statement.declarationList.declarations : []));
  } else if (ts.isFunctionLike(scope)) {
    declarations = scope.parameters;
  } else if ((ts.isForStatement(scope) || ts.isForOfStatement(scope) || ts.isForInStatement(scope)) && scope.initializer && ts.isVariableDeclarationList(scope.initializer)) {
    declarations = scope.initializer.declarations;
  } else if (ts.isCatchClause(scope) && scope.variableDeclaration) {
    declarations = [scope.variableDeclaration];
  }
  for (const declaration of declarations) {
    const bound = bindingOf(ts, declaration, name);
    if (bound) return bound;
  }
  return undefined;
}

/** What an identifier refers to: the declaration in the nearest enclosing scope that declares its name, and that scope. */
function declarationOf(ts: typeof TS, identifier: TS.Identifier): { declaration: TS.Node; scope: TS.Node } | undefined {
  for (let scope = identifier.parent; scope; scope = scope.parent) {
    const declaration = declaredIn(ts, scope, identifier.text);
    if (declaration) return { declaration, scope };
  }
  return undefined;
}

/** Only a `const` still holds the read where it is tested: a `let` can be reassigned in between. */
function isConstant(ts: typeof TS, declaration: TS.VariableDeclaration): boolean {
  return (ts.getCombinedNodeFlags(declaration) & ts.NodeFlags.Const) !== 0;
}

/** The env names a `const` holds: `const s = process.env.S`, `= env.A || env.B`, `const { S } = process.env`. */
function constantEnvNames(ts: typeof TS, declaration: TS.Node): string[] {
  if (ts.isVariableDeclaration(declaration)) {
    return isConstant(ts, declaration) && declaration.initializer ? (envChainNames(ts, declaration.initializer) ?? []) : [];
  }
  if (!ts.isBindingElement(declaration) || declaration.dotDotDotToken || !ts.isObjectBindingPattern(declaration.parent)) return [];
  const holder = declaration.parent.parent;
  const key = declaration.propertyName ?? declaration.name;
  const fromEnv = ts.isVariableDeclaration(holder) && isConstant(ts, holder) && holder.initializer !== undefined && isEnvObject(ts, unwrap(ts, holder.initializer));
  return fromEnv && (ts.isIdentifier(key) || ts.isStringLiteral(key)) ? [key.text] : [];
}

/** Names a file's `const`s could hold env reads under; only these are worth resolving. */
function envConstantNames(ts: typeof TS, declarations: readonly TS.Node[]): Set<string> {
  const names = new Set<string>();
  for (const node of declarations as TS.VariableDeclaration[]) {
    const value = node.initializer ? unwrap(ts, node.initializer) : undefined;
    if (!value) continue;
    if (ts.isIdentifier(node.name) && envChainNames(ts, value)) names.add(node.name.text);
    else if (ts.isObjectBindingPattern(node.name) && isEnvObject(ts, value)) {
      for (const element of node.name.elements) if (ts.isIdentifier(element.name)) names.add(element.name.text);
    }
  }
  return names;
}

interface NameSources {
  lists: ReadonlyMap<string, string[]>;
  constants: ReadonlySet<string>;
}

/** The variables an expression stands for: an env read or chain, `process.env[key]` in a loop over a constant list, or a `const` bound to a read. */
function heldNames(ts: typeof TS, node: TS.Expression, sources: NameSources): string[] {
  const expression = unwrap(ts, node);
  const chain = envChainNames(ts, expression);
  if (chain) return chain;
  if (ts.isElementAccessExpression(expression) && isEnvObject(ts, expression.expression) && ts.isIdentifier(expression.argumentExpression)) {
    return sources.lists.size > 0 ? loopedNames(ts, expression, expression.argumentExpression.text, sources.lists) : [];
  }
  if (!ts.isIdentifier(expression) || !sources.constants.has(expression.text)) return [];
  const found = declarationOf(ts, expression);
  return found ? constantEnvNames(ts, found.declaration) : [];
}

/** The array a branch records a problem in: `errors.push('X is required')`. */
function collectedInto(ts: typeof TS, branch: TS.Statement): string | null {
  const statements = ts.isBlock(branch) ? branch.statements : [branch];
  for (const statement of statements) {
    if (!ts.isExpressionStatement(statement) || !ts.isCallExpression(statement.expression)) continue;
    const callee = statement.expression.expression;
    if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'push' && ts.isIdentifier(callee.expression)) return callee.expression.text;
  }
  return null;
}

function enclosingFunction(ts: typeof TS, node: TS.Node): TS.Node | undefined {
  let current = node.parent;
  while (current && !ts.isFunctionLike(current)) current = current.parent;
  return current;
}

/** Whether the node, or a node inside it outside nested functions, is what `found` looks for. */
function somewhere(ts: typeof TS, node: TS.Node, found: (node: TS.Node) => boolean): boolean {
  if (found(node)) return true;
  if (ts.isFunctionLike(node)) return false;
  return ts.forEachChild(node, (child) => (somewhere(ts, child, found) ? true : undefined)) ?? false;
}

/** Whether the expression names the identifier (outside nested functions): `errors.length > 0`. */
function mentions(ts: typeof TS, node: TS.Node, name: string): boolean {
  return somewhere(ts, node, (inner) => ts.isIdentifier(inner) && inner.text === name);
}

/** A call of `owner.method(…)`, or of any method of `owner` when `method` is left out. */
function callsOn(ts: typeof TS, node: TS.Node, owners: ReadonlySet<string>, method?: string): boolean {
  if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression)) return false;
  const { expression: owner, name } = node.expression;
  return ts.isIdentifier(owner) && owners.has(owner.text) && (method === undefined || name.text === method);
}

/** The branch stops the program: a `throw` or `process.exit(…)` somewhere inside it. */
function stops(ts: typeof TS, node: TS.Node): boolean {
  return somewhere(ts, node, (inner) => ts.isThrowStatement(inner) || callsOn(ts, inner, PROCESS, 'exit'));
}

/** The branch leaves the function it is in, so the code after it never sees the value missing. */
function returns(ts: typeof TS, node: TS.Node): boolean {
  return somewhere(ts, node, (inner) => ts.isReturnStatement(inner));
}

/** The branch says so in the log: `console.warn(…)`, `logger.info(…)`. */
function logs(ts: typeof TS, node: TS.Node): boolean {
  return somewhere(ts, node, (inner) => callsOn(ts, inner, LOGGERS));
}

/**
 * A read that only asks whether the value is there: it reaches an `if` or `?:` condition, or the left
 * of `&&`, through `!`, `&&`, `||` and parentheses.
 */
function onlyTests(ts: typeof TS, node: TS.Node): boolean {
  for (let current = node; ; current = current.parent) {
    const parent = current.parent;
    if ((ts.isIfStatement(parent) && parent.expression === current) || (ts.isConditionalExpression(parent) && parent.condition === current)) return true;
    const logical = ts.isBinaryExpression(parent) ? parent.operatorToken.kind : undefined;
    if (logical === ts.SyntaxKind.AmpersandAmpersandToken && (parent as TS.BinaryExpression).left === current) return true;
    const passes =
      ts.isParenthesizedExpression(parent) ||
      (ts.isPrefixUnaryExpression(parent) && parent.operator === ts.SyntaxKind.ExclamationToken) ||
      logical === ts.SyntaxKind.AmpersandAmpersandToken ||
      logical === ts.SyntaxKind.BarBarToken;
    if (!passes) return false;
  }
}

/** A condition that holds only when the value is there: `X`, `X && Y`. */
function requiresPresent(ts: typeof TS, test: TS.Expression, same: (node: TS.Node) => boolean): boolean {
  const expression = unwrap(ts, test);
  if (same(expression)) return true;
  return (
    ts.isBinaryExpression(expression) &&
    expression.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken &&
    (requiresPresent(ts, expression.left, same) || requiresPresent(ts, expression.right, same))
  );
}

/** A condition that holds whenever the value is missing: `!X`, `!X || !Y`. */
function holdsWhenMissing(ts: typeof TS, test: TS.Expression, same: (node: TS.Node) => boolean): boolean {
  const expression = unwrap(ts, test);
  if (ts.isPrefixUnaryExpression(expression) && expression.operator === ts.SyntaxKind.ExclamationToken) return same(unwrap(ts, expression.operand));
  return (
    ts.isBinaryExpression(expression) &&
    expression.operatorToken.kind === ts.SyntaxKind.BarBarToken &&
    (holdsWhenMissing(ts, expression.left, same) || holdsWhenMissing(ts, expression.right, same))
  );
}

/** A read placed where the value is known to be there: under `if (X)`, `X ? … :`, `X && …`, or in the `else` of `if (!X)`. */
function wherePresent(ts: typeof TS, node: TS.Node, scope: TS.Node, same: (node: TS.Node) => boolean): boolean {
  for (let child = node, parent = node.parent; child !== scope && parent; child = parent, parent = parent.parent) {
    if (ts.isIfStatement(parent) || ts.isConditionalExpression(parent)) {
      const [test, present, missing] = ts.isIfStatement(parent) ? [parent.expression, parent.thenStatement, parent.elseStatement] : [parent.condition, parent.whenTrue, parent.whenFalse];
      if ((child === present && requiresPresent(ts, test, same)) || (child === missing && holdsWhenMissing(ts, test, same))) return true;
    }
    if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken && child === parent.right && requiresPresent(ts, parent.left, same)) {
      return true;
    }
  }
  return false;
}

/**
 * The tested value is used, and only where it is known to be there: a feature that stays off without
 * it. The value is the same env variable anywhere in the file, or the same `const` in its scope.
 */
function usedOnlyWhenPresent(ts: typeof TS, subject: TS.Expression, sourceFile: TS.SourceFile): boolean {
  const expression = unwrap(ts, subject);
  const name = envReadName(ts, expression);
  let scope: TS.Node = sourceFile;
  let same: (node: TS.Node) => boolean;
  if (name !== null) {
    same = (node) => envReadName(ts, node) === name;
  } else if (ts.isIdentifier(expression)) {
    const found = declarationOf(ts, expression);
    if (!found) return false;
    const { declaration } = found;
    scope = found.scope;
    same = (node) =>
      ts.isIdentifier(node) &&
      node.text === expression.text &&
      node !== (declaration as TS.NamedDeclaration).name &&
      !((ts.isPropertyAccessExpression(node.parent) || ts.isPropertyAssignment(node.parent)) && node.parent.name === node) &&
      declarationOf(ts, node)?.declaration === declaration;
  } else {
    return false;
  }
  let used = false;
  const safe = (node: TS.Node): boolean => {
    if (!same(node)) return !ts.forEachChild(node, (child) => (safe(child) ? undefined : true));
    if (onlyTests(ts, node)) return true;
    used = true;
    return wherePresent(ts, node, scope, same);
  };
  return safe(scope) && used;
}

function lineOfNode(input: SourceInput, node: TS.Node): number {
  return input.sourceFile.getLineAndCharacterOfPosition(node.getStart(input.sourceFile)).line + 1;
}

function calleeName(ts: typeof TS, callee: TS.Expression): string | null {
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return null;
}

/**
 * Text that every validation or guard needs: an `env` property (`process.env`, `import.meta.env`)
 * or a `…ProcessEnv` type, a validator's module name in a string, or a backslash that could spell
 * one of them through an escape. One case-insensitive pass over the text, broader than needed.
 */
const MIGHT_VALIDATE = new RegExp(
  ['env', ...CONFIG_VALIDATORS.flatMap((validator) => validator.modules)].map((word) => word.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).concat('\\\\').join('|'),
  'i',
);

export function extractConfigValidation(input: SourceInput): ConfigValidationExtract | null {
  if (!MIGHT_VALIDATE.test(input.text)) return null;
  const { ts, sourceFile, nodes } = input;
  const validations: ConfigValidationExtract['validations'] = [];
  const guards: ConfigValidationExtract['guards'] = [];

  for (const statement of sourceFile.statements) {
    // `import 'dotenv-safe/config'` checks the environment against .env.example as it loads.
    if (ts.isImportDeclaration(statement) && !statement.importClause && ts.isStringLiteral(statement.moduleSpecifier)) {
      const validator = validatorFor(statement.moduleSpecifier.text);
      if (validator && statement.moduleSpecifier.text.endsWith('/config')) {
        validations.push({ line: lineOfNode(input, statement), how: `${validator.title} (import '${statement.moduleSpecifier.text}')` });
      }
    }
  }

  const declarations = nodes.ofKind(ts.SyntaxKind.VariableDeclaration);
  const bindings = moduleBindings(ts, sourceFile, declarations);
  const sources: NameSources = { lists: constantLists(ts, declarations), constants: envConstantNames(ts, declarations) };
  const aliases = environmentAliases(ts, sourceFile, nodes.ofKind(ts.SyntaxKind.VariableDeclaration, ts.SyntaxKind.Parameter));
  for (const node of nodes.ofKind(ts.SyntaxKind.CallExpression, ts.SyntaxKind.NewExpression)) {
    const call = node as TS.CallExpression | TS.NewExpression;
    const callee = call.expression;
    const args: readonly TS.Expression[] = call.arguments ?? [];
    // Only the few calls that are recorded need their line (a binary search per call otherwise).
    const line = (): number => lineOfNode(input, call);

    // A library call: `cleanEnv(…)`, `envalid.cleanEnv(…)`, `require('dotenv-safe').config()`.
    let module: string | null = null;
    let name: string | null = null;
    if (ts.isIdentifier(callee)) {
      const binding = bindings.get(callee.text);
      if (binding) [module, name] = [binding.module, binding.imported === '*' ? 'default' : binding.imported];
    } else if (ts.isPropertyAccessExpression(callee)) {
      const owner = callee.expression;
      const binding = ts.isIdentifier(owner) ? bindings.get(owner.text) : undefined;
      module = binding?.module ?? requiredModule(ts, owner);
      name = callee.name.text;
    }
    const validator = module ? validatorFor(module) : undefined;
    if (validator && name && validator.calls.includes(name)) {
      if (!validator.requiredOption || hasOption(ts, args, validator.requiredOption)) {
        validations.push({ line: line(), how: `${validator.title} ${calleeText(input, callee)}()` });
        continue;
      }
    }

    // A schema handed the environment: `EnvSchema.parse(process.env)`, `v.parse(S, { PORT: process.env.PORT })`.
    const method = calleeName(ts, callee);
    if (method && SCHEMA_VALIDATE_METHODS.has(method) && args.some((argument) => carriesEnvironment(ts, argument, aliases))) {
      validations.push({ line: line(), how: `${calleeText(input, callee)}(…environment…)` });
      continue;
    }

    // `assert(process.env.X)`, `invariant(secret, '…')`
    const first = args[0];
    if (method && ASSERT_FUNCTIONS.has(method) && first) {
      for (const envName of heldNames(ts, first, sources)) guards.push({ line: line(), name: envName });
    }
  }

  const ifs = nodes.ofKind(ts.SyntaxKind.IfStatement) as TS.IfStatement[];
  const handled: ConfigValidationExtract['handled'] = [];
  for (const node of ifs) {
    const tested: TS.Expression[] = [];
    testedForMissing(ts, node.expression, tested);
    const subjects = tested.map((subject) => ({ subject, names: heldNames(ts, subject, sources) })).filter((entry) => entry.names.length > 0);
    if (subjects.length === 0) continue;
    const names = subjects.flatMap((entry) => entry.names);
    // Stops here, or records the problem in a list that a later branch of the same function throws on
    // (`errors.push(…)` … `if (errors.length > 0) throw …`).
    const list = stops(ts, node.thenStatement) ? null : collectedInto(ts, node.thenStatement);
    const scope = list === null ? undefined : enclosingFunction(ts, node);
    const collected =
      list !== null &&
      ifs.some((other) => other !== node && enclosingFunction(ts, other) === scope && mentions(ts, other.expression, list) && stops(ts, other.thenStatement));
    if (list === null ? stops(ts, node.thenStatement) : collected) {
      const line = lineOfNode(input, node);
      for (const name of names) guards.push({ line, name });
    } else if (
      returns(ts, node.thenStatement) ||
      (logs(ts, node.thenStatement) && subjects.every(({ subject }) => usedOnlyWhenPresent(ts, subject, sourceFile)))
    ) {
      const line = lineOfNode(input, node);
      for (const name of names) handled.push({ line, name });
    }
  }

  const defaults: ConfigValidationExtract['defaults'] = [];
  const alternatives: ConfigValidationExtract['alternatives'] = [];
  for (const node of nodes.ofKind(ts.SyntaxKind.BinaryExpression)) {
    if (!isFallback(ts, node)) continue;
    let outer = node.parent;
    while (isTypeOnlyWrapper(ts, outer)) outer = outer.parent;
    if (isFallback(ts, outer)) continue;
    const reads = fallbackOperands(ts, node).map((operand) => ({ operand, name: envReadName(ts, operand) }));
    if (reads.at(-1)!.name === null) {
      for (const { operand, name } of reads) if (name) defaults.push({ line: lineOfNode(input, operand), name });
    }
    const names = [...new Set(reads.map((read) => read.name).filter((name) => name !== null))];
    if (names.length > 1) {
      alternatives.push({ line: lineOfNode(input, node), endLine: sourceFile.getLineAndCharacterOfPosition(node.getEnd()).line + 1, names });
    }
  }

  if (validations.length === 0 && guards.length === 0 && handled.length === 0 && defaults.length === 0 && alternatives.length === 0) return null;
  return { validations, guards, handled, defaults, alternatives };
}

function calleeText(input: SourceInput, callee: TS.Expression): string {
  return callee.getText(input.sourceFile).replace(/\s+/g, '');
}

export const configValidationExtractor: FileExtractor<ConfigValidationExtract> = {
  id: 'config-validation',
  areas: ['security'],
  extract: extractConfigValidation,
};
