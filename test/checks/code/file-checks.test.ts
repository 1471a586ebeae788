import { describe, expect, it } from 'vitest';
import { fileSizeCheck } from '../../../src/checks/code/file-size.js';
import { parseErrorCheck } from '../../../src/checks/code/parse-error.js';
import { tsconfigStrictCheck } from '../../../src/checks/code/tsconfig-strict.js';
import { typeEscapesCheck } from '../../../src/checks/code/type-escapes.js';
import { runCheckOn } from '../../helpers/run-check.js';

const lines = (count: number) => Array.from({ length: count }, (_, i) => `export const v${i} = ${i};`).join('\n');

describe('code.parse-error', () => {
  it('reports a file that does not parse with line and column', async () => {
    const result = await runCheckOn(parseErrorCheck, { 'src/ok.ts': 'export const a = 1;', 'src/bad.ts': 'export const a = 1;\nconst b = {;\n' });
    expect(result.status).toBe('fail');
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]?.location).toMatchObject({ file: 'src/bad.ts', line: 2 });
  });

  it('ignores broken test fixtures and passes clean code', async () => {
    const result = await runCheckOn(parseErrorCheck, { 'src/ok.ts': 'export const a = 1;', 'test/fixtures/broken.ts': 'const = ;' });
    expect(result.status).toBe('pass');
  });

  it('parses JSX in .js files and TypeScript generics in .ts files without errors', async () => {
    const result = await runCheckOn(parseErrorCheck, {
      'src/App.js': 'export const App = () => <div className="a">{1}</div>;',
      'src/id.ts': 'export const id = <T,>(x: T): T => x;',
    });
    expect(result.status).toBe('pass');
  });
});

describe('code.file-size', () => {
  it.each([
    [500, 'pass', 0],
    [501, 'partial', 1],
  ])('%i lines of code → %s', async (count, status, findings) => {
    const files = { 'src/big.ts': lines(count), ...Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`src/m${i}.ts`, lines(5)])) };
    const result = await runCheckOn(fileSizeCheck, files);
    expect(result.status).toBe(status);
    expect(result.findings).toHaveLength(findings);
  });
});

describe('code.type-escapes', () => {
  const clean = lines(200);
  it('passes code with few escapes', async () => {
    const result = await runCheckOn(typeEscapesCheck, { 'src/a.ts': `${clean}\nexport const x: any = 1;` });
    expect(result.status).toBe('pass');
  });

  it('fails dense escapes and lists the file', async () => {
    const dirty = Array.from({ length: 20 }, (_, i) => `export const v${i} = (value as unknown as Foo)!.bar as any;`).join('\n');
    const result = await runCheckOn(typeEscapesCheck, { 'src/a.ts': dirty });
    expect(result.status).toBe('fail');
    expect(result.findings[0]?.location?.file).toBe('src/a.ts');
    expect(result.findings[0]?.data).toMatchObject({ escapes: 60 });
  });

  it('lets a few escapes pass in a small codebase', async () => {
    const result = await runCheckOn(typeEscapesCheck, { 'src/a.ts': 'export const url = process.env.URL!;\nexport const key = process.env.KEY!;' });
    expect(result.status).toBe('pass');
  });

  it('flags @ts-nocheck even when the density is low', async () => {
    const result = await runCheckOn(typeEscapesCheck, { 'src/a.ts': `// @ts-nocheck\n${clean}` });
    expect(result.status).toBe('partial');
    expect(result.findings[0]?.message).toMatch(/ts-nocheck/);
  });

  it('is not applicable to JavaScript', async () => {
    expect((await runCheckOn(typeEscapesCheck, { 'src/a.js': 'export const a = 1;' })).status).toBe('na');
  });

  it('does not count test files', async () => {
    const dirty = Array.from({ length: 20 }, () => 'x as any;').join('\n');
    expect((await runCheckOn(typeEscapesCheck, { 'src/a.ts': clean, 'src/a.test.ts': dirty })).status).toBe('pass');
  });
});

