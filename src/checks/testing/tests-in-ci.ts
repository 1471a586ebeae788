// testing.tests-in-ci: a CI job runs the test suite.
import { defineCheck } from '../../core/check.js';
import type { CiConfig, CiStep, ManifestsFact } from '../../core/facts.js';
import { isOpaqueStep, STEPS_MAY_LIVE_ELSEWHERE, TEST_RUNNING_STEPS } from '../../knowledge/ci-providers.js';
import { findTestRun, type ScriptLookup } from './test-command.js';

const MAX_LISTED = 4;

function scriptLookup(manifests: ManifestsFact): ScriptLookup {
  return (name) => {
    if (manifests.all.length === 0) return null;
    const bodies = manifests.all.map((manifest) => manifest.scripts[name]).filter((body): body is string => body !== undefined);
    return [...new Set(bodies)];
  };
}

function where(config: CiConfig, step: CiStep): string {
  const line = step.line === null ? '' : `:${step.line}`;
  const job = step.job === null ? '' : ` (job "${step.job}")`;
  return `${config.path}${line}${job}`;
}

function oneLine(command: string): string {
  const flat = command.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 77)}…` : flat;
}

/** How this step runs the tests, or null. */
function testRunOf(step: CiStep, scripts: ScriptLookup): string | null {
  if (step.run !== undefined) return findTestRun(step.run, { scripts })?.path ?? null;
  if (step.uses !== undefined) return TEST_RUNNING_STEPS.find((known) => known.uses.test(step.uses!))?.label ?? null;
  return null;
}

export const testsInCiCheck = defineCheck({
  id: 'testing.tests-in-ci',
  area: 'testing',
  title: 'CI runs the tests',
  failureTitle: 'CI does not run the tests',
  rationale:
    'Tests only protect you if they run on every change. Run by hand, they are forgotten on the busy day ' +
    'the bug slips in. A CI job that runs them on every push and pull request blocks a broken change ' +
    'before it is merged or deployed.',
  remediation:
    'Add a test step to your CI pipeline, after installing dependencies. For GitHub Actions, in ' +
    '.github/workflows/ci.yml: `on: [push, pull_request]`, a job with `actions/checkout@v4`, ' +
    '`actions/setup-node@v4`, then `run: npm ci` and `run: npm test`. Make sure the `test` script in ' +
    'package.json runs your real test runner (not npm\'s placeholder `echo "Error: no test specified"`), ' +
    'and protect the main branch so that a red run blocks the merge.',
  severity: 'high',
  weight: 2,
  effortMinutes: 30,
  requires: ['ci', 'manifests'],
  run({ ci, manifests }) {
    if (ci.configs.length === 0) {
      return {
        status: 'fail',
        evidence: ['no CI configuration found, so nothing runs the tests automatically'],
        findings: [{ message: 'There is no CI configuration, so no job runs the tests on each change.', location: null }],
      };
    }
    const scripts = scriptLookup(manifests);
    const readable = ci.configs.filter((config) => config.parseError === null);
    const runs = readable.flatMap((config) =>
      config.steps.flatMap((step) => {
        const path = testRunOf(step, scripts);
        return path === null ? [] : [`${where(config, step)}: ${path}`];
      }),
    );
    if (runs.length > 0) {
      return {
        status: 'pass',
        evidence: [...runs.slice(0, MAX_LISTED), ...(runs.length > MAX_LISTED ? [`and ${runs.length - MAX_LISTED} more test steps`] : [])],
      };
    }

    const broken = ci.configs.filter((config) => config.parseError !== null);
    const opaque = readable.flatMap((config) => config.steps.filter((step) => step.uses !== undefined && isOpaqueStep(step.uses)).map((step) => ({ config, step })));
    const stepless = readable.filter((config) => config.steps.length === 0 && STEPS_MAY_LIVE_ELSEWHERE.has(config.provider));
    if (broken.length > 0 || opaque.length > 0 || stepless.length > 0) {
      return {
        status: 'unknown',
        evidence: [
          ...broken.map((config) => `${config.path}: could not be parsed (${config.parseError})`),
          ...opaque.map(({ config, step }) => `${where(config, step)}: uses ${step.uses}, defined outside this repository`),
          ...stepless.map((config) => `${config.path}: no shell step in the file; its steps may come from a shared library`),
        ],
        reason:
          'No readable CI step runs the tests, but part of the pipeline could not be seen (a configuration ' +
          'that does not parse, a reusable workflow or include from elsewhere, or a Jenkins shared library).',
      };
    }

    const commands = readable.flatMap((config) =>
      config.steps.filter((step) => step.run !== undefined).map((step) => `${where(config, step)}: \`${oneLine(step.run!)}\``),
    );
    const first = readable[0]!;
    return {
      status: 'fail',
      evidence: [
        `${readable.length} CI configuration${readable.length === 1 ? '' : 's'} (${readable.map((config) => config.path).join(', ')}) without a test step`,
        ...(commands.length > 0 ? [`commands run: ${commands.slice(0, MAX_LISTED).join('; ')}${commands.length > MAX_LISTED ? '; …' : ''}`] : ['no shell commands found in the CI jobs']),
      ],
      findings: [
        {
          message:
            commands.length > 0
              ? `CI runs ${commands.length} command${commands.length === 1 ? '' : 's'} but none runs the tests (no \`npm test\`, test runner or script that calls one).`
              : `${first.path} defines no command that runs the tests.`,
          location: { file: first.path },
        },
      ],
    };
  },
});
