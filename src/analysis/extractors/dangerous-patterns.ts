// Code that hands strings to an interpreter or switches a safety off: `eval`, `new Function`, shell
// commands and SQL assembled from strings, disabled TLS verification, unsanitised
// `dangerouslySetInnerHTML`, CORS that lets any site make credentialed requests, and secrets that fall
// back to a value written in the code.
// Found on the shared AST, so a word in a comment or a string never counts.
import type { ts as TS } from 'ts-morph';
import type { FileExtractor, SourceInput } from '../extractor.js';
import { isPublicVariable } from '../../knowledge/env-files.js';
import { moduleBindings, requiredModule } from './module-bindings.js';

/** Variable names that hold a credential (a signing secret, a password, an API key or token). */
const SECRET_VARIABLE = /SECRET|PASSWORD|PASSWD|PRIVATE_?KEY|API_?KEY|ACCESS_?KEY|TOKEN|SIGNING_?KEY|ENCRYPTION_?KEY/i;

const DANGEROUS_PATTERN_KINDS = [
  'eval',
  'new-function',
  'shell-command-from-strings',
  'sql-from-strings',
  'tls-verification-disabled',
  'tls-disabled-by-env',
  'unsanitised-inner-html',
  'cors-any-origin-with-credentials',
  'secret-fallback-literal',
] as const;
export type DangerousPatternKind = (typeof DANGEROUS_PATTERN_KINDS)[number];

export interface DangerousPattern {
  kind: DangerousPatternKind;
  line: number;
  column: number;
  /** The code, on one line, shortened to 120 characters. */
  code: string;
  /** What was called or set: `db.query`, `exec`, `rejectUnauthorized: false`. */
  detail: string;
  /** Built from values known only at run time (a literal `eval('1 + 1')` is not). */
  dynamic: boolean;
  /** Innermost named function, method or class around it; null at module level. */
  symbol: string | null;
}

export interface DangerousPatternsExtract {
  patterns: DangerousPattern[];
}

const CHILD_PROCESS_MODULES = new Set(['child_process', 'node:child_process']);
const SHELL_FUNCTIONS = new Set(['exec', 'execSync']);

/**
 * Methods that run the SQL text they are given, across pg, mysql2, knex, Prisma, TypeORM, Sequelize,
 * postgres.js, better-sqlite3 and sqlite3. `raw` methods take nothing but SQL (often a fragment such
 * as a WHERE clause); query-builder conditions (TypeORM's `.where(\`id = ${id}\`)`) count when
 * the text compares something; the others only when the text reads as SQL, so generic names such
 * as `run` or `get` do not flag route definitions or caches.
 */
const SQL_METHODS: Readonly<Record<string, SqlSink>> = {
  raw: 'always',
  unsafe: 'always',
  $queryRawUnsafe: 'always',
  $executeRawUnsafe: 'always',
  whereRaw: 'always',
  orWhereRaw: 'always',
  havingRaw: 'always',
  orderByRaw: 'always',
  joinRaw: 'always',
  fromRaw: 'always',
  groupByRaw: 'always',
  where: 'if-condition',
  andWhere: 'if-condition',
  orWhere: 'if-condition',
  having: 'if-condition',
  andHaving: 'if-condition',
  orHaving: 'if-condition',
  query: 'if-sql-text',
  execute: 'if-sql-text',
  prepare: 'if-sql-text',
  exec: 'if-sql-text',
  run: 'if-sql-text',
  all: 'if-sql-text',
  get: 'if-sql-text',
};

type SqlSink = 'always' | 'if-condition' | 'if-sql-text';

const SQL_CONDITION = /(=|<|>|\blike\b|\bin\b|\bis\b)/i;

