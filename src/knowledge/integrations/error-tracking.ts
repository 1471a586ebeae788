// Error-tracking SDKs. Installing one does nothing until it is initialised with a DSN/API key.
import { defineIntegration } from './types.js';

export const errorTrackingIntegrations = [
  defineIntegration({
    id: 'sentry',
    title: 'Sentry',
    category: 'error-tracking',
    enablers: ['@sentry/'],
    evidence: {
      imports: ['@sentry/'],
      initCalls: [{ module: '@sentry/', name: 'init' }, { module: '@sentry/', name: 'SentryModule' }],
      tracingOptions: ['tracesSampleRate', 'tracesSampler', 'enableTracing'],
    },
  }),
  defineIntegration({
    id: 'bugsnag',
    title: 'Bugsnag',
    category: 'error-tracking',
    enablers: ['@bugsnag/'],
    evidence: { imports: ['@bugsnag/'], initCalls: [{ module: '@bugsnag/', name: 'start' }, { module: '@bugsnag/', name: 'default' }] },
  }),
  defineIntegration({
    id: 'rollbar',
    title: 'Rollbar',
    category: 'error-tracking',
    enablers: ['rollbar', '@rollbar/react'],
    evidence: { initCalls: [{ module: 'rollbar', name: 'default', construct: true }, { module: 'rollbar', name: 'init' }, { module: '@rollbar/react', name: 'Provider' }] },
  }),
  defineIntegration({
    id: 'honeybadger',
    title: 'Honeybadger',
    category: 'error-tracking',
    enablers: ['@honeybadger-io/'],
    evidence: { imports: ['@honeybadger-io/'], initCalls: [{ module: '@honeybadger-io/', name: 'configure' }] },
  }),
  defineIntegration({
    id: 'highlight',
    title: 'Highlight',
    category: 'error-tracking',
    enablers: ['@highlight-run/', 'highlight.run'],
    evidence: {
      imports: ['@highlight-run/', 'highlight.run'],
      initCalls: [{ module: '@highlight-run/', name: 'init' }, { module: 'highlight.run', name: 'init' }],
    },
  }),
];
