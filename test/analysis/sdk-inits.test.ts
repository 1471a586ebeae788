import { describe, expect, it } from 'vitest';
import { extractSdkInits } from '../../src/analysis/extractors/sdk-inits.js';
import { sourceOf } from './source.js';

const initsOf = (text: string) => extractSdkInits(sourceOf(text));

describe('sdk-inits extractor', () => {
  it.each([
    ["import * as Sentry from '@sentry/node';\nSentry.init({ dsn: process.env.SENTRY_DSN, tracesSampleRate: 1 });", { module: '@sentry/node', name: 'init', member: null, construct: false, optionKeys: ['dsn', 'tracesSampleRate'], envOptions: ['dsn'] }],
    ["import { init } from '@sentry/nextjs';\ninit({});", { module: '@sentry/nextjs', name: 'init' }],
    ["import pino from 'pino';\nconst log = pino({ level: env.LOG_LEVEL });", { module: 'pino', name: 'default', envOptions: ['level'] }],
    ["const pino = require('pino');\nconst log = pino();", { module: 'pino', name: 'default' }],
    ["require('dd-trace').init({ logInjection: true });", { module: 'dd-trace', name: 'init' }],
    ["import { PrismaClient } from '@prisma/client';\nexport const prisma = new PrismaClient();", { module: '@prisma/client', name: 'PrismaClient', construct: true }],
    ["import { H } from '@highlight-run/node';\nH.init({ projectID: 'x' });", { module: '@highlight-run/node', name: 'H', member: 'init' }],
  ])('%s', (code, expected) => {
    expect(initsOf(code).calls).toContainEqual(expect.objectContaining(expected));
  });

  it('ignores calls on local and relative bindings', () => {
    expect(initsOf("import { init } from './sentry';\ninit();\nfunction pino() {}\npino();").calls).toEqual([]);
  });

  it('counts repeated calls once, with a count', () => {
    const [call] = initsOf("import { z } from 'zod';\nz.string();\nz.string();").calls;
    expect(call).toMatchObject({ name: 'z', member: 'string', count: 2, line: 2 });
  });

  it('records process handlers with the shutdown calls they make, inline or in a named function', () => {
    const result = initsOf(
      "process.on('SIGTERM', () => { server.close(); });\nasync function stop() { await app.close(); await prisma.$disconnect(); }\nprocess.once('SIGINT', stop);\nprocess.on('SIGHUP', () => void stop());\nprocess.on('unhandledRejection', (e) => console.error(e));\nemitter.on('SIGTERM', () => db.end());",
    );
    expect(result.processHandlers).toEqual([
      { event: 'SIGTERM', line: 1, closes: ['server.close'] },
      { event: 'SIGINT', line: 3, closes: ['app.close', 'prisma.$disconnect'] },
      { event: 'SIGHUP', line: 4, closes: ['app.close', 'prisma.$disconnect'] },
      { event: 'unhandledRejection', line: 5, closes: [] },
    ]);
  });
});
