import { describe, expect, it } from 'vitest';
import { findTestRun, shellCommands } from '../../../src/checks/testing/test-command.js';
import { testsInCiCheck } from '../../../src/checks/testing/tests-in-ci.js';
import { runCheckOn } from '../../helpers/run-check.js';

const manifest = (scripts: Record<string, string>) => JSON.stringify({ name: 'app', scripts });
const workflow = (...runs: string[]) =>
  ['on: [push]', 'jobs:', '  ci:', '    runs-on: ubuntu-latest', '    steps:', '      - uses: actions/checkout@v4', ...runs.map((run) => `      - run: ${run}`), ''].join('\n');

describe('findTestRun', () => {
  const scripts = (table: Record<string, string>) => ({ scripts: (name: string) => (name in table ? [table[name]!] : []) });
  const noScripts = { scripts: () => [] };

  it.each([
    'npx vitest run',
    'npx jest --ci --coverage',
    'vitest',
    './node_modules/.bin/mocha "test/**/*.js"',
    'npx playwright test --project=chromium',
    'node --test test/',
    'bun test',
    'deno test -A',
    'pnpm exec vitest run',
    'CI=true npx jest',
    'cross-env NODE_ENV=test jest',
    'npx c8 --reporter=lcov vitest run',
    'dotenv -e .env.test -- jest',
    'npx nx affected -t lint,test,build',
    'npx nx run-many --target=test',
    'nx test api',
    'npx turbo run test --filter=web',
    'lerna run test --stream',
    'cd web && npx vitest run',
    'npm ci\nnpx cypress run --browser chrome',
    "bash -c 'npm ci && npx jest'",
    'pnpm turbo run lint typecheck test build --parallel',
    'yarn jest --ci',
    'pnpm vitest run',
    'yarn workspace @acme/web test',
    'pnpm -r --parallel test',
    'docker compose run --rm app npm test',
    'timeout 600 npx jest',
    'npx vitest run -- --reporter=dot',
  ])('`%s` runs tests by itself', (command) => {
    expect(findTestRun(command, noScripts)).not.toBeNull();
  });

  it.each([
    ['npm test', { test: 'vitest run' }],
    ['npm t', { test: 'jest' }],
    ['yarn test', { test: 'jest' }],
    ['pnpm test', { test: 'vitest' }],
    ['pnpm -r test', { test: 'vitest' }],
    ['pnpm --filter web test', { test: 'vitest' }],
    ['npm run test:unit', { 'test:unit': 'vitest run unit' }],
    ['npm run ci', { ci: 'npm run lint && npm test', lint: 'eslint .', test: 'vitest run' }],
    ['yarn verify', { verify: 'tsc && yarn test', test: 'jest' }],
    ['npm test', { test: 'node test/run.js' }],
    ['npm run check', { check: 'run-s lint test:*', 'test:unit': 'vitest' }],
    ['bun run test', { test: 'bun test' }],
    ['npm run e2e', { e2e: 'start-server-and-test start http://localhost:3000 cy:run', start: 'node server.js', 'cy:run': 'cypress run' }],
    ['npx start-server-and-test "npm start" 3000 "npx playwright test"', {}],
    ['npm run ci', { ci: 'concurrently "npm:lint" "npm:test"', test: 'jest' }],
    ['yarn workspaces foreach -A run test', { test: 'jest' }],
  ])('`%s` runs tests through %j', (command, table) => {
    expect(findTestRun(command, scripts(table))).not.toBeNull();
  });

  it('explains the path through scripts', () => {
    expect(findTestRun('npm run ci', scripts({ ci: 'npm run lint && npm test', lint: 'eslint .', test: 'vitest run' }))?.path).toBe(
      '`npm run ci` → ci: `npm test` → test: `vitest run`',
    );
  });

  it.each([
    ['npm ci', { test: 'jest' }],
    ['npm install --save-dev jest', {}],
    ['npm run build', { build: 'tsc', test: 'jest' }],
    ['npm run lint', { lint: 'eslint . --ext .test.ts' }],
    ['npm test', { test: 'echo "Error: no test specified" && exit 1' }],
    ['npm run build:test-data', { build: 'tsc' }],
    ['echo "npm test"', { test: 'jest' }],
    ['npx playwright install --with-deps', {}],
    ['git commit -m "npm test passes"', { test: 'jest' }],
    ['npm run ci', { ci: 'npm run ci' }],
    ['# npm test', { test: 'jest' }],
    ['node scripts/build.js', {}],
    ['turbo run build lint', {}],
    ['docker build -t app .', {}],
    ['docker compose up -d postgres', {}],
  ])('`%s` with %j does not run tests', (command, table) => {
    expect(findTestRun(command, scripts(table))).toBeNull();
  });

  it('trusts a test-named script by its name only when no manifest defines it', () => {
    expect(findTestRun('npm test', { scripts: () => null })?.path).toMatch(/no package.json to confirm/);
    expect(findTestRun('pnpm --filter @app/web test:ci', noScripts)?.path).toBe(
      '`pnpm --filter @app/web test:ci` (script "test:ci" not found in any package.json)',
    );
    expect(findTestRun('npm run build', { scripts: () => null })).toBeNull();
    expect(findTestRun('npm run build', noScripts)).toBeNull();
  });

  it('splits commands on operators outside quotes', () => {
    expect(shellCommands("a && b 'c && d' | e; f\\\n g # h\ni")).toEqual([['a'], ['b', 'c && d'], ['e'], ['f', 'g'], ['i']]);
  });
});

