import { describe, expect, it } from 'vitest';
import { configValidatedCheck } from '../../../src/checks/security/config-validated.js';
import { runCheckOn } from '../../helpers/run-check.js';

const service = {
  'package.json': JSON.stringify({ name: 'api', private: true, scripts: { start: 'node dist/server.js' }, dependencies: { express: '^5.0.0' } }),
};
const server = "import express from 'express';\nconst app = express();\napp.listen(Number(process.env.PORT));\n";

describe('security.config-validated', () => {
  it('passes when a schema validates the environment, naming where', async () => {
    const result = await runCheckOn(configValidatedCheck, {
      ...service,
      'src/server.ts': server,
      'src/env.ts': "import { z } from 'zod';\nexport const env = z.object({ PORT: z.coerce.number() }).parse(process.env);\n",
    });
    expect(result.status).toBe('pass');
    expect(result.evidence.some((line) => line.startsWith('Validated at src/env.ts:2:'))).toBe(true);
  });

  it('fails when variables are read without any check, listing them', async () => {
    const result = await runCheckOn(configValidatedCheck, {
      ...service,
      'src/server.ts': server,
      'src/db.ts': 'export const url = process.env.DATABASE_URL;\nexport const key = process.env.STRIPE_SECRET_KEY;\n',
    });
    expect(result.status).toBe('fail');
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]!.message).toContain('(DATABASE_URL, PORT, STRIPE_SECRET_KEY)');
    expect(result.findings[0]!.location).toEqual({ file: 'src/db.ts', line: 1 });
  });

  it('is partial when only some variables are guarded by hand, and passes when all are', async () => {
    const some = await runCheckOn(configValidatedCheck, {
      ...service,
      'src/server.ts': `if (!process.env.PORT) throw new Error('PORT missing');\n${server}`,
      'src/db.ts': 'export const url = process.env.DATABASE_URL;\n',
    });
    expect(some.status).toBe('partial');
    expect(some.score).toBeCloseTo(0.5);
    const all = await runCheckOn(configValidatedCheck, {
      ...service,
      'src/server.ts': `if (!process.env.PORT) throw new Error('PORT missing');\n${server}`,
    });
    expect(all.status).toBe('pass');
  });

  it('counts a variable with a default at every read as unable to go missing', async () => {
    const defaulted = await runCheckOn(configValidatedCheck, {
      ...service,
      'src/main.ts': "import express from 'express';\nconst PORT = process.env.PORT || 3000;\nconst level = process.env.LOG_LEVEL ?? 'info';\nexpress().listen(PORT);\n",
    });
    expect(defaulted.status).toBe('pass');
    expect(defaulted.evidence[1]).toMatch(/^Every variable has a default or is checked by hand/);
    const mixed = await runCheckOn(configValidatedCheck, {
      ...service,
      'src/main.ts': "const PORT = process.env.PORT || 3000;\nexport const db = process.env.DATABASE_URL;\n",
      'src/jobs.ts': 'export const port = Number(process.env.PORT);\n',
    });
    expect(mixed.status).toBe('fail');
    expect(mixed.findings[0]!.message).toContain('(DATABASE_URL, PORT)');
  });

  it('counts guards through a const, returns and features turned off with a warning; the rest stays unchecked', async () => {
    const result = await runCheckOn(configValidatedCheck, {
      ...service,
      'src/server.ts': server.replace('Number(process.env.PORT)', "process.env['PORT'] ?? 3000"),
      'src/controllers/auth.ts':
        "const ACCESS_JWT_SECRET =\n  process.env['ACCESS_JWT_SECRET'] || process.env['JWT_SECRET'];\nconst REFRESH_JWT_SECRET = process.env['REFRESH_JWT_SECRET'];\n" +
        "if (!ACCESS_JWT_SECRET) throw new Error('ACCESS_JWT_SECRET is required');\nif (!REFRESH_JWT_SECRET) {\n  throw new Error('REFRESH_JWT_SECRET is required');\n}\n",
      'src/config/passport.ts':
        "const GOOGLE_CLIENT_ID = process.env['GOOGLE_CLIENT_ID'];\nconst GOOGLE_CALLBACK_URL = process.env['GOOGLE_CALLBACK_URL'];\n" +
        "if (!GOOGLE_CLIENT_ID || !GOOGLE_CALLBACK_URL) console.warn('Google login will not work.');\n" +
        'if (GOOGLE_CLIENT_ID && GOOGLE_CALLBACK_URL) passport.use(new GoogleStrategy({ clientID: GOOGLE_CLIENT_ID, callbackURL: GOOGLE_CALLBACK_URL }, verify));\n',
      'src/app/api/webhooks/stripe/route.ts':
        "export async function POST(req: Request) {\n  const secret = process.env.STRIPE_WEBHOOK_SECRET;\n  if (!secret) return NextResponse.json({ error: 'Missing' }, { status: 500 });\n  return handle(req, secret);\n}\n",
      'src/middlewares/cors.ts': "export const ALLOWED_ORIGINS = process.env['ALLOWED_ORIGINS']?.split(',') || [];\n",
    });
    expect(result.status).toBe('partial');
    expect(result.findings[0]!.data).toEqual({
      unchecked: ['ALLOWED_ORIGINS'],
      guarded: ['ACCESS_JWT_SECRET', 'GOOGLE_CALLBACK_URL', 'GOOGLE_CLIENT_ID', 'JWT_SECRET', 'PORT', 'REFRESH_JWT_SECRET', 'STRIPE_WEBHOOK_SECRET'],
    });
  });

  it('passes a Supabase Edge Function that answers without its optional webhook', async () => {
    const result = await runCheckOn(configValidatedCheck, {
      ...service,
      'supabase/functions/n8n-chat/index.ts':
        "Deno.serve(async (req) => {\n  const n8nWebhookUrl = Deno.env.get('N8N_WEBHOOK_URL');\n  if (!n8nWebhookUrl) {\n    return new Response(JSON.stringify({ reply: 'fallback' }), { headers });\n  }\n  return fetch(n8nWebhookUrl, { method: 'POST', body: await req.text() });\n});\n",
    });
    expect(result.status).toBe('pass');
    expect(result.evidence[1]).toBe('Every variable has a default or is checked by hand, so a missing one falls back, stops the program or is handled where it is read (N8N_WEBHOOK_URL)');
  });

  it.each([
    ['a presence test that only logs, before the value is used anyway', "const secret = process.env.JWT_SECRET;\nif (secret) console.log('signing on');\nexport const token = jwt.sign({}, secret);\n", ['JWT_SECRET']],
    ['a const read but never tested', "const secret = process.env.JWT_SECRET;\nconst user = load();\nif (!user) throw new Error('no user');\n", ['JWT_SECRET']],
    ['a fallback chain of env reads, which brings no default', 'export const secret = process.env.ACCESS_SECRET || process.env.JWT_SECRET;\n', ['ACCESS_SECRET', 'JWT_SECRET']],
  ])('still reports %s', async (_name, code, unchecked) => {
    const result = await runCheckOn(configValidatedCheck, { ...service, 'src/auth.ts': code });
    expect(result.status).toBe('fail');
    expect(result.findings[0]!.data).toEqual({ unchecked, guarded: [] });
  });

  it('does not count validation or reads in tests', async () => {
    const result = await runCheckOn(configValidatedCheck, {
      ...service,
      'src/server.ts': server,
      'test/env.test.ts': 'EnvSchema.parse(process.env);\n',
    });
    expect(result.status).toBe('fail');
  });

  it('does not ask to validate what the platform sets (Supabase Edge Functions), but does for the rest', async () => {
    const edge = "Deno.serve(() => new Response(Deno.env.get('SUPABASE_URL')! + Deno.env.get('SUPABASE_ANON_KEY')!));\n";
    const onlyPlatform = await runCheckOn(configValidatedCheck, { ...service, 'supabase/functions/hello/index.ts': edge });
    expect(onlyPlatform.status).toBe('na');
    expect(onlyPlatform.reason).toMatch(/only variables that Node or the hosting platform set/);
    const withOwn = await runCheckOn(configValidatedCheck, {
      ...service,
      'supabase/functions/hello/index.ts': `const key = Deno.env.get('OPENAI_API_KEY');\n${edge}`,
    });
    expect(withOwn.status).toBe('fail');
    expect(withOwn.findings[0]!.message).toContain('(OPENAI_API_KEY)');
  });

  it('is not applicable when the code reads no environment variables, or for a library', async () => {
    const none = await runCheckOn(configValidatedCheck, { ...service, 'src/server.ts': "import express from 'express';\nexpress().listen(3000);\n" });
    expect(none.status).toBe('na');
    expect(none.reason).toMatch(/reads no environment variables/);
    const library = await runCheckOn(configValidatedCheck, {
      'package.json': JSON.stringify({ name: 'tiny-lib', version: '1.0.0', main: 'dist/index.js', exports: './dist/index.js' }),
      'src/index.ts': 'export const debug = process.env.DEBUG === "1";\n',
    });
    expect(library.status).toBe('na');
    const cli = await runCheckOn(configValidatedCheck, {
      'package.json': JSON.stringify({ name: 'tool', version: '1.0.0', bin: { tool: 'dist/cli.js' }, dependencies: { commander: '^12.0.0' } }),
      'src/cli.ts': "import { program } from 'commander';\nprogram.parse();\nconst noColor = process.env.NO_COLOR;\n",
    });
    expect(cli.status).toBe('na');
    expect(cli.reason).toMatch(/command-line tool/);
  });
});
