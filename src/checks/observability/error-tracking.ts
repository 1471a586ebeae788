// observability.error-tracking: an error-tracking SDK is initialised in code.
import { defineCheck } from '../../core/check.js';
import type { FindingInput } from '../../core/types.js';
import { servesRequests } from './serves-requests.js';

const CRASH_EVENTS = new Set(['unhandledRejection', 'uncaughtException', 'uncaughtExceptionMonitor']);
const ERROR_BOUNDARY_FILE = /(^|\/)app\/(.*\/)?(global-)?error\.[jt]sx?$|(^|\/)pages\/_error\.[jt]sx?$/;

export const errorTrackingCheck = defineCheck({
  id: 'observability.error-tracking',
  area: 'observability',
  title: 'Errors are reported to an error tracker',
  failureTitle: 'Errors are not reported to an error tracker',
  rationale:
    'In production nobody watches the terminal. An error tracker (Sentry, Bugsnag, Rollbar, Honeybadger, ' +
    'Highlight) collects every unhandled exception with its stack trace, the request and the release, ' +
    'groups them and tells you, so you learn about a bug from a notification rather than from a user. ' +
    'Installing the package is not enough: it reports nothing until it is initialised with a DSN.',
  remediation:
    'Initialise the SDK once at start-up, before anything else: `Sentry.init({ dsn: process.env.SENTRY_DSN })` ' +
    'in the server entry (for Next.js: `instrumentation.ts` and `sentry.client.config.ts`, or run ' +
    '`npx @sentry/wizard -i nextjs`). Set the DSN in the production environment, and add an ' +
    '`unhandledRejection` handler that reports and exits.',
  severity: 'high',
  weight: 2,
  effortMinutes: 30,
  requires: ['project', 'routes', 'integrations', 'tree'],
  run({ project, routes, integrations, tree }) {
    const serving = servesRequests(project, routes);
    if (!serving.applies) return { status: 'na', evidence: [], reason: serving.reason };
    const trackers = integrations.found.filter((presence) => presence.category === 'error-tracking');
    const initialised = trackers.filter((presence) => presence.inits.length > 0);
    const handlers = integrations.processHandlers.filter((handler) => CRASH_EVENTS.has(handler.event));
    const boundaries = tree.files.filter((file) => ERROR_BOUNDARY_FILE.test(file.path)).map((file) => file.path);
    const evidence = [
      ...initialised.map((presence) => `${presence.title} initialised: ${presence.inits.map((init) => `${init.detail} at ${init.file}:${init.line}`).join('; ')}`),
      ...handlers.map((handler) => `${handler.file}:${handler.line}: process.on('${handler.event}')`),
      ...boundaries.map((path) => `${path}: framework error boundary`),
    ];
    if (initialised.length > 0) return { status: 'pass', evidence };
    const findings: FindingInput[] = [];
    const installed = trackers.filter((presence) => presence.declared.length > 0 || presence.imports.length > 0);
    for (const presence of installed) {
      const where = presence.declared[0] ? `${presence.declared[0].name} is declared in ${presence.declared[0].manifest}` : `${presence.title} is imported in ${presence.imports[0]!.file}`;
      findings.push({
        message: `${where} but never initialised (no ${presence.title} init call in the code): it reports nothing.`,
        location: presence.declared[0] ? { file: presence.declared[0].manifest } : { file: presence.imports[0]!.file, line: presence.imports[0]!.line },
        title: `${presence.title} installed but never initialised`,
        snippet: presence.id,
      });
    }
    if (installed.length > 0) return { status: 'partial', score: 0.5, evidence: [...evidence, ...findings.map((finding) => finding.message)], findings };
    if (handlers.length > 0 || boundaries.length > 0) {
      return {
        status: 'partial',
        score: 0.25,
        evidence,
        findings: [{ message: 'Crashes are caught (process handlers or error boundaries) but not reported anywhere a person will see them.', location: null, snippet: 'handlers only' }],
      };
    }
    return { status: 'fail', evidence: [serving.evidence, 'no error-tracking SDK among the dependencies or imports'], findings: [{ message: 'No error-tracking SDK is installed or initialised, and no process-level crash handler exists.', location: null, snippet: 'none' }] };
  },
});
