// deps.nonexistent: declared packages the registry has never heard of, the sign of a name an AI
// assistant invented or a typo an attacker may register ("slopsquatting", typosquatting).
import { defineCheck } from '../../core/check.js';
import type { FindingInput } from '../../core/types.js';
import { installedRegistryDependencies, labelOf, locationOf, passIfLookedUp, plural, withoutManifest } from './support.js';

export const nonexistentCheck = defineCheck({
  id: 'deps.nonexistent',
  area: 'deps',
  title: 'Every dependency exists in the registry',
  failureTitle: 'Dependencies that do not exist in the registry',
  rationale:
    'A dependency name the registry does not know cannot be installed today, and tomorrow anyone can ' +
    'publish a package under that name, which your next install will then run. Code assistants often ' +
    'invent plausible package names, and attackers register them (and common typos of popular names).',
  remediation:
    'For each name listed, find the package you meant (check the spelling and the scope on npmjs.com), ' +
    'fix package.json and reinstall. If the package lives in a private registry, configure the scope in ' +
    '.npmrc (`@your-scope:registry=https://…`) so that it is looked up there. Never "fix" it by publishing ' +
    'or installing whatever is found under that name.',
  severity: 'high',
  weight: 2,
  effortMinutes: 15,
  requires: ['manifests', 'installed', 'registry'],
  run({ manifests, installed, registry }) {
    const na = withoutManifest(manifests);
    if (na) return na;
    const dependencies = installedRegistryDependencies(installed.direct);
    if (dependencies.length === 0) return { status: 'na', evidence: ['no registry dependency'], reason: 'no dependency is fetched from the registry' };
    const statuses = dependencies.map((dependency) => ({ dependency, info: registry.packages[dependency.packageName] }));
    const known = statuses.filter(({ info }) => info && info.status !== 'unknown');
    if (known.length === 0) {
      const reason = statuses.find(({ info }) => info?.reason)?.info?.reason ?? 'not looked up';
      return { status: 'unknown', evidence: [`none of ${plural(dependencies.length, 'dependency')} could be looked up`], reason: `no dependency could be looked up: ${reason}` };
    }
    const findings: FindingInput[] = [];
    for (const { dependency, info } of known) {
      if (info?.status !== 'nonexistent') continue;
      // A lockfile that pins it means it was installed from somewhere: a private registry or an unpublished package.
      const pinned = dependency.resolvedFrom === 'lockfile';
      const scoped = dependency.packageName.startsWith('@');
      findings.push({
        message: `${labelOf(dependency)}: ${registry.registry} has no package named ${dependency.packageName} (${info.reason}).` +
          (pinned ? ' The lockfile pins a version, so it came from another registry or was unpublished.' : '') +
          (scoped && !pinned ? ' If this scope is private, configure its registry in .npmrc.' : ''),
        location: locationOf(dependency),
        symbol: dependency.packageName,
        severity: pinned || scoped ? 'medium' : 'high',
        data: { name: dependency.packageName, pinnedByLockfile: pinned },
      });
    }
    const unknown = statuses.length - known.length;
    const evidence = [`${plural(known.length, 'dependency')} looked up in ${registry.registry}`, ...(unknown > 0 ? [`${unknown} could not be looked up`] : [])];
    const why = statuses.find(({ info }) => info?.status === 'unknown')?.info?.reason ?? 'not looked up';
    if (findings.length === 0) return passIfLookedUp({ status: 'pass', evidence }, known.length, statuses.length, why);
    return { status: 'fail', evidence, findings };
  },
});
