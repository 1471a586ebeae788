// observability.graceful-shutdown: the service handles SIGTERM by closing its server and connections.
import { defineCheck } from '../../core/check.js';
import { runsServer } from './serves-requests.js';

const STOP_SIGNALS = new Set(['SIGTERM', 'SIGINT']);
const SHUTDOWN_LIBRARIES = new Set(['godaddy-terminus', 'lightship', 'nestjs-terminus']);

export const gracefulShutdownCheck = defineCheck({
  id: 'observability.graceful-shutdown',
  area: 'observability',
  title: 'The service shuts down gracefully on SIGTERM',
  failureTitle: 'The service does not shut down gracefully',
  rationale:
    'Every deploy, scale-down or host move stops your process with SIGTERM. A process that ignores it is ' +
    'killed seconds later mid-request: users get errors on every deploy, half-finished writes are left ' +
    'behind and connections leak. Handling SIGTERM by closing the server (finish in-flight requests, ' +
    'accept no new ones) and then the database pool makes deploys invisible.',
  remediation:
    "Add `process.on('SIGTERM', () => { server.close(async () => { await prisma.$disconnect(); process.exit(0); }); })` " +
    'in the entry file (plus SIGINT for local runs), or use `@godaddy/terminus`/lightship; in NestJS call ' +
    '`app.enableShutdownHooks()`; in Fastify, `await app.close()` in the handler.',
  severity: 'medium',
  weight: 1,
  effortMinutes: 30,
  requires: ['project', 'routes', 'manifests', 'integrations'],
  run({ project, routes, manifests, integrations }) {
    const serving = runsServer(project, routes, manifests);
    if (!serving.applies) return { status: 'na', evidence: [], reason: serving.reason };
    const customServer = routes.boundaries.some((boundary) => ['express', 'koa', 'fastify', 'hono', 'nest', 'http'].includes(boundary.framework));
    if (project.kind === 'web-app' && !customServer) {
      return { status: 'na', evidence: [serving.evidence], reason: 'a framework-served web app (no custom server in the code): the framework or hosting platform manages the process lifecycle' };
    }
    const handlers = integrations.processHandlers.filter((handler) => STOP_SIGNALS.has(handler.event));
    const libraries = integrations.found.filter((presence) => SHUTDOWN_LIBRARIES.has(presence.id) && presence.inits.length > 0);
    const evidence = [
      ...handlers.map((handler) => `${handler.file}:${handler.line}: process.on('${handler.event}')${handler.closes.length ? ` closes ${handler.closes.join(', ')}` : ' closes nothing'}`),
      ...libraries.map((presence) => `${presence.title} at ${presence.inits[0]!.file}:${presence.inits[0]!.line}`),
    ];
    if (libraries.length > 0 || handlers.some((handler) => handler.closes.length > 0)) return { status: 'pass', evidence };
    if (handlers.length > 0) {
      const first = handlers[0]!;
      return {
        status: 'partial',
        score: 0.5,
        evidence,
        findings: [{ message: `${first.file}:${first.line}: the ${first.event} handler closes neither the server nor the database connections, so in-flight requests are cut off.`, location: { file: first.file, line: first.line }, snippet: first.event }],
      };
    }
    return { status: 'fail', evidence: [serving.evidence, 'no SIGTERM/SIGINT handler and no shutdown library'], findings: [{ message: 'Nothing handles SIGTERM: every deploy kills in-flight requests.', location: null, snippet: 'no SIGTERM' }] };
  },
});
