import { describe, it } from 'vitest';
import { errorTrackingCheck } from '../../../src/checks/observability/error-tracking.js';
import { expectCase, LIBRARY, manifest, type Case } from '../data/apps.js';

const service = (files: Record<string, string>, dependencies: Record<string, string> = {}) => ({ 'package.json': manifest({ express: '^4.19.0', ...dependencies }), ...files });

const cases: Case[] = [
  { name: 'Sentry.init with a DSN from the environment', files: service({ 'src/instrument.ts': "import * as Sentry from '@sentry/node';\nSentry.init({ dsn: process.env.SENTRY_DSN, tracesSampleRate: 0.1 });\n" }, { '@sentry/node': '^8.0.0' }), status: 'pass', says: ['Sentry initialised: init() from @sentry/node at src/instrument.ts:2'] },
  { name: 'named init import from @sentry/nextjs', files: { 'package.json': manifest({ next: '^14.0.0', '@sentry/nextjs': '^8.0.0' }), 'sentry.server.config.ts': "import { init } from '@sentry/nextjs';\ninit({ dsn: process.env.NEXT_PUBLIC_SENTRY_DSN });\n" }, status: 'pass' },
  { name: 'CommonJS require and init', files: service({ 'src/index.js': "const Sentry = require('@sentry/node');\nSentry.init({ dsn: process.env.SENTRY_DSN });\n" }, { '@sentry/node': '^7.0.0' }), status: 'pass' },
  { name: 'Sentry dependency never initialised', files: service({ 'src/app.ts': "import * as Sentry from '@sentry/node';\nexport function report(e: unknown) { Sentry.captureException(e); }\n" }, { '@sentry/node': '^8.0.0' }), status: 'partial', score: 0.5, says: ['@sentry/node is declared in package.json but never initialised'] },
  { name: 'Sentry only declared', files: service({ 'src/app.ts': 'export {};\n' }, { '@sentry/node': '^8.0.0' }), status: 'partial', score: 0.5 },
  { name: 'Sentry.init only in a test file does not count', files: service({ 'test/setup.ts': "import * as Sentry from '@sentry/node';\nSentry.init({ dsn: 'x' });\n" }, { '@sentry/node': '^8.0.0' }), status: 'partial' },
  { name: 'Sentry.init only in an example app does not count', files: service({ 'examples/basic/server.ts': "import * as Sentry from '@sentry/node';\nSentry.init({ dsn: 'x' });\n" }), status: 'fail' },
  { name: 'Bugsnag.start', files: service({ 'src/bugsnag.ts': "import Bugsnag from '@bugsnag/js';\nBugsnag.start({ apiKey: process.env.BUGSNAG_KEY });\n" }, { '@bugsnag/js': '^7.0.0' }), status: 'pass' },
  { name: 'new Rollbar()', files: service({ 'src/rollbar.ts': "import Rollbar from 'rollbar';\nexport const rollbar = new Rollbar({ accessToken: process.env.ROLLBAR_TOKEN });\n" }, { rollbar: '^2.0.0' }), status: 'pass' },
  { name: 'Honeybadger.configure', files: service({ 'src/hb.ts': "import Honeybadger from '@honeybadger-io/js';\nHoneybadger.configure({ apiKey: process.env.HB_KEY });\n" }, { '@honeybadger-io/js': '^6.0.0' }), status: 'pass' },
  { name: 'a function named init from elsewhere is not Sentry', files: service({ 'src/app.ts': "import { init } from './db';\ninit();\n" }, { '@sentry/node': '^8.0.0' }), status: 'partial' },
  { name: 'process handlers only', files: service({ 'src/server.ts': "process.on('unhandledRejection', (e) => { console.error(e); process.exit(1); });\n" }), status: 'partial', score: 0.25, says: ["process.on('unhandledRejection')"] },
  { name: 'nothing at all', files: service({ 'src/server.ts': "import express from 'express';\nexpress().listen(3000);\n" }), status: 'fail' },
  { name: 'a static single-page app still needs error tracking', files: { 'package.json': manifest({ react: '^18.0.0', 'react-dom': '^18.0.0' }, { devDependencies: { vite: '^5.0.0' } }), 'src/main.tsx': 'export {};\n' }, status: 'fail' },
  { name: 'a library', files: LIBRARY, status: 'na' },
];

describe('observability.error-tracking', () => {
  it.each(cases)('$name', (testCase) => expectCase(errorTrackingCheck, testCase).then(() => undefined));
});
