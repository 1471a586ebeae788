// deps.unlisted: packages the code imports without declaring them, which work only as long as
// something else happens to install them.
import { defineCheck } from '../../core/check.js';
import type { ManifestsFact, PackageManifest } from '../../core/facts.js';
import type { FindingInput } from '../../core/types.js';
import { indexImports, type ImportSite } from './import-sites.js';
import { entriesUnder, localAliases } from './local-aliases.js';
import { plural, withoutManifest } from './support.js';

function declaredIn(manifest: PackageManifest | undefined): Set<string> {
  if (!manifest) return new Set();
  return new Set([
    ...Object.keys(manifest.dependencies),
    ...Object.keys(manifest.devDependencies),
    ...Object.keys(manifest.peerDependencies),
    ...Object.keys(manifest.optionalDependencies),
  ]);
}

function workspaceNames(manifests: ManifestsFact): Set<string> {
  return new Set(manifests.all.map((manifest) => manifest.name).filter((name): name is string => name !== null));
}

export const unlistedCheck = defineCheck({
  id: 'deps.unlisted',
  area: 'deps',
  title: 'Every imported package is declared',
  failureTitle: 'Code imports packages that are not declared',
  rationale:
    'A package the code imports but package.json does not declare works only because something else ' +
    'installed it: another package depends on it, or it was installed by hand. The day that other ' +
    'package drops it, or a clean server installs only what is declared, the app crashes at start-up ' +
    'with "Cannot find module".',
  remediation:
    'Add each listed package to the package.json of the workspace that imports it: `npm install <name>` ' +
    '(use `--save-dev` when only tests or tooling import it), at the version already in your lockfile ' +
    'if there is one, and commit the manifest and lockfile together.',
  severity: 'medium',
  weight: 1,
  effortMinutes: 5,
  requires: ['manifests', 'code', 'tree'],
  run({ manifests, code, tree }) {
    const na = withoutManifest(manifests);
    if (na) return na;
    if (code.files.length === 0) {
      return { status: 'unknown', evidence: ['no JavaScript or TypeScript files were parsed'], reason: 'without parsed source files, imports cannot be compared with the declarations' };
    }
    const index = indexImports(code, manifests);
    const siblings = workspaceNames(manifests);
    const rootDeclared = declaredIn(manifests.root ?? undefined);
    const findings: FindingInput[] = [];
    const missing: string[] = [];
    for (const [dir, packages] of index) {
      const manifest = manifests.all.find((candidate) => candidate.dir === dir);
      const declared = declaredIn(manifest);
      const local = new Set([...entriesUnder(tree, dir), ...localAliases(tree, dir)]);
      for (const [name, sites] of packages) {
        if (declared.has(name) || rootDeclared.has(name) || siblings.has(name)) continue;
        if (local.has(name) || local.has(name.split('/')[0] ?? '')) continue;
        // A type-only import is satisfied by the package's types alone.
        if (sites.every((site) => site.typeOnly) && (declared.has(`@types/${name}`) || rootDeclared.has(`@types/${name}`))) continue;
        missing.push(name);
        const first = sites[0] as ImportSite;
        const onlyTests = sites.every((site) => site.isTest);
        findings.push({
          message: `${name} is imported in ${plural(sites.length, 'place')} (first ${first.file}:${first.line}) but ${manifest?.path ?? 'no package.json'} does not declare it.`,
          location: { file: first.file, line: first.line },
          severity: onlyTests ? 'low' : 'medium',
          symbol: name,
          data: { name, workspace: dir, sites: sites.slice(0, 10).map((site) => `${site.file}:${site.line}`), onlyTests },
        });
      }
    }
    const evidence = [`imports of ${plural(code.files.length, 'file')} compared with ${plural(manifests.all.length, 'manifest')}`];
    if (findings.length === 0) return { status: 'pass', evidence };
    evidence.push(`not declared: ${[...new Set(missing)].join(', ')}`);
    const production = findings.some((finding) => finding.severity === 'medium');
    return { status: production ? 'fail' : 'partial', score: production ? 0 : 0.5, evidence, findings };
  },
});
