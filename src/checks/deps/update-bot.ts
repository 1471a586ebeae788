// deps.update-bot: Dependabot or Renovate is configured to propose dependency updates.
import { parse } from 'yaml';
import { defineCheck } from '../../core/check.js';
import type { RepoTree } from '../../core/facts.js';
import { withoutManifest } from './support.js';

const RENOVATE_FILES = ['renovate.json', 'renovate.json5', '.renovaterc', '.renovaterc.json', '.renovaterc.json5', '.github/renovate.json', '.github/renovate.json5', '.gitlab/renovate.json', '.gitlab/renovate.json5'];
const DEPENDABOT_FILES = ['.github/dependabot.yml', '.github/dependabot.yaml'];
const NPM_ECOSYSTEMS = new Set(['npm', 'bun']);

/** The package ecosystems a Dependabot file updates, or null when it does not parse. */
function dependabotEcosystems(tree: RepoTree, path: string): string[] | null {
  try {
    const document = parse(tree.read(path) ?? '') as { updates?: { 'package-ecosystem'?: unknown }[] } | null;
    return (document?.updates ?? []).map((update) => String(update['package-ecosystem'] ?? ''));
  } catch {
    return null;
  }
}

export const updateBotCheck = defineCheck({
  id: 'deps.update-bot',
  area: 'deps',
  title: 'A bot proposes dependency updates',
  failureTitle: 'No bot keeps dependencies up to date',
  rationale:
    'Keeping dependencies current is a chore nobody schedules, so it happens in one painful jump a year. ' +
    'Dependabot and Renovate open a small pull request for each update, with release notes, which CI ' +
    'tests for you; security fixes then arrive within days instead of months.',
  remediation:
    'On GitHub, add .github/dependabot.yml with an `updates` entry for `package-ecosystem: npm`, ' +
    '`directory: /` and a weekly `schedule` (group minor and patch updates to limit the noise). ' +
    'Elsewhere (or for more control), install the Renovate app and commit a renovate.json with ' +
    '`{ "extends": ["config:recommended"] }`.',
  severity: 'low',
  weight: 1,
  effortMinutes: 15,
  requires: ['tree', 'manifests'],
  run({ tree, manifests }) {
    const na = withoutManifest(manifests);
    if (na) return na;
    const renovate = RENOVATE_FILES.find((path) => tree.has(path)) ?? (manifests.root?.raw.renovate !== undefined ? 'package.json "renovate"' : undefined);
    if (renovate) return { status: 'pass', evidence: [`Renovate is configured (${renovate})`] };
    for (const path of DEPENDABOT_FILES.filter((candidate) => tree.has(candidate))) {
      const ecosystems = dependabotEcosystems(tree, path);
      if (ecosystems === null) {
        return { status: 'partial', score: 0.5, evidence: [`${path} does not parse`], findings: [{ title: 'Dependabot configuration does not parse', message: `${path} is not valid YAML, so Dependabot ignores it.`, location: { file: path } }] };
      }
      if (ecosystems.some((ecosystem) => NPM_ECOSYSTEMS.has(ecosystem))) return { status: 'pass', evidence: [`${path} updates ${ecosystems.join(', ')}`] };
      return {
        status: 'partial',
        score: 0.5,
        evidence: [`${path} updates ${ecosystems.join(', ') || 'nothing'}, not npm packages`],
        findings: [{ title: 'Dependabot does not update npm packages', message: `${path} has no \`package-ecosystem: npm\` entry, so npm dependencies are not updated.`, location: { file: path } }],
      };
    }
    return {
      status: 'fail',
      evidence: ['no .github/dependabot.yml and no Renovate configuration'],
      findings: [{ message: 'Neither Dependabot nor Renovate is configured, so dependency updates depend on someone remembering.', location: null }],
    };
  },
});
