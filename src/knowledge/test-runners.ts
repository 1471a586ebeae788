// What test code and test commands look like across the JS/TS runners (Jest, Vitest, Mocha,
// node:test, Deno, Bun, AVA, tap, tape, QUnit, Playwright, Cypress, Jasmine, uvu) and the task runners that
// call them. The `tests` collector and the `testing.*` checks read these tables.

export type CaseRole = 'case' | 'placeholder';

/** Functions whose call declares one test case (`it('works', fn)`), or one that will not run (`xit`). */
export const CASE_FUNCTIONS: Readonly<Record<string, CaseRole>> = {
  it: 'case',
  test: 'case',
  specify: 'case',
  fit: 'case',
  tape: 'case',
  xit: 'placeholder',
  xtest: 'placeholder',
  xspecify: 'placeholder',
};

/** `object.method` callees that declare a case: Deno's, QUnit's and tap's (`t.test` is a tap/tape subtest). */
export const MEMBER_CASE_FUNCTIONS: readonly (readonly [string, string])[] = [
  ['Deno', 'test'],
  ['QUnit', 'test'],
  ['tap', 'test'],
  ['t', 'test'],
];

export interface CaseModifier {
  role: CaseRole;
  /** Called first with a table or a condition, then with the case: `it.each(rows)('name', fn)`. */
  curried?: boolean;
}

/**
 * Chained modifiers: `it.only`, `test.concurrent.each`, `it.todo`… A chain holding any other name
 * (`test.describe`, `test.beforeEach`, `test.step`, `test.extend`, `test.run`) is not a case.
 */
export const CASE_MODIFIERS: Readonly<Record<string, CaseModifier>> = {
  only: { role: 'case' },
  concurrent: { role: 'case' },
  sequential: { role: 'case' },
  serial: { role: 'case' },
  fails: { role: 'case' },
  failing: { role: 'case' },
  cb: { role: 'case' },
  each: { role: 'case', curried: true },
  skipIf: { role: 'case', curried: true },
  runIf: { role: 'case', curried: true },
  todo: { role: 'placeholder' },
  skip: { role: 'placeholder' },
  fixme: { role: 'placeholder' },
  ignore: { role: 'placeholder' },
};

/** Deno's naming convention for test files, which the shared test-file pattern does not cover. */
export const EXTRA_TEST_FILE = /(^|\/)[^/]+_test\.[cm]?[jt]sx?$/;

/** Test file names (as opposed to helpers inside a tests folder): an empty one is a placeholder. */
export const NAMED_TEST_FILE = /(^|\/)[^/]+(\.(test|spec|e2e|cy)|_test)\.[cm]?[jt]sx?$/;

/**
 * Commands that run a test suite by themselves. `args` must follow the binary (in order, flags
 * between them allowed): `playwright test`, `node --test`. An empty `args` means the binary alone.
 */
export const TEST_RUNNER_COMMANDS: readonly { bin: string; args: readonly string[] }[] = [
  { bin: 'vitest', args: [] },
  { bin: 'jest', args: [] },
  { bin: 'mocha', args: [] },
  { bin: 'ava', args: [] },
  { bin: 'tap', args: [] },
  { bin: 'uvu', args: [] },
  { bin: 'tape', args: [] },
  { bin: 'jasmine', args: [] },
  { bin: 'playwright', args: ['test'] },
  { bin: 'cypress', args: ['run'] },
  { bin: 'karma', args: ['start'] },
  { bin: 'wdio', args: ['run'] },
  { bin: 'node', args: ['--test'] },
  { bin: 'tsx', args: ['--test'] },
  { bin: 'deno', args: ['test'] },
  { bin: 'bun', args: ['test'] },
  { bin: 'ng', args: ['test'] },
  { bin: 'react-scripts', args: ['test'] },
  { bin: 'vue-cli-service', args: ['test:unit'] },
  { bin: 'make', args: ['test'] },
];

/** Commands that wrap another command: the wrapped command is what runs. */
export const COMMAND_WRAPPERS: ReadonlySet<string> = new Set([
  'npx',
  'bunx',
  'pnpx',
  'cross-env',
  'dotenv',
  'env',
  'c8',
  'nyc',
  'xvfb-run',
  'time',
  'sudo',
  'exec',
  'timeout',
  'nice',
  // `docker compose run app npm test`: the command after the image or service name runs.
  'docker',
  'docker-compose',
  'podman',
]);

