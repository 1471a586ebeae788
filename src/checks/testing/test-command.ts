// Tells whether a shell command (a CI step, a package script) runs a test suite, following package
// scripts through the manifests (`npm run ci` → `"ci": "npm run lint && npm test"` → `"test": "vitest run"`).
import {
  COMMAND_LIST_RUNNERS,
  COMMAND_WRAPPERS,
  FLAGS_WITH_VALUE,
  PACKAGE_MANAGERS,
  PLACEHOLDER_SCRIPT,
  RUN_SCRIPT_VERBS,
  SCRIPT_SEQUENCERS,
  TASK_RUNNERS,
  TEST_RUNNER_COMMANDS,
  TEST_SCRIPT_VERBS,
  TEST_TASK_NAME,
} from '../../knowledge/test-runners.js';

/** Script bodies by name, from the root manifest first; null when no manifest could be read at all. */
export type ScriptLookup = (name: string) => string[] | null;

export interface TestRun {
  /** How the command reaches a test runner, e.g. "`npm run ci` → ci: `npm test` → test: `vitest run`". */
  path: string;
}

/** Nested scripts deeper than this are not followed (and a cycle stops here too). */
const MAX_DEPTH = 4;
const SHELLS = new Set(['sh', 'bash', 'zsh']);
const NOT_COMMANDS = new Set(['echo', 'printf', 'cat']);

/** Splits a command line into simple commands (on `&&`, `||`, `;`, `|`, `&`, newlines), honouring quotes. */
export function shellCommands(command: string): string[][] {
  const commands: string[][] = [];
  let words: string[] = [];
  let word = '';
  let quoted = false;
  const endWord = (): void => {
    if (word !== '' || quoted) words.push(word);
    word = '';
    quoted = false;
  };
  const endCommand = (): void => {
    endWord();
    if (words.length > 0) commands.push(words);
    words = [];
  };
  const text = command.replace(/\\\r?\n/g, ' ');
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (char === "'" || char === '"') {
      const close = text.indexOf(char, index + 1);
      const end = close === -1 ? text.length : close;
      word += text.slice(index + 1, end);
      quoted = true;
      index = end;
    } else if (char === '\\' && index + 1 < text.length) {
      word += text[++index];
    } else if (char === '#' && word === '' && !quoted) {
      const newline = text.indexOf('\n', index);
      index = newline === -1 ? text.length : newline - 1;
    } else if (/[\n;&|()]/.test(char)) {
      endCommand();
    } else if (/\s/.test(char)) {
      endWord();
    } else {
      word += char;
    }
  }
  endCommand();
  return commands;
}

const isFlag = (word: string | undefined): boolean => word !== undefined && word.startsWith('-') && word !== '--';
const isAssignment = (word: string): boolean => /^[A-Za-z_]\w*=/.test(word);

/** The binary's name without a path (`./node_modules/.bin/jest`) or a version (`vitest@2`). */
function binaryName(word: string): string {
  const name = word.slice(word.lastIndexOf('/') + 1);
  const at = name.indexOf('@', 1);
  return at === -1 ? name : name.slice(0, at);
}

/** Index of the first word at or after `from` that is not an option (or an option's value). */
function nextOperand(words: readonly string[], from: number): number {
  let index = from;
  while (index < words.length && isFlag(words[index])) {
    const flag = words[index]!;
    index += FLAGS_WITH_VALUE.has(flag) ? 2 : 1;
  }
  return index;
}

interface Context {
  scripts: ScriptLookup;
  depth: number;
  seen: ReadonlySet<string>;
}

function runsScript(name: string, invocation: string, context: Context): TestRun | null {
  if (context.seen.has(name) || context.depth >= MAX_DEPTH) return null;
  const bodies = context.scripts(name);
  if (bodies === null) {
    // No manifest to look in: only the script's name can speak for it.
    return TEST_TASK_NAME.test(name) ? { path: `\`${invocation}\` (script "${name}"; no package.json to confirm)` } : null;
  }
  if (bodies.length === 0) {
    // Defined in no manifest we found (a package outside the workspaces, say): its name is all there is.
    return TEST_TASK_NAME.test(name) ? { path: `\`${invocation}\` (script "${name}" not found in any package.json)` } : null;
  }
  const inner: Context = { ...context, depth: context.depth + 1, seen: new Set([...context.seen, name]) };
  for (const body of bodies) {
    if (PLACEHOLDER_SCRIPT.test(body)) continue;
    const run = findTestRun(body, inner);
    if (run) return { path: `\`${invocation}\` → ${name}: ${run.path}` };
    // A script called `test` that runs a custom harness (`node test/run.js`) still runs the tests.
    if (TEST_TASK_NAME.test(name)) return { path: `\`${invocation}\` → ${name}: \`${body}\`` };
  }
  return null;
}

