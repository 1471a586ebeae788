// Joins the per-file route extracts into the repository's request boundaries: whether each route is
// reachable (see router-graph.ts), its full path, the handler a route names in another file, and the
// validation and database writes found inside each handler's lines.
import type { DataWritesExtract } from '../analysis/extractors/data-writes.js';
import type { HandlerInfo, RouteRecord } from '../analysis/extractors/routes.js';
import type { SdkInitsExtract } from '../analysis/extractors/sdk-inits.js';
import type { ValidationCallsExtract } from '../analysis/extractors/validation-calls.js';
import { defineCollector } from '../core/collector.js';
import type { CodeFact, ParsedFile, RequestBoundary, RoutesFact, SiteRef } from '../core/facts.js';
import { isProductionCode } from './production-code.js';
import { joinPath, resolveRelative, routesOf, RouterGraph, type RouterNode } from './router-graph.js';

/** Request inputs that carry a payload to store, as opposed to identifiers in the path or query. */
/** Request inputs that carry a payload to store (not the path or query). */
export const PAYLOAD_INPUTS: ReadonlySet<string> = new Set(['body', 'json', 'formData', 'input', 'args']);

/** Why a route registered without a router object is reachable. */
const MOUNT_BY_FRAMEWORK: Partial<Record<string, string>> = {
  nest: 'Nest controller',
  trpc: 'tRPC procedure',
  http: 'handler of a Node HTTP server',
  'edge-function': 'edge function entry point',
  'serverless-function': 'serverless function (Netlify, Vercel)',
};

interface Reach {
  mounted: boolean | null;
  mountEvidence: string;
  prefix: string;
  validation: string[];
}

function reachOf(graph: RouterGraph, file: string, route: RouteRecord, router: RouterNode | undefined): Reach {
  if (route.receiver === null) return { mounted: true, mountEvidence: MOUNT_BY_FRAMEWORK[route.framework] ?? 'file-system route', prefix: '', validation: [] };
  if (!router) return { mounted: null, mountEvidence: `registered on ${route.receiver}, whose origin cannot be followed`, prefix: '', validation: [] };
  const where = `${router.name} (${router.file}:${router.line})`;
  const validation = graph.inheritedValidation(router);
  if (router.prefix !== null) return { mounted: true, mountEvidence: `on ${where}, which ${router.mountedBy}`, prefix: router.prefix, validation };
  if (graph.isProvablyUnmounted(router)) {
    return { mounted: false, mountEvidence: `its router \`${router.name}\` (${router.file}:${router.line}) is never mounted on an app`, prefix: '', validation };
  }
  return { mounted: null, mountEvidence: `on ${where}, used in a way that cannot be followed to an app`, prefix: '', validation };
}

/** Reads one file's extracts that fall inside a handler's lines. */
class HandlerContents {
  constructor(
    private readonly files: ReadonlyMap<string, ParsedFile>,
    private readonly exists: (path: string) => boolean,
  ) {}

  /** A handler defined in the route's file, or named by it and defined where the name is imported from. */
  resolve(file: string, route: RouteRecord): { file: string; info: HandlerInfo } | null {
    if (route.handler) return { file, info: route.handler };
    const ref = route.handlerRef;
    if (!ref) return null;
    const target = ref.module === null ? file : resolveRelative(file, ref.module, this.exists);
    const parsed = target ? this.files.get(target) : undefined;
    const match = parsed ? (routesOf(parsed)?.handlers ?? []).find((handler) => handler.name === ref.name || handler.name.endsWith(`.${ref.name}`)) : undefined;
    return parsed && match ? { file: parsed.path, info: match.info } : null;
  }

  inside(file: string, info: HandlerInfo): { validation: string[]; writes: SiteRef[] } {
    const parsed = this.files.get(file);
    const within = (line: number) => line >= info.startLine && line <= info.endLine;
    // A schema applied only to the id in the path does not vouch for the body that gets stored.
    const readsPayload = info.reads.some((read) => PAYLOAD_INPUTS.has(read));
    const validations = ((parsed?.extracts['validation-calls'] as ValidationCallsExtract | undefined)?.calls ?? []).filter(
      (call) => within(call.line) && (!readsPayload || call.input === null || PAYLOAD_INPUTS.has(call.input)),
    );
    const writes = ((parsed?.extracts['data-writes'] as DataWritesExtract | undefined)?.writes ?? []).filter((write) => within(write.line));
    return {
      validation: validations.map((call) => `${call.call}() at line ${call.line}`),
      writes: writes.map((write) => ({ file, line: write.line, detail: write.call })),
    };
  }
}

/** A Nest DTO validates only when a global ValidationPipe is installed. */
function hasGlobalValidationPipe(files: Iterable<ParsedFile>): boolean {
  for (const file of files) {
    const calls = (file.extracts['sdk-inits'] as SdkInitsExtract | undefined)?.calls ?? [];
    if (calls.some((call) => call.module === '@nestjs/common' && call.name === 'ValidationPipe' && call.construct)) return true;
  }
  return false;
}

export function joinRoutes(code: CodeFact): RoutesFact {
  const files = new Map(code.files.filter(isProductionCode).map((file) => [file.path, file]));
  const graph = new RouterGraph(files);
  const handlers = new HandlerContents(files, graph.exists);
  const validationPipe = hasGlobalValidationPipe(files.values());
  const routed = new Set<RouterNode>();
  const boundaries: RequestBoundary[] = [];
  for (const file of files.values()) {
    for (const route of routesOf(file)?.routes ?? []) {
      const router = graph.routerOf(file.path, route);
      if (router) routed.add(router);
      const reach = reachOf(graph, file.path, route, router);
      const resolved = handlers.resolve(file.path, route);
      const inside = resolved ? handlers.inside(resolved.file, resolved.info) : { validation: [], writes: [] };
      const routeValidation = route.validation.flatMap((label) =>
        label.startsWith('nest-dto:') ? (validationPipe ? [`${label.slice(9)} checked by a global ValidationPipe`] : []) : [label],
      );
      boundaries.push({
        file: file.path,
        line: route.line,
        framework: route.framework,
        method: route.method,
        path: route.receiver === null ? route.path : joinPath(reach.prefix, route.path),
        mounted: reach.mounted,
        mountEvidence: reach.mountEvidence,
        handler: resolved ? { file: resolved.file, ...resolved.info } : null,
        validation: [...routeValidation, ...inside.validation, ...reach.validation],
        writes: inside.writes,
      });
    }
  }
  const unmountedRouters = [...routed]
    .filter((router) => graph.isProvablyUnmounted(router))
    .map((router) => ({ file: router.file, line: router.line, detail: `router \`${router.name}\` has routes but is never mounted` }));
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
