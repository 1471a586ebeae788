import { describe, expect, it } from 'vitest';
import { transactionsCheck } from '../../../src/checks/data/transactions.js';
import { expectCase, expressPrisma, manifest, type Case } from './apps.js';

const route = (body: string) => expressPrisma({ 'src/routes/orders.ts': `import { Router } from 'express';\nimport { prisma } from '../db';\nexport const router = Router();\n${body}\n` });

const cases: Case[] = [
  {
    name: 'two prisma writes in one handler without $transaction',
    files: route("router.post('/orders', async (req, res) => {\n  const order = await prisma.order.create({ data: { total: 1 } });\n  await prisma.inventory.update({ where: { id: 1 }, data: { reserved: true } });\n  res.json(order);\n});"),
    status: 'fail',
    findings: 1,
    says: ['post /orders writes 2 times outside one transaction: prisma.order.create (line 5), prisma.inventory.update (line 6)'],
  },
  {
    name: 'prisma.$transaction([...]) passes',
    files: route("router.post('/orders', async (req, res) => {\n  await prisma.$transaction([\n    prisma.order.create({ data: {} }),\n    prisma.inventory.update({ where: { id: 1 }, data: {} }),\n  ]);\n});"),
    status: 'pass',
  },
  {
    name: 'interactive prisma.$transaction(async (tx) => ...) passes',
    files: route("router.post('/orders', async (req, res) => {\n  await prisma.$transaction(async (tx) => {\n    await tx.order.create({ data: {} });\n    await tx.inventory.update({ where: { id: 1 }, data: {} });\n  });\n});"),
    status: 'pass',
  },
  {
    name: 'db.transaction(async tx => ...) (Drizzle) passes',
    files: { 'package.json': manifest({ hono: '^4.0.0', 'drizzle-orm': '^0.30.0' }), 'src/orders.ts': "import { db } from './db';\nexport async function placeOrder() {\n  await db.transaction(async (tx) => {\n    await tx.insert(orders).values({});\n    await tx.update(stock).set({ n: 1 });\n  });\n}\n" },
    status: 'pass',
  },
  {
    name: 'Drizzle inserts outside a transaction fail',
    files: { 'package.json': manifest({ hono: '^4.0.0', 'drizzle-orm': '^0.30.0' }), 'src/orders.ts': "import { db } from './db';\nexport async function placeOrder() {\n  await db.insert(orders).values({});\n  await db.insert(items).values([]);\n}\n" },
    status: 'fail',
    says: ['placeOrder writes 2 times'],
  },
  {
    name: 'knex.transaction and a trx passed to helpers',
    files: { 'package.json': manifest({ express: '^4.0.0', knex: '^3.0.0' }), 'src/svc.ts': "export async function move(knex) {\n  await knex.transaction(async (trx) => {\n    await trx('a').insert({});\n    await trx('b').del();\n  });\n}\nexport async function helper(trx) {\n  await trx.insert({}).into('a');\n  await trx.update({}).table('b');\n}\n" },
    status: 'pass',
  },
  {
    name: 'raw SQL between BEGIN and COMMIT',
    files: { 'package.json': manifest({ express: '^4.0.0', pg: '^8.0.0' }), 'src/svc.ts': "export async function transfer(client) {\n  await client.query('BEGIN');\n  await client.query('UPDATE accounts SET balance = balance - $1 WHERE id = $2', [1, 2]);\n  await client.query('UPDATE accounts SET balance = balance + $1 WHERE id = $2', [1, 3]);\n  await client.query('COMMIT');\n}\n" },
    status: 'pass',
  },
  {
    name: 'raw SQL writes without BEGIN',
    files: { 'package.json': manifest({ express: '^4.0.0', pg: '^8.0.0' }), 'src/svc.ts': "export async function transfer(pool) {\n  await pool.query('INSERT INTO ledger (a) VALUES ($1)', [1]);\n  await pool.query(`DELETE FROM holds WHERE id = ${1}`);\n}\n" },
    status: 'fail',
  },
  {
    name: 'Sequelize managed transaction via { transaction: t }',
    files: { 'package.json': manifest({ express: '^4.0.0', sequelize: '^6.0.0' }), 'src/svc.ts': "import { User, Profile } from './models';\nexport async function signUp(sequelize, data) {\n  const t = await sequelize.transaction();\n  await User.create(data, { transaction: t });\n  await Profile.create({}, { transaction: t });\n  await t.commit();\n}\n" },
    status: 'pass',
  },
  {
    name: 'Mongoose model writes without a session',
    files: { 'package.json': manifest({ express: '^4.0.0', mongoose: '^8.0.0' }), 'src/svc.ts': "import { Order } from './models/order';\nimport { Stock } from './models/stock';\nexport async function buy() {\n  await Order.create({});\n  await Stock.findByIdAndUpdate('1', { $inc: { n: -1 } });\n}\n" },
    status: 'fail',
  },
  {
    name: 'writes in branches that exit early never run together',
    files: route("export async function recordFailure(attempt) {\n  if (!attempt) {\n    await prisma.loginAttempt.create({ data: {} });\n    return;\n  }\n  if (attempt.locked) {\n    await prisma.loginAttempt.update({ where: {}, data: { count: 1 } });\n    return;\n  }\n  await prisma.loginAttempt.update({ where: {}, data: { count: 2 } });\n}"),
    status: 'pass',
  },
  {
    name: 'writes in the two sides of an if/else never run together',
    files: route("export async function save(existing, data) {\n  if (existing) await prisma.post.update({ where: { id: existing.id }, data });\n  else await prisma.post.create({ data });\n}"),
    status: 'pass',
  },
  {
    name: 'writes under ifs that pin one value to different literals never run together (a webhook per event type)',
    files: route("export async function onEvent(evt) {\n  const eventType = evt.type;\n  if (eventType === 'user.created' || eventType === 'user.updated') {\n    await prisma.user.upsert({ where: { id: evt.data.id }, update: {}, create: {} });\n  }\n  if (eventType === 'user.deleted') {\n    await prisma.user.delete({ where: { id: evt.data.id } });\n  }\n}"),
    status: 'pass',
  },
  {
    name: 'writes in different cases of one switch never run together',
    files: route("export async function onEvent(event) {\n  switch (event.type) {\n    case 'paid': await prisma.order.update({ where: {}, data: { paid: true } }); break;\n    case 'refunded': await prisma.refund.create({ data: {} }); break;\n  }\n}"),
    status: 'pass',
  },
  {
    name: 'near miss: two writes in the same pinned branch still run together',
    files: route("export async function onEvent(evt) {\n  if (evt.type === 'user.deleted') {\n    await prisma.session.deleteMany({ where: { userId: evt.data.id } });\n    await prisma.user.delete({ where: { id: evt.data.id } });\n  }\n}"),
    status: 'fail',
    says: ['onEvent writes 2 times'],
  },
  {
    name: 'near miss: a write before the if and one inside it still run together',
    files: route("export async function onEvent(evt) {\n  await prisma.event.create({ data: { type: evt.type } });\n  if (evt.type === 'user.deleted') await prisma.user.delete({ where: { id: evt.data.id } });\n}"),
    status: 'fail',
  },
  {
    name: 'near miss: conditions that share a literal can both hold',
    files: route("export async function onEvent(type) {\n  if (type === 'created' || type === 'updated') await prisma.user.upsert({ where: {}, update: {}, create: {} });\n  if (type === 'updated') await prisma.audit.create({ data: {} });\n}"),
    status: 'fail',
  },
  {
    name: 'near miss: conditions on different values can both hold',
    files: route("export async function onEvent(type, source) {\n  if (type === 'created') await prisma.user.create({ data: {} });\n  if (source === 'admin') await prisma.audit.create({ data: {} });\n}"),
    status: 'fail',
  },
  {
    name: 'near miss: a tested value reassigned between the ifs can pass both',
    files: route("export async function advance(order) {\n  let status = order.status;\n  if (status === 'paid') {\n    await prisma.order.update({ where: { id: order.id }, data: { status: 'shipped' } });\n    status = 'shipped';\n  }\n  if (status === 'shipped') await prisma.shipment.create({ data: { orderId: order.id } });\n}"),
    status: 'fail',
  },
  {
    name: 'a clean-up write before a throw does not pair with the writes after it',
    files: route("export async function verify(record) {\n  if (record.expired) {\n    await prisma.token.update({ where: {}, data: {} });\n    throw new Error('expired');\n  }\n  await prisma.$transaction(async (tx) => {\n    await tx.user.update({ where: {}, data: {} });\n    await tx.token.update({ where: {}, data: {} });\n  });\n}"),
    status: 'pass',
  },
  {
    name: 'a conditional write followed by an unconditional one still runs together',
    files: route("export async function signUp(data, invite) {\n  const user = await prisma.user.create({ data });\n  if (invite) {\n    await prisma.invite.update({ where: { id: invite.id }, data: { used: true } });\n  }\n}"),
    status: 'fail',
  },
  {
    name: 'read-modify-write of a balance',
    files: route("router.post('/pay', async (req, res) => {\n  const account = await prisma.account.findUnique({ where: { id: 1 } });\n  await prisma.account.update({ where: { id: 1 }, data: { balance: account.balance - req.body.amount } });\n});"),
    status: 'fail',
    says: ['sets `balance` from a value read earlier'],
  },
  {
    name: 'atomic increment is not a race',
    files: route("router.post('/pay', async (req, res) => {\n  await prisma.account.update({ where: { id: 1 }, data: { balance: { decrement: req.body.amount } } });\n});"),
    status: 'pass',
  },
  {
    name: 'single writes per function pass',
    files: route("router.post('/a', async (req, res) => { await prisma.a.create({ data: {} }); });\nrouter.post('/b', async (req, res) => { await prisma.b.create({ data: {} }); });"),
    status: 'pass',
    says: ['no function writes more than once'],
  },
  {
    name: 'Map and Set deletes are not database writes',
    files: expressPrisma({ 'src/cache.ts': "const cache = new Map();\nexport function evict(a, b) {\n  cache.delete(a);\n  cache.delete(b);\n  Object.create(null);\n}\nexport async function one() { await prisma.user.create({ data: {} }); }\n" }),
    status: 'pass',
  },
  {
    name: 'seed scripts are not application code',
    files: expressPrisma({ 'prisma/seed.ts': "await prisma.user.create({ data: {} });\nawait prisma.post.create({ data: {} });\n", 'src/a.ts': 'export async function f() { await prisma.user.create({ data: {} }); }\n' }),
    status: 'pass',
  },
  { name: 'database but no writes recognised', files: expressPrisma({ 'src/a.ts': 'export const x = 1;\n' }), status: 'unknown' },
  { name: 'no database', files: { 'package.json': manifest({ express: '^4.0.0' }) }, status: 'na' },
];

describe('data.transactions', () => {
  it.each(cases)('$name', (testCase) => expectCase(transactionsCheck, testCase).then(() => undefined));

  it('gives each finding its write sites as data and a line-independent fingerprint', async () => {
    const result = await expectCase(transactionsCheck, cases[0]!);
    expect(result.findings[0]?.data).toMatchObject({ function: 'post /orders' });
    const moved = await expectCase(transactionsCheck, { ...cases[0]!, files: route("\n\n// moved down\nrouter.post('/orders', async (req, res) => {\n  const order = await prisma.order.create({ data: { total: 1 } });\n  await prisma.inventory.update({ where: { id: 1 }, data: { reserved: true } });\n  res.json(order);\n});"), says: [] });
    expect(moved.findings[0]?.fingerprint).toBe(result.findings[0]?.fingerprint);
  });
});
