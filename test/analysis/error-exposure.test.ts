import { describe, expect, it } from 'vitest';
import { extractErrorExposure } from '../../src/analysis/extractors/error-exposure.js';
import { sourceOf } from './source.js';

const detailsOf = (code: string) => extractErrorExposure(sourceOf(code, 'src/routes/items.ts')).exposures.map((exposure) => `${exposure.line}:${exposure.function}:${exposure.detail}`);

describe('error-exposure extractor', () => {
  it.each([
    ['Express, in a catch', "router.post('/items', async (req, res) => {\n  try { await db.item.create({ data: req.body }); }\n  catch (err) { res.status(500).json({ error: err.message }); }\n});", ['3:<anonymous>:err.message']],
    ['no status, the stack', 'async function save(req, res) {\n  try { await run(); } catch (error) { res.send({ stack: error.stack }); }\n}', ['2:save:error.stack']],
    ['Next.js, through a local const', "export async function POST(request) {\n  try { return Response.json(await create(request)); } catch (error) {\n    const message = error instanceof Error ? error.message : 'Unknown error';\n    return NextResponse.json({ error: message }, { status: 500 });\n  }\n}", ['4:POST:message']],
    ['a Supabase Edge Function', "Deno.serve(async (req) => {\n  try { return new Response('ok'); } catch (e) {\n    return new Response(JSON.stringify({ error: String(e) }), { status: 500 });\n  }\n});", ['3:<anonymous>:String(e)']],
    ['a template literal in .catch()', 'function list(req, reply) {\n  return load().catch((err) => reply.code(500).send(`failed: ${err}`));\n}', ['2:list:`${err}`']],
    ['Express error middleware', 'app.use((err, req, res, next) => {\n  res.status(err.status || 500).json({ message: err.message });\n});', ['2:<anonymous>:err.message']],
    ['a built-in error class is no guarantee', 'async function h(req, res) { try { await run(); } catch (e) { res.status(500).json({ error: e instanceof Error ? e.message : "Unknown" }); } }', ['1:h:e.message']],
    ['a status that falls back to 500', 'app.use((err, req, res, next) => {\n  const status = err.status || 500;\n  res.status(status).json({ message: err.message });\n});', ['3:<anonymous>:err.message']],
    ['a flash message shown on the next page', "router.post('/login', async (req, res) => {\n  try { await login(req.body); } catch (e) { req.flash('error', e.message); res.redirect('/login'); }\n});", ['2:<anonymous>:e.message']],
    ['Hono', "app.get('/x', async (c) => {\n  try { return c.json(await q()); } catch (e) { return c.json({ error: (e as Error).message }, 500); }\n});", ['2:<anonymous>:e.message']],
  ])('reports %s', (_name, code, expected) => {
    expect(detailsOf(code)).toEqual(expected);
  });

  it.each([
    ['a generic message', 'async function h(req, res) { try { await run(); } catch (err) { logger.error(err); res.status(500).json({ error: "Something went wrong" }); } }'],
    ['a client error (4xx) with the message of a validation error', 'async function h(req, res) { try { schema.parse(req.body); } catch (err) { res.status(400).json({ error: err.message }); } }'],
    ['NextResponse with status 422', 'export async function POST(r) { try { parse(r); } catch (e) { return NextResponse.json({ error: e.message }, { status: 422 }); } }'],
    ['details only in development', "async function h(req, res) { try { await run(); } catch (err) { res.status(500).json({ error: process.env.NODE_ENV === 'development' ? err.message : 'Internal error' }); } }"],
    ['an if on the environment', "function h(req, res) { try { run(); } catch (err) { if (isDev) { return res.status(500).json({ error: err.message }); } res.status(500).end(); } }"],
    ['the message logged, not sent', 'async function h(req, res) { try { await run(); } catch (err) { console.error(err.message); res.sendStatus(500); } }'],
    ['the error object itself (JSON gives {})', 'async function h(req, res) { try { await run(); } catch (err) { res.status(500).json({ error: err }); } }'],
    ['a message of another object', 'async function h(req, res) { try { await run(); } catch (err) { res.status(500).json({ error: result.message }); } }'],
    ['the branch of the app\'s own error class', 'app.use((err, req, res, next) => {\n  if (err instanceof AppError) { return res.status(500).json({ message: err.message }); }\n  res.status(500).json({ message: "Internal server error" });\n});'],
    ['a ?: on the app\'s own error class', 'async function h(req, res) { try { await run(); } catch (e) { res.status(500).json({ error: e instanceof HttpError ? e.message : "Internal error" }); } }'],
    ['the error\'s own status (an HTTP error class)', 'app.use((err, req, res, next) => { res.status(err.statusCode).json({ message: err.message }); });'],
    ['a browser fetch wrapper that shows the message', "async function load() { try { return await api.get('/x'); } catch (err) { toast.error(err.message); return null; } }"],
  ])('does not report %s', (_name, code) => {
    expect(detailsOf(code)).toEqual([]);
  });
});
