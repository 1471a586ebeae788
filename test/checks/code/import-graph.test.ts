import { describe, expect, it } from 'vitest';
import { circularImportsCheck } from '../../../src/checks/code/circular-imports.js';
import { unusedExportsCheck } from '../../../src/checks/code/unused-exports.js';
import { unusedFilesCheck } from '../../../src/checks/code/unused-files.js';
import { runCheckOn } from '../../helpers/run-check.js';

const pkg = (extra: Record<string, unknown> = {}) => JSON.stringify({ name: 'app', private: true, main: 'src/index.ts', ...extra });

describe('code.circular-imports', () => {
  it('finds a cycle and names the chain', async () => {
    const result = await runCheckOn(circularImportsCheck, {
      'package.json': pkg(),
      'src/index.ts': "import { a } from './a';\nconsole.log(a);",
      'src/a.ts': "import { b } from './b';\nexport const a = () => b();",
      'src/b.ts': "import { c } from './c.js';\nexport const b = () => c();",
      'src/c.ts': "import { a } from './a';\nexport const c = () => a;",
    });
    expect(result.status).toBe('fail'); // 3 of 4 files are in the cycle
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]?.message).toContain('src/a.ts → src/b.ts → src/c.ts → src/a.ts');
    expect(result.findings[0]?.location).toEqual({ file: 'src/a.ts', line: 1 });
  });

  it.each([
    ['type-only imports', "import type { B } from './b';\nexport type A = B;", "import type { A } from './a';\nexport type B = A;"],
    ['inline type-only names', "import { type B } from './b';\nexport type A = B;", "import { type A } from './a';\nexport type B = A;"],
    ['dynamic imports', "export const a = () => import('./b');", "import { a } from './a';\nexport const b = a;"],
  ])('ignores %s', async (_label, a, b) => {
    const result = await runCheckOn(circularImportsCheck, { 'src/a.ts': a, 'src/b.ts': b });
    expect(result.status).toBe('pass');
  });

  it('resolves tsconfig paths', async () => {
    const result = await runCheckOn(circularImportsCheck, {
      'tsconfig.json': '{ "compilerOptions": { "baseUrl": ".", "paths": { "@/*": ["src/*"] } } }',
      'src/a.ts': "import { b } from '@/lib/b';\nexport const a = 1 + b;",
      'src/lib/b.ts': "import { a } from '@/a';\nexport const b = a;",
    });
    expect(result.findings).toHaveLength(1);
  });

  it('resolves jsconfig paths in a JavaScript project', async () => {
    const result = await runCheckOn(circularImportsCheck, {
      'jsconfig.json': '{ "compilerOptions": { "paths": { "@/*": ["./src/*"] } } }',
      'src/a.js': "import { b } from '@/lib/b';\nexport const a = 1 + b;",
      'src/lib/b.js': "import { a } from '@/a';\nexport const b = a;",
    });
    expect(result.findings).toHaveLength(1);
  });

  it('resolves index files and CommonJS', async () => {
    const result = await runCheckOn(circularImportsCheck, {
      'lib/a.js': "const b = require('./b');\nmodule.exports = { b };",
      'lib/b/index.js': "const a = require('../a');\nmodule.exports = a;",
    });
    expect(result.findings).toHaveLength(1);
  });
});

describe('import aliases that cannot be resolved', () => {
  // The alias lives in vite.config.ts (resolve.alias), which shipshape does not evaluate.
  const files = {
    'package.json': pkg({ main: 'server/index.ts', dependencies: { '@scope/real': '^1.0.0' } }),
    'server/index.ts': "import { users } from '@shared/schema';\nimport { cn } from '@/lib/utils';\nimport { x } from '@scope/real';\nconsole.log(users, cn, x);",
    'shared/schema.ts': 'export const users = 1;\nexport const posts = 2;',
    'client/src/lib/utils.ts': 'export const cn = 1;',
    'client/src/lib/schema.ts': 'export const other = 1;',
    'server/old.ts': 'export const old = 1;',
  };

  it('counts the files an alias may name as used, says so, and reports the rest', async () => {
    const result = await runCheckOn(unusedFilesCheck, files);
    expect(result.findings.map((finding) => finding.location?.file)).toEqual(['client/src/lib/schema.ts', 'server/old.ts']);
    expect(result.evidence).toContain('2 files counted as used because an import alias that could not be resolved may name them (e.g. shared/schema.ts by @shared/schema at server/index.ts:1)');
  });

  it('does not judge the exports of a file an alias may name', async () => {
    const result = await runCheckOn(unusedExportsCheck, files);
    expect(result.findings.map((finding) => finding.message)).not.toContainEqual(expect.stringContaining('posts'));
  });
});

