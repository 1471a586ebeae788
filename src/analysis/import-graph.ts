// The project's own import graph, from the `imports` extract: relative specifiers, tsconfig `paths`
// and `baseUrl`, and workspace package names resolved against the file list (no node_modules, no
// file system). Used by the circular-import, unused-export and unused-file checks.
import { isBuiltin } from 'node:module';
import type { ImportKind } from './extractors/imports.js';
import { importsOf } from './extracts.js';
import { joinPath, resolveTsconfig } from './tsconfig.js';
import type { CodeFact, ManifestsFact, PackageManifest, RepoTree } from '../core/facts.js';
import { BUILD_DIRS } from '../knowledge/entry-points.js';
import { dirname, isSourceFile } from '../util/paths.js';

export interface ImportEdge {
  from: string;
  to: string;
  line: number;
  kind: ImportKind;
  typeOnly: boolean;
  names: string[];
}

export interface ImportGraph {
  /** Outgoing edges by importing file. */
  outgoing: Map<string, ImportEdge[]>;
  /** Incoming edges by imported file. */
  incoming: Map<string, ImportEdge[]>;
  /** Relative imports that match no file: broken, or resolved in a way shipshape does not model. */
  unresolved: { from: string; specifier: string; line: number }[];
  /**
   * Bare imports that name no declared package and resolve through no tsconfig/jsconfig mapping
   * (`@shared/schema`, `@/lib/utils`): aliases set up where shipshape does not look (a bundler's config).
   */
  aliases: { from: string; specifier: string; line: number }[];
}

const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
const JS_TO_TS: Record<string, string[]> = { '.js': ['.ts', '.tsx'], '.jsx': ['.tsx'], '.mjs': ['.mts'], '.cjs': ['.cts'] };

/** A path in the repository → the source file it names, trying what bundlers and TypeScript try. */
export function resolveModulePath(tree: RepoTree, base: string): string | 'asset' | null {
  if (tree.has(base)) return isSourceFile(base) ? base : 'asset';
  const dot = base.lastIndexOf('.');
  const extension = dot > base.lastIndexOf('/') ? base.slice(dot) : '';
  for (const replacement of JS_TO_TS[extension] ?? []) {
    const candidate = base.slice(0, dot) + replacement;
    if (tree.has(candidate)) return candidate;
  }
  for (const candidate of EXTENSIONS) if (tree.has(base + candidate)) return base + candidate;
  for (const candidate of EXTENSIONS) if (tree.has(`${base}/index${candidate}`)) return `${base}/index${candidate}`;
  return null;
}

/**
 * `dist/cli/main.js` (build output, not in the repository) → `src/cli/main.ts`: the source it is
 * built from. `packageDir` is where the build folder sits ('' for the root).
 */
function sourceOfBuildOutput(tree: RepoTree, packageDir: string, relative: string): string | null {
  if (!BUILD_DIRS.test(relative)) return null;
  const source = relative.replace(BUILD_DIRS, 'src/').replace(/\.(d\.)?[cm]?[jt]sx?$/, '');
  const mapped = resolveModulePath(tree, joinPath(packageDir, source));
  return mapped && mapped !== 'asset' ? mapped : null;
}

