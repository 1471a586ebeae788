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
    ['a const read but never tested', "const secret = process.env.JWT_SECRET;\nexport const sign = (payload) => jwt.sign(payload, secret);"],
    ['a test on a different variable', "const secret = process.env.JWT_SECRET;\nconst user = findUser();\nif (!user) throw new Error('no user');"],
    ['a parameter that shadows the const', "const secret = process.env.JWT_SECRET;\nfunction sign(secret) { if (!secret) throw new Error('x'); }"],
    ['a const of a sibling function', "function a() { const key = process.env.KEY; return key; }\nfunction b() { if (!key) throw new Error('x'); }"],
    ['a const that is not an env read', "const key = loadKey();\nif (!key) throw new Error('x');"],
    ['a let, which can be reassigned before it is used', "let secret = process.env.JWT_SECRET;\nif (!secret) throw new Error('x');"],
    ['a presence test that does something optional, then uses the value anyway', "const secret = process.env.JWT_SECRET;\nif (secret) console.log('signing enabled');\nexport const token = jwt.sign({}, secret);"],
    ['a missing value logged, then used anyway', "const key = process.env.MAIL_KEY;\nif (!key) console.warn('no mail key');\nexport const mail = new Mailer(key);"],
    [
      'a feature turned off with a warning, but the value also used outside it',
      "const id = process.env.CLIENT_ID;\nif (!id) console.warn('login off');\nif (id) register(id);\nexport const shown = id.slice(0, 4);",
    ],
    ['a missing direct read logged, then read anyway', "if (!process.env.SENTRY_DSN) console.warn('no Sentry');\nSentry.init({ dsn: process.env.SENTRY_DSN });"],
    ['a return inside a callback of the branch', "export function f() {\n  const key = process.env.KEY;\n  if (!key) { queue(() => { return; }); }\n  return key.length;\n}"],
  ])('ignores %s', (_name, code) => {
    const result = extract(code);
    expect([...(result?.validations ?? []), ...(result?.guards ?? []), ...(result?.handled ?? [])]).toEqual([]);
  });

  it.each([
    ['a module-level const', "const REFRESH_JWT_SECRET = process.env['REFRESH_JWT_SECRET'];\nif (!REFRESH_JWT_SECRET) {\n  throw new Error('REFRESH_JWT_SECRET environment variable is required');\n}", ['REFRESH_JWT_SECRET']],
    ['a const of an enclosing scope', "const secret = process.env.JWT_SECRET;\nexport function sign(payload) {\n  if (!secret) throw new Error('JWT_SECRET is missing');\n  return jwt.sign(payload, secret);\n}", ['JWT_SECRET']],
    ['a const of the same function', "export function connect() {\n  const url = process.env.DATABASE_URL!;\n  if (url === undefined) process.exit(1);\n}", ['DATABASE_URL']],
    ['a fallback chain, every name in it', "const ACCESS_JWT_SECRET =\n  process.env['ACCESS_JWT_SECRET'] || process.env['JWT_SECRET'];\nif (!ACCESS_JWT_SECRET) throw new Error('missing');", ['ACCESS_JWT_SECRET', 'JWT_SECRET']],
    ['a destructured const', "const { DATABASE_URL: url, REDIS_URL } = process.env;\nif (!url || !REDIS_URL) throw new Error('missing');", ['DATABASE_URL', 'REDIS_URL']],
    ['import.meta.env', "const key = import.meta.env.VITE_API_KEY as string;\nif (!key) throw new Error('missing');", ['VITE_API_KEY']],
    ['Deno.env.get, read directly', "if (!Deno.env.get('OPENAI_API_KEY')) throw new Error('missing');", ['OPENAI_API_KEY']],
    ['an assertion on a const', "const key = process.env.STRIPE_KEY;\ninvariant(key, 'STRIPE_KEY');", ['STRIPE_KEY']],
  ])('finds a guard through %s', (_name, code, names) => {
    const result = extract(code);
    expect(result?.guards.map((guard) => guard.name)).toEqual(names);
    expect(result?.handled).toEqual([]);
  });

  it.each([
    [
      'a Deno const whose absence returns a fallback answer',
      "Deno.serve(async (req) => {\n  const n8nWebhookUrl = Deno.env.get('N8N_WEBHOOK_URL');\n  if (!n8nWebhookUrl) {\n    console.log('No n8n webhook URL configured');\n    return new Response(JSON.stringify({ reply: 'fallback' }), { headers });\n  }\n  return fetch(n8nWebhookUrl);\n});",
      ['N8N_WEBHOOK_URL'],
    ],
    [
      'a route that answers 500 without its secret',
      "export async function POST(req: Request) {\n  const secret = process.env.STRIPE_WEBHOOK_SECRET;\n  if (!secret) return NextResponse.json({ error: 'Missing' }, { status: 500 });\n  return handle(req, secret);\n}",
      ['STRIPE_WEBHOOK_SECRET'],
    ],
    ['a direct read that returns early', "export function shippo() {\n  if (!process.env.SHIPPO_API_KEY) return null;\n  return new Shippo(process.env.SHIPPO_API_KEY);\n}", ['SHIPPO_API_KEY']],
    [
      'a feature turned off with a warning and set up only when every value is there',
      "const GOOGLE_CLIENT_ID = process.env['GOOGLE_CLIENT_ID'];\nconst GOOGLE_CLIENT_SECRET = process.env['GOOGLE_CLIENT_SECRET'];\nif (!GOOGLE_CLIENT_ID || !GOOGLE_CLIENT_SECRET) {\n  console.warn('Google login will not work.');\n}\nif (GOOGLE_CLIENT_ID && GOOGLE_CLIENT_SECRET) {\n  passport.use(new GoogleStrategy({ clientID: GOOGLE_CLIENT_ID, clientSecret: GOOGLE_CLIENT_SECRET }, verify));\n}",
      ['GOOGLE_CLIENT_ID', 'GOOGLE_CLIENT_SECRET'],
    ],
    ['a warning, with the value used in the else branch', "if (!process.env.SENTRY_DSN) logger.warn('Sentry off');\nelse Sentry.init({ dsn: process.env.SENTRY_DSN });", ['SENTRY_DSN']],
    ['a warning, with the value used behind a conditional', "const key = process.env.MAIL_KEY;\nif (!key) console.warn('mail off');\nexport const mailer = key ? new Mailer(key) : null;\nexport const send = (m) => key && mailer.send(m);", ['MAIL_KEY']],
  ])('finds the absence handled where it is read: %s', (_name, code, names) => {
    const result = extract(code);
    expect(result?.handled.map((guard) => guard.name)).toEqual(names);
    expect(result?.guards).toEqual([]);
  });

  it('takes a fallback chain of env reads as alternatives, a default only when it ends in a value', () => {
    const result = extract(
      [
        "const access = process.env['ACCESS_JWT_SECRET'] || process.env['JWT_SECRET'];",
        "const url = process.env.API_URL ?? process.env.BACKEND_URL ?? 'http://localhost:4000';",
        'const both = process.env.FIRST + process.env.SECOND;',
        "const region = Deno.env.get('REGION') ??",
        "  Deno.env.get('AWS_REGION');",
        "const mode = Deno.env.get('MODE') ?? 'dev';",
      ].join('\n'),
    );
    expect(result?.defaults).toEqual([
      { line: 2, name: 'API_URL' },
      { line: 2, name: 'BACKEND_URL' },
      { line: 6, name: 'MODE' },
    ]);
    expect(result?.alternatives).toEqual([
      { line: 1, endLine: 1, names: ['ACCESS_JWT_SECRET', 'JWT_SECRET'] },
      { line: 2, endLine: 2, names: ['API_URL', 'BACKEND_URL'] },
      { line: 4, endLine: 5, names: ['REGION', 'AWS_REGION'] },
    ]);
  });
});
