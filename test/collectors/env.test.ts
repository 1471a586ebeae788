import { describe, expect, it } from 'vitest';
import { classifyEnvFile, envCollector, envVariableNames, findEnvReads } from '../../src/collectors/env.js';
import type { EnvFact } from '../../src/core/facts.js';
import { isEnvFileName } from '../../src/knowledge/env-files.js';
import { memoryTree } from '../helpers/memory-tree.js';
import { testContext } from '../helpers/run-check.js';

async function collectEnv(files: Record<string, string | Buffer>): Promise<EnvFact> {
  const tree = memoryTree(files);
  return envCollector.collect(testContext(), (async () => tree) as never);
}

const names = (source: string) => findEnvReads('src/a.ts', source).map((read) => read.name);

describe('env file names', () => {
  it.each([
    ['.env', 'real'],
    ['.env.local', 'real'],
    ['.env.production', 'real'],
    ['.env.development.local', 'real'],
    ['config/prod.env', 'real'],
    ['.env.example', 'template'],
    ['.env.sample', 'template'],
    ['.env.template', 'template'],
    ['.env.dist', 'template'],
    ['.example.env', 'template'],
    ['.env.defaults', 'template'],
    ['env.example', 'template'],
    ['.env-sample', 'template'],
    ['apps/web/.env.local.example', 'template'],
    ['test/fixtures/app/.env', 'fixture'],
    ['src/__tests__/.env', 'fixture'],
  ] as const)('%s is a %s env file', (path, kind) => {
    expect(isEnvFileName(path.slice(path.lastIndexOf('/') + 1))).toBe(true);
    expect(classifyEnvFile(path)).toBe(kind);
  });

  it.each(['.envrc', '.env.vault', '.env.enc', '.env.production.gpg', 'secrets.env.age', 'env.d.ts', 'src/env.ts', '.env.ts', 'environment.ts', 'env-setup', 'README.env.md', 'venv'])(
    '%s is not an env file',
    (name) => expect(isEnvFileName(name)).toBe(false),
  );
});

describe('envVariableNames', () => {
  it('lists assigned names, skipping comments, blanks and multi-line quoted values', () => {
    const text = [
      '# database',
      'DATABASE_URL=postgres://u:p@h/db',
      'export API_KEY="abc"',
      '',
      'PRIVATE_KEY="-----BEGIN KEY-----',
      'MIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu==',
      '-----END KEY-----"',
      'EMPTY=',
      'DATABASE_URL=again',
    ].join('\n');
    expect(envVariableNames(text)).toEqual(['DATABASE_URL', 'API_KEY', 'PRIVATE_KEY', 'EMPTY']);
    expect(envVariableNames('# only a comment\n\n')).toEqual([]);
    expect(envVariableNames('# SENTRY_DSN=\n')).toEqual([]);
  });

  it('counts commented-out assignments when asked (templates document optional variables so)', () => {
    expect(envVariableNames('DATABASE_URL=\n# SENTRY_DSN=https://…\n## export REDIS_URL=\n# see the docs = here\n', true)).toEqual([
      'DATABASE_URL',
      'SENTRY_DSN',
      'REDIS_URL',
    ]);
  });
});

describe('findEnvReads', () => {
  it.each([
    ['process.env.DATABASE_URL', ['DATABASE_URL']],
    ["process.env['STRIPE_KEY']", ['STRIPE_KEY']],
    ['process.env["A_B"] ?? process.env?.C', ['A_B', 'C']],
    ['process.env[key]', [null]],
    ['const { PORT, DB_URL: url, REDIS = "x", [k]: v, ...rest } = process.env;', ['PORT', 'DB_URL', 'REDIS', null]],
    ['import.meta.env.VITE_API_URL', ['VITE_API_URL']],
    ['const { VITE_A } = import.meta.env', ['VITE_A']],
    ["Deno.env.get('DENO_KEY'); Deno.env.get(name)", ['DENO_KEY', null]],
    ['Bun.env.BUN_KEY', ['BUN_KEY']],
    ['const env = cleanEnv(process.env, { PORT: port() })', [null]],
    ['export function load(env = process.env) {}', [null]],
    ['const env = process.env;', [null]],
    ['const env = process.env\nenv.X', [null]],
  ])('%s reads %j', (source, expected) => {
    expect(names(source)).toEqual(expected);
  });

  it.each([
    '// process.env.COMMENTED',
    '/* import.meta.env.BLOCK */',
    '"process.env.IN_STRING"',
    '`process.env.IN_TEMPLATE`',
    "process.env.NODE_ENV = 'test'",
    "process.env['WRITTEN'] = '1'",
    'spawn(cmd, { env: { ...process.env, FOO: "1" } })',
    'myprocess.environment.X',
    'child.spawn(cmd, { env: process.env })',
    'if (x == process.env) {}',
  ])('%s reads nothing', (source) => {
    expect(names(source)).toEqual([]);
  });

  it.each([
    ['process.env.PORT || 3000', true],
    ["process.env['PORT'] ?? '3000'", true],
    ['const { PORT = 3000 } = process.env;', true],
    ['const { PORT: port = 3000 } = process.env;', true],
    ["Deno.env.get('PORT') ?? '8000'", true],
    ['process.env.PORT', false],
    ['Number(process.env.PORT) || 3000', false],
    ['process.env.A && process.env.A.length', false],
    ['const { PORT, HOST = "0.0.0.0" } = process.env;', false],
  ])('%s: fallback recognised %s', (source, defaulted) => {
    expect(findEnvReads('src/a.ts', source)[0]!.defaulted === true).toBe(defaulted);
  });

  it('records the line of each read', () => {
    expect(findEnvReads('src/db.ts', 'const a = 1;\n\nconst url =\n  process.env.DATABASE_URL;')).toEqual([
      { file: 'src/db.ts', line: 4, name: 'DATABASE_URL' },
    ]);
    expect(findEnvReads('src/x.ts', 'const x = `${process.env.A}`;\n/re/.test(process.env.B)')).toEqual([
      { file: 'src/x.ts', line: 1, name: 'A' },
      { file: 'src/x.ts', line: 2, name: 'B' },
    ]);
  });
});

describe('env collector', () => {
  it('collects env files with tracking and names, and reads from source files only', async () => {
    const fact = await collectEnv({
      '.env': 'SECRET=1\nOTHER=2\n',
      '.env.example': 'SECRET=\n',
      'test/fixtures/.env': 'X=1',
      '.env.local': Buffer.from([0, 1]),
      'src/index.ts': 'const s = process.env.SECRET;',
      'src/types.d.ts': 'declare const x: typeof process.env.NOT_CODE;',
      'README.md': 'Set process.env.DOCS',
    });
    expect(fact.files).toEqual([
      { path: '.env', kind: 'real', tracked: true, variables: ['SECRET', 'OTHER'] },
      { path: '.env.example', kind: 'template', tracked: true, variables: ['SECRET'] },
      { path: '.env.local', kind: 'real', tracked: true, variables: null },
      { path: 'test/fixtures/.env', kind: 'fixture', tracked: true, variables: ['X'] },
    ]);
    expect(fact.reads).toEqual([{ file: 'src/index.ts', line: 1, name: 'SECRET' }]);
  });

  it('does not crash on malformed source', async () => {
    const fact = await collectEnv({ 'src/broken.ts': 'const = process.env.A ${ `unterminated' });
    expect(fact.reads.map((read) => read.name)).toEqual(['A']);
  });
});
