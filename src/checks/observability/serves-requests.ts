// Whether the repository runs something that serves requests, which decides if the operational
// checks (health endpoint, error tracking, logging, metrics, shutdown, timeouts) apply at all.
import type { ManifestsFact, ProjectFact, RoutesFact } from '../../core/facts.js';
import { matchesModule } from '../../knowledge/integrations/index.js';
import { SERVER_FRAMEWORKS } from '../../knowledge/project-kinds.js';

const SERVING_KINDS = new Set(['service', 'web-app']);
/** Boundaries the hosting platform runs: no server process of the repository's own. */
const PLATFORM_FUNCTIONS: ReadonlySet<string> = new Set(['edge-function', 'serverless-function']);

export type Applicability = { applies: true; evidence: string } | { applies: false; reason: string };

export function servesRequests(project: ProjectFact, routes: RoutesFact): Applicability {
  if (SERVING_KINDS.has(project.kind)) return { applies: true, evidence: `project kind: ${project.kind}` };
  const serving = (project.packages ?? []).filter((entry) => SERVING_KINDS.has(entry.kind));
  if (serving.length > 0) return { applies: true, evidence: `serving packages: ${serving.map((entry) => `${entry.dir} (${entry.kind})`).join(', ')}` };
  if (project.kind === 'library' || project.kind === 'cli') {
    return { applies: false, reason: `this is a ${project.kind === 'cli' ? 'command-line tool' : 'library'} (${project.evidence[0] ?? 'by its manifest'}); it serves no requests of its own` };
  }
  const reachable = routes.boundaries.filter((boundary) => boundary.mounted !== false);
  if (reachable.length > 0) return { applies: true, evidence: `${reachable.length} request handler(s) in the code` };
  return { applies: false, reason: `no request handlers found and the project kind is ${project.kind}` };
}

/** Packages that run server code of their own: server frameworks, and web frameworks that render or answer on a server. */
const SERVER_SIDE_PACKAGES = [
  ...SERVER_FRAMEWORKS.packages,
  'next',
  'nuxt',
  'nuxt3',
  '@remix-run/',
  '@react-router/node',
  '@react-router/serve',
  '@sveltejs/kit',
  '@solidjs/start',
  'solid-start',
  '@tanstack/react-start',
  '@tanstack/start',
  '@builder.io/qwik-city',
  '@redwoodjs/core',
  'blitz',
  '@angular/ssr',
  '@nguniversal/express-engine',
  '@astrojs/node',
  '@astrojs/vercel',
  '@astrojs/netlify',
  '@astrojs/cloudflare',
];

/**
 * Like `servesRequests`, for checks about a server process (health, shutdown, logging, metrics,
 * outbound timeouts): a static single-page app that only calls a hosted backend has none.
 */
export function runsServer(project: ProjectFact, routes: RoutesFact, manifests: ManifestsFact): Applicability {
  const serving = servesRequests(project, routes);
  // Edge and serverless functions run on the platform's servers: they need no health route or shutdown handling of their own.
  const processRoutes = routes.boundaries.filter((boundary) => !PLATFORM_FUNCTIONS.has(boundary.framework));
  if (!serving.applies || processRoutes.length > 0) return serving;
  const names = manifests.all.flatMap((manifest) => [...Object.keys(manifest.dependencies), ...Object.keys(manifest.devDependencies)]);
  const serverSide = names.filter((name) => SERVER_SIDE_PACKAGES.some((pattern) => matchesModule(name, pattern)));
  if (serverSide.length > 0 || project.kind === 'service' || (project.packages ?? []).some((entry) => entry.kind === 'service')) return serving;
  const functions = platformFunctionFiles(routes);
  if (functions.length > 0) {
    return {
      applies: false,
      reason: `the server code here runs as edge or serverless functions (${functions.slice(0, 3).join(', ')}${functions.length > 3 ? ', …' : ''}), which the platform starts, stops and logs: there is no server process of its own to check`,
    };
  }
  return {
    applies: false,
    reason: 'a static single-page app: no server code and no server-side framework, so static hosting serves it; the backend it calls is audited where that code lives',
  };
}

/** Files holding edge or serverless functions: server code that the hosting platform runs. */
export function platformFunctionFiles(routes: RoutesFact): string[] {
  const files = routes.boundaries.filter((boundary) => PLATFORM_FUNCTIONS.has(boundary.framework)).map((boundary) => boundary.file);
  return [...new Set(files)].sort();
}
