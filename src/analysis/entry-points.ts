// Which source files run without being imported: package.json entry fields and scripts, HTML
// script tags, Procfile/Dockerfile commands and the conventions in src/knowledge/entry-points.ts.
import { firstString, resolveModulePath, resolvePackageFile } from './import-graph.js';
import { joinPath } from './tsconfig.js';
import type { ManifestsFact, PackageManifest, RepoTree } from '../core/facts.js';
import { AUTO_IMPORT_FRAMEWORKS, COMMAND_PATH, ENTRY_CONVENTIONS } from '../knowledge/entry-points.js';
import { basename, dirname, isSourceFile } from '../util/paths.js';

export interface EntryPoints {
  /** Entry files and, for each, why it is one. */
  files: Map<string, string>;
  /** Frameworks that load files without import statements, making "unused" unknowable. */
  autoImports: string[];
}

const SCRIPT_TAG = /<script\b[^>]*\bsrc=["']([^"']+)["']/gi;
const COMMAND_FILES = /(^|\/)(Procfile|Dockerfile|[\w.-]+\.Dockerfile|fly\.toml|render\.yaml|app\.json|nodemon\.json|ecosystem\.config\.[cm]?js)$/;

function allStrings(value: unknown, out: string[]): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const item of value) allStrings(item, out);
  else if (value && typeof value === 'object') for (const item of Object.values(value)) allStrings(item, out);
  return out;
}

function dependencyNames(manifest: PackageManifest): Set<string> {
  return new Set([...Object.keys(manifest.dependencies), ...Object.keys(manifest.devDependencies), ...Object.keys(manifest.peerDependencies)]);
}

type AddEntry = (path: string | null, why: string) => void;

/** `main`, `module`, `browser`, `bin`, `exports` and the files that package scripts run. */
function manifestEntries(tree: RepoTree, manifest: PackageManifest, add: AddEntry): void {
  for (const field of [manifest.main, manifest.module, firstString(manifest.raw['browser'])]) {
    if (field) add(resolvePackageFile(tree, manifest.dir, field), `${manifest.path} main/module`);
  }
  for (const target of Object.values(manifest.bin)) add(resolvePackageFile(tree, manifest.dir, target), `${manifest.path} bin`);
  for (const target of allStrings(manifest.exports, [])) add(resolvePackageFile(tree, manifest.dir, target), `${manifest.path} exports`);
  for (const [name, command] of Object.entries(manifest.scripts)) {
    for (const match of command.matchAll(COMMAND_PATH)) add(resolvePackageFile(tree, manifest.dir, match[1]!), `script "${name}" in ${manifest.path}`);
  }
}

/** A published package without `exports` can be deep-imported: everything it publishes is public. */
function publishedFiles(manifest: PackageManifest, sourcePaths: readonly string[], add: AddEntry): void {
  const published = manifest.raw['files'];
  if (manifest.private || (manifest.exports !== null && manifest.exports !== undefined) || !Array.isArray(published)) return;
  for (const entry of published) {
    if (typeof entry !== 'string' || entry.startsWith('!')) continue;
    const prefix = joinPath(manifest.dir, entry.replace(/\*.*$/, ''));
    const folder = prefix === '' ? '' : `${prefix.replace(/\/$/, '')}/`;
    for (const path of sourcePaths) if (path === prefix || path.startsWith(folder)) add(path, `${manifest.path} files (no exports map)`);
  }
}

