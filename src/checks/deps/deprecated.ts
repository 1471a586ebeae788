// deps.deprecated: direct dependencies whose installed version the maintainers have deprecated.
import { defineCheck } from '../../core/check.js';
import type { FindingInput } from '../../core/types.js';
import { labelOf, locationOf, passIfCovered, pinnedRegistryDependencies, plural, withoutManifest } from './support.js';
import { latestStable } from './versions.js';

export const deprecatedCheck = defineCheck({
  id: 'deps.deprecated',
  area: 'deps',
  title: 'No direct dependency is deprecated',
  failureTitle: 'Direct dependencies resolve to deprecated versions',
  rationale:
    'A deprecation is the maintainers saying "do not use this": the package (or this version of it) will ' +
    'get no more fixes, often because it has a known problem or a successor. npm prints the warning on ' +
    'every install, and it is easy to stop reading it; the risk grows until the day a vulnerability is ' +
    'found and nobody will fix it.',
  remediation:
    'Read the deprecation message shown for each package: it usually names the replacement or the version ' +
    'to move to. If a newer version is not deprecated, upgrade to it; if the whole package is deprecated, ' +
    'replace it with the suggested alternative (or a maintained one) and remove it.',
  severity: 'medium',
  weight: 2,
  effortMinutes: 60,
  requires: ['manifests', 'installed', 'registry'],
  run({ manifests, installed, registry }) {
    const na = withoutManifest(manifests);
    if (na) return na;
    const lookup = pinnedRegistryDependencies(installed, registry);
    if ('outcome' in lookup) return lookup.outcome;
    const { split, gaps } = lookup;
    const findings: FindingInput[] = [];
    for (const { dependency, info } of split.known) {
      const message = dependency.installed ? info.deprecated[dependency.installed] : undefined;
      if (!message) continue;
      const latest = latestStable(info);
      const whole = latest !== null && info.deprecated[latest] !== undefined;
      findings.push({
        message: `${labelOf(dependency)} resolves to ${dependency.installed}, which is deprecated: "${message}"${whole ? ' (the latest version is deprecated too: replace the package)' : latest ? ` (${latest} is not deprecated)` : ''}.`,
        location: locationOf(dependency),
        symbol: `${dependency.workspace}:${dependency.name}`,
        severity: whole ? 'medium' : 'low',
        data: { name: dependency.name, installed: dependency.installed, deprecated: message, replaceable: !whole },
      });
    }
    const evidence = [`${plural(split.known.length, 'direct dependency')} checked for deprecation`, ...gaps.evidence];
    if (findings.length === 0) return passIfCovered({ status: 'pass', evidence }, split);
    evidence.push(`deprecated: ${findings.map((finding) => (finding.data as { name: string }).name).join(', ')}`);
    return { status: 'fail', evidence, findings };
  },
});
