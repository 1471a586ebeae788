import { describe, expect, it } from 'vitest';
import { extractConsole } from '../../src/analysis/extractors/console.js';
import { extractConventions } from '../../src/analysis/extractors/conventions.js';
import { extractResidue } from '../../src/analysis/extractors/residue.js';
import { sourceOf } from './source.js';

const residueOf = (code: string, path = 'src/file.tsx') => extractResidue(sourceOf(code, path)).items.map((item) => `${item.kind}@${item.line}`);

describe('residue extractor', () => {
  it.each([
    ["function pay() { throw new Error('Not implemented'); }", ['not-implemented@1']],
    ["function pay() { throw new Error('TODO'); }", ['not-implemented@1']],
    ['function pay(a) { throw new Error(`Not implemented: ${a}`); }', ['not-implemented@1']],
    ["function pay() { throw new Error('card declined'); }", []],
    ['// TODO: implement real payment provider\nexport const pay = () => true;', ['todo-implement@1']],
    ['// FIXME replace with real API call', ['todo-implement@1']],
    ['// TODO: rename this variable', []],
    ['const mockUsers = [{ id: 1 }];', ['mock-data@1']],
    ['const DEMO_ORDERS = [];', ['mock-data@1']],
    ['const sampleRate = 0.5;', []],
    ['class Store {\n  async seedPlans() {\n    const mockPlans = [{ id: "free" }];\n    await db.insert(plans).values(mockPlans);\n  }\n}', []],
    ['async function listPlans() {\n  const mockPlans = [{ id: "free" }];\n  return mockPlans;\n}', ['mock-data@2']],
    ['async function listPlans() {\n  const rows = await db.select().from(plans);\n  // Nothing stored yet: serve mock plans for now\n  return rows.length ? rows : [{ id: "free" }];\n}', ['todo-implement@3']],
    ['// For now we retry once; a backoff would be better', []],
    ['// The stub server for now lives in test/', ['todo-implement@1']],
    ['/** Flags a note such as `// return mock data for now`. */', []],
    ['// Return mock data for now; `fetchUsers` calls the API later', ['todo-implement@1']],
    ['// Docs for `TODO: implement` markers', []],
    ['const testimonials = [{ id: 1 }];', []],
    ["const text = 'Lorem ipsum dolor sit amet';", ['lorem-ipsum@1']],
    ['const Hero = () => <p>Lorem ipsum dolor</p>;', ['lorem-ipsum@1']],
    ['// we detect lorem ipsum placeholders\nconst LOREM = /lorem ipsum/i;', []],
    ["const label = 'placeholder text (lorem ipsum)';", []],
    ['// Finds "TODO: implement" notes left in code', []],
    ['/*\n * Parser.\n * TODO: implement the real tokenizer\n */', ['todo-implement@3']],
    ['async function fetchUsers() { await new Promise((r) => setTimeout(r, 800)); return users; }', ['fake-latency@1']],
    ['async function fetchUsers() { await sleep(1000); return users; }', ['fake-latency@1']],
    ['async function animate() { await sleep(1000); }', []],
    ['async function fetchUsers() { await sleep(10); }', []],
    ['async function fetchUser() {\n  return Promise.race([db.find(), new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), 12000))]);\n}', []],
    ['async function fetchUser() {\n  await new Promise((done) => setTimeout(() => done(undefined), 900));\n}', ['fake-latency@2']],
    // Pacing real work inside a loop: a rate limit, polling, a retry back-off.
    ['async function fetchRegions(regions) {\n  for (const region of regions) {\n    out.push(await fetch(url(region)));\n    await new Promise((resolve) => setTimeout(resolve, 2000));\n  }\n}', []],
    ['async function fetchStatus() {\n  while (!done) {\n    done = await poll();\n    await sleep(1000);\n  }\n}', []],
    ['async function fetchAll(ids) {\n  const load = async () => { await sleep(500); };\n  for (const id of ids) await load();\n}', ['fake-latency@2']],
    ['function handle() { const requestId = `req_${Math.random().toString(36).slice(2)}`; }', []],
    ['function handle() { const trace_id = Math.random().toString(36); }', []],
    ['function create() { const orderId = `ord_${Math.random().toString(36).slice(2)}`; }', ['random-id@1']],
    ["function voucher() {\n  let code = 'RWD-';\n  for (let i = 0; i < 6; i++) code += chars.charAt(Math.floor(Math.random() * chars.length));\n  return code;\n}", ['random-id@3']],
    ['function roll() { let total = 0; total += Math.floor(Math.random() * 6); return total; }', []],
    ['const statusCodes = [200, 404]; const pick = statusCodes[Math.floor(Math.random() * 2)];', []],
    ['const id = Math.random().toString(36).slice(2);', ['random-id@1']],
    ['const item = { id: Math.random() };', ['random-id@1']],
    ['function generateId() { return Math.random().toString(36); }', ['random-id@1']],
    ['const jitter = Math.random() * 100;', []],
    ['// const a = 1;\n// const b = 2;\n// if (a) {\n//   run(a, b);\n// }\nexport {};', ['commented-out-code@1']],
    ['// This module explains how\n// the scheduler picks the next\n// job to run and why it\n// never starves the queue.\n// See docs for details.', []],
    ['/**\n * const a = 1;\n * const b = 2;\n * run(a);\n * run(b);\n * run(c);\n */', []],
  ])('%s', (code, expected) => {
    expect(residueOf(code)).toEqual(expected);
  });

  it('leaves named sample data alone in a seed file', () => {
    expect(residueOf('export const demoUsers = [{ name: "Ada" }];', 'prisma/seed.ts')).toEqual([]);
    expect(residueOf('export const demoUsers = [{ name: "Ada" }];', 'db/seeds/users.ts')).toEqual([]);
    expect(residueOf('export const demoUsers = [{ name: "Ada" }];', 'src/seedlings.ts')).toEqual(['mock-data@1']);
  });

  it('counts fake latency anywhere in a data file', () => {
    expect(residueOf('export const slow = () => new Promise((resolve) => setTimeout(resolve, 500));', 'src/api/client.ts')).toEqual(['fake-latency@1']);
  });
});

describe('console extractor', () => {
  it('records console calls with method and line', () => {
    expect(extractConsole(sourceOf('console.log(1);\nlogger.info(2);\nconsole.error(3);')).calls).toEqual([
      { method: 'log', line: 1 },
      { method: 'error', line: 3 },
    ]);
  });
});

describe('conventions extractor', () => {
  it('counts top-level function styles and async styles', () => {
    const result = extractConventions(
      sourceOf('export function a() {}\nfunction b() {}\nconst c = () => 1;\nexport const d = async function () { await x(); };\np.then(f);\nclass K { m() { const inner = () => 1; } }'),
    );
    expect(result).toEqual({ functionDeclarations: 2, functionExpressions: 2, awaits: 1, thenCalls: 1 });
  });
});
