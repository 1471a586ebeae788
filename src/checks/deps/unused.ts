// deps.unused: declared packages that nothing uses, judged by the shared parse's imports and by
// what is known about config-only uses. When in doubt it stays silent.
import { z } from 'zod';
import { defineCheck } from '../../core/check.js';
import type { DirectDependency } from '../../core/facts.js';
import type { FindingInput } from '../../core/types.js';
import { GLOBAL_TYPE_PACKAGES } from '../../knowledge/dependency-uses.js';
import { indexImports, sitesAnywhere, type ImportIndex } from './import-sites.js';
import { locationOf, plural, withoutManifest } from './support.js';
import { usageContext, usedWithoutImport, type UsageContext } from './usage.js';

const optionsSchema = z.object({
  /** Packages never reported, e.g. ones loaded by a tool shipshape does not know. */
  ignore: z.array(z.string()).default([]),
});

const CHECKED_TYPES = new Set(['dependencies', 'devDependencies', 'optionalDependencies']);
const CHECKED_KINDS = new Set(['range', 'version', 'tag', 'alias', 'git', 'url', 'file']);

/** `@types/scope__name` → `@scope/name`; `@types/lodash` → `lodash`. */
function typedPackage(name: string): string | null {
  if (!name.startsWith('@types/')) return null;
  const bare = name.slice('@types/'.length);
  return bare.includes('__') ? `@${bare.replace('__', '/')}` : bare;
}

function isUsed(dependency: DirectDependency, index: ImportIndex, usage: UsageContext): boolean {
  const { name } = dependency;
  // A root manifest's packages are hoisted for every workspace.
  const sites = dependency.workspace === '' ? sitesAnywhere(index, name) : (index.get(dependency.workspace)?.get(name) ?? []);
  if (sites.length > 0) return true;
  const typed = typedPackage(name);
  if (typed !== null) {
    if (GLOBAL_TYPE_PACKAGES.test(name) || typed.includes('.')) return true;
    if (usage.declared.has(typed) || sitesAnywhere(index, typed).length > 0) return true;
  }
  return usedWithoutImport(name, dependency.workspace, usage) !== null;
}

export const unusedCheck = defineCheck({
  id: 'deps.unused',
  area: 'deps',
  title: 'Every declared dependency is used',
  failureTitle: 'Declared dependencies that nothing uses',
  rationale:
    'Each dependency is code you ship or install, keep up to date and trust with your users\' data. One ' +
    'that nothing uses still costs install time and attack surface, and it shows up in every security ' +
    'report. Unused dependencies pile up as features are removed or tried and abandoned.',
  remediation:
    'For each package listed, search the code to confirm nothing needs it, then remove it with ' +
    '`npm uninstall <name>` (or `pnpm remove` / `yarn remove`) in the package that declares it, and run ' +
    'the build and tests. If a tool loads it by name in a way shipshape cannot see, add it to this ' +
    'check\'s `ignore` option in shipshape.config.json.',
  severity: 'low',
  weight: 1,
  effortMinutes: 5,
  requires: ['manifests', 'installed', 'code', 'tree'],
  optionsSchema,
  run({ manifests, installed, code, tree }, { options }) {
    const na = withoutManifest(manifests);
    if (na) return na;
    if (code.files.length === 0) {
      return { status: 'unknown', evidence: ['no JavaScript or TypeScript files were parsed'], reason: 'without parsed source files, imports cannot be compared with the declarations' };
    }
    const index = indexImports(code, manifests);
    const usage = usageContext(tree, manifests, code);
    const ignored = new Set(options.ignore);
    const candidates = installed.direct.filter(
      (dependency) => CHECKED_TYPES.has(dependency.type) && CHECKED_KINDS.has(dependency.specifierKind) && !ignored.has(dependency.name),
    );
    const unused = candidates.filter((dependency) => !isUsed(dependency, index, usage));
    const evidence = [`${plural(candidates.length, 'declared dependency')} compared with the imports of ${plural(code.files.length, 'file')}`];
    if (unused.length === 0) return { status: 'pass', evidence };
    const findings: FindingInput[] = unused.map((dependency) => ({
      message: `${dependency.name} is declared in ${dependency.manifestPath} (${dependency.type}) but no file imports it and no script, configuration or other package uses it.`,
      location: locationOf(dependency),
      symbol: dependency.name,
      data: { name: dependency.name, workspace: dependency.workspace, type: dependency.type },
    }));
    evidence.push(`unused: ${unused.map((dependency) => dependency.name).join(', ')}`);
    return { status: 'partial', score: Math.max(0, 1 - unused.length / Math.max(candidates.length, 1)), evidence, findings };
  },
});
