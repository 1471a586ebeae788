import { describe, expect, it } from 'vitest';
import { testsPresentCheck } from '../../../src/checks/testing/tests-present.js';
import { runCheckOn } from '../../helpers/run-check.js';

const APP = { 'package.json': '{"name":"app"}', 'src/index.ts': 'export const x = 1;' };

describe('testing.tests-present', () => {
  it.each([
    ['a vitest file with cases', { 'src/a.test.ts': "import { it } from 'vitest';\nit('works', () => { expect(1).toBe(1); });" }],
    ['mocha files under test/', { 'test/api.js': "describe('api', () => { it('responds', async () => { await request(app).get('/') }) })" }],
    ['one real file beside an empty one', { 'src/a.test.ts': '', 'src/b.spec.ts': "test('b', () => { check() })" }],
    ['a Deno test', { 'server/db_test.ts': "Deno.test('db', () => { assert(db) })" }],
    ['node:test without names', { 'test/run.test.mjs': "import test from 'node:test';\ntest(async () => {});" }],
  ])('passes with %s', async (_name, files) => {
    const result = await runCheckOn(testsPresentCheck, { ...APP, ...files });
    expect(result.status).toBe('pass');
    expect(result.findings).toEqual([]);
    expect(result.evidence[0]).toMatch(/test files? declares? \d+ test cases?/);
  });

  it('names the first case and counts empty files in the evidence', async () => {
    const result = await runCheckOn(testsPresentCheck, { ...APP, 'src/a.test.ts': '', 'src/b.spec.ts': "\n\ntest('b', () => { check() })" });
    expect(result.evidence).toEqual(['1 test file declares 1 test case (e.g. src/b.spec.ts:3)', '1 test file without a runnable case: src/a.test.ts']);
    expect(result.metrics).toEqual({ tests: { filesWithCases: 1, emptyFiles: 1 } });
  });

  it.each([
    ['an empty *.test.ts', { 'src/a.test.ts': '' }, /declares no test case/],
    ['a test file whose case is commented out', { 'src/a.test.ts': "import { it } from 'vitest';\n// it('works', () => {});" }, /declares no test case/],
    ['only describe blocks without cases', { 'src/a.spec.ts': "describe('todo', () => {});" }, /declares no test case/],
    ['only todo and skipped tests', { 'src/a.test.ts': "it.todo('x'); test.skip('y', () => {});" }, /holds only 2 skipped, to-do or empty tests/],
    [
      'a scaffold of named cases with empty bodies',
      { 'src/auth.service.test.ts': "describe('AuthService', () => {\n  it('should register a new user', async () => {\n  });\n  it('should reject a wrong password', async () => {});\n});" },
      /holds only 2 skipped, to-do or empty tests/,
    ],
    ['a case inside a string', { 'src/a.test.js': "const code = \"it('x', () => {})\";" }, /declares no test case/],
  ])('fails with %s, naming the file', async (_name, files, message) => {
    const result = await runCheckOn(testsPresentCheck, { ...APP, ...files });
    expect(result.status).toBe('fail');
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]!.message).toMatch(message);
    expect(result.findings[0]!.location).toEqual({ file: Object.keys(files)[0] });
  });

  it('fails without test files, with one repository-level finding', async () => {
    const result = await runCheckOn(testsPresentCheck, { ...APP, 'test/fixtures/app/a.test.ts': "it('fixture', () => {})" });
    expect(result.status).toBe('fail');
    expect(result.evidence).toEqual(['no test files (*.test.*, *.spec.*, __tests__/, test/) found']);
    expect(result.findings.map((finding) => finding.location)).toEqual([null]);
  });

  it('does not report helpers in a tests folder as empty test files', async () => {
    const result = await runCheckOn(testsPresentCheck, { ...APP, 'test/helpers.ts': 'export const h = 1;' });
    expect(result.status).toBe('fail');
    expect(result.evidence[0]).toMatch(/files under test folders declare no test case: test\/helpers.ts/);
  });

  it('is not applicable to a repository without JavaScript or TypeScript source', async () => {
    const result = await runCheckOn(testsPresentCheck, { 'README.md': '# notes', 'docs/a.md': 'text' });
    expect(result.status).toBe('na');
    expect(result.reason).toMatch(/no JavaScript or TypeScript source/);
  });

  it('is unknown when the only test file cannot be read', async () => {
    const result = await runCheckOn(testsPresentCheck, { ...APP, 'src/a.test.ts': Buffer.from([0, 1, 2]) });
    expect(result.status).toBe('unknown');
    expect(result.reason).toMatch(/could not be read/);
  });
});