function packageManagerRun(words: readonly string[], start: number, context: Context): TestRun | null {
  const manager = PACKAGE_MANAGERS[binaryName(words[start]!)]!;
  const invocation = words.slice(start).join(' ');
  let index = nextOperand(words, start + 1);
  let verb = words[index];
  // `yarn workspace <name> test`, `yarn workspaces foreach -A run test`, `pnpm recursive run test`.
  if (verb === 'workspace') {
    index = nextOperand(words, nextOperand(words, index + 1) + 1);
    verb = words[index];
  } else if (verb === 'workspaces' || verb === 'recursive' || verb === 'foreach') {
    index = nextOperand(words, index + 1);
    if (words[index] === 'foreach') index = nextOperand(words, index + 1);
    verb = words[index];
  }
  if (verb === undefined) return null;
  if (verb === 'exec' || verb === 'dlx' || verb === 'x') return commandRun(words, nextOperand(words, index + 1), context);
  if (binaryName(words[start]!) === 'bun' && verb === 'test') return { path: `\`${invocation}\`` };
  if (TEST_SCRIPT_VERBS.has(verb)) return runsScript('test', invocation, context);
  if (RUN_SCRIPT_VERBS.has(verb)) {
    const script = words[nextOperand(words, index + 1)];
    return script === undefined ? null : runsScript(script, invocation, context);
  }
  // `pnpm turbo run test`, `yarn jest`: a bare name is a script if one is defined, else a binary.
  if (manager.bareScripts && !manager.builtins.has(verb)) return runsScript(verb, invocation, context) ?? commandRun(words, index, context);
  return null;
}

/** `run-s lint test:*` (script names, globs allowed) and `concurrently "npm:test" "tsc -w"` (commands). */
function listedRun(words: readonly string[], start: number, context: Context): TestRun | null {
  const scriptNames = SCRIPT_SEQUENCERS.has(binaryName(words[start]!));
  for (const argument of words.slice(start + 1).filter((word) => !isFlag(word))) {
    const script = scriptNames && !/\s/.test(argument) ? argument : argument.startsWith('npm:') ? argument.slice(4) : null;
    if (script === null) {
      const run = findTestRun(argument, context);
      if (run) return run;
    } else if (script.includes('*')) {
      // A glob cannot be expanded without the script list; `test:*` says what it runs by its name.
      if (TEST_TASK_NAME.test(script.replace(/\*/g, 'all'))) return { path: `\`${words.slice(start).join(' ')}\`` };
    } else {
      const run = runsScript(script, words.slice(start).join(' '), context);
      if (run) return run;
    }
  }
  return null;
}

function taskRunnerRun(words: readonly string[], start: number): TestRun | null {
  const tasks = words
    .slice(start + 1)
    .flatMap((word) => (word.includes('=') ? word.slice(word.indexOf('=') + 1) : word).split(/[,:]/))
    .filter((task) => task !== '' && !task.startsWith('-'));
  return tasks.some((task) => TEST_TASK_NAME.test(task)) ? { path: `\`${words.slice(start).join(' ')}\`` } : null;
}

/** Whether the simple command starting at `start` runs tests. */
function commandRun(words: readonly string[], start: number, context: Context): TestRun | null {
  let index = start;
  while (index < words.length && isAssignment(words[index]!)) index++;
  const word = words[index];
  if (word === undefined) return null;
  const bin = binaryName(word);
  if (NOT_COMMANDS.has(bin)) return null;
  if (COMMAND_WRAPPERS.has(bin)) {
    // The wrapped command starts at some later word (after the wrapper's options, or after `--`).
    for (let next = index + 1; next < words.length; next++) {
      if (isFlag(words[next])) continue;
      const run = commandRun(words, next, context);
      if (run) return run;
    }
    return null;
  }
  if (SHELLS.has(bin)) {
    const script = words[words.indexOf('-c', index) + 1];
    return words.includes('-c') && script !== undefined ? findTestRun(script, context) : null;
  }
  if (bin in PACKAGE_MANAGERS) return packageManagerRun(words, index, context);
  if (SCRIPT_SEQUENCERS.has(bin) || COMMAND_LIST_RUNNERS.has(bin)) return listedRun(words, index, context);
  if (bin in TASK_RUNNERS) return taskRunnerRun(words, index);
  const rest = words.slice(index + 1);
  for (const runner of TEST_RUNNER_COMMANDS) {
    if (runner.bin !== bin) continue;
    let position = 0;
    const ordered = runner.args.every((arg) => {
      const found = rest.indexOf(arg, position);
      position = found + 1;
      return found !== -1;
    });
    if (ordered) return { path: `\`${words.slice(index).join(' ')}\`` };
  }
  return null;
}

/** How the command runs tests, or null when none of its simple commands does. */
export function findTestRun(command: string, context: Context | { scripts: ScriptLookup }): TestRun | null {
  const full: Context = 'depth' in context ? context : { scripts: context.scripts, depth: 0, seen: new Set() };
  for (const words of shellCommands(command)) {
    const run = commandRun(words, 0, full);
    if (run) return run;
  }
  return null;
}
