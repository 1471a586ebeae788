// Which packages each workspace imports, read from the shared parse (the `imports` extractor).
import { builtinModules } from 'node:module';
import type { ImportsExtract } from '../../analysis/extractors/imports.js';
import type { CodeFact, ManifestsFact } from '../../core/facts.js';
import { RUNTIME_MODULES } from '../../knowledge/dependency-uses.js';
import { isInFixtureDir } from '../../util/paths.js';

export interface ImportSite {
  file: string;
  line: number;
  typeOnly: boolean;
  isTest: boolean;
}

const BUILTINS = new Set(builtinModules);
const PACKAGE_NAME = /^(@[a-z0-9][\w.~-]*\/)?[a-z0-9][\w.~-]*$/i;

/** The package a bare specifier names (`lodash/fp` → `lodash`), or null for relative paths, builtins and aliases. */
export function packageOfSpecifier(specifier: string): string | null {
  const clean = specifier.split('?')[0] ?? '';
  if (clean.includes(':') || /^[./#~$]/.test(clean) || clean.startsWith('@/')) return null;
  const parts = clean.split('/');
  const name = clean.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? '');
  if (!PACKAGE_NAME.test(name) || BUILTINS.has(name) || BUILTINS.has(parts[0] ?? '') || RUNTIME_MODULES.has(name)) return null;
  return name;
}

/** The folder of the deepest manifest containing `file` ('' for the root). */
export function workspaceOf(file: string, dirs: readonly string[]): string {
  let best = '';
  for (const dir of dirs) if (dir !== '' && file.startsWith(`${dir}/`) && dir.length > best.length) best = dir;
  return best;
}

export type ImportIndex = Map<string, Map<string, ImportSite[]>>;

/** Workspace folder → package → the places that import it. */
export function indexImports(code: CodeFact, manifests: ManifestsFact): ImportIndex {
  const dirs = manifests.all.map((manifest) => manifest.dir);
  const index: ImportIndex = new Map();
  for (const file of code.files) {
    const extract = file.extracts.imports as ImportsExtract | undefined;
    // Fixtures and examples are sample projects with their own dependencies, not this package's code.
    if (!extract || isInFixtureDir(file.path)) continue;
    const workspace = workspaceOf(file.path, dirs);
    const packages = index.get(workspace) ?? new Map<string, ImportSite[]>();
    index.set(workspace, packages);
    for (const record of extract.imports) {
      const name = packageOfSpecifier(record.specifier);
      if (name === null) continue;
      const sites = packages.get(name) ?? [];
      sites.push({ file: file.path, line: record.line, typeOnly: record.typeOnly, isTest: file.isTest });
      packages.set(name, sites);
    }
  }
  return index;
}

/** Every import of `name`, in every workspace. */
export function sitesAnywhere(index: ImportIndex, name: string): ImportSite[] {
  return [...index.values()].flatMap((packages) => packages.get(name) ?? []);
}
