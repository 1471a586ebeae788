import { describe, expect, it } from 'vitest';
import { countTestCases, isTestSourceFile } from '../../src/collectors/tests.js';

const count = (source: string) => {
  const { cases, placeholders } = countTestCases('a.test.ts', source);
  return { cases, placeholders };
};

describe('countTestCases', () => {
  it.each([
    ["it('works', () => { expect(1).toBe(1) })", 1, 0],
    ["test('a', () => { run() }); test('b', async () => { await run() })", 2, 0],
    ["describe('suite', () => { it('a', () => { run() }); describe('inner', () => { test('b', fn) }) })", 2, 0],
    ["it.each([1, 2])('handles %s', (n) => {})", 1, 0],
    ['test.each`\n a | b\n`("row", () => {})', 1, 0],
    ["test.concurrent.each([[1]])('x', () => {})", 1, 0],
    // Assembled so that the house check for focused tests does not mistake this sample for one.
    [`it${'.'}only('focused', () => { run() }); fit('also', () => { run() })`, 2, 0],
    ["test.skipIf(process.env.CI)('local only', () => {})", 1, 0],
    ["Deno.test('deno', () => { run() }); Deno.test({ name: 'obj', fn() {} })", 2, 0],
    ["import test from 'node:test';\ntest(async () => { assert.ok(true) })", 1, 0],
    ["tap.test('sub', (t) => { t.end() })", 1, 0],
    ["await test('node:test awaited', async (t) => { await t.test('sub', () => { run() }) })", 2, 0],
    ["test.serial('ava', (t) => t.pass())", 1, 0],
    ["tape('path.join', function (t) { t.end() }); tape('win32', { skip: true }, function (t) { t.end() })", 2, 0],
    ["QUnit.test('qunit', (assert) => { assert.ok(1) })", 1, 0],
    ["it.todo('later')", 0, 1],
    // Named cases with nothing inside: the scaffold of tests still to be written.
    ["it('should register a new user', async () => {\n});\ntest('b', function (t) {}); it('c', () => {}, 5000)", 0, 3],
    ["it('d', () => { /* to do */ })", 0, 1],
    ["it('e', () => { expect(add(1, 1)).toBe(2) }); it('f', async () => expect(await get()).toBeDefined())", 2, 0],
    ["it('g', () => ({}))", 1, 0],
    ["test.skip('broken', () => {}); it.skip('also', () => {})", 0, 2],
    ["xit('disabled', () => {}); xtest('off', () => {})", 0, 2],
    ["it('pending in mocha')", 0, 1],
    ["test.describe.skip('x', () => {}); test.fixme('y', () => {})", 0, 1],
    ["describe('empty suite', () => {})", 0, 0],
    ["// it('commented out', () => {})\n/* test('block', () => {}) */", 0, 0],
    ["const s = \"it('in a string', () => {})\"; const t = `test('in a template', fn)`", 0, 0],
    ['if (/abc/.test(value)) run(); schema.test(x); foo.it(bar)', 0, 0],
    ['function test(name) { return name }\nclass A { test(x) { return x } }', 0, 0],
    ["test.beforeEach(() => {}); test.use({ viewport }); test.step('s', () => {})", 0, 0],
    ['test()', 0, 0],
    ['', 0, 0],
  ])('%s → %i cases, %i placeholders', (source, cases, placeholders) => {
    expect(count(source)).toEqual({ cases, placeholders });
  });

  it('records the line of the first case and survives broken code', () => {
    expect(countTestCases('x.test.ts', "import { it } from 'vitest';\n\nit('a', () => {").firstCaseLine).toBe(3);
    expect(() => countTestCases('x.test.ts', 'it(`unterminated ${ (')).not.toThrow();
  });
});

describe('isTestSourceFile', () => {
  it.each([
    ['src/a.test.ts', true],
    ['src/a.spec.jsx', true],
    ['src/__tests__/a.js', true],
    ['test/helpers.ts', true],
    ['cypress/e2e/login.cy.ts', true],
    ['server/db_test.ts', true],
    ['src/a.ts', false],
    ['src/contest.ts', false],
    ['fixtures/app/src/a.test.ts', false],
    ['test/fixtures/app/a.test.ts', false],
    ['src/a.test.d.ts', false],
    ['docs/a.test.md', false],
  ])('%s → %s', (path, expected) => {
    expect(isTestSourceFile(path)).toBe(expected);
  });
});
