// deps.overlap: several packages doing one job in the same package (two HTTP clients, two date
// libraries, two validators), from the table in src/knowledge/package-overlap.ts.
import { defineCheck } from '../../core/check.js';
import type { PackageManifest } from '../../core/facts.js';
import type { FindingInput } from '../../core/types.js';
import { OVERLAP_CATEGORIES, type OverlapCategory } from '../../knowledge/package-overlap.js';
import { indexImports, sitesAnywhere } from './import-sites.js';
import { plural, withoutManifest } from './support.js';

function declaredFor(manifest: PackageManifest, scope: OverlapCategory['scope']): Set<string> {
  const names = Object.keys(manifest.dependencies);
  if (scope === 'all') names.push(...Object.keys(manifest.devDependencies));
  return new Set(names);
}

/** Families declared in the manifest, less those another declared tool is built on. */
function competingFamilies(category: OverlapCategory, declared: ReadonlySet<string>): string[][] {
  const used = category.tools.map((family) => family.filter((name) => declared.has(name))).filter((family) => family.length > 0);
  const layers = new Set(used.flat().flatMap((name) => category.builtOn?.[name] ?? []));
  return used.filter((family) => !family.every((name) => layers.has(name)));
}

export const overlapCheck = defineCheck({
  id: 'deps.overlap',
  area: 'deps',
  title: 'One package per job',
  failureTitle: 'Several packages do the same job',
  rationale:
    'Two HTTP clients, two date libraries or two validators in one app mean two ways of doing the same ' +
    'thing: more code to ship and keep updated, behaviour that differs between files (time zones, ' +
    'error handling, retries), and new code that copies whichever it finds first. It is usually the trace ' +
    'of a migration that stopped half way.',
  remediation:
    'For each group, pick the one to keep (usually the one most files already use: the report lists ' +
    'them), move the remaining call sites to it, remove the others from package.json, and write the ' +
    'choice down (a line in the README or an architecture decision record) so it stays made.',
  severity: 'low',
  weight: 1,
  effortMinutes: 120,
  requires: ['manifests', 'code'],
  run({ manifests, code }) {
    const na = withoutManifest(manifests);
    if (na) return na;
    const index = indexImports(code, manifests);
    const filesImporting = (manifest: PackageManifest, name: string): number => {
      const sites = manifest.dir === '' ? sitesAnywhere(index, name) : (index.get(manifest.dir)?.get(name) ?? []);
      return new Set(sites.map((site) => site.file)).size;
    };
    const findings: FindingInput[] = [];
    for (const manifest of manifests.all) {
      for (const category of OVERLAP_CATEGORIES) {
        const used = competingFamilies(category, declaredFor(manifest, category.scope));
        if (used.length < 2) continue;
        const names = used.map((family) => {
          const files = family.reduce((sum, name) => sum + filesImporting(manifest, name), 0);
          return `${family.join(' + ')} (imported in ${plural(files, 'file')})`;
        });
        findings.push({
          title: `Several ${category.label}`,
          message: `${manifest.path} declares ${used.length} ${category.label}: ${names.join(', ')}.`,
          location: { file: manifest.path },
          symbol: `${manifest.path}:${category.id}`,
          data: { category: category.id, packages: used.flat(), workspace: manifest.dir },
        });
      }
    }
    const evidence = [`${plural(manifests.all.length, 'manifest')} compared with ${OVERLAP_CATEGORIES.length} kinds of package`];
    if (findings.length === 0) return { status: 'pass', evidence };
    evidence.push(...findings.map((finding) => finding.message));
    return { status: 'partial', score: Math.max(0.3, 1 - 0.2 * findings.length), evidence, findings };
  },
});
