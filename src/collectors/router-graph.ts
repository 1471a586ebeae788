// The apps and routers of a repository and the mounts between them (`app.use('/api', api)`,
// across relative imports): which routers are reachable from an app and under which prefix, which
// are provably dead, and which validation middleware they inherit from the routers above them.
import type { ImportsExtract } from '../analysis/extractors/imports.js';
import type { RouteRecord, RoutesExtract } from '../analysis/extractors/routes.js';
import type { ParsedFile } from '../core/facts.js';
import { dirname } from '../util/paths.js';

const RESOLVE_SUFFIXES = ['', '.ts', '.tsx', '.js', '.jsx', '.mjs', '.cjs', '.mts', '.cts', '/index.ts', '/index.tsx', '/index.js', '/index.mjs'];

/** Resolves `./routes/health` (or `./health.js` written for a `.ts` file) from one file to a parsed file. */
export function resolveRelative(from: string, specifier: string, exists: (path: string) => boolean): string | null {
  if (!specifier.startsWith('.')) return null;
  const parts = dirname(from).split('/').filter(Boolean);
  for (const segment of specifier.split('/')) {
    if (segment === '..') parts.pop();
    else if (segment !== '.' && segment !== '') parts.push(segment);
  }
  const base = parts.join('/');
  const stripped = base.replace(/\.(js|jsx|mjs|cjs)$/, '');
  for (const candidate of [base, stripped]) {
    for (const suffix of RESOLVE_SUFFIXES) if (exists(candidate + suffix)) return candidate + suffix;
  }
  return null;
}

export function joinPath(prefix: string, path: string | null): string | null {
  if (path === null) return null;
  const joined = `${prefix}/${path}`.replace(/\/+/g, '/');
  return joined.length > 1 ? joined.replace(/\/$/, '') : joined;
}

export interface RouterNode {
  file: string;
  name: string;
  line: number;
  topLevel: boolean;
  exportedAs: string[];
  /** Path prefix under which it is reachable from an app; null while (or if never) reachable. */
  prefix: string | null;
  /** How it became reachable, in words. */
  mountedBy: string | null;
  /** Validation middleware applied to it with `use`. */
  validation: string[];
}

interface MountEdge {
  from: RouterNode | null;
  to: RouterNode;
  path: string | null;
  site: string;
  importer: string;
}

export function routesOf(file: ParsedFile): RoutesExtract | undefined {
  return file.extracts.routes as RoutesExtract | undefined;
}

export class RouterGraph {
  private readonly nodes = new Map<string, RouterNode>();
  private readonly edges: MountEdge[] = [];
  /** Files importing each file by a relative specifier, to tell a dead router from one used out of our sight. */
  private readonly importers = new Map<string, Set<string>>();

  constructor(private readonly files: ReadonlyMap<string, ParsedFile>) {
    for (const file of files.values()) this.addNodes(file);
    for (const file of files.values()) {
      this.addEdges(file);
      this.addImporters(file);
      this.addSharedValidation(file);
    }
    this.propagateReachability();
  }

  readonly exists = (path: string): boolean => this.files.has(path);

  get routers(): RouterNode[] {
    return [...this.nodes.values()];
  }

  private addNodes(file: ParsedFile): void {
    for (const router of routesOf(file)?.routers ?? []) {
      const app = router.role === 'app';
      this.nodes.set(`${file.path}#${router.name}`, {
        file: file.path,
        name: router.name,
        line: router.line,
        topLevel: router.topLevel,
        exportedAs: router.exportedAs,
        prefix: app ? '' : null,
        mountedBy: app ? 'is the app itself' : null,
        validation: [],
      });
    }
  }

  private exported(file: string, name: string): RouterNode | undefined {
    return this.routers.find((router) => router.file === file && router.exportedAs.includes(name));
  }

  private addEdges(file: ParsedFile): void {
    for (const mount of routesOf(file)?.mounts ?? []) {
      const from = this.nodes.get(`${file.path}#${mount.receiver}`) ?? null;
      let to: RouterNode | undefined;
      if ('local' in mount.target) to = this.nodes.get(`${file.path}#${mount.target.local}`);
      else {
        const target = resolveRelative(file.path, mount.target.module, this.exists);
        to = target ? this.exported(target, mount.target.name) : undefined;
      }
      if (to && to !== from) this.edges.push({ from, to, path: mount.path, site: `${file.path}:${mount.line}`, importer: file.path });
    }
  }

  private addImporters(file: ParsedFile): void {
    for (const record of (file.extracts.imports as ImportsExtract | undefined)?.imports ?? []) {
      const target = record.typeOnly ? null : resolveRelative(file.path, record.specifier, this.exists);
      if (target && target !== file.path) this.importers.set(target, (this.importers.get(target) ?? new Set()).add(file.path));
    }
  }

  private addSharedValidation(file: ParsedFile): void {
    for (const entry of routesOf(file)?.sharedValidation ?? []) {
      this.nodes.get(`${file.path}#${entry.receiver}`)?.validation.push(`${entry.label} for all routes (${file.path}:${entry.line})`);
    }
  }

  /** A fixpoint: a router is reachable when something reachable (or something we cannot see, like a plugin parameter) mounts it. */
  private propagateReachability(): void {
    for (let changed = true; changed; ) {
      changed = false;
      for (const edge of this.edges) {
        const fromPrefix = edge.from === null ? '' : edge.from.prefix;
        if (edge.to.prefix !== null || fromPrefix === null) continue;
        edge.to.prefix = joinPath(fromPrefix, edge.path ?? '') ?? '';
        edge.to.mountedBy = `is mounted at ${edge.site}`;
        changed = true;
      }
    }
  }

  /** The app or router a route is registered on, when it can be followed (a local object or an imported one). */
  routerOf(file: string, route: RouteRecord): RouterNode | undefined {
    if (route.receiver === null) return undefined;
    const local = this.nodes.get(`${file}#${route.receiver}`);
    if (local || !route.receiverImport) return local;
    const importedFile = resolveRelative(file, route.receiverImport.module, this.exists);
    return importedFile ? this.exported(importedFile, route.receiverImport.name) : undefined;
  }

  /**
   * An unmounted router is known dead only when nothing could mount it out of our sight: it is
   * declared at the top of its module, and every file importing that module mounts it where we saw.
   */
  isProvablyUnmounted(router: RouterNode): boolean {
    if (router.prefix !== null || !router.topLevel) return false;
    const explained = new Set(this.edges.filter((edge) => edge.to.file === router.file).map((edge) => edge.importer));
    return [...(this.importers.get(router.file) ?? [])].every((importer) => explained.has(importer));
  }

  /** Validation middleware applied to the router or to anything that mounts it. */
  inheritedValidation(router: RouterNode): string[] {
    const labels: string[] = [];
    const seen = new Set<RouterNode>();
    const visit = (node: RouterNode): void => {
      if (seen.has(node)) return;
      seen.add(node);
      labels.push(...node.validation);
      for (const edge of this.edges) if (edge.to === node && edge.from) visit(edge.from);
    };
    visit(router);
    return labels;
  }
}
