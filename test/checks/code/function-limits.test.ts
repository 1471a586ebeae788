import { describe, expect, it } from 'vitest';
import { complexityCheck } from '../../../src/checks/code/complexity.js';
import { functionSizeCheck } from '../../../src/checks/code/function-size.js';
import { nestingCheck } from '../../../src/checks/code/nesting.js';
import { parametersCheck } from '../../../src/checks/code/parameters.js';
import { runCheckOn } from '../../helpers/run-check.js';

/** A function with `n` sequential ifs nested `depth` deep: cognitive = sum of nesting increments. */
const ladder = (name: string, ifs: number) => `export function ${name}(x) {\n${Array.from({ length: ifs }, (_, i) => `  if (x === ${i}) { return ${i}; }`).join('\n')}\n  return -1;\n}\n`;
const nested = (name: string, depth: number) => {
  let body = 'return 1;';
  for (let level = depth - 1; level >= 0; level--) body = `if (x > ${level}) { ${body} }`;
  return `export function ${name}(x) { ${body} return 0; }\n`;
};
const longFunction = (name: string, lines: number) => `export function ${name}() {\n${Array.from({ length: lines }, (_, i) => `  const v${i} = ${i};`).join('\n')}\n}\n`;
const simple = Array.from({ length: 20 }, (_, i) => `export function f${i}(a) { return a + ${i}; }`).join('\n');

describe('code.complexity', () => {
  it('passes simple code', async () => {
    const result = await runCheckOn(complexityCheck, { 'src/a.ts': simple });
    expect(result.status).toBe('pass');
    expect(result.findings).toEqual([]);
  });

  it('reports a function over the cognitive limit with all its numbers, at its first line', async () => {
    const result = await runCheckOn(complexityCheck, { 'src/a.ts': `${simple}\n${nested('deep', 6)}` });
    expect(result.status).toBe('partial');
    expect(result.findings).toHaveLength(1);
    const [finding] = result.findings;
    expect(finding?.location).toEqual({ file: 'src/a.ts', line: 21 });
    expect(finding?.severity).toBe('medium'); // 1+2+3+4+5+6 = 21
    expect(finding?.data).toEqual({ function: 'deep', cyclomatic: 7, cognitive: 21, lines: 1, params: 1, depth: 6 });
  });

  it.each([
    [8, 'high'], // 1+…+8 = 36
    [9, 'critical'], // 45
  ])('grades severity by cognitive complexity (depth %i → %s)', async (depth, severity) => {
    const result = await runCheckOn(complexityCheck, { 'src/a.ts': nested('deep', depth) });
    expect(result.findings[0]?.severity).toBe(severity);
  });

  it('reports high cyclomatic complexity even when cognitive complexity is low', async () => {
    const result = await runCheckOn(complexityCheck, { 'src/a.ts': `export const pick = (a) => a?.b?.c?.d?.e?.f?.g?.h?.i?.j?.k?.l?.m?.n?.o?.p?.q?.r?.s?.t?.u?.v;` });
    expect(result.findings[0]?.data).toMatchObject({ cyclomatic: 22, cognitive: 0 });
  });

  it('says when the cognitive figure counts nested callbacks, which cyclomatic complexity does not', async () => {
    const branches = Array.from({ length: 8 }, (_, i) => `    if (row.k${i}) return false;`).join('\n');
    const component = `export function List({ rows }) {\n  const shown = useMemo(() => rows.filter((row) => {\n${branches}\n    return true;\n  }), [rows]);\n  return <ul>{shown.map((row) => <li key={row.id} />)}</ul>;\n}\n`;
    const result = await runCheckOn(complexityCheck, { 'src/List.tsx': component, 'src/b.ts': `${nested('deep', 6)}` });
    const byFunction = Object.fromEntries(result.findings.map((finding) => [String(finding.data?.['function']), finding.message]));
    // The useMemo callback: eight ifs nested one level inside the filter callback (2 each), its own cyclomatic 1.
    expect(byFunction['shown']).toBe(
      'src/List.tsx:2: shown has cognitive complexity 16 (limit 15, counting the functions nested in it), cyclomatic complexity 1 over 11 lines.',
    );
    expect(byFunction['deep']).toContain('cognitive complexity 21 (limit 15), cyclomatic');
  });

  it('ignores test files and honours options', async () => {
    expect((await runCheckOn(complexityCheck, { 'src/a.test.ts': nested('deep', 8), 'src/b.ts': simple })).status).toBe('pass');
    const relaxed = await runCheckOn(complexityCheck, { 'src/a.ts': nested('deep', 6) }, { checkOptions: { cognitive: 30 } });
    expect(relaxed.status).toBe('pass');
  });

  it('keeps fingerprints stable when lines move', async () => {
    const before = await runCheckOn(complexityCheck, { 'src/a.ts': nested('deep', 6) });
    const after = await runCheckOn(complexityCheck, { 'src/a.ts': `// header\n\n${nested('deep', 6)}` });
    expect(after.findings[0]?.fingerprint).toBe(before.findings[0]?.fingerprint);
  });

  it('is not applicable without source', async () => {
    const result = await runCheckOn(complexityCheck, { 'README.md': '# x' });
    expect(result.status).toBe('na');
    expect(result.reason).toMatch(/No JavaScript or TypeScript/);
  });
});

describe('code.function-size', () => {
  it.each([
    [60, 0],
    [61, 1],
  ])('a function of %i lines of code (signature and brace included) gives %i findings', async (lines, count) => {
    const result = await runCheckOn(functionSizeCheck, { 'src/a.ts': longFunction('big', lines - 2) });
    expect(result.findings).toHaveLength(count);
  });

  it('does not count blank and comment lines, nor report nested functions twice', async () => {
    const padded = `export function big() {\n${'  // note\n\n'.repeat(40)}  const inner = () => {\n${'    run();\n'.repeat(30)}  };\n${'  run();\n'.repeat(20)}}\n`;
    const result = await runCheckOn(functionSizeCheck, { 'src/a.ts': padded });
    expect(result.status).toBe('pass');
  });
});

describe('code.parameters', () => {
  it.each([
    ['export function f(a, b, c, d) {}', 0],
    ['export function f(a, b, c, d, e) {}', 1],
    ['export function f({ a, b, c, d, e, f }) {}', 0],
    ['export function f(this: Window, a: number, b: number, c: number, d: number) {}', 0],
    ["export const g = (s) => s.replace(/x/g, (match, a, b, c, d, e) => a);", 0],
    ['export const h = new Proxy({}, { get(target, key, receiver, extra, more) { return 1; } });', 1],
  ])('%s → %i findings', async (code, count) => {
    expect((await runCheckOn(parametersCheck, { 'src/a.ts': code })).findings).toHaveLength(count);
  });
});

describe('code.nesting', () => {
  it.each([
    [4, 0],
    [5, 1],
  ])('depth %i → %i findings', async (depth, count) => {
    expect((await runCheckOn(nestingCheck, { 'src/a.ts': nested('deep', depth) })).findings).toHaveLength(count);
  });

  it('does not count an else-if ladder as nesting', async () => {
    expect((await runCheckOn(nestingCheck, { 'src/a.ts': ladder('ladder', 12).replace(/\n  if/g, '\n  else if').replace('else if', 'if') })).status).toBe('pass');
  });
});
