import { describe, expect, it } from 'vitest';
import { dangerousPatternsCheck } from '../../../src/checks/security/dangerous-patterns.js';
import { runCheckOn } from '../../helpers/run-check.js';

const manifest = { 'package.json': '{ "name": "api", "dependencies": { "express": "^5.0.0", "pg": "^8.0.0" } }' };

describe('security.dangerous-patterns', () => {
  it('passes clean code, saying how much it inspected', async () => {
    const result = await runCheckOn(dangerousPatternsCheck, {
      ...manifest,
      'src/users.ts': "export const findUser = (id: string) => pool.query('SELECT * FROM users WHERE id = $1', [id]);\n",
      'src/app.ts': "app.use(cors({ origin: ['https://app.acme.com'], credentials: true }));\n",
    });
    expect(result.status).toBe('pass');
    expect(result.evidence[0]).toBe('Inspected 2 source files (tests and fixtures left out) and the configuration files beside them');
  });

  it('fails on SQL built from request data, with file, line, function and the fix', async () => {
    const result = await runCheckOn(dangerousPatternsCheck, {
      ...manifest,
      'src/users.ts': 'import { pool } from "./db";\n\nexport async function findUser(id: string) {\n  return pool.query(`SELECT * FROM users WHERE id = ${id}`);\n}\n',
    });
    expect(result.status).toBe('fail');
    expect(result.findings).toHaveLength(1);
    const [finding] = result.findings;
    expect(finding).toMatchObject({
      severity: 'high',
      title: 'SQL assembled from strings (SQL injection) in src/users.ts',
      location: { file: 'src/users.ts', line: 4, column: 10 },
      data: { kind: 'sql-from-strings', detail: 'pool.query', function: 'findUser' },
    });
    expect(finding!.message).toContain('src/users.ts:4:10 in findUser(): `pool.query(`SELECT * FROM users WHERE id = ${id}`)`');
    expect(finding!.message).toMatch(/parameters/);
    expect(result.evidence).toContain('sql-from-strings: 1 (src/users.ts:4)');
  });

  it('reports a secret that falls back to a literal, unless a guard stops a start without it', async () => {
    const session = "export const options = { secret: process.env.SESSION_SECRET || 'default-secret-change-in-production' };\n";
    const open = await runCheckOn(dangerousPatternsCheck, { ...manifest, 'server/auth.ts': session });
    expect(open.status).toBe('fail');
    expect(open.findings.map((finding) => [finding.title, finding.location?.line, finding.severity])).toEqual([
      ['A secret falls back to a value written in the code in server/auth.ts', 1, 'high'],
    ]);
    const guarded = await runCheckOn(dangerousPatternsCheck, {
      ...manifest,
      'server/auth.ts': session,
      'server/env.ts': "if (process.env.NODE_ENV === 'production' && !process.env.SESSION_SECRET) {\n  throw new Error('SESSION_SECRET must be set');\n}\n",
    });
    expect(guarded.status).toBe('pass');
  });

  it('is partial when only medium or low patterns are present', async () => {
    const result = await runCheckOn(dangerousPatternsCheck, {
      ...manifest,
      'src/Post.tsx': 'export const Post = ({ html }: { html: string }) => <div dangerouslySetInnerHTML={{ __html: html }} />;\n',
      'src/legacy.js': "module.exports = () => eval('1 + 1');\n",
    });
    expect(result.status).toBe('partial');
    expect(result.score).toBeCloseTo(1 - 0.15 - 0.05);
    expect(result.findings.map((finding) => [finding.data?.kind, finding.severity])).toEqual([
      ['unsanitised-inner-html', 'medium'],
      ['eval', 'low'],
    ]);
  });

  it('leaves tests and fixtures out', async () => {
    const result = await runCheckOn(dangerousPatternsCheck, {
      ...manifest,
      'src/app.ts': 'export const ok = 1;\n',
      'test/tls.test.ts': "process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';\n",
      'src/__fixtures__/eval.js': 'eval(input);\n',
    });
    expect(result.status).toBe('pass');
    expect(result.evidence[0]).toBe('Inspected 1 source file (tests and fixtures left out) and the configuration files beside them');
  });

  it('finds NODE_TLS_REJECT_UNAUTHORIZED=0 in scripts, Dockerfiles and env files, weighing development places less', async () => {
    const result = await runCheckOn(dangerousPatternsCheck, {
      'package.json': JSON.stringify(
        { name: 'api', scripts: { dev: 'NODE_TLS_REJECT_UNAUTHORIZED=0 tsx watch src/server.ts', start: 'NODE_TLS_REJECT_UNAUTHORIZED=0 node dist/server.js' } },
        null,
        2,
      ),
      Dockerfile: 'FROM node:22\nENV NODE_TLS_REJECT_UNAUTHORIZED 0\nCMD ["node", "dist/server.js"]\n',
      '.github/workflows/ci.yml': 'env:\n  NODE_TLS_REJECT_UNAUTHORIZED: "0"\n',
      'README.md': 'If you see certificate errors, do not set NODE_TLS_REJECT_UNAUTHORIZED=0.\n',
      '.env.production': 'NODE_TLS_REJECT_UNAUTHORIZED=1\n',
      'src/server.ts': 'export const ok = 1;\n',
    });
    expect(result.status).toBe('fail');
    expect(result.findings.map((finding) => [finding.location?.file, finding.location?.line, finding.severity])).toEqual([
      ['.github/workflows/ci.yml', 2, 'low'],
      ['Dockerfile', 2, 'high'],
      ['package.json', 4, 'low'],
      ['package.json', 5, 'high'],
    ]);
    expect(result.findings[0]!.message).toContain('development or CI only');
  });

  it('keeps the fingerprint when code above moves', async () => {
    const code = "export const agent = new https.Agent({ rejectUnauthorized: false });\n";
    const before = await runCheckOn(dangerousPatternsCheck, { 'src/http.ts': code });
    const after = await runCheckOn(dangerousPatternsCheck, { 'src/http.ts': `import https from 'node:https';\n\n${code}` });
    expect(before.findings[0]!.fingerprint).toBe(after.findings[0]!.fingerprint);
  });

  it('survives a file with syntax errors', async () => {
    const result = await runCheckOn(dangerousPatternsCheck, { 'src/broken.ts': 'export function (\n  eval(input\n' });
    expect(['pass', 'fail', 'partial']).toContain(result.status);
  });

  it('is not applicable without source code', async () => {
    const result = await runCheckOn(dangerousPatternsCheck, { 'README.md': '# docs only\n', 'test/a.test.ts': "it('x', () => {});\n" });
    expect(result.status).toBe('na');
    expect(result.reason).toMatch(/No JavaScript or TypeScript source files/);
  });
});