const SQL_TEXT =
  /\b(select\s[\s\S]*?\bfrom\b|insert\s+into\b|update\s+\S+\s+set\b|delete\s+from\b|(create|drop|alter|truncate)\s+table\b|where\s+[\w."`]+\s*(=|<|>|\blike\b|\bin\b))/i;

/**
 * Calls whose result may go into HTML: sanitisers and escapers, and `JSON.stringify`, the JSON-LD
 * idiom of server-rendered pages (`<script type="application/ld+json">`).
 */
const SANITISER = /sanitiz|purif|escape|xss|encode|stringify/i;
const GLOBAL_OBJECTS = new Set(['globalThis', 'window', 'global', 'self']);

/** The static text of an expression built from strings, and whether any part is not static. */
interface Composition {
  text: string;
  dynamic: boolean;
}

const UNKNOWN: Composition = { text: '', dynamic: true };
const MAX_ASSIGNMENTS_FOLLOWED = 8;

class Analysis {
  readonly patterns: DangerousPattern[] = [];
  /** `const`/`let` initialisers and `+=` additions by variable name (scopes are not told apart). */
  private readonly assigned = new Map<string, TS.Expression[]>();
  private readonly variables = new Map<string, Composition>();

  constructor(
    private readonly input: SourceInput,
    private readonly names: NamedRanges,
  ) {
    const { ts, nodes } = input;
    for (const node of nodes.ofKind(ts.SyntaxKind.VariableDeclaration) as TS.VariableDeclaration[]) {
      if (ts.isIdentifier(node.name) && node.initializer) this.assign(node.name.text, node.initializer);
    }
    for (const node of nodes.ofKind(ts.SyntaxKind.BinaryExpression) as TS.BinaryExpression[]) {
      if (node.operatorToken.kind === ts.SyntaxKind.PlusEqualsToken && ts.isIdentifier(node.left)) {
        this.assign(node.left.text, node.right);
      }
    }
  }

  private assign(name: string, value: TS.Expression): void {
    const list = this.assigned.get(name);
    if (list) list.push(value);
    else this.assigned.set(name, [value]);
  }

  /** Follows string concatenation, templates and variables holding them (a few levels deep). */
  composition(node: TS.Expression, depth = 0): Composition {
    const { ts } = this.input;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return { text: node.text, dynamic: false };
    if (ts.isNumericLiteral(node)) return { text: node.text, dynamic: false };
    if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isNonNullExpression(node)) {
      return this.composition(node.expression, depth);
    }
    if (ts.isTemplateExpression(node)) {
      let text = node.head.text;
      let dynamic = false;
      for (const span of node.templateSpans) {
        const part = this.composition(span.expression, depth + 1);
        text += part.text + span.literal.text;
        dynamic ||= part.dynamic;
      }
      return { text, dynamic };
    }
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      const left = this.composition(node.left, depth + 1);
      const right = this.composition(node.right, depth + 1);
      return { text: left.text + right.text, dynamic: left.dynamic || right.dynamic };
    }
    if (ts.isIdentifier(node) && depth < 4) return this.variableComposition(node.text, depth);
    return UNKNOWN;
  }

  /**
   * What a variable holds, from all its assignments, computed once per name. A name assigned in many
   * places (`e` in a bundle) says nothing reliable and is not followed.
   */
  private variableComposition(name: string, depth: number): Composition {
    const known = this.variables.get(name);
    if (known) return known;
    const values = this.assigned.get(name);
    if (!values || values.length > MAX_ASSIGNMENTS_FOLLOWED) return UNKNOWN;
    this.variables.set(name, UNKNOWN); // a variable built from itself stops here
    const parts = values.map((value) => this.composition(value, depth + 1));
    const result = { text: parts.map((part) => part.text).join(' '), dynamic: parts.some((part) => part.dynamic) };
    this.variables.set(name, result);
    return result;
  }

  /** Text assembled at run time from pieces: a template with `${}` or a `+` concatenation. */
  isAssembled(node: TS.Expression): boolean {
    const { ts } = this.input;
    let current = node;
    while (ts.isParenthesizedExpression(current) || ts.isAsExpression(current)) current = current.expression;
    if (ts.isTemplateExpression(current)) return true;
    if (ts.isBinaryExpression(current) && current.operatorToken.kind === ts.SyntaxKind.PlusToken) return true;
    if (ts.isIdentifier(current)) {
      return (this.assigned.get(current.text) ?? []).some((value) => value !== node && this.isAssembledShallow(value));
    }
    return false;
  }

  private isAssembledShallow(node: TS.Expression): boolean {
    const { ts } = this.input;
    return ts.isTemplateExpression(node) || (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken);
  }

  report(node: TS.Node, kind: DangerousPatternKind, detail: string, dynamic: boolean): void {
    const { sourceFile } = this.input;
    const start = node.getStart(sourceFile);
    const position = sourceFile.getLineAndCharacterOfPosition(start);
    const code = sourceFile.text.slice(start, node.end).replace(/\s+/g, ' ').trim();
    this.patterns.push({
      kind,
      line: position.line + 1,
      column: position.character + 1,
      code: code.length > 120 ? `${code.slice(0, 119)}…` : code,
      detail,
      dynamic,
      symbol: this.names.around(start),
    });
  }
}

