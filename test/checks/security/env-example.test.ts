import { describe, expect, it } from 'vitest';
import { envExampleCheck } from '../../../src/checks/security/env-example.js';
import { runCheckOn } from '../../helpers/run-check.js';

const DB = { 'src/db.ts': 'import pg from "pg";\n\nexport const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });\n' };
const STRIPE = { 'src/pay.ts': "const key = process.env['STRIPE_SECRET_KEY'];" };

describe('security.env-example', () => {
  it.each([
    ['.env.example', { ...DB, '.env.example': 'DATABASE_URL=postgres://localhost/app\n' }],
    ['.env.sample', { ...DB, '.env.sample': 'DATABASE_URL=\n' }],
    ['.example.env', { ...DB, '.example.env': 'export DATABASE_URL=\n' }],
    ['a template in a workspace folder', { ...DB, 'apps/api/.env.template': 'DATABASE_URL=\n' }],
    ['a template beside a dynamic read', { ...DB, 'src/env.ts': 'export const env = cleanEnv(process.env, {})', '.env.example': 'DATABASE_URL=' }],
  ])('passes with %s', async (_name, files) => {
    const result = await runCheckOn(envExampleCheck, files);
    expect(result.status).toBe('pass');
    expect(result.findings).toEqual([]);
  });

  it('fails when code reads variables and only a real .env exists, pointing at the first read', async () => {
    const result = await runCheckOn(envExampleCheck, { ...DB, ...STRIPE, '.env': 'DATABASE_URL=x\nSTRIPE_SECRET_KEY=y' });
    expect(result.status).toBe('fail');
    expect(result.evidence[0]).toBe('code reads 2 variables: DATABASE_URL, STRIPE_SECRET_KEY (first at src/db.ts:3)');
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]!.message).toBe('The code reads 2 environment variables (DATABASE_URL, STRIPE_SECRET_KEY) but no .env.example lists them.');
    expect(result.findings[0]!.location).toEqual({ file: 'src/db.ts', line: 3 });
  });

  it('fails when the whole environment is validated but no template says what to set', async () => {
    const result = await runCheckOn(envExampleCheck, { 'src/env.ts': 'export const env = schema.parse(process.env);' });
    expect(result.status).toBe('fail');
    expect(result.findings[0]!.message).toMatch(/reads its configuration from the environment/);
  });

  it('is partial when the template misses variables, one finding per missing name', async () => {
    const result = await runCheckOn(envExampleCheck, { ...DB, ...STRIPE, 'src/mail.ts': 'const { SMTP_HOST } = process.env;', '.env.example': 'DATABASE_URL=\n' });
    expect(result.status).toBe('partial');
    expect(result.score).toBeCloseTo(1 / 3);
    expect(result.metrics).toEqual({ env: { variablesNeeded: 3, dynamicReads: 0, variablesMissingFromTemplate: 2 } });
    expect(result.evidence).toContain('missing from the template: SMTP_HOST, STRIPE_SECRET_KEY');
    expect(result.findings.map((finding) => [finding.message, finding.location])).toEqual([
      ['SMTP_HOST is read at src/mail.ts:1 but is not listed in .env.example.', { file: 'src/mail.ts', line: 1 }],
      ['STRIPE_SECRET_KEY is read at src/pay.ts:1 but is not listed in .env.example.', { file: 'src/pay.ts', line: 1 }],
    ]);
  });

  it.each([
    ['no env reads at all', { 'src/index.ts': 'console.log(1)' }, /reads no environment variables/],
    ['only NODE_ENV, PORT-free', { 'src/index.ts': "if (process.env.NODE_ENV === 'production') {}\nconst ci = process.env.CI;" }, /only variables that Node, the CI or the hosting platform provide/],
    ['reads only in tests and fixtures', { 'src/a.test.ts': 'process.env.TEST_DB', 'test/fixtures/app/index.js': 'process.env.API_KEY' }, /reads no environment variables/],
    ['a read inside a comment or string', { 'src/index.ts': '// process.env.API_KEY\nconst s = "process.env.OTHER";' }, /reads no environment variables/],
  ])('is not applicable with %s', async (_name, files, reason) => {
    const result = await runCheckOn(envExampleCheck, files);
    expect(result.status).toBe('na');
    expect(result.reason).toMatch(reason);
  });

  it('does not ask for a variable read with a fallback everywhere, unless it names a secret or a connection', async () => {
    const result = await runCheckOn(envExampleCheck, {
      ...DB,
      'src/server.ts': 'const port = process.env.PORT ?? 3000;\nconst level = process.env.LOG_LEVEL || "info";\nconst secret = process.env.JWT_SECRET || "dev";\nconst api = process.env.API_URL || "http://localhost:4000";\n',
      'src/worker.ts': 'const { CONCURRENCY = 4 } = process.env;\nconst retries = process.env.RETRIES;\nconst again = process.env.RETRIES ?? 3;\n',
      '.env.example': 'DATABASE_URL=\n',
    });
    expect(result.status).toBe('partial');
    expect(result.findings.map((finding) => finding.message.split(' ')[0])).toEqual(['API_URL', 'JWT_SECRET', 'RETRIES']);
    expect(result.evidence).toContain('not required, the code has a fallback wherever it reads them: CONCURRENCY, LOG_LEVEL, PORT');
  });

  it('does not ask for a yes/no switch that is off when unset (near miss: a guard for a required variable)', async () => {
    const result = await runCheckOn(envExampleCheck, {
      ...DB,
      'src/env.js': "export const skip = !!process.env.SKIP_ENV_VALIDATION;\nexport const beta = process.env['ENABLE_BETA'] === 'true';\nif (!process.env.STRIPE_PRICE) throw new Error('STRIPE_PRICE is required');\n",
      '.env.example': 'DATABASE_URL=\n',
    });
    expect(result.findings.map((finding) => finding.message.split(' ')[0])).toEqual(['STRIPE_PRICE']);
    expect(result.evidence).toContain('not required, the code has a fallback wherever it reads them: ENABLE_BETA, SKIP_ENV_VALIDATION');
  });

  it('takes the names of one fallback chain as alternatives: one listed in the template is enough', async () => {
    const auth = "const ACCESS_JWT_SECRET =\n  process.env['ACCESS_JWT_SECRET'] || process.env['JWT_SECRET'];\n";
    const chain = await runCheckOn(envExampleCheck, { 'src/auth.ts': auth, '.env.example': 'ACCESS_JWT_SECRET=\n' });
    expect(chain.status).toBe('pass');
    expect(chain.evidence).toContain('read only as an alternative to a variable the template lists: JWT_SECRET');
    const alsoAlone = await runCheckOn(envExampleCheck, { 'src/auth.ts': auth, 'src/legacy.ts': 'export const s = process.env.JWT_SECRET;\n', '.env.example': 'ACCESS_JWT_SECRET=\n' });
    expect(alsoAlone.findings.map((finding) => finding.message)).toEqual(['JWT_SECRET is read at src/legacy.ts:1 but is not listed in .env.example.']);
    const neither = await runCheckOn(envExampleCheck, { 'src/auth.ts': auth, '.env.example': 'DATABASE_URL=\n' });
    expect(neither.findings.map((finding) => finding.message.split(' ')[0])).toEqual(['ACCESS_JWT_SECRET', 'JWT_SECRET']);
  });

  it('keeps reads in one expression that is not a fallback chain apart', async () => {
    const result = await runCheckOn(envExampleCheck, { 'src/url.ts': 'export const url = process.env.API_HOST + process.env.API_PATH;\n', '.env.example': 'API_HOST=\n' });
    expect(result.status).toBe('partial');
    expect(result.findings.map((finding) => finding.message)).toEqual(['API_PATH is read at src/url.ts:1 but is not listed in .env.example.']);
  });

  it('is not applicable when every variable has a fallback', async () => {
    const result = await runCheckOn(envExampleCheck, { 'src/server.ts': 'app.listen(process.env.PORT || 3000);' });
    expect(result.status).toBe('na');
    expect(result.reason).toMatch(/has a fallback/);
  });

  it('does not ask for the variables Supabase sets in its Edge Functions, but does where Node code reads them', async () => {
    const edge = "Deno.serve(() => {\n  const url = Deno.env.get('SUPABASE_URL')!;\n  const admin = Deno.env.get('SUPABASE_SERVICE_ROLE_KEY');\n  return new Response(url + admin);\n});\n";
    const onlyEdge = await runCheckOn(envExampleCheck, { 'supabase/functions/notify/index.ts': edge });
    expect(onlyEdge.status).toBe('na');
    expect(onlyEdge.evidence).toEqual(['reads only variables the runtime or platform sets: SUPABASE_SERVICE_ROLE_KEY, SUPABASE_URL']);
    const alsoNode = await runCheckOn(envExampleCheck, {
      'supabase/functions/notify/index.ts': edge,
      'server/supabase.ts': "export const url = process.env.SUPABASE_URL;\nexport const key = Deno.env.get('RESEND_API_KEY');\n",
      '.env.example': 'RESEND_API_KEY=\n',
    });
    expect(alsoNode.status).toBe('partial');
    expect(alsoNode.findings.map((finding) => finding.message)).toEqual(['SUPABASE_URL is read at server/supabase.ts:1 but is not listed in .env.example.']);
  });

  it.each(['library', 'cli'] as const)('is not applicable to a %s', async (kind) => {
    const result = await runCheckOn(envExampleCheck, { ...DB }, { facts: { project: { kind, evidence: [], private: false, name: 'x' } } });
    expect(result.status).toBe('na');
    expect(result.reason).toMatch(new RegExp(`This is a ${kind}`));
  });

  it('does not count a template inside a fixture', async () => {
    const result = await runCheckOn(envExampleCheck, { ...DB, 'test/fixtures/.env.example': 'DATABASE_URL=' });
    expect(result.status).toBe('fail');
  });

  it('is unknown when the template cannot be read', async () => {
    const result = await runCheckOn(envExampleCheck, { ...DB, '.env.example': Buffer.from([0, 1]) });
    expect(result.status).toBe('unknown');
  });
});
