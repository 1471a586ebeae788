// simplicity.dependency-weight: runtime dependencies weighed against the code they serve.
import { z } from 'zod';
import { defineCheck } from '../../core/check.js';
import type { ManifestsFact } from '../../core/facts.js';
import { graded, noSource, perKloc, productionFiles } from '../code/shared.js';

const options = z.object({
  /** Up to this many runtime dependencies, the count is never a concern. */
  freeDependencies: z.number().int().nonnegative().default(15),
  /** Runtime dependencies per 1,000 lines of code that still pass, and that fail outright. */
  passPerKloc: z.number().positive().default(20),
  failPerKloc: z.number().positive().default(80),
});

/** Specifiers that point inside the repository: workspace packages, not third-party code. */
const LOCAL_SPECIFIER = /^(workspace:|link:|file:|portal:)/;

/** Distinct third-party packages the code needs at run time, across every manifest. */
function runtimeDependencies(manifests: ManifestsFact): string[] {
  const ownPackages = new Set(manifests.all.flatMap((manifest) => (manifest.name ? [manifest.name] : [])));
  const names = new Set<string>();
  for (const manifest of manifests.all) {
    for (const [name, specifier] of Object.entries({ ...manifest.dependencies, ...manifest.optionalDependencies })) {
      if (!ownPackages.has(name) && !LOCAL_SPECIFIER.test(specifier)) names.add(name);
    }
  }
  return [...names].sort();
}

export const dependencyWeightCheck = defineCheck({
  id: 'simplicity.dependency-weight',
  area: 'simplicity',
  title: 'The number of dependencies fits the size of the code',
  failureTitle: 'Many runtime dependencies for little code',
  rationale:
    'Every runtime dependency is code the team did not write but ships, updates and answers for: each one ' +
    'can break on upgrade, be deprecated, carry a vulnerability or be taken over. A prototype put together ' +
    'with an AI assistant often installs a package for each small task (a date helper, a class-name joiner, ' +
    'an id generator) until the dependencies outweigh the product. Relative to the code, this is a judgement ' +
    'call rather than a defect, which is why it counts lightly.',
  remediation:
    'List the runtime dependencies (`npm ls --depth=0 --omit=dev`) and, for each, ask whether it earns its ' +
    'place: remove the ones nothing imports (see deps.unused), replace one-function packages with a few lines ' +
    'of your own or with what the platform offers (`crypto.randomUUID()`, `Intl.DateTimeFormat`, `fetch`, ' +
    '`structuredClone`), and keep one package per job (see deps.overlap). Move build and test tools to ' +
    'devDependencies.',
  severity: 'low',
  weight: 1,
  effortMinutes: 60,
  requires: ['manifests', 'code'],
  optionsSchema: options,
  run({ manifests, code }, { options: limits }) {
    if (manifests.all.length === 0) {
      return { status: 'na', evidence: [], reason: 'there is no package.json, so there are no npm dependencies to weigh' };
    }
    const none = noSource(code);
    if (none) return none;
    const dependencies = runtimeDependencies(manifests);
    const codeLines = productionFiles(code).reduce((sum, file) => sum + file.codeLines, 0);
    const density = perKloc(dependencies.length, codeLines);
    const figures = `${dependencies.length} runtime dependencies for ${codeLines.toLocaleString('en-US')} lines of code (${density.toFixed(1)} per 1,000 lines)`;
    if (dependencies.length <= limits.freeDependencies) {
      return { status: 'pass', evidence: [figures, `up to ${limits.freeDependencies} runtime dependencies are never a concern`] };
    }
    const outcome = graded(density, limits.passPerKloc, limits.failPerKloc);
    const evidence = [figures, `passes at ${limits.passPerKloc} or fewer per 1,000 lines`];
    if (outcome.status === 'pass') return { ...outcome, evidence };
    const root = manifests.root ?? manifests.all[0]!;
    return {
      ...outcome,
      evidence,
      findings: [
        {
          message: `${figures}: more third-party packages to update and secure than the code seems to need.`,
          location: { file: root.path },
          snippet: 'dependency-weight',
          data: { dependencies: dependencies.length, codeLines, perKloc: Math.round(density * 10) / 10 },
        },
      ],
    };
  },
});
