// deps.outdated: direct dependencies behind the registry's `latest` by a major (or minor, patch)
// version. Its metrics carry the per-package table and the upgrade plan of the JSON report.
import { z } from 'zod';
import { defineCheck } from '../../core/check.js';
import type { FindingInput } from '../../core/types.js';
import { packageReport } from './package-report.js';
import { labelOf, locationOf, passIfCovered, pinnedRegistryDependencies, plural, withoutManifest } from './support.js';
import { upgradePlan } from './upgrade-plan.js';
import { distanceTo, latestStable, type Distance } from './versions.js';

const optionsSchema = z.object({
  /** What a dependency a major behind costs the score (more majors cost more, up to 1). */
  majorPenalty: z.number().min(0).max(1).default(0.5),
  minorPenalty: z.number().min(0).max(1).default(0.1),
  patchPenalty: z.number().min(0).max(1).default(0.02),
});

export const outdatedCheck = defineCheck({
  id: 'deps.outdated',
  area: 'deps',
  title: 'Direct dependencies are on their current major versions',
  failureTitle: 'Direct dependencies are a major version behind',
  rationale:
    'A major version behind means the maintainers have moved on: security fixes land in the new line ' +
    'first (sometimes only there), documentation and answers online describe the new API, and every month ' +
    'the jump to catch up gets bigger. Minor and patch releases are usually safe to take; majors need ' +
    'a plan, which is why they are what this check counts.',
  remediation:
    'Read the upgrade plan in the report (packages that must move together are grouped). For each ' +
    'package, read its changelog or migration guide for every major you skip, upgrade with ' +
    '`npm install <name>@latest` (or your package manager\'s equivalent), fix what the compiler and the ' +
    'tests report, and ship each group separately. Take minor and patch updates regularly, e.g. with ' +
    'Renovate or Dependabot, so that majors are the only big steps.',
  severity: 'medium',
  weight: 3,
  effortMinutes: 60,
  requires: ['manifests', 'installed', 'registry', 'advisories', 'code'],
  optionsSchema,
  run({ manifests, installed, registry, advisories, code }, { options }) {
    const na = withoutManifest(manifests);
    if (na) return na;
    const metrics = { dependencies: { packages: packageReport({ manifests, installed, registry, advisories, code }), upgradePlan: upgradePlan({ manifests, installed, registry, code }) } };
    const lookup = pinnedRegistryDependencies(installed, registry);
    if ('outcome' in lookup) return { ...lookup.outcome, metrics };
    const { dependencies, split, gaps } = lookup;

    const counts = { major: 0, minor: 0, patch: 0, none: 0 };
    const findings: FindingInput[] = [];
    let penalty = 0;
    let compared = 0;
    for (const { dependency, info } of split.known) {
      const latest = latestStable(info);
      const distance: Distance | null = latest && dependency.installed ? distanceTo(dependency.installed, latest) : null;
      if (!distance) continue;
      compared += 1;
      counts[distance.behind] += 1;
      if (distance.behind === 'major') {
        penalty += Math.min(1, options.majorPenalty * (1 + (distance.majors - 1) * 0.5));
        findings.push({
          message: `${labelOf(dependency)} resolves to ${dependency.installed}; the latest release is ${latest} (${plural(distance.majors, 'major version')} behind).`,
          location: locationOf(dependency),
          symbol: `${dependency.workspace}:${dependency.name}`,
          snippet: dependency.installed ?? undefined,
          severity: distance.majors >= 2 ? 'medium' : 'low',
          data: { name: dependency.name, installed: dependency.installed, latest, majorsBehind: distance.majors },
        });
      } else if (distance.behind === 'minor') penalty += options.minorPenalty;
      else if (distance.behind === 'patch') penalty += options.patchPenalty;
    }
    const evidence = [
      `${plural(compared, 'direct dependency')} compared with the latest release: ${counts.major} behind by a major, ${counts.minor} by a minor, ${counts.patch} by a patch, ${counts.none} current`,
      ...gaps.evidence,
    ];
    const resolvedByRange = dependencies.filter((dependency) => dependency.resolvedFrom === 'range-minimum').length;
    if (resolvedByRange > 0) evidence.push(`${plural(resolvedByRange, 'version')} taken as the minimum of the declared range (no lockfile pins them)`);
    if (compared === 0) return { status: 'unknown', evidence, reason: 'no installed version could be compared with a release', metrics };
    const score = Math.max(0, 1 - penalty / compared);
    if (counts.major === 0) return passIfCovered({ status: 'pass', score: 1, evidence, metrics }, split);
    return { status: score === 0 ? 'fail' : 'partial', score, evidence, findings, metrics };
  },
});
