import { describe, expect, it } from 'vitest';
import { ciCollector } from '../../src/collectors/ci.js';
import type { CiFact } from '../../src/core/facts.js';
import { memoryTree } from '../helpers/memory-tree.js';
import { testContext } from '../helpers/run-check.js';

async function collectCi(files: Record<string, string | Buffer>): Promise<CiFact> {
  const tree = memoryTree(files);
  return ciCollector.collect(testContext(), (async (key: string) => {
    if (key !== 'tree') throw new Error(`unexpected fact ${key}`);
    return tree;
  }) as never);
}

const GITHUB = `name: CI
on:
  push:
    branches: [main]
  pull_request:
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 22
      - run: npm ci
      - name: Test
        run: |
          npm run lint
          npm test
  release:
    uses: acme/shared/.github/workflows/release.yml@v1
`;

describe('ci collector', () => {
  it('extracts GitHub Actions steps with jobs, lines, uses/with and triggers', async () => {
    const fact = await collectCi({ '.github/workflows/ci.yml': GITHUB, '.github/dependabot.yml': 'version: 2\n' });
    expect(fact.configs).toHaveLength(1);
    const [config] = fact.configs;
    expect(config).toMatchObject({ provider: 'github-actions', path: '.github/workflows/ci.yml', parseError: null });
    expect(config!.triggers).toEqual(['push', 'pull_request']);
    expect(ciCollector.metrics!(fact)).toEqual({ ci: { configs: 1, providers: ['github-actions'] } });
    expect(config!.steps).toEqual([
      { uses: 'actions/checkout@v4', job: 'test', line: 10 },
      { uses: 'actions/setup-node@v4', with: { 'node-version': 22 }, job: 'test', line: 11 },
      { run: 'npm ci', job: 'test', line: 14 },
      { run: 'npm run lint\nnpm test\n', job: 'test', line: 16 },
      { uses: 'acme/shared/.github/workflows/release.yml@v1', job: 'release', line: 20 },
    ]);
  });

  it('extracts GitLab scripts per job, global before_script and includes', async () => {
    const fact = await collectCi({
      '.gitlab-ci.yml': [
        'include:',
        '  - template: Nodejs.gitlab-ci.yml',
        'before_script:',
        '  - npm ci',
        'stages: [test]',
        'unit:',
        '  stage: test',
        '  script:',
        '    - npm run build',
        '    - npx vitest run',
        '',
      ].join('\n'),
    });
    expect(fact.configs[0]!.steps).toEqual([
      { uses: 'include:template:Nodejs.gitlab-ci.yml', job: null, line: 2 },
      { run: 'npm ci', job: null, line: 4 },
      { run: 'npm run build', job: 'unit', line: 9 },
      { run: 'npx vitest run', job: 'unit', line: 10 },
    ]);
  });

  it('reads GitLab local includes (paths and globs) as configurations of their own', async () => {
    const fact = await collectCi({
      '.gitlab-ci.yml': "include:\n  - local: '/ci/test.yml'\n  - '/ci/jobs/*.yml'\n  - remote: 'https://example.com/ci.yml'\n",
      'ci/test.yml': 'include: /ci/nested.yml\nunit:\n  script: npm test\n',
      'ci/nested.yml': 'lint:\n  script: npm run lint\n',
      'ci/jobs/build.yml': 'build:\n  script: npm run build\n',
      'ci/other.txt': 'x',
    });
    expect(fact.configs.map((config) => config.path)).toEqual(['.gitlab-ci.yml', 'ci/test.yml', 'ci/jobs/build.yml', 'ci/nested.yml']);
    expect(fact.configs[0]!.steps.map((step) => step.uses)).toEqual(['local:ci/test.yml', 'local:ci/jobs/*.yml', 'include:remote:https://example.com/ci.yml']);
    expect(fact.configs[1]!.steps.at(-1)).toEqual({ run: 'npm test', job: 'unit', line: 3 });
  });

  it('reads commands given to wrapper actions and GitLab !reference tags without a parse error', async () => {
    const fact = await collectCi({
      '.github/workflows/e2e.yml': 'on: push\njobs:\n  e2e:\n    steps:\n      - uses: nick-fields/retry@v3\n        with:\n          max_attempts: 3\n          command: npm run test:e2e\n',
      '.gitlab-ci.yml': '.setup:\n  script:\n    - npm ci\ntest:\n  script:\n    - !reference [.setup, script]\n    - npm test\n',
    });
    const [github, gitlab] = fact.configs;
    expect(github!.steps.map((step) => step.run ?? step.uses)).toEqual(['nick-fields/retry@v3', 'npm run test:e2e']);
    expect(gitlab!.parseError).toBeNull();
    expect(gitlab!.steps.map((step) => [step.run, step.job])).toEqual([
      ['npm ci', '.setup'],
      ['npm test', 'test'],
    ]);
  });

  it('reads local composite actions a workflow uses', async () => {
    const fact = await collectCi({
      '.github/workflows/ci.yml': 'on: push\njobs:\n  t:\n    steps:\n      - uses: ./.github/actions/check\n      - uses: ./.github/actions/missing\n',
      '.github/actions/check/action.yml': 'name: check\nruns:\n  using: composite\n  steps:\n    - run: npm test\n      shell: bash\n',
    });
    expect(fact.configs.map((config) => [config.path, config.provider])).toEqual([
      ['.github/workflows/ci.yml', 'github-actions'],
      ['.github/actions/check/action.yml', 'github-actions'],
    ]);
    expect(fact.configs[1]!.steps).toEqual([{ run: 'npm test', job: null, line: 5 }]);
  });

  it('extracts CircleCI run strings, run maps and orb jobs', async () => {
    const fact = await collectCi({
      '.circleci/config.yml': [
        'version: 2.1',
        'orbs:',
        '  node: circleci/node@5',
        'jobs:',
        '  build:',
        '    steps:',
        '      - checkout',
        '      - run: npm ci',
        '      - run:',
        '          name: Build',
        '          command: npm run build',
        'workflows:',
        '  main:',
        '    jobs:',
        '      - build',
        '      - node/test:',
        '          version: "22"',
        '',
      ].join('\n'),
    });
    expect(fact.configs[0]!.steps).toEqual([
      { run: 'npm ci', job: 'build', line: 8 },
      { run: 'npm run build', job: 'build', line: 11 },
      { uses: 'node/test', job: 'main', line: 16 },
    ]);
  });

  it('extracts Azure, Bitbucket, Travis, Drone, Buildkite and Woodpecker commands', async () => {
    const fact = await collectCi({
      'azure-pipelines.yml': 'trigger: [main]\njobs:\n  - job: Test\n    steps:\n      - script: npm test\n      - bash: npm run build\n',
      'bitbucket-pipelines.yml': 'pipelines:\n  default:\n    - step:\n        name: Unit\n        script:\n          - npm ci\n          - npm test\n          - pipe: atlassian/slack-notify:2\n',
      '.travis.yml': 'language: node_js\nnode_js: [22]\n',
      '.drone.yml': 'kind: pipeline\nsteps:\n  - name: test\n    image: node:22\n    commands:\n      - npm test\n---\nkind: pipeline\nsteps:\n  - name: lint\n    commands: [npm run lint]\n',
      '.buildkite/pipeline.yml': 'steps:\n  - label: ":jest: tests"\n    command: yarn test\n',
      '.woodpecker.yml': 'steps:\n  check:\n    image: node\n    commands:\n      - pnpm test\n',
    });
    const byProvider = Object.fromEntries(fact.configs.map((config) => [config.provider, config]));
    expect(byProvider['azure-pipelines']!.steps).toEqual([
      { run: 'npm test', job: 'Test', line: 5 },
      { run: 'npm run build', job: 'Test', line: 6 },
    ]);
    expect(byProvider['azure-pipelines']!.triggers).toEqual(['trigger']);
    expect(byProvider['bitbucket-pipelines']!.steps.map((step) => [step.run ?? step.uses, step.job])).toEqual([
      ['npm ci', 'Unit'],
      ['npm test', 'Unit'],
      ['atlassian/slack-notify:2', 'Unit'],
    ]);
    expect(byProvider['bitbucket-pipelines']!.triggers).toEqual(['default']);
    expect(byProvider.travis!.steps).toEqual([{ run: 'npm test', job: '(Travis default script for node_js)', line: 1 }]);
    expect(byProvider.drone!.steps.map((step) => [step.run, step.job, step.line])).toEqual([
      ['npm test', 'test', 6],
      ['npm run lint', 'lint', 11],
    ]);
    expect(byProvider.buildkite!.steps).toEqual([{ run: 'yarn test', job: ':jest: tests', line: 3 }]);
    expect(byProvider.woodpecker!.steps).toEqual([{ run: 'pnpm test', job: 'check', line: 5 }]);
  });

  it('extracts Jenkinsfile sh steps with their stage, ignoring comments', async () => {
    const fact = await collectCi({
      Jenkinsfile: [
        'pipeline {',
        '  agent any',
        '  stages {',
        "    stage('Build') {",
        "      steps { sh 'npm ci' }",
        '    }',
        '    stage("Test") {',
        '      steps {',
        "        // sh 'npm run old-tests'",
        '        sh """',
        '          npm test',
        '        """',
        "        sh(label: 'ping', returnStatus: true, script: 'curl http://example.com/ping')",
        '      }',
        '    }',
        '  }',
        '}',
      ].join('\n'),
    });
    expect(fact.configs[0]).toMatchObject({ provider: 'jenkins', parseError: null });
    expect(fact.configs[0]!.steps).toEqual([
      { run: 'npm ci', job: 'Build', line: 5 },
      { run: 'npm test', job: 'Test', line: 10 },
      { run: 'curl http://example.com/ping', job: 'Test', line: 13 },
    ]);
  });

  it('records broken YAML and unreadable files as parse errors instead of throwing', async () => {
    const fact = await collectCi({
      '.github/workflows/broken.yml': 'on: push\njobs:\n  test:\n    steps:\n      - run: "npm test\n    - bad: [\n',
      '.github/workflows/binary.yaml': Buffer.from([0, 1, 2, 3]),
      '.github/workflows/empty.yml': '',
    });
    const byPath = Object.fromEntries(fact.configs.map((config) => [config.path, config]));
    expect(byPath['.github/workflows/broken.yml']!.parseError).toMatch(/^line \d+: /);
    expect(byPath['.github/workflows/broken.yml']!.steps).toEqual([]);
    expect(byPath['.github/workflows/binary.yaml']!.parseError).toBe('could not read the file (binary)');
    expect(byPath['.github/workflows/empty.yml']).toMatchObject({ parseError: null, steps: [], triggers: [] });
  });

  it('survives an alias bomb and extreme nesting', async () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', ...'bcdefghij'.split('').map((key, index) => `${key}: &${key} [${Array(9).fill(`*${'abcdefghij'[index]}`).join(', ')}]`), 'jobs:', '  t:', '    steps:', '      - run: npm test', ''].join('\n');
    const deep = `jobs:\n  t:\n    steps: ${'['.repeat(20000)}${']'.repeat(20000)}\n`;
    const fact = await collectCi({ '.github/workflows/bomb.yml': bomb, '.github/workflows/deep.yml': deep });
    const byPath = Object.fromEntries(fact.configs.map((config) => [config.path, config]));
    expect(byPath['.github/workflows/bomb.yml']!.steps).toEqual([{ run: 'npm test', job: 't', line: 14 }]);
    expect(byPath['.github/workflows/deep.yml']!.steps).toEqual([]);
  });

  it('ignores CI-looking files in fixtures and non-CI YAML', async () => {
    const fact = await collectCi({
      'test/fixtures/app/.github/workflows/ci.yml': 'on: push\n',
      'fixtures/app/.gitlab-ci.yml': 'test:\n  script: npm test\n',
      '.github/workflows/README.md': '# workflows',
      'config.yml': 'jobs: {}\n',
    });
    expect(fact.configs).toEqual([]);
  });
});
