// Where each CI service keeps its configuration and where, inside it, the shell commands live.
// The `ci` collector walks a parsed YAML configuration with these descriptions; adding a provider
// is one more entry here.
import type { CiProvider } from '../core/facts.js';

export interface CiProviderSpec {
  provider: CiProvider;
  label: string;
  /** Repository-relative paths of its configuration files. */
  paths: RegExp;
  format: 'yaml' | 'jenkinsfile';
  /** Keys whose value is a shell command or a list of them. */
  commandKeys: readonly string[];
  /**
   * Key paths whose last segment (`*`) names a job, e.g. `jobs.*` for GitHub Actions. A job may also be
   * named by a field of the map that holds the commands (`jobNameFields`).
   */
  jobPaths: readonly (readonly string[])[];
  jobNameFields: readonly string[];
  /** Top-level keys that are settings rather than jobs, where `jobPaths` is `*`. */
  reservedKeys?: readonly string[];
}

const GITLAB_RESERVED = [
  'stages',
  'variables',
  'default',
  'include',
  'workflow',
  'image',
  'services',
  'cache',
  'before_script',
  'after_script',
  'spec',
] as const;

export const CI_PROVIDERS: readonly CiProviderSpec[] = [
  {
    provider: 'github-actions',
    label: 'GitHub Actions',
    paths: /^\.github\/workflows\/[^/]+\.ya?ml$/,
    format: 'yaml',
    // `command` is the input of wrapper actions that run a shell command (retry, xvfb, timeout actions).
    commandKeys: ['run', 'command'],
    jobPaths: [['jobs', '*']],
    jobNameFields: [],
  },
  {
    provider: 'gitlab-ci',
    label: 'GitLab CI',
    paths: /^\.gitlab-ci\.ya?ml$/,
    format: 'yaml',
    commandKeys: ['script', 'before_script', 'after_script'],
    jobPaths: [['*']],
    jobNameFields: [],
    reservedKeys: GITLAB_RESERVED,
  },
  {
    provider: 'circleci',
    label: 'CircleCI',
    paths: /^\.circleci\/config\.ya?ml$/,
    format: 'yaml',
    commandKeys: ['run', 'command'],
    jobPaths: [['jobs', '*']],
    jobNameFields: [],
  },
  {
    provider: 'azure-pipelines',
    label: 'Azure Pipelines',
    paths: /^(azure-pipelines\.ya?ml|\.azure-pipelines\/[^/]+\.ya?ml|\.azuredevops\/[^/]+\.ya?ml)$/,
    format: 'yaml',
    commandKeys: ['script', 'bash', 'powershell', 'pwsh'],
    jobPaths: [],
    jobNameFields: ['job', 'deployment'],
  },
  {
    provider: 'bitbucket-pipelines',
    label: 'Bitbucket Pipelines',
    paths: /^bitbucket-pipelines\.ya?ml$/,
    format: 'yaml',
    commandKeys: ['script', 'after-script'],
    jobPaths: [],
    jobNameFields: ['name'],
  },
  {
    provider: 'jenkins',
    label: 'Jenkins',
    paths: /(^|\/)(Jenkinsfile(\.[\w-]+)?|[\w-]+\.jenkinsfile)$/i,
    format: 'jenkinsfile',
    commandKeys: [],
    jobPaths: [],
    jobNameFields: [],
  },
  {
    provider: 'travis',
    label: 'Travis CI',
    paths: /^\.travis\.ya?ml$/,
    format: 'yaml',
    commandKeys: ['script', 'before_script', 'install', 'before_install', 'after_success'],
    jobPaths: [],
    jobNameFields: ['name'],
  },
  {
    provider: 'drone',
    label: 'Drone',
    paths: /^\.drone\.ya?ml$/,
    format: 'yaml',
    commandKeys: ['commands'],
    jobPaths: [],
    jobNameFields: ['name'],
  },
  {
    provider: 'buildkite',
    label: 'Buildkite',
    paths: /^\.buildkite\/[^/]*pipeline[^/]*\.ya?ml$/,
    format: 'yaml',
    commandKeys: ['command', 'commands'],
    jobPaths: [],
    jobNameFields: ['label', 'key', 'name'],
  },
  {
    provider: 'woodpecker',
    label: 'Woodpecker CI',
    paths: /^(\.woodpecker\.ya?ml|\.woodpecker\/[^/]+\.ya?ml)$/,
    format: 'yaml',
    commandKeys: ['commands'],
    jobPaths: [['steps', '*'], ['pipeline', '*']],
    jobNameFields: ['name'],
  },
  {
    provider: 'other',
    label: 'AppVeyor',
    paths: /^\.?appveyor\.ya?ml$/,
    format: 'yaml',
    commandKeys: ['install', 'build_script', 'test_script', 'before_test'],
    jobPaths: [],
    jobNameFields: [],
  },
  {
    provider: 'other',
    label: 'Semaphore',
    paths: /^\.semaphore\/[^/]+\.ya?ml$/,
    format: 'yaml',
    commandKeys: ['commands'],
    jobPaths: [],
    jobNameFields: ['name'],
  },
  {
    provider: 'other',
    label: 'AWS CodeBuild',
    paths: /^buildspec\.ya?ml$/,
    format: 'yaml',
    commandKeys: ['commands'],
    jobPaths: [['phases', '*']],
    jobNameFields: [],
  },
];

/** The provider whose configuration lives at this path, if any. */
export function ciProviderFor(path: string): CiProviderSpec | null {
  return CI_PROVIDERS.find((spec) => spec.paths.test(path)) ?? null;
}

/**
 * Reusable building blocks that run a project's tests by themselves (an action, an orb job), so a
 * step that uses one runs the test suite although no shell command says so.
 */
export const TEST_RUNNING_STEPS: readonly { uses: RegExp; label: string }[] = [
  { uses: /^cypress-io\/github-action(@|$)/, label: 'Cypress GitHub Action (runs `cypress run`)' },
  { uses: /^node\/test$/, label: 'CircleCI node orb job `node/test` (runs the package test script)' },
];

/**
 * Where a pipeline's commands cannot be read from a configuration without steps: a Jenkinsfile that
 * calls a shared library (`@Library('ci') _` then `standardPipeline()`) defines its steps elsewhere.
 */
export const STEPS_MAY_LIVE_ELSEWHERE: ReadonlySet<CiProvider> = new Set(['jenkins']);

/** A step whose content lives elsewhere (a reusable workflow in another repository, a GitLab include). */
export function isOpaqueStep(uses: string): boolean {
  return /^[^./][^@]*\/\.github\/workflows\/[^@]+@/.test(uses) || uses.startsWith('include:');
}
