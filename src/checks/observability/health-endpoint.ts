// observability.health-endpoint: a service exposes a liveness/readiness route that is actually reachable.
import { defineCheck } from '../../core/check.js';
import type { FindingInput } from '../../core/types.js';
import { runsServer } from './serves-requests.js';

const HEALTH_SEGMENT = /^(_?health|healthz|healthcheck|health-check|ready|readyz|readiness|live|livez|liveness|ping|status|up)$/i;

/** `/health`, `/api/healthz`, `/v1/status`; not `/orders/:id/status`, which reports on a resource. */
function isHealthPath(path: string): boolean {
  const segments = path.split('/').filter(Boolean);
  const last = segments[segments.length - 1];
  if (last === undefined || segments.length > 3 || segments.some((segment) => /^[:[{*]/.test(segment))) return false;
  // A health route may end in a sub-check (`/health/db`, `/health/live`).
  return HEALTH_SEGMENT.test(last) || (segments.length >= 2 && HEALTH_SEGMENT.test(segments[segments.length - 2]!));
}
const PROBE_METHODS = new Set(['GET', 'ALL', 'HEAD']);

export const healthEndpointCheck = defineCheck({
  id: 'observability.health-endpoint',
  area: 'observability',
  title: 'The service exposes a health endpoint',
  failureTitle: 'No reachable health endpoint',
  rationale:
    'Load balancers, container platforms and uptime monitors decide whether your service is alive by ' +
    'calling a health endpoint. Without one they either keep sending traffic to a broken instance or ' +
    'restart a healthy one, and your first outage alert comes from a user. A readiness check that also ' +
    'touches the database catches the most common failure: the app is up but cannot reach its data.',
  remediation:
    'Add a cheap GET route such as `/health` (liveness: returns 200 when the process runs) and `/ready` ' +
    '(readiness: also runs `SELECT 1` or pings the database), mounted on the app itself, not on a router ' +
    'that is never `use`d. In Next.js, create `app/api/health/route.ts` exporting `GET`. Point your ' +
    'platform\'s health check (Dockerfile HEALTHCHECK, fly.toml checks, Kubernetes probes) at it. ' +
    '`@nestjs/terminus`, `@godaddy/terminus` and lightship do this for you.',
  severity: 'medium',
  weight: 2,
  effortMinutes: 20,
  requires: ['project', 'routes', 'manifests', 'integrations', 'operations'],
  run({ project, routes, manifests, integrations, operations }) {
    const serving = runsServer(project, routes, manifests);
    if (!serving.applies) return { status: 'na', evidence: [], reason: serving.reason };
    const health = routes.boundaries.filter((boundary) => boundary.path !== null && isHealthPath(boundary.path) && PROBE_METHODS.has(boundary.method));
    const reachable = health.filter((boundary) => boundary.mounted !== false);
    const unmounted = health.filter((boundary) => boundary.mounted === false);
    const libraries = integrations.found.filter((presence) => presence.category === 'health' && (presence.inits.length > 0 || presence.imports.length > 0));
    const evidence = [
      ...reachable.map((boundary) => `${boundary.method} ${boundary.path} (${boundary.file}:${boundary.line}) — ${boundary.mountEvidence}${boundary.handler?.touchesDatabase ? ', checks the database' : ''}`),
      ...libraries.map((presence) => { const site = presence.inits[0] ?? presence.imports[0]!; return `${presence.title} used at ${site.file}:${site.line}`; }),
      ...operations.healthChecks.map((site) => `${site.file}:${site.line}: ${site.detail}`),
    ];
    const findings: FindingInput[] = unmounted.map((boundary) => ({
      message: `${boundary.method} ${boundary.path} (${boundary.file}:${boundary.line}) can never be reached: ${boundary.mountEvidence}.`,
      location: { file: boundary.file, line: boundary.line },
      title: 'Health route on a router that is never mounted',
      snippet: boundary.path ?? '',
    }));
    if (reachable.length > 0 || libraries.length > 0) {
      const touchesDatabase = reachable.some((boundary) => boundary.handler?.touchesDatabase) || libraries.length > 0;
      return { status: 'pass', score: touchesDatabase ? 1 : 0.9, evidence: touchesDatabase ? evidence : [...evidence, 'no readiness check that touches the database'], findings };
    }
    if (operations.healthChecks.length > 0) return { status: 'pass', score: 0.8, evidence: [...evidence, 'no health route found in the code; the platform check may probe another path'], findings };
    findings.push({ message: `No health or readiness route (/health, /healthz, /ready, …) is reachable in the code, and no platform health check is configured.`, location: null, snippet: 'no health endpoint' });
    return { status: 'fail', evidence: [serving.evidence, `${routes.boundaries.length} request handler(s), none a reachable health route`], findings };
  },
});