/** Scripts an HTML page loads, and files that Procfile/Dockerfile-style commands run. */
function pageAndCommandEntries(tree: RepoTree, add: AddEntry): void {
  for (const file of tree.files) {
    if (file.path.endsWith('.html')) {
      for (const match of (tree.read(file.path) ?? '').matchAll(SCRIPT_TAG)) {
        const src = match[1]!;
        if (/^(https?:)?\/\//.test(src)) continue;
        const resolved = resolveModulePath(tree, joinPath(dirname(file.path), src.startsWith('/') ? src.slice(1) : src));
        add(resolved === 'asset' ? null : resolved, `<script> in ${file.path}`);
      }
    } else if (COMMAND_FILES.test(file.path)) {
      for (const match of (tree.read(file.path) ?? '').matchAll(COMMAND_PATH)) add(resolvePackageFile(tree, '', match[1]!), `command in ${basename(file.path)}`);
    }
  }
}

const PATH_CALL = /\bpath\.(?:resolve|join)\(([^)]*)\)/g;

/**
 * Files sequelize-cli loads from the paths `.sequelizerc` gives it (the database config, models,
 * migrations): `config: path.resolve('src', 'config', 'database.cjs')`.
 */
function sequelizeEntries(tree: RepoTree, add: AddEntry): void {
  for (const file of tree.files) {
    if (basename(file.path) !== '.sequelizerc') continue;
    for (const match of (tree.read(file.path) ?? '').matchAll(PATH_CALL)) {
      const segments = [...match[1]!.matchAll(/["'`]([^"'`]+)["'`]/g)].map((segment) => segment[1]!);
      if (segments.length === 0) continue;
      const resolved = resolveModulePath(tree, joinPath(dirname(file.path), segments.join('/')));
      add(resolved === 'asset' ? null : resolved, `loaded by sequelize-cli (${file.path})`);
    }
  }
}

/** Files a framework loads by where they are (Next.js `app/`, `pages/`…), when the package uses it. */
function conventionEntries(manifests: ManifestsFact | null, sourcePaths: readonly string[], add: AddEntry): void {
  const packages = manifests?.all ?? [];
  const rootDeps = manifests?.root ? dependencyNames(manifests.root) : new Set<string>();
  // A file belongs to the deepest package folder that contains it.
  const dirs = packages.map((manifest) => manifest.dir).sort((a, b) => b.length - a.length);
  const packageOf = (path: string): PackageManifest | undefined => {
    const dir = dirs.find((candidate) => candidate === '' || path.startsWith(`${candidate}/`));
    return packages.find((manifest) => manifest.dir === dir);
  };
  for (const path of sourcePaths) {
    if (!isSourceFile(path)) continue;
    const manifest = packageOf(path);
    const relative = manifest && manifest.dir !== '' ? path.slice(manifest.dir.length + 1) : path;
    const deps = manifest ? new Set([...dependencyNames(manifest), ...rootDeps]) : rootDeps;
    const convention = ENTRY_CONVENTIONS.find(
      (candidate) => (candidate.enablers.length === 0 || candidate.enablers.some((name) => deps.has(name))) && candidate.patterns.some((pattern) => pattern.test(relative)),
    );
    if (convention) add(path, convention.label);
  }
}

/** Frameworks in use that load files without import statements, in the order the packages name them. */
function autoImportFrameworks(packages: readonly PackageManifest[]): string[] {
  const labels = new Set<string>();
  for (const manifest of packages) {
    const deps = dependencyNames(manifest);
    for (const framework of AUTO_IMPORT_FRAMEWORKS) if (framework.enablers.some((name) => deps.has(name))) labels.add(framework.label);
  }
  return [...labels];
}

export function findEntryPoints(tree: RepoTree, manifests: ManifestsFact | null, sourcePaths: readonly string[]): EntryPoints {
  const files = new Map<string, string>();
  const add: AddEntry = (path, why) => {
    if (path && !files.has(path)) files.set(path, why);
  };
  const packages = manifests?.all ?? [];
  for (const manifest of packages) {
    manifestEntries(tree, manifest, add);
    publishedFiles(manifest, sourcePaths, add);
  }
  pageAndCommandEntries(tree, add);
  sequelizeEntries(tree, add);
  conventionEntries(manifests, sourcePaths, add);
  return { files, autoImports: autoImportFrameworks(packages) };
}
