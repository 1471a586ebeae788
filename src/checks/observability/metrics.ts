// observability.metrics: service metrics or traces are emitted (Prometheus, StatsD, OpenTelemetry, APM).
import { defineCheck } from '../../core/check.js';
import { integrations as knownIntegrations } from '../../knowledge/integrations/index.js';
import { runsServer } from './serves-requests.js';

export const metricsCheck = defineCheck({
  id: 'observability.metrics',
  area: 'observability',
  title: 'The service emits metrics or traces',
  failureTitle: 'The service emits no metrics or traces',
  rationale:
    'Metrics and traces answer "is it slow, for whom, and since when?": request rates, latencies, error ' +
    'rates, queue depths, which database call is the slow one. Without them, performance problems and ' +
    'partial outages are invisible until users complain. Web analytics (page views) do not count: they ' +
    'say nothing about the service\'s health.',
  remediation:
    'Instrument the service with OpenTelemetry (`@opentelemetry/sdk-node` with auto-instrumentations, or ' +
    '`@vercel/otel` in Next.js) and send it to your APM, or expose Prometheus metrics with prom-client ' +
    '(`collectDefaultMetrics()` plus a request-duration histogram on `/metrics`), or start your vendor\'s ' +
    'agent (dd-trace, New Relic, Elastic APM) first thing in the entry file.',
  severity: 'medium',
  weight: 1,
  effortMinutes: 60,
  requires: ['project', 'routes', 'manifests', 'integrations'],
  run({ project, routes, manifests, integrations }) {
    const serving = runsServer(project, routes, manifests);
    if (!serving.applies) return { status: 'na', evidence: [], reason: serving.reason };
    const telemetry = integrations.found.filter((presence) => presence.category === 'metrics');
    const active = telemetry.filter((presence) => presence.inits.length > 0);
    const imported = telemetry.filter((presence) => presence.inits.length === 0 && presence.imports.length > 0);
    const declared = telemetry.filter((presence) => presence.imports.length === 0 && presence.inits.length === 0);
    const evidence = [
      ...active.map((presence) => `${presence.title}: ${presence.inits[0]!.detail} at ${presence.inits[0]!.file}:${presence.inits[0]!.line}`),
      ...imported.map((presence) => `${presence.title}: imported at ${presence.imports[0]!.file}:${presence.imports[0]!.line}, no set-up call recognised`),
      ...declared.map((presence) => `${presence.title}: declared in ${presence.declared[0]!.manifest} but never imported`),
    ];
    if (active.length > 0) return { status: 'pass', evidence };
    const tracing = integrations.found.flatMap((presence) => {
      const options = knownIntegrations.find((entry) => entry.id === presence.id)?.evidence.tracingOptions ?? [];
      const init = presence.inits.find((candidate) => candidate.optionKeys.some((key) => options.includes(key)));
      return init ? [`${presence.title} performance tracing turned on at ${init.file}:${init.line}`] : [];
    });
    if (tracing.length > 0) return { status: 'pass', score: 0.8, evidence: [...evidence, ...tracing, 'traces only: no service metrics (rates, latencies) are exported'] };
    if (imported.length > 0) return { status: 'partial', score: 0.7, evidence, findings: [{ message: `${imported[0]!.title} is imported but no set-up call (SDK start, metric or registry creation) was recognised.`, location: { file: imported[0]!.imports[0]!.file, line: imported[0]!.imports[0]!.line }, snippet: imported[0]!.id }] };
    if (declared.length > 0) return { status: 'partial', score: 0.3, evidence, findings: [{ message: `${declared[0]!.title} is a dependency (${declared[0]!.declared[0]!.manifest}) but is never loaded, so nothing is emitted.`, location: { file: declared[0]!.declared[0]!.manifest }, snippet: declared[0]!.id }] };
    return { status: 'fail', evidence: [serving.evidence, 'no metrics, tracing or APM library among the dependencies or imports'], findings: [{ message: 'No metrics or tracing library (OpenTelemetry, prom-client, StatsD, Datadog, New Relic, Elastic APM) is installed.', location: null, snippet: 'none' }] };
  },
});
