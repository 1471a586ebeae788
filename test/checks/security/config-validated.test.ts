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
