// Metrics and tracing: service-side telemetry that shows how the service behaves in production.
// Web analytics (page views) are deliberately absent: they say nothing about errors or latency.
import { defineIntegration } from './types.js';

export const metricsIntegrations = [
  defineIntegration({
    id: 'prom-client',
    title: 'Prometheus (prom-client)',
    category: 'metrics',
    enablers: ['prom-client', 'express-prom-bundle', '@willsoto/nestjs-prometheus', 'fastify-metrics'],
    evidence: {
      initCalls: [
        { module: 'prom-client', name: 'collectDefaultMetrics' },
        { module: 'prom-client', name: 'Counter', construct: true },
        { module: 'prom-client', name: 'Histogram', construct: true },
        { module: 'prom-client', name: 'Gauge', construct: true },
        { module: 'prom-client', name: 'Summary', construct: true },
        { module: 'prom-client', name: 'Registry', construct: true },
        { module: 'express-prom-bundle', name: 'default' },
        { module: '@willsoto/nestjs-prometheus', name: 'PrometheusModule' },
        { module: 'fastify-metrics', name: 'default' },
      ],
    },
  }),
  defineIntegration({
    id: 'opentelemetry',
    title: 'OpenTelemetry',
    category: 'metrics',
    enablers: ['@opentelemetry/', '@vercel/otel'],
    evidence: {
      imports: ['@opentelemetry/', '@vercel/otel'],
      initCalls: [
        { module: '@opentelemetry/sdk-node', name: 'NodeSDK', construct: true },
        { module: '@opentelemetry/', name: 'NodeTracerProvider', construct: true },
        { module: '@opentelemetry/', name: 'MeterProvider', construct: true },
        { module: '@vercel/otel', name: 'registerOTel' },
      ],
      initImports: ['@opentelemetry/auto-instrumentations-node/register'],
    },
  }),
  defineIntegration({
    id: 'dd-trace',
    title: 'Datadog APM (dd-trace)',
    category: 'metrics',
    enablers: ['dd-trace'],
    evidence: { initCalls: [{ module: 'dd-trace', name: 'init' }], initImports: ['dd-trace/init'] },
  }),
  defineIntegration({
    id: 'newrelic',
    title: 'New Relic',
    category: 'metrics',
    enablers: ['newrelic'],
    // The agent starts when the module is loaded first thing (`require('newrelic')` / `-r newrelic`).
    evidence: { initImports: ['newrelic'] },
  }),
  defineIntegration({
    id: 'elastic-apm',
    title: 'Elastic APM',
    category: 'metrics',
    enablers: ['elastic-apm-node'],
    evidence: { initCalls: [{ module: 'elastic-apm-node', name: 'start' }], initImports: ['elastic-apm-node/start'] },
  }),
  defineIntegration({
    id: 'statsd',
    title: 'StatsD (hot-shots)',
    category: 'metrics',
    enablers: ['hot-shots', 'node-statsd', 'statsd-client'],
    evidence: { initCalls: [{ module: 'hot-shots', name: 'default', construct: true }, { module: 'hot-shots', name: 'StatsD', construct: true }, { module: 'node-statsd', name: 'default', construct: true }] },
  }),
];