describe('code.unused-files', () => {
  it('reports a file reachable from no entry point', async () => {
    const result = await runCheckOn(unusedFilesCheck, {
      'package.json': pkg({ scripts: { seed: 'tsx src/seed.ts' } }),
      'src/index.ts': "import { used } from './used';\nused();",
      'src/used.ts': 'export const used = () => 1;',
      'src/seed.ts': 'export {};',
      'src/old-api.ts': 'export const old = () => 1;',
      'src/used.test.ts': "import { used } from './used';",
      'vite.config.ts': 'export default {};',
    });
    expect(result.findings.map((finding) => finding.location?.file)).toEqual(['src/old-api.ts']);
  });

  it('follows the paths .sequelizerc gives sequelize-cli (near miss: a config it does not name)', async () => {
    const result = await runCheckOn(unusedFilesCheck, {
      'package.json': pkg({ type: 'module', scripts: { start: 'node src/server.js', migrate: 'sequelize-cli db:migrate' } }),
      '.sequelizerc': "const path = require('path');\nmodule.exports = {\n  config: path.resolve('src', 'config', 'database.cjs'),\n  'migrations-path': path.resolve(__dirname, 'src/migrations'),\n};\n",
      'src/server.js': 'export {};',
      'src/config/database.cjs': 'module.exports = { development: { dialect: "sqlite" } };',
      'src/config/old-database.cjs': 'module.exports = {};',
    });
    expect(result.findings.map((finding) => finding.location?.file)).toEqual(['src/config/old-database.cjs']);
  });

  it('takes the properties of module.exports = { … } as named exports, used by destructuring or member access (near miss: one nobody takes)', async () => {
    const result = await runCheckOn(unusedExportsCheck, {
      'package.json': pkg({ main: 'app.js' }),
      'app.js': "const { loginUser } = require('./utils/auth');\nconst auth = require('./utils/auth').authenticateUser;\nconst { trackRequest } = require('./utils/tracker');\nmodule.exports = { loginUser, auth, trackRequest };\n",
      'utils/auth.js': 'function loginUser() {}\nfunction authenticateUser() {}\nfunction logoutUser() {}\nmodule.exports = { loginUser, authenticateUser, logoutUser };\n',
      'utils/tracker.js': 'module.exports = { trackRequest() {} };\n',
    });
    expect(result.findings.map((finding) => finding.message)).toEqual(['utils/auth.js:4: export `logoutUser` is not imported anywhere.']);
  });

  it('knows Next.js conventions', async () => {
    const result = await runCheckOn(unusedFilesCheck, {
      'package.json': JSON.stringify({ name: 'web', private: true, dependencies: { next: '15.0.0' } }),
      'app/page.tsx': "import { Hero } from '@/components/hero';\nexport default function Page() { return <Hero />; }",
      'app/api/users/route.ts': 'export async function GET() { return Response.json([]); }',
      'proxy.ts': 'export function proxy() {}\nexport const config = { matcher: "/notes/:path*" };',
      'components/hero.tsx': 'export function Hero() { return <h1>Hi</h1>; }',
      'components/unused.tsx': 'export function Unused() { return null; }',
      'tsconfig.json': '{ "compilerOptions": { "paths": { "@/*": ["./*"] } } }',
    });
    expect(result.findings.map((finding) => finding.location?.file)).toEqual(['components/unused.tsx']);
  });

  it('maps dist entry points back to source and follows HTML script tags', async () => {
    const result = await runCheckOn(unusedFilesCheck, {
      'package.json': JSON.stringify({ name: 'lib', main: 'dist/index.js', bin: { cli: './dist/cli.js' } }),
      'src/index.ts': 'export const a = 1;',
      'src/cli.ts': 'export {};',
      'web/index.html': '<script type="module" src="/main.tsx"></script>',
      'web/main.tsx': 'export {};',
    });
    expect(result.status).toBe('pass');
  });

  it('treats what a published package without an exports map publishes as public', async () => {
    const result = await runCheckOn(unusedFilesCheck, {
      'package.json': JSON.stringify({ name: 'lib', main: 'index.js', files: ['index.js', 'classes/', 'preload.js'] }),
      'index.js': 'module.exports = {};',
      'classes/index.js': 'module.exports = {};',
      'preload.js': "require('./index.js');",
      'internal/unused.js': 'module.exports = 1;',
    });
    expect(result.findings.map((finding) => finding.location?.file)).toEqual(['internal/unused.js']);
  });

  it('says unknown with auto-imports or without entry points', async () => {
    const nuxt = await runCheckOn(unusedFilesCheck, { 'package.json': JSON.stringify({ dependencies: { nuxt: '3.0.0' } }), 'components/A.ts': 'export {}' });
    expect(nuxt.status).toBe('unknown');
    const nothing = await runCheckOn(unusedFilesCheck, { 'lib/a.ts': 'export const a = 1;' });
    expect(nothing.status).toBe('unknown');
  });
});