/** A file a package.json names (main, bin, exports), mapped back to source when it is build output. */
export function resolvePackageFile(tree: RepoTree, packageDir: string, file: string): string | null {
  const relative = file.replace(/^\.\//, '');
  const direct = resolveModulePath(tree, joinPath(packageDir, relative));
  if (direct && direct !== 'asset') return direct;
  return sourceOfBuildOutput(tree, packageDir, relative);
}

/** A relative import that names build output (a bin script importing `../dist/cli.js`) leads to its source. */
function resolveBuildImport(tree: RepoTree, path: string): string | null {
  const match = /(^|\/)(dist|build|lib|out|esm|cjs)\//.exec(path);
  if (!match) return null;
  const packageDir = path.slice(0, match.index);
  return sourceOfBuildOutput(tree, packageDir, path.slice(match.index + match[1]!.length));
}

interface PathMapping {
  pattern: string;
  targets: string[];
  /** Folder the targets are relative to. */
  base: string;
}

interface ConfigScope {
  mappings: PathMapping[];
  baseUrl: string | null;
}

function scopeOf(tree: RepoTree, configPath: string): ConfigScope {
  const resolved = resolveTsconfig(tree, configPath);
  const baseUrlValue = resolved.options['baseUrl'];
  const baseUrl = typeof baseUrlValue === 'string' ? joinPath(dirname(resolved.origin['baseUrl'] ?? configPath), baseUrlValue) : null;
  const paths = resolved.options['paths'];
  const mappings: PathMapping[] = [];
  if (paths && typeof paths === 'object') {
    const base = baseUrl ?? dirname(resolved.origin['paths'] ?? configPath);
    for (const [pattern, targets] of Object.entries(paths)) {
      if (Array.isArray(targets)) mappings.push({ pattern, targets: targets.filter((target): target is string => typeof target === 'string'), base });
    }
  }
  return { mappings, baseUrl };
}

function packageEntry(tree: RepoTree, manifest: PackageManifest): string | null {
  const exportsField = manifest.exports;
  const dot = typeof exportsField === 'string' ? exportsField : firstString((exportsField as Record<string, unknown> | null)?.['.'] ?? exportsField);
  for (const candidate of [dot, manifest.module, manifest.main, 'src/index', 'index']) {
    if (typeof candidate !== 'string') continue;
    const resolved = resolvePackageFile(tree, manifest.dir, candidate);
    if (resolved) return resolved;
  }
  return null;
}

/** The first string leaf of a package.json `exports` value (conditions in their written order). */
export function firstString(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = firstString(item);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const item of Object.values(value)) {
      const found = firstString(item);
      if (found) return found;
    }
  }
  return null;
}

// Three checks need the graph of the same audit: build it once per code fact.
const built = new WeakMap<CodeFact, ImportGraph>();

export function importGraphOf(code: CodeFact, tree: RepoTree, manifests: ManifestsFact | null): ImportGraph {
  let graph = built.get(code);
  if (!graph) {
    graph = buildImportGraph(code, tree, manifests);
    built.set(code, graph);
  }
  return graph;
}

/** The part of `specifier` a tsconfig `paths` pattern captures (`''` without a `*`), or null. */
function capturedBy(pattern: string, specifier: string): string | null {
  const star = pattern.indexOf('*');
  if (star === -1) return specifier === pattern ? '' : null;
  const prefix = pattern.slice(0, star);
  const suffix = pattern.slice(star + 1);
  const fits = specifier.startsWith(prefix) && specifier.endsWith(suffix) && specifier.length >= prefix.length + suffix.length;
  return fits ? specifier.slice(prefix.length, specifier.length - suffix.length) : null;
}

/** Resolves bare specifiers the way the repository's own code means them: tsconfig paths, baseUrl, workspaces. */
class BareResolver {
  private readonly configs: Set<string>;
  private readonly scopes = new Map<string, ConfigScope | null>();
  private readonly workspaces = new Map<string, PackageManifest>();
  /** Every package name some manifest declares. */
  private readonly declared = new Set<string>();

  constructor(
    private readonly tree: RepoTree,
    manifests: ManifestsFact | null,
  ) {
    this.configs = new Set(tree.files.map((file) => file.path).filter((path) => /(^|\/)[tj]sconfig\.json$/.test(path)));
    for (const manifest of manifests?.all ?? []) {
      if (manifest.name) this.workspaces.set(manifest.name, manifest);
      for (const field of [manifest.dependencies, manifest.devDependencies, manifest.peerDependencies, manifest.optionalDependencies]) {
        for (const name of Object.keys(field)) this.declared.add(name);
      }
    }
  }

