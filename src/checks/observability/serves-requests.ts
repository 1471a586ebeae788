// Whether the repository runs something that serves requests, which decides if the operational
// checks (health endpoint, error tracking, logging, metrics, shutdown, timeouts) apply at all.
import type { ProjectFact, RoutesFact } from '../../core/facts.js';

const SERVING_KINDS = new Set(['service', 'web-app']);

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
