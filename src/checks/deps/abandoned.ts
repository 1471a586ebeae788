// deps.abandoned: direct dependencies with no release for years. A warning, not a failure: some
// small packages are simply finished.
import { z } from 'zod';
import { defineCheck } from '../../core/check.js';
import type { FindingInput } from '../../core/types.js';
import { installedRegistryDependencies, labelOf, locationOf, plural, passIfCovered, registryGaps, splitByRegistry, withoutManifest, yearsBetween } from './support.js';

const optionsSchema = z.object({
  /** Years without a release after which a package counts as possibly abandoned. */
  years: z.number().positive().default(2),
});

export const abandonedCheck = defineCheck({
  id: 'deps.abandoned',
  area: 'deps',
  title: 'Direct dependencies are still maintained',
  failureTitle: 'Direct dependencies have had no release for years',
  rationale:
    'A package with no release for years may be finished, or its maintainers may have left. If it is the ' +
    'latter, a vulnerability found tomorrow will not be fixed, and it will not follow new Node versions. ' +
    'Knowing which dependencies are in that state lets you choose, calmly, whether to keep, fork or replace them.',
  remediation:
    'For each package listed, look at its repository: open issues without answers, unmerged security ' +
    'fixes, a note that it is unmaintained. If it is abandoned, pick a maintained alternative (or copy the ' +
    'few functions you use into your code, with its licence) and plan the switch. If it is simply done, ' +
    'add it to this check\'s `ignore` option.',
  severity: 'low',
  weight: 1,
  effortMinutes: 120,
  requires: ['manifests', 'installed', 'registry'],
  optionsSchema: optionsSchema.extend({ ignore: z.array(z.string()).default([]) }),
  run({ manifests, installed, registry }, { options, now }) {
    const na = withoutManifest(manifests);
    if (na) return na;
    const ignored = new Set(options.ignore);
    const dependencies = installedRegistryDependencies(installed.direct).filter((dependency) => !ignored.has(dependency.name));
    if (dependencies.length === 0) return { status: 'na', evidence: ['no registry dependency'], reason: 'no dependency installed from the registry' };
    const split = splitByRegistry(dependencies, registry);
    const gaps = registryGaps(split, dependencies.length);
    if (gaps.outcome) return gaps.outcome;
    const seen = new Set<string>();
    const findings: FindingInput[] = [];
    let dated = 0;
    for (const { dependency, info } of split.known) {
      const last = Object.values(info.time).sort().at(-1) ?? null;
      const years = yearsBetween(last, now.toISOString());
      if (years === null) continue;
      dated += 1;
      if (years < options.years || seen.has(dependency.packageName)) continue;
      seen.add(dependency.packageName);
      findings.push({
        message: `${labelOf(dependency)}: the last release was published ${last!.slice(0, 10)}, ${years} years ago.`,
        location: locationOf(dependency),
        symbol: dependency.packageName,
        data: { name: dependency.packageName, lastRelease: last, years },
      });
    }
    const evidence = [`${plural(dated, 'direct dependency')} with release dates; ${findings.length} without a release for ${options.years}+ years`, ...gaps.evidence];
    if (dated === 0) return { status: 'unknown', evidence, reason: 'the registry gave no release dates' };
    if (findings.length === 0) return passIfCovered({ status: 'pass', evidence }, split);
    return { status: 'partial', score: Math.max(0.5, 1 - (0.5 * findings.length) / dated), evidence, findings };
  },
});
