// Packages that do the same job. Two of them in one package usually means a migration that was
// never finished, or two developers who did not know about each other's choice. Each tool may be
// published under several names (a family), which count as one.

export interface OverlapCategory {
  id: string;
  /** "HTTP clients", as shown in a finding. */
  label: string;
  /** Tools doing this job; each a family of package names. */
  tools: readonly (readonly string[])[];
  /** Runtime categories look at `dependencies` only; tooling categories also at devDependencies. */
  scope: 'runtime' | 'all';
  /**
   * Tools that others in the category are built on, by the tool built on them. Declared beside it,
   * the lower layer is used directly for another target (esbuild bundling the server of a Vite app,
   * Rollup plugins in a Vite config), not chosen instead of it.
   */
  builtOn?: Readonly<Record<string, readonly string[]>>;
}

export const OVERLAP_CATEGORIES: readonly OverlapCategory[] = [
  { id: 'http-client', label: 'HTTP clients', scope: 'runtime', tools: [['axios'], ['node-fetch'], ['got'], ['superagent'], ['request', 'request-promise', 'request-promise-native'], ['ky'], ['undici'], ['needle'], ['cross-fetch'], ['isomorphic-fetch'], ['ofetch']] },
  { id: 'date', label: 'date libraries', scope: 'runtime', tools: [['moment', 'moment-timezone'], ['dayjs'], ['date-fns', 'date-fns-tz'], ['luxon'], ['@js-joda/core']] },
  { id: 'validation', label: 'validation libraries', scope: 'runtime', tools: [['zod'], ['joi'], ['yup'], ['superstruct'], ['valibot'], ['class-validator'], ['io-ts'], ['@sinclair/typebox'], ['arktype'], ['validator']] },
  { id: 'logger', label: 'loggers', scope: 'runtime', tools: [['winston'], ['pino', 'pino-http', 'pino-pretty'], ['bunyan'], ['log4js'], ['loglevel'], ['signale'], ['consola'], ['tslog']] },
  { id: 'test-runner', label: 'test runners', scope: 'all', tools: [['jest', 'ts-jest', 'babel-jest'], ['vitest'], ['mocha'], ['ava'], ['tap'], ['jasmine'], ['uvu'], ['tape']] },
  { id: 'orm', label: 'ORMs and query builders', scope: 'runtime', tools: [['prisma', '@prisma/client'], ['typeorm'], ['sequelize'], ['drizzle-orm'], ['knex'], ['objection'], ['@mikro-orm/core'], ['kysely'], ['mongoose'], ['bookshelf']] },
  { id: 'utility', label: 'utility belts', scope: 'runtime', tools: [['lodash', 'lodash-es', 'lodash.merge', 'lodash.get', 'lodash.debounce'], ['underscore'], ['ramda'], ['remeda'], ['radash']] },
  { id: 'web-framework', label: 'HTTP server frameworks', scope: 'runtime', tools: [['express'], ['koa'], ['fastify'], ['@hapi/hapi', 'hapi'], ['restify'], ['hono'], ['@nestjs/core']] },
  { id: 'uuid', label: 'id generators', scope: 'runtime', tools: [['uuid'], ['nanoid'], ['shortid'], ['cuid', '@paralleldrive/cuid2'], ['ulid']] },
  { id: 'state', label: 'state managers', scope: 'runtime', tools: [['redux', '@reduxjs/toolkit', 'react-redux'], ['mobx', 'mobx-react', 'mobx-react-lite'], ['zustand'], ['jotai'], ['recoil'], ['valtio'], ['xstate', '@xstate/react']] },
  { id: 'css-in-js', label: 'CSS-in-JS libraries', scope: 'runtime', tools: [['styled-components'], ['@emotion/react', '@emotion/styled'], ['@stitches/react'], ['@vanilla-extract/css'], ['styled-jsx']] },
  {
    id: 'bundler',
    label: 'bundlers',
    scope: 'all',
    tools: [['webpack', 'webpack-cli'], ['rollup'], ['parcel'], ['vite'], ['esbuild'], ['@rspack/core', '@rspack/cli'], ['tsup']],
    builtOn: { vite: ['esbuild', 'rollup'], tsup: ['esbuild'] },
  },
  { id: 'linter-formatter', label: 'formatters', scope: 'all', tools: [['prettier'], ['@biomejs/biome'], ['dprint']] },
  { id: 'env', label: 'environment loaders', scope: 'runtime', tools: [['dotenv', 'dotenv-expand'], ['dotenv-flow'], ['env-cmd'], ['dotenv-safe']] },
  { id: 'promise', label: 'promise libraries', scope: 'runtime', tools: [['bluebird'], ['q'], ['when']] },
];
