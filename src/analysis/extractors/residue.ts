// Leftovers of a prototype: stubs that throw a not-yet-implemented error, notes that promise an
// implementation later, mock or demo data, lorem ipsum, fake latency, `Math.random()` ids and large
// commented-out blocks.
import type { ts as TS } from 'ts-morph';
import type { FileExtractor, SourceInput } from '../extractor.js';
import { functionName } from './function-names.js';
import { lineOf } from '../syntax.js';
import type { SourceComment } from '../tokens.js';

export type ResidueKind = 'not-implemented' | 'todo-implement' | 'mock-data' | 'lorem-ipsum' | 'fake-latency' | 'random-id' | 'commented-out-code';

export interface ResidueItem {
  kind: ResidueKind;
  line: number;
  /** What was seen, short: the message, the variable name, the comment. */
  text: string;
}

export interface ResidueExtract {
  items: ResidueItem[];
}

const NOT_IMPLEMENTED = /\b(not\s+(yet\s+)?implemented|unimplemented|implement\s+me|todo)\b/i;
/** A TODO that opens a comment line (a TODO mentioned mid-sentence is prose about TODOs). */
const TODO_IMPLEMENT = /^[ \t]*(?:\/\/+|\/\*+|\*)?[ \t]*(?:TODO|FIXME|XXX)\b.*\b(implement|real\s+(data|api|implementation|backend|endpoint)|replace\s+(with|this|mock)|hook\s+up|wire\s+up|hard-?coded|mock(ed)?|stub(bed)?|fake)\b/i;
/** A comment line that calls what follows a stand-in "for now": `// return mock data for now`. */
const PROVISIONAL_NOTE = /\b(mock(ed)?|fake|dummy|placeholder|hard-?coded|stub(bed)?)\b.{0,40}\bfor now\b|\bfor now\b.{0,40}\b(mock(ed)?|fake|dummy|placeholder|hard-?coded|stub(bed)?)\b/i;
const QUOTED_CODE = /`[^`]*`/g;
const MOCK_NAME = /^(mock|fake|dummy|demo|sample|placeholder|hardcoded|test)[A-Z_]|^(MOCK|FAKE|DUMMY|DEMO|SAMPLE)_|(Mock|Fake|Dummy|Demo|Sample)(Data|Users|Items|Products|Orders|Posts|Results|Response|Records)$/;
/** Seeding puts starting data into the database on purpose: named data there is not a mock. */
const SEED_FUNCTION = /seed/i;
const SEED_FILE = /(^|\/)(seeds?|seeders?|seeding)(\/|\.)|(^|\/|[._-])seed(er|s)?\.[cm]?[jt]sx?$/i;
/** The opening of the classic placeholder text (a mention of "lorem ipsum" alone is not placeholder text). */
const LOREM = /lorem ipsum dolor/i;
const SLEEP_NAMES = new Set(['sleep', 'delay', 'wait', 'pause', 'simulateDelay', 'fakeDelay', 'simulateLatency']);
/** Functions and files that fetch or store data: fake latency there pretends to be a network. */
const DATA_FUNCTION = /^(get|fetch|load|save|create|update|delete|remove|list|find|query|submit|post|put|send|sync|upload|login|signIn|signUp|register)/i;
const DATA_FILE = /(^|\/)(api|services?|data|db|lib\/api|server|repositories|repository|store|stores|queries|mutations|actions)(\/|\.)/i;
const ID_TARGET = /(^id$|Id$|_id$|ID$|uuid|Uuid|UUID|key$|Key$|token|Token|slug|^code$|Code$|_code$|voucher|Voucher|coupon|Coupon|otp|Otp|OTP)/;
/** Ids that only tie log lines together: a collision or a guess costs nothing there. */
const LOG_CORRELATION_ID = /^(request|req|trace|span|correlation|log|debug|perf)_?id$/i;
const MIN_LATENCY_MS = 100;
const COMMENTED_CODE_MIN_LINES = 5;
const CODE_LINE = /^\s*(?:(?:const|let|var|return|if|else|for|while|import|export|function|await|async|class|try|catch|switch|case)\b|[\w$.[\]'"]+\s*(?:\(.*\)|=[^=].*);?\s*$|[{}()[\];,]+\s*$|<\/?[A-Za-z][^>]*>\s*$|.*[;{}]\s*$)/;

function numericValue(ts: typeof TS, node: TS.Expression | undefined): number | null {
  return node && ts.isNumericLiteral(node) ? Number(node.text) : null;
}

/** Whether the timer callback is the executor's `resolve`, or a function that calls it. */
function resolvesLater(ts: typeof TS, executor: TS.ArrowFunction | TS.FunctionExpression, callback: TS.Expression | undefined): boolean {
  const first = executor.parameters[0];
  if (!first || !ts.isIdentifier(first.name) || !callback) return false;
  const resolve = first.name.text;
  if (ts.isIdentifier(callback)) return callback.text === resolve;
  if (!ts.isArrowFunction(callback) && !ts.isFunctionExpression(callback)) return false;
  let calls = false;
  const visit = (node: TS.Node): void => {
    if (calls) return;
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === resolve) calls = true;
    else ts.forEachChild(node, visit);
  };
  visit(callback.body);
  return calls;
}

/** `new Promise((r) => setTimeout(r, 800))`, `await sleep(800)`: waiting for nothing. */
function fakeLatency(ts: typeof TS, call: TS.CallExpression): number | null {
  const callee = call.expression;
  if (ts.isIdentifier(callee) && callee.text === 'setTimeout') {
    // The executor of a `new Promise`: `(r) => setTimeout(r, n)` or `(r) => { setTimeout(r, n); }`.
    let executor: TS.Node | undefined = call.parent;
    if (executor && ts.isExpressionStatement(executor)) executor = executor.parent?.parent;
    const isExecutor = executor !== undefined && (ts.isArrowFunction(executor) || ts.isFunctionExpression(executor));
    const promise = isExecutor ? executor!.parent : undefined;
    const wrapped = promise !== undefined && ts.isNewExpression(promise) && ts.isIdentifier(promise.expression) && promise.expression.text === 'Promise';
    // Waiting means resolving later; a timer that rejects is a timeout guard (`Promise.race` with a deadline).
    return wrapped && resolvesLater(ts, executor as TS.ArrowFunction | TS.FunctionExpression, call.arguments[0]) ? numericValue(ts, call.arguments[1]) : null;
  }
  if (ts.isIdentifier(callee) && SLEEP_NAMES.has(callee.text) && call.parent && ts.isAwaitExpression(call.parent)) {
    return numericValue(ts, call.arguments[0]);
  }
  return null;
}

/** Is the wait inside a loop of its own function (looking through a `new Promise` executor)? */
function waitsInLoop(ts: typeof TS, call: TS.CallExpression): boolean {
  for (let current: TS.Node | undefined = call.parent; current; current = current.parent) {
    if (ts.isIterationStatement(current, false)) return true;
    if (ts.isFunctionLike(current)) {
      const owner = current.parent;
      const executor = owner !== undefined && ts.isNewExpression(owner) && ts.isIdentifier(owner.expression) && owner.expression.text === 'Promise';
      if (!executor) return false;
    }
  }
  return false;
}

/** The name a value is given: `const orderId = …`, `{ id: … }`, `user.id = …`. */
function assignedName(ts: typeof TS, node: TS.Node): string | null {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isVariableDeclaration(current) || ts.isPropertyAssignment(current) || ts.isPropertyDeclaration(current)) {
      return ts.isIdentifier(current.name) || ts.isStringLiteral(current.name) ? current.name.text : null;
    }
    // `code = …` and `code += …` (a code built one random character at a time).
    if (ts.isBinaryExpression(current) && (current.operatorToken.kind === ts.SyntaxKind.EqualsToken || current.operatorToken.kind === ts.SyntaxKind.PlusEqualsToken)) {
      const target = current.left;
      return ts.isIdentifier(target) ? target.text : ts.isPropertyAccessExpression(target) ? target.name.text : null;
    }
    if (ts.isFunctionLike(current)) return functionName(ts, current);
    if (ts.isStatement(current) && !ts.isReturnStatement(current)) return null;
  }
  return null;
}

function enclosingFunctionName(ts: typeof TS, node: TS.Node): string | null {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isFunctionLike(current)) {
      const name = functionName(ts, current);
      if (name !== '<anonymous>') return name;
    }
  }
  return null;
}

function commentedOutBlocks(comments: readonly SourceComment[]): ResidueItem[] {
  const items: ResidueItem[] = [];
  // Runs of consecutive line comments, and block comments, whose lines mostly read as code.
  const groups: { line: number; lines: string[] }[] = [];
  for (const comment of comments) {
    if (comment.block) {
      if (comment.text.startsWith('/**')) continue; // documentation
      groups.push({ line: comment.line, lines: comment.text.slice(2, -2).split('\n').map((line) => line.replace(/^\s*\*?/, '')) });
      continue;
    }
    const body = comment.text.replace(/^\/\/+/, '');
    const previous = groups[groups.length - 1];
    if (previous && previous.line + previous.lines.length === comment.line) previous.lines.push(body);
    else groups.push({ line: comment.line, lines: [body] });
  }
  for (const group of groups) {
    const nonEmpty = group.lines.filter((line) => line.trim() !== '');
    if (nonEmpty.length < COMMENTED_CODE_MIN_LINES) continue;
    const codeLike = nonEmpty.filter((line) => CODE_LINE.test(line)).length;
    if (codeLike / nonEmpty.length >= 0.7) {
      items.push({ kind: 'commented-out-code', line: group.line, text: `${nonEmpty.length} lines: ${nonEmpty[0]!.trim().slice(0, 60)}` });
    }
  }
  return items;
}

export function extractResidue({ ts, sourceFile, nodes, tokens, text, path }: SourceInput): ResidueExtract {
  const items: ResidueItem[] = [];
  const SK = ts.SyntaxKind;
  for (const node of nodes.ofKind(SK.ThrowStatement) as TS.ThrowStatement[]) {
    const thrown = node.expression;
    if (thrown && ts.isNewExpression(thrown)) {
      const message = thrown.arguments?.[0];
      const text = !message
        ? null
        : ts.isStringLiteral(message) || ts.isNoSubstitutionTemplateLiteral(message)
          ? message.text
          : ts.isTemplateExpression(message)
            ? message.head.text
            : null;
      if (text !== null && NOT_IMPLEMENTED.test(text)) {
        items.push({ kind: 'not-implemented', line: lineOf(sourceFile, node), text: text.slice(0, 80) });
      }
    }
  }
  for (const comment of tokens.comments) {
    comment.text.split('\n').forEach((line, offset) => {
      // Words inside `code quotes` are an example being described, not a note about this code.
      const prose = line.replace(QUOTED_CODE, '``');
      if (TODO_IMPLEMENT.test(prose) || PROVISIONAL_NOTE.test(prose)) {
        items.push({ kind: 'todo-implement', line: comment.line + offset, text: line.replace(/^[\s/*]+/, '').slice(0, 80) });
      }
    });
  }
  const seedFile = SEED_FILE.test(path);
  for (const declaration of nodes.ofKind(SK.VariableDeclaration) as TS.VariableDeclaration[]) {
    const initializer = declaration.initializer;
    if (ts.isIdentifier(declaration.name) && MOCK_NAME.test(declaration.name.text) && initializer && (ts.isArrayLiteralExpression(initializer) || ts.isObjectLiteralExpression(initializer))) {
      if (seedFile || SEED_FUNCTION.test(enclosingFunctionName(ts, declaration) ?? '')) continue;
      items.push({ kind: 'mock-data', line: lineOf(sourceFile, declaration), text: declaration.name.text });
    }
  }
  // Placeholder text shows in strings and JSX; a comment or a regular expression mentioning it does not.
  if (LOREM.test(text)) {
    const textKinds = [SK.StringLiteral, SK.NoSubstitutionTemplateLiteral, SK.TemplateHead, SK.TemplateMiddle, SK.TemplateTail, SK.JsxText];
    for (const node of nodes.ofKind(...textKinds) as TS.LiteralLikeNode[]) {
      if (LOREM.test(node.text)) items.push({ kind: 'lorem-ipsum', line: lineOf(sourceFile, node), text: 'lorem ipsum' });
    }
  }
  const dataFile = DATA_FILE.test(path);
  for (const call of nodes.ofKind(SK.CallExpression) as TS.CallExpression[]) {
    const latency = fakeLatency(ts, call);
    // A wait inside a loop paces real work (rate limits, polling, retry back-off); it fakes nothing.
    if (latency !== null && latency >= MIN_LATENCY_MS && !waitsInLoop(ts, call)) {
      const fn = enclosingFunctionName(ts, call);
      if (dataFile || (fn !== null && DATA_FUNCTION.test(fn.slice(fn.lastIndexOf('.') + 1)))) {
        items.push({ kind: 'fake-latency', line: lineOf(sourceFile, call), text: `${latency} ms wait${fn ? ` in ${fn}` : ''}` });
      }
    }
    const callee = call.expression;
    if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'random' && ts.isIdentifier(callee.expression) && callee.expression.text === 'Math') {
      const name = assignedName(ts, call);
      // `Math.random().toString(36)` has one use: a made-up identifier.
      const base36 = ts.isPropertyAccessExpression(call.parent) && call.parent.name.text === 'toString' && ts.isCallExpression(call.parent.parent) && call.parent.parent.arguments[0]?.getText(sourceFile) === '36';
      if (name !== null && LOG_CORRELATION_ID.test(name)) continue;
      if ((name !== null && ID_TARGET.test(name)) || base36) items.push({ kind: 'random-id', line: lineOf(sourceFile, call), text: name ?? 'Math.random().toString(36)' });
    }
  }
  items.push(...commentedOutBlocks(tokens.comments));
  items.sort((a, b) => a.line - b.line);
  return { items };
}

export const residueExtractor: FileExtractor<ResidueExtract> = {
  id: 'residue',
  areas: ['code'],
  extract(input) {
    const result = extractResidue(input);
    return result.items.length === 0 ? null : result;
  },
};
