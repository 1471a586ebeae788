import { describe, expect, it } from 'vitest';
import { consoleLoggingCheck } from '../../../src/checks/code/console-logging.js';
import { conventionDriftCheck } from '../../../src/checks/code/convention-drift.js';
import { duplicationCheck } from '../../../src/checks/code/duplication.js';
import { errorMaskingCheck } from '../../../src/checks/code/error-masking.js';
import { prototypeResidueCheck } from '../../../src/checks/code/prototype-residue.js';
import type { ProjectFact } from '../../../src/core/facts.js';
import { runCheckOn } from '../../helpers/run-check.js';

const block = (name: string, field: string) => `
export function ${name}(items, limit) {
  const result = [];
  for (const item of items) {
    if (item.${field} > limit && item.enabled) {
      result.push({ id: item.id, value: item.${field} * 2, label: 'big' });
    } else if (item.${field} === 0) {
      result.push({ id: item.id, value: 0, label: 'zero' });
    } else {
      result.push({ id: item.id, value: item.${field}, label: 'small' });
    }
  }
  return result.sort((a, b) => a.value - b.value);
}
`;
const unique = (index: number) => `export const value${index} = ${index};\nexport function compute${index}(x) { return x * ${index}; }\n`;
const project = (kind: ProjectFact['kind']): { project: ProjectFact } => ({ project: { kind, evidence: [], private: true, name: 'x' } });

describe('code.duplication', () => {
  it('finds a renamed copy and points at both places', async () => {
    const result = await runCheckOn(duplicationCheck, { 'src/orders.ts': block('scoreOrders', 'total'), 'src/products.ts': `// products\n${block('rankProducts', 'price')}` });
    expect(result.status).toBe('fail');
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]?.message).toMatch(/^src\/products\.ts:3-\d+ repeats src\/orders\.ts:2-\d+/);
    expect(result.metrics).toMatchObject({ code: { duplicatedBlocks: 1 } });
  });

  it('passes distinct code and ignores copies in tests', async () => {
    const files = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`src/m${i}.ts`, unique(i)]));
    expect((await runCheckOn(duplicationCheck, files)).status).toBe('pass');
    const withTests = await runCheckOn(duplicationCheck, { ...files, 'src/a.test.ts': block('a', 'x'), 'src/b.test.ts': block('b', 'y') });
    expect(withTests.status).toBe('pass');
  });

  it('leaves migrations out: their boilerplate repeats by design and they are never refactored', async () => {
    const migration = (table: string) => `module.exports = {\n  async up(queryInterface, Sequelize) {\n    await queryInterface.createTable('${table}', {\n      id: { type: Sequelize.INTEGER, primaryKey: true, autoIncrement: true },\n      created_at: { allowNull: false, type: Sequelize.DATE },\n      updated_at: { allowNull: false, type: Sequelize.DATE },\n    });\n    await queryInterface.addIndex('${table}', ['created_at']);\n  },\n  async down(queryInterface) {\n    await queryInterface.dropTable('${table}');\n  },\n};\n`;
    const files = { 'src/migrations/20250120000001-create-songs.cjs': migration('songs'), 'src/migrations/20250120000002-create-albums.cjs': migration('albums') };
    expect((await runCheckOn(duplicationCheck, files)).findings).toEqual([]);
    // The same code outside a migrations folder is a copy.
    const copied = await runCheckOn(duplicationCheck, { 'src/db/songs.cjs': migration('songs'), 'src/db/albums.cjs': migration('albums') });
    expect(copied.findings).toHaveLength(1);
  });

  it('leaves out Drizzle schema modules and a copied UI kit (near miss: the same files without the drizzle import or the kit marker)', async () => {
    const files = (header: string) => ({ 'lib/db/a.ts': `${header}\n${block('a', 'x')}`, 'lib/db/b.ts': `${header}\n${block('b', 'y')}` });
    expect((await runCheckOn(duplicationCheck, files("import { sqliteTable } from 'drizzle-orm/sqlite-core';"))).findings).toEqual([]);
    expect((await runCheckOn(duplicationCheck, files("import { sqliteTable } from './table-helpers';"))).findings).toHaveLength(1);
    const kit = { 'components/ui/a.tsx': block('a', 'x'), 'components/ui/b.tsx': block('b', 'y') };
    expect((await runCheckOn(duplicationCheck, { ...kit, 'components.json': '{}' })).findings).toEqual([]);
    expect((await runCheckOn(duplicationCheck, kit)).findings).toHaveLength(1);
  });

  it('ignores copies shorter than the minimum', async () => {
    const small = 'export function f(a) {\n  if (a) {\n    return a + 1;\n  }\n  return 0;\n}\n';
    expect((await runCheckOn(duplicationCheck, { 'src/a.ts': small, 'src/b.ts': small })).status).toBe('pass');
  });
});