/**
 * Tools whose arguments are package script names, globs allowed (`run-s lint test:*`), or whole
 * commands when quoted with spaces (`start-server-and-test start 3000 "npm run e2e"`).
 */
export const SCRIPT_SEQUENCERS: ReadonlySet<string> = new Set(['run-s', 'run-p', 'npm-run-all', 'npm-run-all2', 'start-server-and-test', 'server-test']);

/** Tools whose arguments are whole commands (`concurrently "npm:lint" "vitest run"`). */
export const COMMAND_LIST_RUNNERS: ReadonlySet<string> = new Set(['concurrently']);

/** Package managers: `<pm> test`, `<pm> run <script>`, and (except npm) `<pm> <script>`. */
export const PACKAGE_MANAGERS: Readonly<Record<string, { builtins: ReadonlySet<string>; bareScripts: boolean }>> = {
  npm: { builtins: new Set(), bareScripts: false },
  yarn: {
    builtins: new Set(['install', 'add', 'remove', 'upgrade', 'up', 'dlx', 'exec', 'set', 'config', 'cache', 'init', 'why', 'info', 'pack', 'publish', 'version', 'npm', 'plugin', 'constraints', 'dedupe', 'bin', 'node', 'link', 'unlink', 'import', 'audit', 'global', 'login', 'logout']),
    bareScripts: true,
  },
  pnpm: {
    builtins: new Set(['install', 'i', 'add', 'remove', 'rm', 'update', 'up', 'dlx', 'exec', 'create', 'fetch', 'prune', 'store', 'config', 'audit', 'outdated', 'list', 'ls', 'why', 'pack', 'publish', 'link', 'unlink', 'import', 'rebuild', 'dedupe', 'env', 'setup', 'deploy', 'licenses', 'patch', 'patch-commit', 'server']),
    bareScripts: true,
  },
  bun: {
    builtins: new Set(['install', 'i', 'add', 'remove', 'update', 'x', 'pm', 'build', 'init', 'create', 'upgrade', 'link', 'unlink', 'publish', 'outdated', 'audit', 'patch']),
    bareScripts: true,
  },
};

/** npm/yarn/pnpm verbs for "run the test script" and "run a script". */
export const TEST_SCRIPT_VERBS: ReadonlySet<string> = new Set(['test', 't', 'tst']);
export const RUN_SCRIPT_VERBS: ReadonlySet<string> = new Set(['run', 'run-script', 'rum', 'urn']);

/** Options of package and task runners that take a value (`--filter web`, `-w pkg`), so the value is no verb. */
export const FLAGS_WITH_VALUE: ReadonlySet<string> = new Set([
  '--prefix',
  '-w',
  '--workspace',
  '-C',
  '--dir',
  '--cwd',
  '--filter',
  '-F',
  '-t',
  '--target',
  '--targets',
  '-p',
  '--projects',
  '--scope',
  '--concurrency',
]);

/**
 * Monorepo task runners and their verbs; the task names follow a verb (`turbo run test`,
 * `nx affected -t test`) or stand in its place (`nx test web`, `turbo test`).
 */
export const TASK_RUNNERS: Readonly<Record<string, ReadonlySet<string>>> = {
  turbo: new Set(['run']),
  nx: new Set(['run-many', 'affected', 'run']),
  lerna: new Set(['run']),
};

/** Script or task names that, by name, run the tests (`test`, `test:unit`, `tests`, `unit:test`). */
export const TEST_TASK_NAME = /^(test|tests)(:[\w:-]+)?$|^[\w-]+:test$/;

/** Script bodies that only pretend: npm's default `echo "Error: no test specified" && exit 1` and plain echoes. */
export const PLACEHOLDER_SCRIPT = /no test specified|^\s*(echo\b[^&|;]*|exit \d+|true|:)\s*((&&|;|\|\|)\s*(echo\b[^&|;]*|exit \d+|true|:)\s*)*$/;