  /** The nearest tsconfig.json (or, in JavaScript projects, jsconfig.json) at or above `dir`. */
  private scopeFor(dir: string): ConfigScope | null {
    const cached = this.scopes.get(dir);
    if (cached !== undefined) return cached;
    const prefix = dir === '' ? '' : `${dir}/`;
    const config = [`${prefix}tsconfig.json`, `${prefix}jsconfig.json`].find((path) => this.configs.has(path));
    const scope = config ? scopeOf(this.tree, config) : dir === '' ? null : this.scopeFor(dirname(dir));
    this.scopes.set(dir, scope);
    return scope;
  }

  /** A specifier no declared package, workspace or built-in module accounts for: an alias. */
  isAlias(specifier: string): boolean {
    if (specifier.includes(':')) return false;
    const parts = specifier.split('/');
    const name = specifier.startsWith('@') && parts.length > 1 && parts[0] !== '@' ? parts.slice(0, 2).join('/') : parts[0]!;
    if (this.declared.has(name) || this.workspaces.has(name) || isBuiltin(parts[0]!)) return false;
    // `@/…`, `~/…`, `#…` are alias prefixes; an undeclared scoped name (`@shared/schema`) is one too.
    return /^[@~#]/.test(specifier);
  }

  private source(base: string): string | null {
    const resolved = resolveModulePath(this.tree, base);
    return resolved && resolved !== 'asset' ? resolved : null;
  }

  resolve(from: string, specifier: string): string | null {
    const scope = this.scopeFor(dirname(from));
    for (const mapping of scope?.mappings ?? []) {
      const captured = capturedBy(mapping.pattern, specifier);
      if (captured === null) continue;
      for (const target of mapping.targets) {
        const resolved = this.source(joinPath(mapping.base, target.replace('*', captured)));
        if (resolved) return resolved;
      }
    }
    const viaBaseUrl = scope && scope.baseUrl !== null ? this.source(joinPath(scope.baseUrl, specifier)) : null;
    if (viaBaseUrl) return viaBaseUrl;
    const parts = specifier.split('/');
    const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
    const manifest = this.workspaces.get(name);
    if (!manifest) return null;
    const subpath = specifier.slice(name.length + 1);
    return subpath ? resolvePackageFile(this.tree, manifest.dir, subpath) : packageEntry(this.tree, manifest);
  }
}

function isRelative(specifier: string): boolean {
  return specifier.startsWith('./') || specifier.startsWith('../') || specifier === '.' || specifier === '..';
}

function buildImportGraph(code: CodeFact, tree: RepoTree, manifests: ManifestsFact | null): ImportGraph {
  const graph: ImportGraph = { outgoing: new Map(), incoming: new Map(), unresolved: [], aliases: [] };
  const bare = new BareResolver(tree, manifests);
  for (const file of code.files) {
    const edges: ImportEdge[] = [];
    for (const record of importsOf(file).imports) {
      let target: string | 'asset' | null;
      if (isRelative(record.specifier)) {
        const path = joinPath(dirname(file.path), record.specifier.split('?')[0]!);
        target = resolveModulePath(tree, path) ?? resolveBuildImport(tree, path);
        if (target === null) graph.unresolved.push({ from: file.path, specifier: record.specifier, line: record.line });
      } else {
        target = bare.resolve(file.path, record.specifier);
        if (target === null && bare.isAlias(record.specifier)) graph.aliases.push({ from: file.path, specifier: record.specifier, line: record.line });
      }
      if (target === null || target === 'asset') continue;
      const edge: ImportEdge = { from: file.path, to: target, line: record.line, kind: record.kind, typeOnly: record.typeOnly, names: record.names };
      edges.push(edge);
      const incoming = graph.incoming.get(target);
      if (incoming) incoming.push(edge);
      else graph.incoming.set(target, [edge]);
    }
    graph.outgoing.set(file.path, edges);
  }
  return graph;
}