/** Named functions, methods and classes by source range, to name the code around a finding. */
class NamedRanges {
  private ranges: { start: number; end: number; name: string }[] | null = null;
  constructor(private readonly input: SourceInput) {}

  around(position: number): string | null {
    let best: { start: number; end: number; name: string } | null = null;
    for (const range of this.build()) {
      if (range.start <= position && position < range.end && (!best || range.start >= best.start)) best = range;
    }
    return best?.name ?? null;
  }

  private build(): { start: number; end: number; name: string }[] {
    if (this.ranges) return this.ranges;
    const { ts, nodes } = this.input;
    const ranges: { start: number; end: number; name: string }[] = [];
    const named = nodes.ofKind(
      ts.SyntaxKind.FunctionDeclaration,
      ts.SyntaxKind.MethodDeclaration,
      ts.SyntaxKind.ClassDeclaration,
      ts.SyntaxKind.VariableDeclaration,
      ts.SyntaxKind.PropertyAssignment,
    );
    for (const node of named) {
      if (ts.isVariableDeclaration(node) || ts.isPropertyAssignment(node)) {
        const value = node.initializer;
        const isFunction = value && (ts.isArrowFunction(value) || ts.isFunctionExpression(value));
        if (isFunction && (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name))) {
          ranges.push({ start: value.pos, end: value.end, name: node.name.text });
        }
      } else if ((ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node) || ts.isMethodDeclaration(node)) && node.name) {
        if (ts.isIdentifier(node.name)) ranges.push({ start: node.pos, end: node.end, name: node.name.text });
      }
    }
    this.ranges = ranges;
    return ranges;
  }
}

function propertyName(ts: typeof TS, name: TS.PropertyName): string | null {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : null;
}

function isFalse(ts: typeof TS, node: TS.Expression): boolean {
  return node.kind === ts.SyntaxKind.FalseKeyword || (ts.isNumericLiteral(node) && node.text === '0');
}

/** The shell functions of child_process under their local names, including promisified copies. */
function shellFunctionNames(input: SourceInput): { direct: Set<string>; modules: Set<string> } {
  const { ts, sourceFile, nodes } = input;
  const declarations = nodes.ofKind(ts.SyntaxKind.VariableDeclaration);
  const direct = new Set<string>();
  const modules = new Set<string>();
  for (const [name, binding] of moduleBindings(ts, sourceFile, declarations)) {
    if (!CHILD_PROCESS_MODULES.has(binding.module)) continue;
    if (SHELL_FUNCTIONS.has(binding.imported)) direct.add(name);
    else if (binding.imported === '*' || binding.imported === 'default') modules.add(name);
  }
  // `const run = promisify(exec)` / `util.promisify(cp.exec)`
  for (const node of declarations as TS.VariableDeclaration[]) {
    const init = node.initializer;
    if (!ts.isIdentifier(node.name) || !init || !ts.isCallExpression(init)) continue;
    const callee = init.expression;
    const calleeName = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : null;
    const [argument] = init.arguments;
    if (calleeName === 'promisify' && argument && isShellFunction(ts, argument, direct, modules)) direct.add(node.name.text);
  }
  return { direct, modules };
}

function isShellFunction(ts: typeof TS, callee: TS.Expression, direct: Set<string>, modules: Set<string>): boolean {
  if (ts.isIdentifier(callee)) return direct.has(callee.text);
  if (!ts.isPropertyAccessExpression(callee) || !SHELL_FUNCTIONS.has(callee.name.text)) return false;
  const owner = callee.expression;
  if (ts.isIdentifier(owner)) return modules.has(owner.text);
  const module = requiredModule(ts, owner);
  return module !== null && CHILD_PROCESS_MODULES.has(module);
}

function calleeText(ts: typeof TS, callee: TS.Expression, sourceFile: TS.SourceFile): string {
  return callee.getText(sourceFile).replace(/\s+/g, '');
}

