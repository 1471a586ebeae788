// delivery.ci: a CI configuration exists and can be read.
import { defineCheck } from '../../core/check.js';
import type { CiConfig } from '../../core/facts.js';
import { CI_PROVIDERS, STEPS_MAY_LIVE_ELSEWHERE } from '../../knowledge/ci-providers.js';

/** A pipeline with a configuration that does not parse is broken until fixed: half the credit. */
const BROKEN_CONFIG_SCORE = 0.5;

function labelOf(config: CiConfig): string {
  return CI_PROVIDERS.find((spec) => spec.paths.test(config.path))?.label ?? config.provider;
}

function describe(config: CiConfig): string {
  const jobs = new Set(config.steps.map((step) => step.job).filter((job) => job !== null));
  const parts = [`${config.steps.length} step${config.steps.length === 1 ? '' : 's'}`];
  if (jobs.size > 0) parts.push(`${jobs.size} job${jobs.size === 1 ? '' : 's'}`);
  if (config.triggers.length > 0) parts.push(`on ${config.triggers.join(', ')}`);
  return `${config.path} (${labelOf(config)}): ${parts.join(', ')}`;
}

export const ciCheck = defineCheck({
  id: 'delivery.ci',
  area: 'delivery',
  title: 'Continuous integration is configured',
  failureTitle: 'No continuous integration',
  rationale:
    'Continuous integration (CI) is a server that installs, builds and tests every change the same way, ' +
    'whoever made it. Without it "works on my machine" reaches production, and nobody notices that the ' +
    'main branch no longer builds until a deploy fails. A CI file that does not parse is as good as none: ' +
    'the service rejects it and runs nothing.',
  remediation:
    'Add a pipeline for the service that hosts your code. On GitHub, create .github/workflows/ci.yml that ' +
    'runs on `push` and `pull_request`, checks out the code (`actions/checkout@v4`), sets up Node ' +
    '(`actions/setup-node@v4` with your Node version), then runs `npm ci`, `npm run build`, `npm run lint` ' +
    'and `npm test`. On GitLab the same steps go in .gitlab-ci.yml. If a configuration does not parse, ' +
    "fix the YAML error reported here (the service's own editor or a YAML linter shows it too).",
  severity: 'medium',
  weight: 2,
  effortMinutes: 30,
  requires: ['ci'],
  run({ ci }) {
    if (ci.configs.length === 0) {
      return {
        status: 'fail',
        evidence: ['no CI configuration (.github/workflows/, .gitlab-ci.yml, .circleci/config.yml, azure-pipelines.yml, Jenkinsfile, …)'],
        findings: [{ message: 'No CI configuration was found, so no change is built or tested automatically.', location: null }],
      };
    }
    const broken = ci.configs.filter((config) => config.parseError !== null);
    const working = ci.configs.filter((config) => config.parseError === null);
    const evidence = [
      ...working.map(describe),
      ...broken.map((config) => `${config.path} (${labelOf(config)}): ${config.parseError}`),
    ];
    const metrics = { ci: { brokenConfigs: broken.length } };
    const running = working.filter((config) => config.steps.length > 0 || STEPS_MAY_LIVE_ELSEWHERE.has(config.provider));
    if (broken.length === 0 && running.length > 0) return { status: 'pass', evidence, metrics };
    if (broken.length === 0) {
      // Every configuration parses but none runs a command: an empty or skeleton file.
      return {
        status: 'partial',
        score: BROKEN_CONFIG_SCORE,
        evidence,
        metrics,
        findings: working.map((config) => ({
          title: 'CI configuration runs nothing',
          message: `${config.path} parses but defines no step that runs a command.`,
          location: { file: config.path },
        })),
      };
    }
    return {
      status: 'partial',
      score: BROKEN_CONFIG_SCORE,
      evidence,
      metrics,
      findings: broken.map((config) => {
        const line = /^line (\d+):/.exec(config.parseError ?? '')?.[1];
        return {
          title: 'CI configuration does not parse',
          message: `${config.path} cannot be read as ${labelOf(config)} configuration: ${config.parseError}`,
          location: { file: config.path, ...(line ? { line: Number(line) } : {}) },
          severity: 'high' as const,
          effortMinutes: 15,
        };
      }),
    };
  },
});
