// Joins the per-file route extracts into the repository's request boundaries: which routers are
// reachable from an app (following `app.use('/x', router)` across imports), the full path of each
// route, the handler a route names in another file, and the validation and database writes found
// inside each handler's lines.
import type { DataWritesExtract } from '../analysis/extractors/data-writes.js';
import type { ImportsExtract } from '../analysis/extractors/imports.js';
import type { HandlerInfo, NamedHandler, RouteRecord, RoutesExtract } from '../analysis/extractors/routes.js';
import type { SdkInitsExtract } from '../analysis/extractors/sdk-inits.js';
import type { ValidationCallsExtract } from '../analysis/extractors/validation-calls.js';
import { defineCollector } from '../core/collector.js';
import type { CodeFact, ParsedFile, RequestBoundary, RoutesFact, SiteRef } from '../core/facts.js';
import { dirname } from '../util/paths.js';
import { isProductionCode } from './production-code.js';

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

function joinPath(prefix: string, path: string | null): string | null {
  if (path === null) return null;
  const joined = `${prefix}/${path}`.replace(/\/+/g, '/');
  return joined.length > 1 ? joined.replace(/\/$/, '') : joined;
}

/** Request inputs that carry a payload to store, as opposed to identifiers in the path or query. */
const PAYLOAD_INPUTS = new Set(['body', 'json', 'formData', 'input', 'args']);

/** Why a route registered without a router object is reachable. */
const MOUNT_BY_FRAMEWORK: Partial<Record<string, string>> = {
  nest: 'Nest controller',
  trpc: 'tRPC procedure',
  http: 'handler of a Node HTTP server',
  'edge-function': 'edge function entry point',
};

interface RouterNode {
  file: string;
  name: string;
  line: number;
  role: 'app' | 'router';
  topLevel: boolean;
  prefix: string | null;
  mountedBy: string | null;
}

