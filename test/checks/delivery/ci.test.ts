import { describe, expect, it } from 'vitest';
import { ciCheck } from '../../../src/checks/delivery/ci.js';
import { runCheckOn } from '../../helpers/run-check.js';

const WORKFLOW = 'on: [push, pull_request]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm ci\n      - run: npm run build\n';

describe('delivery.ci', () => {
  it.each([
    ['GitHub Actions', { '.github/workflows/ci.yml': WORKFLOW }, '.github/workflows/ci.yml (GitHub Actions): 2 steps, 1 job, on push, pull_request'],
    ['GitLab CI', { '.gitlab-ci.yml': 'build:\n  script: npm ci\n' }, '.gitlab-ci.yml (GitLab CI): 1 step, 1 job'],
    ['CircleCI', { '.circleci/config.yml': 'version: 2.1\njobs:\n  b:\n    steps:\n      - run: npm ci\n' }, '.circleci/config.yml (CircleCI): 1 step, 1 job'],
    ['a Jenkinsfile', { Jenkinsfile: "node { sh 'npm ci' }" }, 'Jenkinsfile (Jenkins): 1 step'],
    ['Bitbucket', { 'bitbucket-pipelines.yml': 'pipelines:\n  default:\n    - step:\n        script: [npm ci]\n' }, 'bitbucket-pipelines.yml (Bitbucket Pipelines): 1 step, on default'],
  ])('passes with %s', async (_name, files, evidence) => {
    const result = await runCheckOn(ciCheck, files);
    expect(result.status).toBe('pass');
    expect(result.evidence).toEqual([evidence]);
  });

  it('fails without CI, and does not count a fixture project\'s workflow or dependabot', async () => {
    const result = await runCheckOn(ciCheck, {
      'package.json': '{}',
      '.github/dependabot.yml': 'version: 2\n',
      'test/fixtures/app/.github/workflows/ci.yml': WORKFLOW,
    });
    expect(result.status).toBe('fail');
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]!.location).toBeNull();
  });

  it('is partial when a workflow does not parse, naming the file and line', async () => {
    const result = await runCheckOn(ciCheck, {
      '.github/workflows/ci.yml': WORKFLOW,
      '.github/workflows/release.yml': 'on: push\njobs:\n  r:\n    steps:\n      - run: "npm publish\n    - [\n',
    });
    expect(result.status).toBe('partial');
    expect(result.score).toBe(0.5);
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({ title: 'CI configuration does not parse', severity: 'high' });
    expect(result.findings[0]!.location?.file).toBe('.github/workflows/release.yml');
    expect(result.findings[0]!.location?.line).toBeGreaterThan(0);
    expect(result.evidence[1]).toMatch(/^\.github\/workflows\/release\.yml \(GitHub Actions\): line \d+: /);
  });

  it('passes a Jenkinsfile that delegates to a shared library', async () => {
    const result = await runCheckOn(ciCheck, { Jenkinsfile: "@Library('ci') _\nnodePipeline()\n" });
    expect(result.status).toBe('pass');
  });

  it('is partial when the only configuration is empty', async () => {
    const result = await runCheckOn(ciCheck, { '.github/workflows/ci.yml': '# TODO\n' });
    expect(result.status).toBe('partial');
    expect(result.findings[0]!.message).toBe('.github/workflows/ci.yml parses but defines no step that runs a command.');
  });
});
