// Where a file checks its configuration: a validation library (envalid, @t3-oss/env, zod's
// `EnvSchema.parse(process.env)`…) or hand-written guards (`if (!process.env.X) throw …`).
import type { ts as TS } from 'ts-morph';
import { CONFIG_VALIDATORS, SCHEMA_VALIDATE_METHODS, type ConfigValidator } from '../../knowledge/config-validators.js';
import type { FileExtractor, SourceInput } from '../extractor.js';
import { moduleBindings, requiredModule } from './module-bindings.js';

export interface ConfigValidationExtract {
  /** Calls that validate the environment (or a config object) as a whole. */
  validations: { line: number; how: string }[];
  /** Variables checked by hand: a missing value throws, exits or fails an assertion. */
  guards: { line: number; name: string }[];
  /** Reads that bring their own default (`process.env.PORT || 3000`, `?? 'info'`): such a read cannot be missing. */
  defaults: { line: number; name: string }[];
}

const ENV_HOLDERS = new Set(['process', 'Bun']);
const ASSERT_FUNCTIONS = new Set(['assert', 'invariant', 'ok', 'strictEqual']);

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

/** The variable name of `process.env.X` / `process.env['X']`, else null. */
function envReadName(ts: typeof TS, node: TS.Expression): string | null {
  if (ts.isPropertyAccessExpression(node) && isEnvObject(ts, node.expression)) return node.name.text;
  if (ts.isElementAccessExpression(node) && isEnvObject(ts, node.expression) && ts.isStringLiteral(node.argumentExpression)) {
    return node.argumentExpression.text;
  }
  return null;
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

/** Names whose absence the expression tests: `!process.env.X`, `process.env.X === undefined`, `a || !b`. */
function missingTests(ts: typeof TS, node: TS.Expression, out: string[], lists: ReadonlyMap<string, string[]>): void {
  if (ts.isParenthesizedExpression(node)) return missingTests(ts, node.expression, out, lists);
  if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.ExclamationToken) {
    const operand = node.operand;
    const name = envReadName(ts, operand);
    if (name) out.push(name);
    else if (ts.isElementAccessExpression(operand) && isEnvObject(ts, operand.expression) && ts.isIdentifier(operand.argumentExpression)) {
      if (lists.size > 0) out.push(...loopedNames(ts, operand, operand.argumentExpression.text, lists));
    }
    return;
  }
  if (ts.isBinaryExpression(node)) {
    const operator = node.operatorToken.kind;
    if (operator === ts.SyntaxKind.BarBarToken || operator === ts.SyntaxKind.AmpersandAmpersandToken) {
      missingTests(ts, node.left, out, lists);
      missingTests(ts, node.right, out, lists);
      return;
    }
    const equality = [ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken].includes(operator);
    const empty = (side: TS.Expression) =>
      side.kind === ts.SyntaxKind.NullKeyword ||
      (ts.isIdentifier(side) && side.text === 'undefined') ||
      (ts.isStringLiteral(side) && side.text === '');
    if (equality) {
      const name = envReadName(ts, node.left) ?? envReadName(ts, node.right);
      if (name && (empty(node.left) || empty(node.right))) out.push(name);
    }
  }
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

/** Whether the expression names the identifier (outside nested functions): `errors.length > 0`. */
function mentions(ts: typeof TS, node: TS.Node, name: string): boolean {
  if (ts.isIdentifier(node)) return node.text === name;
  if (ts.isFunctionLike(node)) return false;
  return ts.forEachChild(node, (child) => (mentions(ts, child, name) ? true : undefined)) ?? false;
}

/** The branch stops the program: a `throw` or `process.exit(…)` somewhere inside it. */
function stops(ts: typeof TS, node: TS.Node): boolean {
  if (ts.isThrowStatement(node)) return true;
  if (ts.isCallExpression(node)) {
    const callee = node.expression;
    if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'exit' && ts.isIdentifier(callee.expression) && callee.expression.text === 'process') return true;
  }
  if (ts.isFunctionLike(node)) return false;
  return ts.forEachChild(node, (child) => (stops(ts, child) ? true : undefined)) ?? false;
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

  const bindings = moduleBindings(ts, sourceFile, nodes.ofKind(ts.SyntaxKind.VariableDeclaration));
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

    // `assert(process.env.X)`, `invariant(process.env.X, '…')`
    const first = args[0];
    if (method && ASSERT_FUNCTIONS.has(method) && first) {
      const envName = envReadName(ts, first);
      if (envName) guards.push({ line: line(), name: envName });
    }
  }

  const ifs = nodes.ofKind(ts.SyntaxKind.IfStatement) as TS.IfStatement[];
  const lists = constantLists(ts, nodes.ofKind(ts.SyntaxKind.VariableDeclaration));
  for (const node of ifs) {
    const names: string[] = [];
    missingTests(ts, node.expression, names, lists);
    if (names.length === 0) continue;
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
    }
  }

  const defaults: ConfigValidationExtract['defaults'] = [];
  for (const node of nodes.ofKind(ts.SyntaxKind.BinaryExpression) as TS.BinaryExpression[]) {
    const operator = node.operatorToken.kind;
    if (operator !== ts.SyntaxKind.BarBarToken && operator !== ts.SyntaxKind.QuestionQuestionToken) continue;
    const name = envReadName(ts, node.left);
    if (name) defaults.push({ line: lineOfNode(input, node), name });
  }

  if (validations.length === 0 && guards.length === 0 && defaults.length === 0) return null;
  return { validations, guards, defaults };
}

function calleeText(input: SourceInput, callee: TS.Expression): string {
  return callee.getText(input.sourceFile).replace(/\s+/g, '');
}

export const configValidationExtractor: FileExtractor<ConfigValidationExtract> = {
  id: 'config-validation',
  areas: ['security'],
  extract: extractConfigValidation,
};