describe('code.error-masking', () => {
  it('lists masked errors in request handlers and around writes', async () => {
    const result = await runCheckOn(errorMaskingCheck, {
      'src/routes.ts': `
        app.post('/orders', async (req, res) => {
          try { await db.order.create({ data: req.body }); } catch (e) { console.error(e); }
          res.sendStatus(201);
        });`,
      'src/util.ts': 'export function parse(s) { try { return JSON.parse(s); } catch (e) { throw new Error("bad", { cause: e }); } }',
    });
    expect(result.status).toBe('fail'); // one of two handlers masks: 50%
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({ severity: 'high', location: { file: 'src/routes.ts', line: 3 } });
  });

  it.each([
    ['rethrow after logging', 'export function f() { try { g(); } catch (e) { logger.error(e); throw e; } }', 'pass'],
    ['explained empty catch', 'export function f() { try { g(); } catch { /* cache is optional */ } }', 'pass'],
    ['a try-prefixed helper', 'export function tryParse(s) { try { return JSON.parse(s); } catch { return null; } }', 'pass'],
    ['swallowed everywhere', 'export function f() { try { g(); } catch {} }\nexport function h() { p.catch(() => {}); }', 'fail'],
  ])('%s → %s', async (_label, code, status) => {
    expect((await runCheckOn(errorMaskingCheck, { 'src/a.ts': code })).status).toBe(status);
  });

  it('does not count tests', async () => {
    expect((await runCheckOn(errorMaskingCheck, { 'src/a.test.ts': 'try { g(); } catch {}', 'src/a.ts': 'export const a = 1;' })).status).toBe('na');
  });
});

describe('code.convention-drift', () => {
  const kebab = (name: string) => [`src/${name}.ts`, `export function ${name.replace(/-/g, '')}() {}\n`] as const;
  it('passes a consistent codebase', async () => {
    const files = Object.fromEntries(['user-service', 'order-service', 'cart-store', 'price-utils', 'date-format', 'http-client'].map(kebab));
    const result = await runCheckOn(conventionDriftCheck, files);
    expect(result.status).toBe('pass');
    expect(result.metrics).toMatchObject({ code: { consistencyIndex: 100 } });
  });

  it('finds files that deviate from the dominant choice', async () => {
    const files: Record<string, string> = Object.fromEntries(['user-service', 'order-service', 'cart-store', 'price-utils', 'date-format', 'http-client'].map(kebab));
    files['src/paymentHelper.ts'] = 'const pay = () => 1;\nconst refund = () => 2;\nexport default pay;\n';
    files['src/shipping_rules.ts'] = 'export const rule = () => 1;\nexport const other = () => 2;\n';
    const result = await runCheckOn(conventionDriftCheck, files);
    expect(result.status).not.toBe('pass');
    const caseFinding = result.findings.find((finding) => finding.data?.['dimension'] === 'file-case-modules');
    expect(caseFinding?.data?.['deviating']).toEqual([
      { file: 'src/paymentHelper.ts', style: 'camelCase' },
      { file: 'src/shipping_rules.ts', style: 'snake_case' },
    ]);
  });

  it('reads the name before the first dot and leaves framework names alone', async () => {
    const files: Record<string, string> = Object.fromEntries(['users', 'orders', 'carts', 'prices', 'dates', 'clients'].map((name) => [`src/${name}-api.service.ts`, 'export function f() {}\n']));
    files['pages/_app.tsx'] = 'export function App() { return null; }\n';
    files['src/routes/+page.ts'] = 'export function load() {}\n';
    const result = await runCheckOn(conventionDriftCheck, files);
    expect(result.evidence.join('\n')).toMatch(/file-name case of \.js\/\.ts files: 6 kebab-case \(100% consistent\)/);
  });

  it('infers the export style per role of file (routers by default, services by name), not across roles', async () => {
    const files: Record<string, string> = {};
    for (const name of ['users', 'posts', 'tags', 'auth', 'profiles']) {
      files[`src/routes/${name}.controller.ts`] = `import { Router } from 'express';\nconst router = Router();\nexport default router;\n`;
      files[`src/services/${name}.service.ts`] = `export async function find${name}() { return []; }\n`;
    }
    const consistent = await runCheckOn(conventionDriftCheck, files);
    expect(consistent.evidence.join('\n')).toMatch(/default or named exports of \*\.controller\.\* files: 5 default export \(100% consistent\)/);
    expect(consistent.findings.filter((finding) => /exports/.test(finding.message))).toEqual([]);
    const drifting = await runCheckOn(conventionDriftCheck, { ...files, 'src/services/tags.service.ts': 'export default async function findTags() { return []; }\n' });
    expect(drifting.evidence.join('\n')).toMatch(/default or named exports of \*\.service\.\* files: 4 named exports, 1 default export \(80% consistent\)/);
  });

  it('leaves the module style of .cjs/.mjs files and the names of migrations to their extension and their tool', async () => {
    const files: Record<string, string> = Object.fromEntries(['user-service', 'order-service', 'cart-store', 'price-utils', 'date-format', 'http-client'].map(kebab));
    for (const name of Object.keys(files)) files[name] = `import { x } from './x.js';\n${files[name]}`;
    files['src/config/database.cjs'] = "const path = require('path');\nmodule.exports = { storage: path.join(__dirname, 'db.sqlite') };\n";
    for (let i = 1; i <= 6; i++) files[`src/migrations/2025012000000${i}-create-table${i}.cjs`] = "module.exports = { up() {}, down() {} };\n";
    files['src/seeders/20250120-demoUsers.js'] = 'export const seed = () => 1;\n';
    const result = await runCheckOn(conventionDriftCheck, files);
    expect(result.findings).toEqual([]);
    expect(result.evidence.join('\n')).toMatch(/ES modules or require\(\): 6 ES modules \(100% consistent\)/);
    // A plain .js file using require() among ES modules still deviates.
    const drifting = await runCheckOn(conventionDriftCheck, { ...files, 'src/legacy.js': "const fs = require('fs');\nmodule.exports = fs;\n" });
    expect(drifting.evidence.join('\n')).toMatch(/ES modules or require\(\): 6 ES modules, 1 require\(\)/);
  });

  it('does not count framework files that must export default', async () => {
    const files: Record<string, string> = { 'package.json': JSON.stringify({ dependencies: { next: '15' } }) };
    for (let i = 0; i < 6; i++) files[`src/lib/mod${i}.ts`] = `export function f${i}() {}\n`;
    for (let i = 0; i < 6; i++) files[`app/p${i}/page.tsx`] = `export default function Page() { return null; }\n`;
    const result = await runCheckOn(conventionDriftCheck, files);
    expect(result.evidence.join('\n')).not.toMatch(/default export/);
  });
});

