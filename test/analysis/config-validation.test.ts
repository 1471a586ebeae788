import { describe, expect, it } from 'vitest';
import { extractConfigValidation } from '../../src/analysis/extractors/config-validation.js';
import { sourceOf } from './source.js';

const extract = (code: string) => extractConfigValidation(sourceOf(code, 'src/env.ts'));

const validated: { name: string; code: string; how: string }[] = [
  { name: 'zod schema parsing process.env', code: "import { z } from 'zod';\nexport const env = z.object({ PORT: z.coerce.number() }).parse(process.env);", how: 'z.object({PORT:z.coerce.number()}).parse(…environment…)' },
  { name: 'zod safeParse of a schema constant', code: 'const parsed = EnvSchema.safeParse(process.env);', how: 'EnvSchema.safeParse(…environment…)' },
  { name: 'valibot parse(schema, env)', code: "import { parse } from 'valibot';\nconst env = parse(Schema, process.env);", how: 'parse(…environment…)' },
  { name: 'schema over an object of reads', code: 'export const env = schema.parse({ url: process.env.DATABASE_URL, port: process.env.PORT });', how: 'schema.parse(…environment…)' },
  { name: 'joi validate of a spread', code: 'const { error, value } = envSchema.validate({ ...process.env });', how: 'envSchema.validate(…environment…)' },
  { name: 'import.meta.env (Vite)', code: 'export const env = Schema.parse(import.meta.env);', how: 'Schema.parse(…environment…)' },
  {
    name: 'a schema applied to a parameter that defaults to process.env',
    code: 'export function loadConfig(env: NodeJS.ProcessEnv = process.env) {\n  return envSchema.safeParse(env);\n}',
    how: 'envSchema.safeParse(…environment…)',
  },
  { name: 'a schema applied to an alias of process.env', code: 'const raw = process.env;\nexport const config = Config.parse(raw);', how: 'Config.parse(…environment…)' },
  { name: 'envalid cleanEnv', code: "import { cleanEnv, str } from 'envalid';\nexport const env = cleanEnv(process.env, { API_KEY: str() });", how: 'envalid cleanEnv()' },
  { name: 'envalid through a namespace require', code: "const envalid = require('envalid');\nmodule.exports = envalid.cleanEnv(process.env, {});", how: 'envalid envalid.cleanEnv()' },
  { name: '@t3-oss/env-nextjs createEnv', code: "import { createEnv } from '@t3-oss/env-nextjs';\nexport const env = createEnv({ server: {}, runtimeEnv: {} });", how: '@t3-oss/env createEnv()' },
  { name: 'env-var', code: "import env from 'env-var';\nconst PORT = env.get('PORT').required().asPortNumber();", how: 'env-var env.get()' },
  { name: 'dotenv-safe config()', code: "require('dotenv-safe').config();", how: "dotenv-safe require('dotenv-safe').config()" },
  { name: 'dotenv-safe side-effect import', code: "import 'dotenv-safe/config';", how: "dotenv-safe (import 'dotenv-safe/config')" },
  { name: 'convict', code: "import convict from 'convict';\nconst config = convict({ port: { format: 'port', env: 'PORT' } });", how: 'convict convict()' },
  { name: '@nestjs/config with a schema', code: "import { ConfigModule } from '@nestjs/config';\n@Module({ imports: [ConfigModule.forRoot({ validationSchema: schema })] }) class AppModule {}", how: '@nestjs/config with a validation schema ConfigModule.forRoot()' },
];

describe('config-validation extractor', () => {
  it.each(validated)('finds $name', ({ code, how }) => {
    expect(extract(code)?.validations.map((validation) => validation.how)).toEqual([how]);
  });

  it('finds hand-written guards that stop the program', () => {
    const result = extract(
      [
        "if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL is missing');",
        "if (process.env['JWT_SECRET'] === undefined || !process.env.REDIS_URL) {\n  console.error('missing');\n  process.exit(1);\n}",
        "assert(process.env.STRIPE_KEY, 'STRIPE_KEY');",
        "invariant(process.env.SENTRY_DSN);",
      ].join('\n'),
    );
    expect(result?.guards.map((guard) => [guard.name, guard.line])).toEqual([
      ['STRIPE_KEY', 6],
      ['SENTRY_DSN', 7],
      ['DATABASE_URL', 1],
      ['JWT_SECRET', 2],
      ['REDIS_URL', 2],
    ]);
    expect(result?.validations).toEqual([]);
  });

  it('records reads that bring their own default', () => {
    const result = extract("const port = Number(process.env.PORT || 3000);\nconst level = process.env['LOG_LEVEL'] ?? 'info';\nconst url = process.env.DATABASE_URL && connect();\n");
    expect(result?.defaults).toEqual([
      { line: 1, name: 'PORT' },
      { line: 2, name: 'LOG_LEVEL' },
    ]);
  });

  it('finds problems collected in a list that is thrown on, and names walked from a constant list', () => {
    const result = extract(
      [
        "const REQUIRED = ['DATABASE_URL', 'SESSION_SECRET'] as const;",
        'export function checkEnv() {',
        '  const problems: string[] = [];',
        '  for (const key of REQUIRED) {',
        '    if (!process.env[key]) problems.push(`${key} is missing`);',
        '  }',
        "  if (!process.env.STRIPE_KEY && isProd) { problems.push('STRIPE_KEY'); }",
        "  if (problems.length > 0) throw new Error(problems.join('\\n'));",
        '}',
        "const IN_PRODUCTION = ['SENTRY_DSN'];",
        'export function checkProduction() {',
        '  for (const key of IN_PRODUCTION) if (!process.env[key]) throw new Error(key);',
        '}',
      ].join('\n'),
    );
    expect(result?.guards.map((guard) => [guard.name, guard.line])).toEqual([
      ['DATABASE_URL', 5],
      ['SESSION_SECRET', 5],
      ['STRIPE_KEY', 7],
      ['SENTRY_DSN', 12],
    ]);
  });

  it.each([
    ['problems collected but only logged', "function f() {\n  const missing = [];\n  if (!process.env.X) missing.push('X');\n  if (missing.length) console.warn(missing);\n}"],
    ['problems collected and thrown on in another function', "const missing = [];\nfunction a() { if (!process.env.X) missing.push('X'); }\nfunction b() { if (missing.length) throw new Error('x'); }"],
    ['a loop over a list that is not constant', "function f(keys) { for (const key of keys) { if (!process.env[key]) throw new Error(key); } }"],
    ['a read with a default', "const port = process.env.PORT || 3000;"],
    ['a check that only logs', "if (!process.env.SENTRY_DSN) console.warn('no Sentry');"],
    ['a throw inside a callback of the branch', "if (!process.env.X) { later(() => { throw new Error('x'); }); }"],
    ['parse of something else', 'const body = schema.parse(req.body);'],
    ['parse of a variable that is not the environment', 'const env = getSettings();\nSchema.parse(env);'],
    ['JSON.parse of one variable', "const list = JSON.parse(process.env.LIST ?? '[]');"],
    ['@nestjs/config without a schema', "import { ConfigModule } from '@nestjs/config';\nConfigModule.forRoot({ isGlobal: true });"],
    ['a local function named cleanEnv', 'function cleanEnv(e) { return e; }\ncleanEnv(process.env);'],
  ])('ignores %s', (_name, code) => {
    const result = extract(code);
    expect([...(result?.validations ?? []), ...(result?.guards ?? [])]).toEqual([]);
  });
});
