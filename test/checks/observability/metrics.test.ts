import { describe, it } from 'vitest';
import { metricsCheck } from '../../../src/checks/observability/metrics.js';
import { expectCase, LIBRARY, manifest, type Case } from '../data/apps.js';

const service = (files: Record<string, string>, dependencies: Record<string, string> = {}) => ({ 'package.json': manifest({ express: '^4.19.0', ...dependencies }), ...files });

const cases: Case[] = [
  { name: 'prom-client default metrics', files: service({ 'src/metrics.ts': "import client from 'prom-client';\nclient.collectDefaultMetrics();\n" }, { 'prom-client': '^15.0.0' }), status: 'pass' },
  { name: 'named Histogram from prom-client', files: service({ 'src/metrics.ts': "import { Histogram } from 'prom-client';\nexport const duration = new Histogram({ name: 'http_duration', help: 'x' });\n" }, { 'prom-client': '^15.0.0' }), status: 'pass' },
  { name: 'OpenTelemetry NodeSDK', files: service({ 'src/tracing.ts': "import { NodeSDK } from '@opentelemetry/sdk-node';\nnew NodeSDK({}).start();\n" }, { '@opentelemetry/sdk-node': '^0.50.0' }), status: 'pass' },
  { name: '@vercel/otel registerOTel', files: { 'package.json': manifest({ next: '^14.0.0', '@vercel/otel': '^1.0.0' }), 'instrumentation.ts': "import { registerOTel } from '@vercel/otel';\nexport function register() { registerOTel({ serviceName: 'app' }); }\n" }, status: 'pass' },
  { name: 'dd-trace init', files: service({ 'src/tracer.js': "require('dd-trace').init();\n" }, { 'dd-trace': '^5.0.0' }), status: 'pass' },
  { name: 'dd-trace/init side-effect import', files: service({ 'src/index.ts': "import 'dd-trace/init';\n" }, { 'dd-trace': '^5.0.0' }), status: 'pass' },
  { name: 'New Relic loaded first', files: service({ 'src/index.js': "require('newrelic');\nconst app = require('./app');\n" }, { newrelic: '^11.0.0' }), status: 'pass' },
  { name: 'StatsD client', files: service({ 'src/statsd.ts': "import StatsD from 'hot-shots';\nexport const stats = new StatsD({ prefix: 'api.' });\n" }, { 'hot-shots': '^10.0.0' }), status: 'pass' },
  { name: 'Sentry with performance tracing counts as traces', files: service({ 'src/instrument.ts': "import * as Sentry from '@sentry/node';\nSentry.init({ dsn: process.env.SENTRY_DSN, tracesSampleRate: 0.2 });\n" }, { '@sentry/node': '^8.0.0' }), status: 'pass', score: 0.8 },
  { name: 'Sentry for errors only does not', files: service({ 'src/instrument.ts': "import * as Sentry from '@sentry/node';\nSentry.init({ dsn: process.env.SENTRY_DSN });\n" }, { '@sentry/node': '^8.0.0' }), status: 'fail' },
  { name: 'OpenTelemetry API imported without an SDK', files: service({ 'src/a.ts': "import { trace } from '@opentelemetry/api';\nconst tracer = trace.getTracer('x');\n" }, { '@opentelemetry/api': '^1.0.0' }), status: 'partial', score: 0.7 },
  { name: 'prom-client declared, never loaded', files: service({ 'src/a.ts': 'export {};\n' }, { 'prom-client': '^15.0.0' }), status: 'partial', score: 0.3 },
  { name: 'web analytics do not count', files: { 'package.json': manifest({ next: '^14.0.0', '@vercel/analytics': '^1.0.0', 'posthog-js': '^1.0.0' }), 'app/layout.tsx': "import { Analytics } from '@vercel/analytics/react';\nexport default function L() { return null; }\n" }, status: 'fail' },
  { name: 'a library', files: LIBRARY, status: 'na' },
];

describe('observability.metrics', () => {
  it.each(cases)('$name', (testCase) => expectCase(metricsCheck, testCase).then(() => undefined));
});
