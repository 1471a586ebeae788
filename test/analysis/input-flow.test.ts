import { describe, expect, it } from 'vitest';
import { extractRoutes } from '../../src/analysis/extractors/routes.js';
import { sourceOf } from './source.js';

/** Where the input of the one route in an Express app goes. */
function flowOf(handler: string, imports = '') {
  const { routes, inputs } = extractRoutes(sourceOf(`import express from 'express';\n${imports}\nconst app = express();\napp.post('/x', ${handler});\n`));
  expect(inputs.map(({ startLine, endLine }) => ({ startLine, endLine }))).toEqual([{ startLine: routes[0]!.handler!.startLine, endLine: routes[0]!.handler!.endLine }]);
  return inputs[0]!;
}

const calls = (sites: { call: string }[]) => sites.map((site) => site.call);

describe('input flow of a handler', () => {
  it.each([
    ['the body as the data', 'async (req, res) => { await prisma.user.create({ data: req.body }); }'],
    ['a destructured field', 'async (req, res) => { const { name } = req.body; await prisma.user.update({ where: { id: 1 }, data: { name } }); }'],
    ['a destructured handler parameter', 'async ({ body }, res) => { await prisma.user.create({ data: { ...body } }); }'],
    ['an element of a body array', 'async (req, res) => { for (const item of req.body.items) await prisma.item.create({ data: item }); }'],
    ['an array callback over the body', 'async (req, res) => { await Promise.all(req.body.items.map((item) => prisma.item.create({ data: { name: item.name } }))); }'],
    ['a field assigned after the declaration', 'async (req, res) => { const data = {}; data.name = req.body.name; await prisma.user.update({ where: { id: 1 }, data }); }'],
    ['Object.assign into a server object', 'async (req, res) => { const data = { at: new Date() }; Object.assign(data, req.body); await prisma.log.create({ data }); }'],
    ['a reassigned variable', 'async (req, res) => { let name = "anon"; if (req.body.name) name = req.body.name; await prisma.user.create({ data: { name } }); }'],
    ['a hash of the body', "async (req, res) => { const hash = await bcrypt.hash(req.body.password, 10); await prisma.user.create({ data: { hash } }); }"],
    ['a Drizzle set', 'async (req, res) => { await db.update(users).set({ name: req.body.name }).where(eq(users.id, 1)); }'],
    ['raw SQL parameters', "async (req, res) => { await pool.query('INSERT INTO t (a) VALUES ($1)', [req.body.a]); }"],
  ])('a write stores %s', (_name, handler) => {
    expect(flowOf(handler).stored).toHaveLength(1);
  });

  it.each([
    ['a where key', 'async (req, res) => { await prisma.user.update({ where: { id: req.body.id }, data: { seenAt: new Date() } }); }'],
    ['a delete', 'async (req, res) => { await prisma.user.delete({ where: { id: Number(req.params.id) } }); }'],
    ['a Mongoose filter', 'async (req, res) => { await User.updateOne({ _id: req.params.id }, { $set: { active: false } }); }'],
    ['a row read with it', 'async (req, res) => { const tier = await prisma.tier.findUnique({ where: { id: req.body.tierId } }); await prisma.user.update({ where: { id: 1 }, data: { tierId: tier.id } }); }'],
    ['a provider object made from server data', 'async (req, res) => { const customer = await stripe.customers.create({ email: user.email }); await prisma.user.update({ where: { id: req.body.id }, data: { customerId: customer.id } }); }'],
    ['a name that shadows the request', 'async (req, res) => { const check = req.body.ok; if (check) { const req = { at: Date.now() }; await prisma.log.create({ data: req }); } }'],
  ])('no write stores the input when it is only %s', (_name, handler) => {
    const flow = flowOf(handler);
    expect(flow.stored).toEqual([]);
    expect(flow.passed).toEqual([]);
  });

  it('follows only handlers that read input', () => {
    expect(extractRoutes(sourceOf("import express from 'express';\nconst app = express();\napp.post('/x', async (req, res) => { await prisma.log.create({ data: { at: new Date() } }); });\n")).inputs).toEqual([]);
  });

  it('lists the calls it hands input to that it cannot follow', () => {
    const flow = flowOf("async (req, res) => {\n  await saveProfile(req.body);\n  await this.users.update(req.params.id);\n  await fetch(url, { body: JSON.stringify(req.body) });\n  const record = await Song.findByPk(1);\n  await record.updateSong(req.body);\n}");
    expect(calls(flow.passed)).toEqual(['saveProfile', 'this.users.update', 'fetch', 'record.updateSong']);
  });

  it('does not count responses, logs, computations on the input, or hashing and signing libraries', () => {
    const flow = flowOf(
      "async (req, res, next) => {\n  const email = String(req.body.email).trim().toLowerCase();\n  console.log('login', email);\n  const ok = await bcrypt.compare(req.body.password, 'x');\n  if (!ok) return next(new Error(`bad ${email}`));\n  setCookies(res, jwt.sign({ email: 'x' }, 's'));\n  res.status(200).json({ email, at: new Date(req.body.at) });\n}",
      "import bcrypt from 'bcryptjs';\nimport jwt from 'jsonwebtoken';",
    );
    expect(flow.passed).toEqual([]);
  });

  it.each([
    ['Stripe', "async (req, res) => { const event = stripe.webhooks.constructEvent(req.body, req.headers['stripe-signature'], secret); }", '', 'stripe.webhooks.constructEvent'],
    ['svix, through a variable', 'async (req, res) => { const wh = new Webhook(secret); const evt = wh.verify(JSON.stringify(req.body), req.headers); }', "import { Webhook } from 'svix';", 'wh.verify'],
    ['Standard Webhooks, inline', 'async (req, res) => { const evt = new Webhook(secret).verify(req.body, req.headers); }', "import { Webhook } from 'standardwebhooks';", 'new Webhook().verify'],
    ['Clerk verifyWebhook', 'async (req, res) => { const evt = await verifyWebhook(req); await prisma.user.create({ data: { id: req.body.data.id } }); }', "import { verifyWebhook } from '@clerk/express/webhooks';", 'verifyWebhook'],
  ])('recognises a %s webhook signature check over the request', (_name, handler, imports, call) => {
    expect(flowOf(handler, imports).verified).toMatchObject({ call });
  });

  it.each([
    ['a JWT check', 'async (req, res) => { const claims = jwt.verify(req.body.token, secret); }', "import jwt from 'jsonwebtoken';"],
    ['verify() of an object no webhook library made', 'async (req, res) => { const evt = new Verifier(secret).verify(req.body); }', "import { Verifier } from './verifier';"],
    ['a signature check over a value that is not the request', 'async (req, res) => { const evt = stripe.webhooks.constructEvent(sample, signature, secret); await prisma.event.create({ data: req.body }); }', ''],
  ])('does not take %s for a webhook signature check', (_name, handler, imports) => {
    expect(flowOf(handler, imports).verified).toBeNull();
  });
});