export function joinRoutes(code: CodeFact): RoutesFact {
  const files = new Map(code.files.filter(isProductionCode).map((file) => [file.path, file]));
  const exists = (path: string) => files.has(path);
  const routesOf = (file: ParsedFile) => file.extracts.routes as RoutesExtract | undefined;

  const routers = new Map<string, RouterNode>();
  for (const file of files.values()) {
    for (const router of routesOf(file)?.routers ?? []) {
      routers.set(`${file.path}#${router.name}`, { file: file.path, name: router.name, line: router.line, role: router.role, topLevel: router.topLevel, prefix: router.role === 'app' ? '' : null, mountedBy: router.role === 'app' ? 'is the app itself' : null });
    }
  }
  const exported = (file: string, name: string) =>
    [...routers.values()].find((router) => router.file === file && (routesOf(files.get(file)!)?.routers ?? []).some((r) => r.name === router.name && r.exportedAs.includes(name)));

  // Mount edges, then a fixpoint: a router is mounted when something already reachable (or something we cannot see, like a plugin parameter) mounts it.
  const edges: { from: RouterNode | null; to: RouterNode; path: string | null; site: string; importer: string }[] = [];
  for (const file of files.values()) {
    for (const mount of routesOf(file)?.mounts ?? []) {
      const from = routers.get(`${file.path}#${mount.receiver}`) ?? null;
      let to: RouterNode | undefined;
      if ('local' in mount.target) to = routers.get(`${file.path}#${mount.target.local}`);
      else {
        const target = resolveRelative(file.path, mount.target.module, exists);
        to = target ? exported(target, mount.target.name) : undefined;
      }
      if (to && to !== from) edges.push({ from, to, path: mount.path, site: `${file.path}:${mount.line}`, importer: file.path });
    }
  }
  // Files importing each file by a relative specifier, to tell a dead router from one used in a way we do not follow.
  const importers = new Map<string, Set<string>>();
  for (const file of files.values()) {
    for (const record of (file.extracts.imports as ImportsExtract | undefined)?.imports ?? []) {
      const target = record.typeOnly ? null : resolveRelative(file.path, record.specifier, exists);
      if (target && target !== file.path) importers.set(target, (importers.get(target) ?? new Set()).add(file.path));
    }
  }
  /**
   * An unmounted router is known dead only when nothing could mount it out of our sight: it is
   * declared at the top of its module, and every file importing that module mounts it where we saw.
   */
  const provablyUnmounted = (router: RouterNode): boolean => {
    if (!router.topLevel) return false;
    const explained = new Set(edges.filter((edge) => edge.to.file === router.file).map((edge) => edge.importer));
    return [...(importers.get(router.file) ?? [])].every((importer) => explained.has(importer));
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (const edge of edges) {
      if (edge.to.prefix !== null) continue;
      const fromPrefix = edge.from === null ? '' : edge.from.prefix;
      if (fromPrefix === null) continue;
      edge.to.prefix = joinPath(fromPrefix, edge.path ?? '') ?? '';
      edge.to.mountedBy = `is mounted at ${edge.site}`;
      changed = true;
    }
  }

  const validationGlobal = [...files.values()].some((file) =>
    ((file.extracts['sdk-inits'] as SdkInitsExtract | undefined)?.calls ?? []).some((call) => call.module === '@nestjs/common' && call.name === 'ValidationPipe' && call.construct),
  );

  const findHandler = (file: string, ref: NonNullable<RouteRecord['handlerRef']>): { file: string; info: HandlerInfo } | null => {
    const target = ref.module === null ? file : resolveRelative(file, ref.module, exists);
    const parsed = target ? files.get(target) : undefined;
    if (!parsed) return null;
    const candidates: NamedHandler[] = routesOf(parsed)?.handlers ?? [];
    const match = candidates.find((handler) => handler.name === ref.name || handler.name.endsWith(`.${ref.name}`));
    return match ? { file: parsed.path, info: match.info } : null;
  };

  const insideHandler = (file: string, info: HandlerInfo) => {
    const parsed = files.get(file);
    const within = (line: number) => line >= info.startLine && line <= info.endLine;
    // A schema applied only to the id in the path does not vouch for the body that gets stored.
    const readsPayload = info.reads.some((read) => PAYLOAD_INPUTS.has(read));
    const validations = ((parsed?.extracts['validation-calls'] as ValidationCallsExtract | undefined)?.calls ?? []).filter(
      (call) => within(call.line) && (!readsPayload || call.input === null || PAYLOAD_INPUTS.has(call.input)),
    );
    const writes = ((parsed?.extracts['data-writes'] as DataWritesExtract | undefined)?.writes ?? []).filter((write) => within(write.line));
    return {
      validation: validations.map((call) => `${call.call}() at line ${call.line}`),
      writes: writes.map((write): SiteRef => ({ file, line: write.line, detail: write.call })),
    };
  };

  // Validation applied with `use` on an app or router covers the routes of everything reachable through it.
  const shared = new Map<RouterNode, string[]>();
  for (const file of files.values()) {
    for (const entry of routesOf(file)?.sharedValidation ?? []) {
      const router = routers.get(`${file.path}#${entry.receiver}`);
      if (router) shared.set(router, [...(shared.get(router) ?? []), `${entry.label} for all routes (${file.path}:${entry.line})`]);
    }
  }
  const inheritedValidation = (router: RouterNode): string[] => {
    const labels: string[] = [];
    const seen = new Set<RouterNode>();
    const visit = (node: RouterNode): void => {
      if (seen.has(node)) return;
      seen.add(node);
      labels.push(...(shared.get(node) ?? []));
      for (const edge of edges) if (edge.to === node && edge.from) visit(edge.from);
    };
    visit(router);
    return labels;
  };

  const boundaries: RequestBoundary[] = [];
  const routedRouters = new Set<string>();
  for (const file of files.values()) {
    for (const route of routesOf(file)?.routes ?? []) {
      let mounted: boolean | null = true;
      let mountEvidence: string;
      let prefix = '';
      let routerValidation: string[] = [];
      if (route.receiver === null) mountEvidence = MOUNT_BY_FRAMEWORK[route.framework] ?? 'file-system route';
      else {
        const local = routers.get(`${file.path}#${route.receiver}`);
        const importedFile = route.receiverImport ? resolveRelative(file.path, route.receiverImport.module, exists) : null;
        const router = local ?? (importedFile && route.receiverImport ? exported(importedFile, route.receiverImport.name) : undefined);
        if (router) {
          routedRouters.add(`${router.file}#${router.name}`);
          prefix = router.prefix ?? '';
          routerValidation = inheritedValidation(router);
          if (router.prefix !== null) mountEvidence = `on ${router.name} (${router.file}:${router.line}), which ${router.mountedBy}`;
          else if (provablyUnmounted(router)) {
            mounted = false;
            mountEvidence = `its router \`${router.name}\` (${router.file}:${router.line}) is never mounted on an app`;
          } else {
            mounted = null;
            mountEvidence = `on ${router.name} (${router.file}:${router.line}), used in a way that cannot be followed to an app`;
          }
        } else {
          mounted = null;
          mountEvidence = `registered on ${route.receiver}, whose origin cannot be followed`;
        }
      }
      const resolved = route.handler ? { file: file.path, info: route.handler } : route.handlerRef ? findHandler(file.path, route.handlerRef) : null;
      const inside = resolved ? insideHandler(resolved.file, resolved.info) : { validation: [], writes: [] };
      const validation = [
        ...route.validation.flatMap((label) => (label.startsWith('nest-dto:') ? (validationGlobal ? [`${label.slice(9)} checked by a global ValidationPipe`] : []) : [label])),
        ...inside.validation,
        ...routerValidation,
      ];
      boundaries.push({
        file: file.path,
        line: route.line,
        framework: route.framework,
        method: route.method,
        path: route.receiver === null ? route.path : joinPath(prefix, route.path),
        mounted,
        mountEvidence,
        handler: resolved ? { file: resolved.file, ...resolved.info } : null,
        validation,
        writes: inside.writes,
      });
    }
  }
  const unmountedRouters = [...routers.entries()]
    .filter(([key, router]) => router.prefix === null && routedRouters.has(key) && provablyUnmounted(router))
    .map(([, router]) => ({ file: router.file, line: router.line, detail: `router \`${router.name}\` has routes but is never mounted` }));
  return { boundaries, unmountedRouters };
}

export const routesCollector = defineCollector({
  key: 'routes',
  description: 'Request boundaries (routes, route handlers, server actions, controllers, procedures), whether they are mounted, and what their handlers read, validate and write',
  async collect(_ctx, get) {
    return joinRoutes(await get('code'));
  },
  metrics(fact) {
    return { routes: { boundaries: fact.boundaries.length, unmountedRouters: fact.unmountedRouters.length } };
  },
});