describe('testing.tests-in-ci', () => {
  it('passes when a GitHub Actions step runs npm test, naming the file and line', async () => {
    const result = await runCheckOn(testsInCiCheck, {
      'package.json': manifest({ test: 'vitest run' }),
      '.github/workflows/ci.yml': workflow('npm ci', 'npm test'),
    });
    expect(result.status).toBe('pass');
    expect(result.evidence).toEqual(['.github/workflows/ci.yml:8 (job "ci"): `npm test` → test: `vitest run`']);
  });

  it('passes when CI invokes the tests through a script', async () => {
    const result = await runCheckOn(testsInCiCheck, {
      'package.json': manifest({ ci: 'npm run lint && npm test', lint: 'eslint .', test: 'jest' }),
      '.gitlab-ci.yml': 'check:\n  script:\n    - npm ci\n    - npm run ci\n',
    });
    expect(result.status).toBe('pass');
    expect(result.evidence[0]).toBe('.gitlab-ci.yml:4 (job "check"): `npm run ci` → ci: `npm test` → test: `jest`');
  });

  it.each([
    ['a Jenkinsfile', { Jenkinsfile: "pipeline { stages { stage('t') { steps { sh 'npx jest' } } } }" }],
    ['the Cypress action', { '.github/workflows/e2e.yml': 'on: push\njobs:\n  e2e:\n    steps:\n      - uses: cypress-io/github-action@v6\n' }],
    ['the CircleCI node orb test job', { '.circleci/config.yml': 'version: 2.1\norbs:\n  node: circleci/node@5\nworkflows:\n  main:\n    jobs:\n      - node/test\n' }],
    ['Travis defaults for node_js', { '.travis.yml': 'language: node_js\nnode_js: [22]\n' }],
  ])('passes with %s', async (_name, files) => {
    const result = await runCheckOn(testsInCiCheck, { 'package.json': manifest({ test: 'jest' }), ...files });
    expect(result.status).toBe('pass');
  });

  it('fails when CI only builds, listing what it runs', async () => {
    const result = await runCheckOn(testsInCiCheck, {
      'package.json': manifest({ build: 'tsc', test: 'vitest run' }),
      '.github/workflows/ci.yml': workflow('npm ci', 'npm run build'),
    });
    expect(result.status).toBe('fail');
    expect(result.evidence[1]).toBe('commands run: .github/workflows/ci.yml:7 (job "ci"): `npm ci`; .github/workflows/ci.yml:8 (job "ci"): `npm run build`');
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]!.location).toEqual({ file: '.github/workflows/ci.yml' });
  });

  it('fails when CI runs npm test but the test script is npm\'s placeholder', async () => {
    const result = await runCheckOn(testsInCiCheck, {
      'package.json': manifest({ test: 'echo "Error: no test specified" && exit 1' }),
      '.github/workflows/ci.yml': workflow('npm test'),
    });
    expect(result.status).toBe('fail');
  });

  it('fails without any CI configuration', async () => {
    const result = await runCheckOn(testsInCiCheck, { 'package.json': manifest({ test: 'jest' }), 'src/a.test.ts': "it('a', () => {})" });
    expect(result.status).toBe('fail');
    expect(result.evidence[0]).toMatch(/no CI configuration/);
    expect(result.findings[0]!.location).toBeNull();
  });

  it('is unknown when the only workflow does not parse', async () => {
    const result = await runCheckOn(testsInCiCheck, {
      'package.json': manifest({ test: 'jest' }),
      '.github/workflows/ci.yml': 'on: push\njobs:\n  t:\n    steps:\n      - run: "npm test\n    - [\n',
    });
    expect(result.status).toBe('unknown');
    expect(result.evidence[0]).toMatch(/^\.github\/workflows\/ci\.yml: could not be parsed/);
  });

  it('is unknown for a Jenkinsfile whose steps come from a shared library', async () => {
    const result = await runCheckOn(testsInCiCheck, { 'package.json': manifest({ test: 'jest' }), Jenkinsfile: "@Library('ci') _\nnodePipeline()\n" });
    expect(result.status).toBe('unknown');
    expect(result.evidence).toEqual(['Jenkinsfile: no shell step in the file; its steps may come from a shared library']);
  });

  it('is unknown when tests may run in a reusable workflow from another repository', async () => {
    const result = await runCheckOn(testsInCiCheck, {
      'package.json': manifest({ test: 'jest' }),
      '.github/workflows/ci.yml': 'on: push\njobs:\n  ci:\n    uses: acme/workflows/.github/workflows/node.yml@v2\n',
    });
    expect(result.status).toBe('unknown');
    expect(result.reason).toMatch(/reusable workflow/);
  });
});
