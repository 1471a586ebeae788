// Test files and the test cases they declare. Found lexically (comments and strings never count),
// so an empty `*.test.ts`, one whose cases are commented out, or one holding only `it.todo` is
// told apart from a real test file without running or parsing anything twice.
import { matchingClose, scanLexemes, type Lexeme } from '../analysis/lexical-scan.js';
import { defineCollector } from '../core/collector.js';
import type { TestFileInfo } from '../core/facts.js';
import { CASE_FUNCTIONS, CASE_MODIFIERS, EXTRA_TEST_FILE, MEMBER_CASE_FUNCTIONS, type CaseRole } from '../knowledge/test-runners.js';
import { isInFixtureDir, isSourceFile, isTestFile } from '../util/paths.js';

export function isTestSourceFile(path: string): boolean {
  return isSourceFile(path) && (isTestFile(path) || EXTRA_TEST_FILE.test(path)) && !isInFixtureDir(path);
}

const punctuation = (lexeme: Lexeme | undefined): string | undefined => (lexeme?.kind === 'punctuation' ? lexeme.text : undefined);

/** Tokens before a callee that make it a declaration or someone else's method, not a test call. */
const NOT_A_CALL_BEFORE = new Set(['.', '?.', 'function', 'class', 'new', 'interface', 'type', 'get', 'set', 'async', '#']);

/** Length of the callee at `index` (`it` → 1, `Deno.test` → 3), or 0 when none starts there. */
function calleeLength(lexemes: readonly Lexeme[], index: number): number {
  const first = lexemes[index]!;
  const previous = lexemes[index - 1];
  if (previous && NOT_A_CALL_BEFORE.has(previous.text) && previous.kind !== 'string') return 0;
  if (first.text in CASE_FUNCTIONS) return 1;
  const isMember = MEMBER_CASE_FUNCTIONS.some(
    ([object, method]) => first.text === object && punctuation(lexemes[index + 1]) === '.' && lexemes[index + 2]?.text === method,
  );
  return isMember ? 3 : 0;
}

/**
 * What the call starting at `index` declares: a runnable case, a placeholder, or nothing (a
 * `test.describe`, a method named `test`, `regex.test(s)`, a call without arguments).
 */
function caseAt(lexemes: readonly Lexeme[], index: number): CaseRole | null {
  if (lexemes[index]!.kind !== 'name') return null;
  const length = calleeLength(lexemes, index);
  if (length === 0) return null;
  let role: CaseRole = CASE_FUNCTIONS[lexemes[index]!.text] === 'placeholder' && length === 1 ? 'placeholder' : 'case';
  let cursor = index + length;
  let curried = false;
  while (punctuation(lexemes[cursor]) === '.') {
    const modifier = CASE_MODIFIERS[lexemes[cursor + 1]?.text ?? ''];
    if (!modifier || lexemes[cursor + 1]?.kind !== 'name') return null;
    if (modifier.role === 'placeholder') role = 'placeholder';
    curried ||= modifier.curried === true;
    cursor += 2;
  }
  // `it.each\`table\`(…)` is a tagged template; everything else must be a call.
  if (curried && (lexemes[cursor]?.kind === 'string' || lexemes[cursor]?.kind === 'template')) return role;
  if (punctuation(lexemes[cursor]) !== '(') return null;
  if (curried) return role;
  const close = matchingClose(lexemes, cursor);
  const firstArgument = lexemes[cursor + 1];
  if (punctuation(firstArgument) === ')') return null;
  // `test(name) { … }` is a method declaration.
  if (close !== -1 && punctuation(lexemes[close + 1]) === '{') return null;
  if (role === 'placeholder' || close === -1) return role;
  const hasSecondArgument = hasTopLevelComma(lexemes, cursor, close);
  // Mocha and Vitest treat `it('name')` with no body as pending; `test(async () => …)` is a case.
  const named = firstArgument?.kind === 'string' || firstArgument?.kind === 'template';
  if (named && !hasSecondArgument) return 'placeholder';
  // `it('registers a user', async () => {})`: a name for a test still to be written; it runs and proves nothing.
  return hasSecondArgument && endsWithEmptyBody(lexemes, close) ? 'placeholder' : 'case';
}

/** Whether the last argument before `close` is a function with an empty body: `() => {}`, `function (t) {}` (a timeout after it is allowed). */
function endsWithEmptyBody(lexemes: readonly Lexeme[], close: number): boolean {
  let end = close - 1;
  if (punctuation(lexemes[end]) === ',') end--;
  if (lexemes[end]?.kind === 'other' && /^\d/.test(lexemes[end]!.text) && punctuation(lexemes[end - 1]) === ',') end -= 2;
  if (punctuation(lexemes[end]) !== '}' || punctuation(lexemes[end - 1]) !== '{') return false;
  const before = lexemes[end - 2];
  return punctuation(before) === '=>' || punctuation(before) === ')';
}

/** Whether the argument list between `open` and `close` holds more than one argument. */
function hasTopLevelComma(lexemes: readonly Lexeme[], open: number, close: number): boolean {
  let depth = 0;
  for (let index = open + 1; index < close; index++) {
    const text = punctuation(lexemes[index]);
    if (text === '(' || text === '[' || text === '{') depth++;
    else if (text === ')' || text === ']' || text === '}') depth--;
    else if (text === ',' && depth === 0) return true;
  }
  return false;
}

/** Counts the test cases a file declares. */
export function countTestCases(path: string, source: string): TestFileInfo {
  const lexemes = scanLexemes(source);
  let cases = 0;
  let placeholders = 0;
  let firstCaseLine: number | null = null;
  for (let index = 0; index < lexemes.length; index++) {
    const role = caseAt(lexemes, index);
    if (role === 'case') {
      cases++;
      firstCaseLine ??= lexemes[index]!.line;
    } else if (role === 'placeholder') {
      placeholders++;
    }
  }
  return { path, cases, placeholders, firstCaseLine };
}

export const testsCollector = defineCollector({
  key: 'tests',
  description: 'Test files and the test cases they declare (found lexically; fixtures excluded)',
  async collect(_ctx, get) {
    const tree = await get('tree');
    const files: TestFileInfo[] = [];
    for (const entry of tree.files) {
      if (!isTestSourceFile(entry.path)) continue;
      const source = tree.read(entry.path);
      files.push(source === null ? { path: entry.path, cases: null, placeholders: 0, firstCaseLine: null } : countTestCases(entry.path, source));
    }
    return { files };
  },
  metrics(fact) {
    return { tests: { files: fact.files.length, cases: fact.files.reduce((sum, file) => sum + (file.cases ?? 0), 0) } };
  },
});