function checkCalls(analysis: Analysis, input: SourceInput): void {
  const { ts, nodes, sourceFile } = input;
  const shell = shellFunctionNames(input);
  for (const node of nodes.ofKind(ts.SyntaxKind.CallExpression, ts.SyntaxKind.NewExpression)) {
    const call = node as TS.CallExpression | TS.NewExpression;
    const callee = call.expression;
    const args: readonly TS.Expression[] = call.arguments ?? [];
    const first = args[0];
    const global =
      ts.isIdentifier(callee) ||
      (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && GLOBAL_OBJECTS.has(callee.expression.text));
    const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : null;

    if (global && name === 'eval' && ts.isCallExpression(call) && first) {
      analysis.report(call, 'eval', 'eval', analysis.composition(first).dynamic);
    } else if (global && name === 'Function' && args.length > 0) {
      const dynamic = args.some((argument) => analysis.composition(argument).dynamic);
      analysis.report(call, 'new-function', ts.isNewExpression(call) ? 'new Function' : 'Function', dynamic);
    } else if (ts.isCallExpression(call) && first && isShellFunction(ts, callee, shell.direct, shell.modules)) {
      if (analysis.isAssembled(first) && analysis.composition(first).dynamic) {
        analysis.report(call, 'shell-command-from-strings', calleeText(ts, callee, sourceFile), true);
      }
    } else if (ts.isCallExpression(call) && first && name && Object.hasOwn(SQL_METHODS, name)) {
      if (!analysis.isAssembled(first)) continue;
      const composition = analysis.composition(first);
      // A bare function (`query(…)` from the app's own db module) is trusted with SQL only when the
      // text reads as SQL; a method's name says more.
      const sink = ts.isIdentifier(callee) ? 'if-sql-text' : SQL_METHODS[name];
      const looksLikeSql =
        sink === 'always' || (sink === 'if-condition' ? SQL_CONDITION : SQL_TEXT).test(composition.text);
      if (composition.dynamic && looksLikeSql) {
        analysis.report(call, 'sql-from-strings', calleeText(ts, callee, sourceFile), true);
      }
    }
  }
}

function checkCorsOptions(analysis: Analysis, input: SourceInput, object: TS.ObjectLiteralExpression): void {
  const { ts } = input;
  let origin: 'any' | 'reflected' | null = null;
  let credentials = false;
  for (const property of object.properties) {
    if (!ts.isPropertyAssignment(property)) continue;
    const key = propertyName(ts, property.name);
    const value = property.initializer;
    if (key === 'origin') {
      if ((ts.isStringLiteral(value) || ts.isNoSubstitutionTemplateLiteral(value)) && value.text === '*') origin = 'any';
      else if (value.kind === ts.SyntaxKind.TrueKeyword) origin = 'reflected';
    } else if (key === 'credentials' && value.kind === ts.SyntaxKind.TrueKeyword) {
      credentials = true;
    }
  }
  if (origin && credentials) {
    analysis.report(object, 'cors-any-origin-with-credentials', origin === 'any' ? "origin: '*'" : 'origin: true', origin === 'reflected');
  }
}

/** `{ __html: x }` is safe when x is a literal or passed through a sanitiser first. */
function innerHtmlIsSafe(ts: typeof TS, value: TS.Expression | undefined): boolean {
  if (!value) return true;
  if (ts.isObjectLiteralExpression(value)) {
    const html = value.properties.find(
      (property): property is TS.PropertyAssignment => ts.isPropertyAssignment(property) && propertyName(ts, property.name) === '__html',
    );
    return html ? innerHtmlIsSafe(ts, html.initializer) : true;
  }
  if (ts.isStringLiteral(value) || ts.isNoSubstitutionTemplateLiteral(value)) return true;
  if (ts.isParenthesizedExpression(value) || ts.isAsExpression(value)) return innerHtmlIsSafe(ts, value.expression);
  if (ts.isCallExpression(value)) {
    const callee = value.expression;
    const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
    return SANITISER.test(name);
  }
  if (ts.isIdentifier(value)) return /sanitiz|purif|escaped/i.test(value.text);
  return false;
}