describe('code.prototype-residue', () => {
  it('lists leftovers with their severity', async () => {
    const result = await runCheckOn(prototypeResidueCheck, {
      'src/pay.ts': "export function charge() { throw new Error('Not implemented yet'); }",
      'src/users.ts': 'export const mockUsers = [{ id: 1, name: "Ada" }];',
      'src/Button.tsx': 'export const Button = () => null;',
      'src/Button2.tsx': 'export const Button2 = () => null;',
      'src/config.old.ts': 'export {};',
    });
    expect(result.status).toBe('partial');
    expect(result.findings.map((finding) => [finding.location?.file, finding.severity])).toEqual([
      ['src/pay.ts', 'high'],
      ['src/users.ts', 'medium'],
      ['src/Button2.tsx', 'low'],
      ['src/config.old.ts', 'low'],
    ]);
  });

  it("finds a Finder duplicate ('route 2.ts') and a '-original' copy of a Next.js route", async () => {
    const route = 'export async function POST() { return Response.json({}); }';
    const result = await runCheckOn(prototypeResidueCheck, {
      'app/api/register/route.ts': route,
      'app/api/register/route 2.ts': route,
      'app/api/session/route.ts': route,
      'app/api/session/route-original.ts': route,
    });
    expect(result.findings.map((finding) => finding.location?.file)).toEqual(['app/api/register/route 2.ts', 'app/api/session/route-original.ts']);
    expect(result.findings[0]?.message).toMatch(/abandoned copy of app\/api\/register\/route\.ts/);
  });

  it.each([
    ['a TODO in a test file', { 'src/a.test.ts': '// TODO: implement real API\nconst mockUsers = [];', 'src/a.ts': 'export const a = 1;' }],
    ['mocks in a fixtures folder', { 'test/fixtures/data.ts': 'export const mockUsers = [{}];', 'src/a.ts': 'export const a = 1;' }],
    ['a versioned name without an original', { 'src/oauth2.ts': 'export {};', 'src/v1.ts': 'export {};' }],
    ['a numbered name whose original is a different word', { 'src/step 2.ts': 'export {};', 'src/steps.ts': 'export {};' }],
    ['a real random number', { 'src/a.ts': 'export const jitter = () => Math.random() * 100;' }],
  ])('passes %s', async (_label, files) => {
    expect((await runCheckOn(prototypeResidueCheck, files)).status).toBe('pass');
  });
});

