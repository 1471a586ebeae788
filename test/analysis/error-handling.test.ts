import { describe, expect, it } from 'vitest';
import { extractErrorHandling } from '../../src/analysis/extractors/error-handling.js';
import { sourceOf } from './source.js';

const sitesOf = (code: string, path?: string) => extractErrorHandling(sourceOf(code, path)).sites;
const outcome = (code: string) => sitesOf(code).map((site) => (site.mask ? `${site.kind}:${site.outcome}:${site.mask}` : `${site.kind}:${site.outcome}`));

describe('error-handling extractor', () => {
  it.each([
    ['try { a(); } catch (e) {}', ['catch:masked:empty']],
    ['try { a(); } catch (e) { /* optional file */ }', ['catch:handled']],
    ['try { a(); } catch (e) { throw e; }', ['catch:propagates']],
    ['try { a(); } catch (e) { logger.error(e); throw e; }', ['catch:propagates']],
    ['try { a(); } catch (e) { throw new AppError("x", { cause: e }); }', ['catch:propagates']],
    ['try { a(); } catch (e) { console.error(e); }', ['catch:masked:log-and-continue']],
    ['try { a(); } catch (e) { this.logger.warn("x", e); }', ['catch:masked:log-and-continue']],
    // Logged, and a comment says why carrying on is right: a documented best-effort step.
    ['try { a(); } catch (e) {\n  console.error("visit not saved", e);\n  // not critical: the page works without it\n}', ['catch:handled']],
    ['try { a(); } catch (e) { /* best effort */ console.error(e); }', ['catch:handled']],
    ['p.catch((e) => {\n  // the cache is optional\n  logger.warn(e);\n});', ['promise-catch:handled']],
    ['try { a(); } catch (e) {\n  // TODO: handle this properly\n  console.error(e);\n}', ['catch:masked:log-and-continue']],
    // A fallback chain: the primary source failed and was logged; the function answers another way.
    ['async function rockType(id) {\n  try {\n    const info = await fetchNgu(id);\n    if (info) return info;\n  } catch (e) {\n    console.error(e);\n  }\n  return inferFromRegion(id);\n}', ['catch:handled']],
    ['function load() {\n  try {\n    const s = localStorage.getItem("f");\n    if (s) return JSON.parse(s);\n  } catch (e) {\n    console.error(e);\n  }\n  return DEFAULTS;\n}', ['catch:handled']],
    ['async function save(req, res) {\n  try {\n    await db.save(req.body);\n  } catch (e) {\n    console.error(e);\n  }\n  return res.sendStatus(201);\n}', ['catch:masked:log-and-continue']],
    ['async function save(req, res) {\n  try {\n    return res.json(await db.save(req.body));\n  } catch (e) {\n    console.error(e);\n  }\n  return res.json({ ok: true });\n}', ['catch:masked:log-and-continue']],
    ['try { a(); } catch (e) { console.error("see http://example.com/help", e); }', ['catch:masked:log-and-continue']],
    ['// the next call may fail\ntry { a(); } catch (e) { console.error(e); }', ['catch:masked:log-and-continue']],
    ['try { a(); } catch (e) {\n  // fall back to an empty list\n  return [];\n}', ['catch:masked:returns-default']],
    ['function f() { try { return a(); } catch { return null; } }', ['catch:masked:returns-default']],
    ['function f() { try { return a(); } catch (e) { console.log(e); return []; } }', ['catch:masked:returns-default']],
    ['function isJson(s) { try { JSON.parse(s); return true; } catch { return false; } }', ['catch:handled']],
    // Try-parse helpers: the null is the answer "not valid", not a hidden failure.
    ['function read(s) { try { return JSON.parse(s); } catch { return null; } }', ['catch:handled']],
    ['function toUrl(s) { try { return new URL(s); } catch { return undefined; } }', ['catch:handled']],
    ['async function check(body) { try { return await schema.parseAsync(body); } catch { return null; } }', ['catch:handled']],
    ['function range(s) { let r; try { r = new semver.Range(s); } catch { return null; } return r; }', ['catch:handled']],
    ['async function exists(p) { try { await access(p); } catch { return false; } return true; }', ['catch:handled']],
    ['async function load(p) { try { await fs.access(p); } catch { return []; } return read(p); }', ['catch:handled']],
    ['function ecosystems(t) { try { const doc = yaml.parse(t); return doc.updates.map((u) => u.name); } catch { return null; } }', ['catch:handled']],
    ['function read(s) { try { const v = JSON.parse(s); return db.save(v); } catch { return null; } }', ['catch:masked:returns-default']],
    ['function read(s) { try { const v = JSON.parse(s); save(v); return v; } catch { return null; } }', ['catch:masked:returns-default']],
    ['function read(s) { try { return JSON.parse(s); } catch (e) { console.error(e); } }', ['catch:masked:log-and-continue']],
    ['function user(id) { try { return fetchUser(id); } catch { return null; } }', ['catch:masked:returns-default']],
    ['function read(s) { try { return parser(s); } catch { return null; } }', ['catch:masked:returns-default']],
    ['function h(req, res) { try { a(); } catch (e) { res.status(500).json({ error: "x" }); } }', ['catch:handled']],
    ['function h(req, res, next) { try { a(); } catch (e) { next(e); } }', ['catch:propagates']],
    ['async function PATCH() { try { await a(); } catch (e) { console.error(e); return NextResponse.json({ error: "x" }, { status: 200 }); } }', ['catch:masked:success-status']],
    ['function h(req, res) { try { a(); } catch (e) { res.status(200).json({ ok: false }); } }', ['catch:masked:success-status']],
    ['p.catch(() => res.sendStatus(204));', ['promise-catch:masked:success-status']],
    ['async function GET() { try { await a(); } catch (e) { return NextResponse.json({ error: "x" }, { status: 503 }); } }', ['catch:handled']],
    ['async function GET() { try { await a(); } catch (e) { return NextResponse.json({ items: [] }, { headers: { status: "200" } }); } }', ['catch:handled']],
    ['p.catch(() => {});', ['promise-catch:masked:empty']],
    ['p.catch(console.error);', ['promise-catch:masked:log-and-continue']],
    ['p.catch((e) => console.error(e));', ['promise-catch:masked:log-and-continue']],
    ['p.catch(() => null);', ['promise-catch:masked:returns-default']],
    ['const body = await response.json().catch(() => ({}));', ['promise-catch:handled']],
    ['const text = await res.text().catch(() => "");', ['promise-catch:handled']],
    ['const v = await schema.parseAsync(input).catch(() => null);', ['promise-catch:handled']],
    ['const user = await db.user.create({ data }).catch(() => null);', ['promise-catch:masked:returns-default']],
    ['const body = await response.json().catch((e) => console.error(e));', ['promise-catch:masked:log-and-continue']],
    ['p.catch(next);', ['promise-catch:propagates']],
    ['p.catch((e) => { throw new Error("wrapped"); });', ['promise-catch:propagates']],
    ['p.catch(handleError);', ['promise-catch:handled']],
    ['p.then((v) => v, (e) => undefined);', ['then-rejection:masked:returns-default']],
    ['p.then((v) => v);', []],
    ['fs.readFile(f, (err, data) => { use(data); });', ['callback:masked:ignored']],
    ['fs.readFile(f, (err, data) => { if (err) return cb(err); use(data); });', ['callback:propagates']],
    ['fs.readFile(f, (err, data) => { if (err) { console.log(err); return; } use(data); });', ['callback:masked:returns-default']],
    ['fs.readFile(f, (err, data) => { if (err) { console.log(err); } use(data); });', ['callback:masked:log-and-continue']],
  ])('%s', (code, expected) => {
    expect(outcome(code)).toEqual(expected);
  });

  it('knows request handlers and write paths', () => {
    const [site] = sitesOf(`
      app.post('/orders', async (req, res) => {
        try {
          await db.order.create({ data: req.body });
        } catch (e) {
          console.error(e);
        }
        res.sendStatus(201);
      });`);
    expect(site).toMatchObject({ kind: 'catch', line: 5, outcome: 'masked', inRequestHandler: true, writePath: true });
  });

  it('knows Next.js route handlers by file and export name', () => {
    const [site] = sitesOf('export async function POST(request) { try { await save(request); } catch { return null; } }', 'app/api/items/route.ts');
    expect(site).toMatchObject({ function: 'POST', inRequestHandler: true, writePath: true });
  });

  it.each(['findByIdAndDelete', 'updateMany', 'insertOne', '$executeRaw', 'writeFile'])('knows %s as a write', (method) => {
    const [site] = sitesOf(`async function f() { try { await db.${method}(x); } catch (e) { console.log(e); } }`);
    expect(site?.writePath).toBe(true);
  });

  it.each(['localStorage.removeItem(key)', 'window.sessionStorage.removeItem(key)', 'document.body.classList.remove("dark")', 'url.searchParams.delete("token")'])(
    'does not take a change to the page\'s own state for a write: %s',
    (call) => {
      const [site] = sitesOf(`async function signOut() { try { ${call}; await auth.signOut(); } catch (e) { console.error(e); } }`);
      expect(site?.writePath).toBe(false);
    },
  );

  it.each(['instructorClient.chat.completions.create({ model })', 'openai.embeddings.create({ input })', 'anthropic.messages.create({ model })'])('does not take a model API call for a write: %s', (call) => {
    const [site] = sitesOf(`async function evaluate() { try { return await ${call}; } catch (e) { console.error(e); return null; } }`);
    expect(site?.writePath).toBe(false);
  });

  it('still takes a messages table\'s create for a write (near miss)', () => {
    const [message] = sitesOf('async function f() { try { await db.messages.create({ data }); } catch (e) { console.error(e); } }');
    expect(message?.writePath).toBe(true);
  });

  it('still takes a store\'s removeItem for a write (near miss)', () => {
    const [site] = sitesOf('async function f() { try { await storage.removeItem(key); } catch (e) { console.error(e); } }');
    expect(site?.writePath).toBe(true);
  });

  it('does not take a read for a write', () => {
    const [site] = sitesOf('async function f() { try { await db.findMany(); } catch (e) { console.log(e); } }');
    expect(site?.writePath).toBe(false);
  });

  it('does not take a plain function for a request handler', () => {
    const [site] = sitesOf('function load(id) { try { return read(id); } catch { return null; } }');
    expect(site).toMatchObject({ function: 'load', inRequestHandler: false, writePath: false });
  });
});