function checkProperties(analysis: Analysis, input: SourceInput): void {
  const { ts, nodes } = input;
  for (const node of nodes.ofKind(ts.SyntaxKind.PropertyAssignment) as TS.PropertyAssignment[]) {
    const key = propertyName(ts, node.name);
    const value = node.initializer;
    if ((key === 'rejectUnauthorized' || key === 'strictSSL') && isFalse(ts, value)) {
      analysis.report(node, 'tls-verification-disabled', `${key}: false`, false);
    } else if (key === 'NODE_TLS_REJECT_UNAUTHORIZED' && analysis.composition(value).text === '0') {
      analysis.report(node, 'tls-disabled-by-env', 'NODE_TLS_REJECT_UNAUTHORIZED: 0', false);
    } else if (key === 'dangerouslySetInnerHTML' && !innerHtmlIsSafe(ts, value)) {
      analysis.report(node, 'unsanitised-inner-html', 'dangerouslySetInnerHTML', true);
    }
  }
  for (const node of nodes.ofKind(ts.SyntaxKind.JsxAttribute) as TS.JsxAttribute[]) {
    if (!ts.isIdentifier(node.name) || node.name.text !== 'dangerouslySetInnerHTML') continue;
    const initializer = node.initializer;
    const value = initializer && ts.isJsxExpression(initializer) ? initializer.expression : undefined;
    if (initializer && !innerHtmlIsSafe(ts, value ?? undefined)) {
      analysis.report(node, 'unsanitised-inner-html', 'dangerouslySetInnerHTML', true);
    }
  }
  for (const node of nodes.ofKind(ts.SyntaxKind.ObjectLiteralExpression) as TS.ObjectLiteralExpression[]) {
    checkCorsOptions(analysis, input, node);
  }
  for (const node of nodes.ofKind(ts.SyntaxKind.BinaryExpression) as TS.BinaryExpression[]) {
    if (node.operatorToken.kind !== ts.SyntaxKind.EqualsToken) continue;
    const target = node.left;
    const isEnvVar =
      (ts.isPropertyAccessExpression(target) && target.name.text === 'NODE_TLS_REJECT_UNAUTHORIZED') ||
      (ts.isElementAccessExpression(target) &&
        ts.isStringLiteral(target.argumentExpression) &&
        target.argumentExpression.text === 'NODE_TLS_REJECT_UNAUTHORIZED');
    if (isEnvVar && analysis.composition(node.right).text === '0') {
      analysis.report(node, 'tls-disabled-by-env', 'NODE_TLS_REJECT_UNAUTHORIZED = 0', false);
    }
  }
}

/** The variable read by `process.env.X`, `process.env['X']`, `import.meta.env.X` or `Deno.env.get('X')`. */
function environmentVariable(ts: typeof TS, node: TS.Expression): string | null {
  const isEnv = (owner: TS.Expression): boolean =>
    ts.isPropertyAccessExpression(owner) && owner.name.text === 'env' && ((ts.isIdentifier(owner.expression) && owner.expression.text === 'process') || ts.isMetaProperty(owner.expression));
  if (ts.isPropertyAccessExpression(node) && isEnv(node.expression)) return node.name.text;
  if (ts.isElementAccessExpression(node) && isEnv(node.expression) && ts.isStringLiteral(node.argumentExpression)) return node.argumentExpression.text;
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'get') {
    const owner = node.expression.expression;
    const deno = ts.isPropertyAccessExpression(owner) && owner.name.text === 'env' && ts.isIdentifier(owner.expression) && owner.expression.text === 'Deno';
    const [name] = node.arguments;
    if (deno && name && ts.isStringLiteral(name)) return name.text;
  }
  return null;
}

/** `process.env.JWT_SECRET || 'change-me'`: a missing secret silently becomes one everybody can read. */
function checkSecretFallbacks(analysis: Analysis, input: SourceInput): void {
  const { ts, nodes } = input;
  for (const node of nodes.ofKind(ts.SyntaxKind.BinaryExpression) as TS.BinaryExpression[]) {
    const operator = node.operatorToken.kind;
    if (operator !== ts.SyntaxKind.BarBarToken && operator !== ts.SyntaxKind.QuestionQuestionToken) continue;
    const fallback = node.right;
    if (!(ts.isStringLiteral(fallback) || ts.isNoSubstitutionTemplateLiteral(fallback)) || fallback.text === '') continue;
    const name = environmentVariable(ts, node.left);
    if (name !== null && SECRET_VARIABLE.test(name) && !isPublicVariable(name)) analysis.report(node, 'secret-fallback-literal', name, false);
  }
}

export function extractDangerousPatterns(input: SourceInput): DangerousPatternsExtract | null {
  const analysis = new Analysis(input, new NamedRanges(input));
  checkCalls(analysis, input);
  checkProperties(analysis, input);
  checkSecretFallbacks(analysis, input);
  if (analysis.patterns.length === 0) return null;
  analysis.patterns.sort((a, b) => a.line - b.line || a.column - b.column);
  return { patterns: analysis.patterns };
}

export const dangerousPatternsExtractor: FileExtractor<DangerousPatternsExtract> = {
  id: 'dangerous-patterns',
  areas: ['security'],
  extract: extractDangerousPatterns,
};