describe('generated component kits', () => {
  const app = {
    'package.json': JSON.stringify({ name: 'web', private: true, dependencies: { next: '15' } }),
    'components.json': '{ "style": "default" }',
    'app/page.tsx': "import { Button } from '@/components/ui/button';\nexport default function Page() { return <Button />; }",
    'components/ui/button.tsx': 'export function Button() { return null; }\nexport const buttonVariants = {};',
    'components/ui/dialog.tsx': 'export function Dialog() { return null; }',
    'tsconfig.json': '{ "compilerOptions": { "paths": { "@/*": ["./*"] } } }',
  };

  it('does not judge shadcn/ui files when its components.json is there', async () => {
    expect((await runCheckOn(unusedFilesCheck, app)).findings).toEqual([]);
    const exportsResult = await runCheckOn(unusedExportsCheck, app);
    expect(exportsResult.findings).toEqual([]);
  });

  it('judges them like any file without the marker', async () => {
    const { ['components.json']: _marker, ...withoutMarker } = app;
    const result = await runCheckOn(unusedFilesCheck, withoutMarker);
    expect(result.findings.map((finding) => finding.location?.file)).toEqual(['components/ui/dialog.tsx']);
  });
});

describe('code.unused-exports', () => {
  it('reports exports nobody imports, but not entry points, namespaces or types', async () => {
    const files: Record<string, string> = {
      'package.json': pkg(),
      'src/index.ts': "import { used } from './util';\nimport * as all from './all';\nexport const api = used + all.x;",
      'src/util.ts': 'export const used = 1;\nexport const unusedHelper = 2;\nexport type Shape = { a: 1 };',
      'src/all.ts': 'export const x = 1;\nexport const y = 2;',
    };
    // Enough used exports that one unused one stays a visible share.
    const result = await runCheckOn(unusedExportsCheck, files);
    expect(result.status).not.toBe('pass');
    expect(result.findings.map((finding) => finding.message)).toEqual(['src/util.ts:2: export `unusedHelper` is not imported anywhere.']);
  });
});

describe('a bin script that imports the build output', () => {
  it('leads to the source, so what the CLI uses is neither an unused file nor an unused export (near miss)', async () => {
    const files: Record<string, string> = {
      'package.json': JSON.stringify({ name: 'tool', private: true, bin: { tool: 'bin/tool.js' } }),
      'bin/tool.js': "import('../dist/cli/main.js').then((cli) => cli.main(process.argv));",
      'src/cli/main.ts': "import { helper } from './helper.js';\nexport function main(argv: string[]) { return helper(argv); }",
      'src/cli/helper.ts': 'export function helper(argv: string[]) { return argv.length; }',
    };
    const exports = await runCheckOn(unusedExportsCheck, files);
    expect(exports.findings).toEqual([]);
    const unusedFiles = await runCheckOn(unusedFilesCheck, files);
    expect(unusedFiles.findings).toEqual([]);
  });
});