describe('code.tsconfig-strict', () => {
  const src = { 'src/a.ts': 'export const a = 1;' };
  it.each([
    ['strict on', { 'tsconfig.json': '{ "compilerOptions": { "strict": true } }' }, 'pass'],
    ['comments and trailing commas', { 'tsconfig.json': '{\n  // settings\n  "compilerOptions": { "strict": true, },\n}' }, 'pass'],
    ['strict off', { 'tsconfig.json': '{ "compilerOptions": { "strict": false } }' }, 'fail'],
    ['not set', { 'tsconfig.json': '{ "compilerOptions": { "target": "es2022" } }' }, 'fail'],
    ['extends a strict base in the repo', { 'tsconfig.base.json': '{ "compilerOptions": { "strict": true } }', 'tsconfig.json': '{ "extends": "./tsconfig.base.json" }' }, 'pass'],
    ['base strict, child undoes part', { 'tsconfig.base.json': '{ "compilerOptions": { "strict": true } }', 'tsconfig.json': '{ "extends": "./tsconfig.base", "compilerOptions": { "strictNullChecks": false } }' }, 'fail'],
    ['extends a known strict package', { 'tsconfig.json': '{ "extends": "@tsconfig/node20/tsconfig.json" }' }, 'pass'],
    ['extends an unknown package', { 'tsconfig.json': '{ "extends": "some-company-config" }' }, 'unknown'],
    ['one of two packages strict', { 'tsconfig.json': '{ "compilerOptions": { "strict": true } }', 'packages/web/tsconfig.json': '{ "compilerOptions": {} }' }, 'partial'],
    ['no tsconfig', {}, 'fail'],
    // Vite's templates: the root config compiles nothing and references the ones that do.
    [
      'a solution config whose references are strict',
      {
        'tsconfig.json': '{ "files": [], "references": [{ "path": "./tsconfig.app.json" }, { "path": "./tsconfig.node.json" }] }',
        'tsconfig.app.json': '{ "compilerOptions": { "strict": true }, "include": ["src"] }',
        'tsconfig.node.json': '{ "compilerOptions": { "strict": true }, "include": ["vite.config.ts"] }',
      },
      'pass',
    ],
    [
      'a solution config with one lax reference',
      {
        'tsconfig.json': '{ "files": [], "references": [{ "path": "./tsconfig.app.json" }, { "path": "./tsconfig.node.json" }] }',
        'tsconfig.app.json': '{ "compilerOptions": { "strict": false } }',
        'tsconfig.node.json': '{ "compilerOptions": { "strict": true } }',
      },
      'partial',
    ],
    ['references beside files of its own (not a solution config)', { 'tsconfig.json': '{ "include": ["src"], "references": [{ "path": "./tsconfig.node.json" }] }', 'tsconfig.node.json': '{ "compilerOptions": { "strict": true } }' }, 'fail'],
  ])('%s → %s', async (_label, configs, status) => {
    const result = await runCheckOn(tsconfigStrictCheck, { ...src, ...configs });
    expect(result.status).toBe(status);
  });

  it('names the referenced config that is not strict, and says how the root was judged', async () => {
    const result = await runCheckOn(tsconfigStrictCheck, {
      ...src,
      'tsconfig.json': '{ "files": [], "references": [{ "path": "./tsconfig.app.json" }] }',
      'tsconfig.app.json': '{\n  "compilerOptions": {}\n}',
    });
    expect(result.evidence[0]).toBe('tsconfig.json: compiles nothing itself ("files": []), judged through tsconfig.app.json');
    expect(result.findings.map((finding) => finding.message)).toEqual(['tsconfig.app.json: "strict" is not set.']);
  });

  it('points at the line that turns strict off', async () => {
    const result = await runCheckOn(tsconfigStrictCheck, { ...src, 'tsconfig.json': '{\n  "compilerOptions": {\n    "strict": false\n  }\n}' });
    expect(result.findings[0]?.location).toEqual({ file: 'tsconfig.json', line: 3 });
  });

  it('is not applicable to a JavaScript-only repository', async () => {
    expect((await runCheckOn(tsconfigStrictCheck, { 'src/a.js': 'export const a = 1;' })).status).toBe('na');
  });
});