describe('code.console-logging', () => {
  const noisy = Array.from({ length: 10 }, (_, i) => `console.log('step ${i}');`).join('\n');
  it('counts console calls in server code and names the installed logger', async () => {
    const result = await runCheckOn(
      consoleLoggingCheck,
      { 'package.json': JSON.stringify({ dependencies: { pino: '9' } }), 'src/server.ts': `export function start() {\n${noisy}\n}` },
      { facts: project('service') },
    );
    expect(result.status).toBe('fail');
    expect(result.findings[0]?.message).toMatch(/10 calls to console\.log .*use the pino logger instead/);
  });

  it('is not applicable to a CLI, where console is the interface', async () => {
    const result = await runCheckOn(consoleLoggingCheck, { 'src/cli.ts': noisy }, { facts: project('cli') });
    expect(result.status).toBe('na');
  });

  it('leaves out files a package script runs as a command (near miss: the script that starts the server)', async () => {
    const manifest = JSON.stringify({
      scripts: { build: 'esbuild src/server/index.js --bundle --outdir=dist', start: 'node src/server/index.js', 'db:seed': 'NODE_ENV=development tsx src/server/db/seed.ts', 'db:setup': 'npx tsx src/server/db/setup.ts' },
    });
    const result = await runCheckOn(
      consoleLoggingCheck,
      { 'package.json': manifest, 'src/server/index.js': noisy, 'src/server/db/seed.ts': noisy, 'src/server/db/setup.ts': noisy },
      { facts: project('service') },
    );
    expect(result.findings.map((finding) => finding.location?.file)).toEqual(['src/server/index.js']);
  });

  it('ignores browser code in a web app', async () => {
    const result = await runCheckOn(consoleLoggingCheck, { 'src/components/Chart.tsx': noisy, 'app/page.tsx': noisy }, { facts: project('web-app') });
    expect(result.status).toBe('na');
  });

  it('does not count Supabase Edge Functions, whose console output is the platform log, but counts other server code', async () => {
    const edgeOnly = await runCheckOn(consoleLoggingCheck, { 'supabase/functions/send-mail/index.ts': `Deno.serve(() => {\n${noisy}\nreturn new Response('ok');\n});` }, { facts: project('web-app') });
    expect(edgeOnly.status).toBe('na');
    expect(edgeOnly.reason).toMatch(/Supabase Edge Functions, whose console output is the platform's log/);
    const withServer = await runCheckOn(
      consoleLoggingCheck,
      { 'supabase/functions/send-mail/index.ts': noisy, 'server/functions/mailer.ts': noisy },
      { facts: project('service') },
    );
    expect(withServer.findings.map((finding) => finding.location?.file)).toEqual(['server/functions/mailer.ts']);
  });

  it('follows use server / use client, and leaves browser fetch wrappers and index files of a web app alone', async () => {
    const result = await runCheckOn(
      consoleLoggingCheck,
      {
        'lib/actions/notes.ts': `'use server';\nexport async function save() {\n${noisy}\n}`,
        'server/components/Chart.tsx': `'use client';\nexport function Chart() {\n${noisy}\nreturn null;\n}`,
        'src/api/redteam.ts': `export async function ask() {\n${noisy}\n}`,
        'src/services/rockTypeResolver.ts': `export async function resolve() {\n${noisy}\n}`,
        'src/server/jobs/sync.ts': `export async function sync() {\n${noisy}\n}`,
        'src/types/index.ts': `export type A = 1;\n${noisy}`,
        'api/health.ts': `export default function handler() {\n${noisy}\n}`,
      },
      { facts: project('web-app') },
    );
    expect(result.findings.map((finding) => finding.location?.file)).toEqual(['api/health.ts', 'lib/actions/notes.ts', 'src/server/jobs/sync.ts']);
  });

  it('counts API routes in a web app', async () => {
    const result = await runCheckOn(consoleLoggingCheck, { 'app/api/users/route.ts': noisy, 'src/components/Chart.tsx': noisy }, { facts: project('web-app') });
    expect(result.status).toBe('fail');
    expect(result.findings.map((finding) => finding.location?.file)).toEqual(['app/api/users/route.ts']);
  });
});
