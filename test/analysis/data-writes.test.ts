import { describe, expect, it } from 'vitest';
import { extractDataWrites } from '../../src/analysis/extractors/data-writes.js';
import { sourceOf } from './source.js';

const writesOf = (text: string) => extractDataWrites(sourceOf(text)).writes;

describe('data-writes extractor', () => {
  it.each([
    ['await prisma.user.create({ data: {} });', 'prisma.user.create', 'receiver'],
    ['await this.prisma.post.deleteMany({});', 'this.prisma.post.deleteMany', 'receiver'],
    ['await ctx.db.user.upsert({});', 'ctx.db.user.upsert', 'receiver'],
    ['await db.insert(users).values({});', 'db.insert', 'receiver'],
    ["await db.insertInto('person').values({}).execute();", 'db.insertInto', 'receiver'],
    ["await knex('users').insert({});", 'knex().insert', 'receiver'],
    ['await this.userRepository.save(user);', 'this.userRepository.save', 'receiver'],
    ['await User.findByIdAndUpdate(id, {});', 'User.findByIdAndUpdate', 'model'],
    ['await Post.bulkCreate([]);', 'Post.bulkCreate', 'model'],
    ["await supabase.from('todos').insert({});", 'supabase.from().insert', 'receiver'],
    ["await pool.query('INSERT INTO t (a) VALUES ($1)', [1]);", 'pool.query(INSERT …)', 'sql'],
    ['await sql`UPDATE accounts SET x = 1`;', 'sql`UPDATE`', 'sql'],
    ['await user.save();', 'user.save', 'model'],
  ])('%s', (code, call, via) => {
    expect(writesOf(code)).toMatchObject([{ call, via, line: 1, inTransaction: false }]);
  });

  it.each([
    ['cache.delete(key);', 'a Map/Set delete'],
    ['Object.create(proto);', 'Object.create'],
    ['const x = await prisma.user.findMany();', 'a read'],
    ['this.usersService.create(dto);', 'a service call'],
    ['form.save();', 'a form save'],
    ["pool.query('SELECT * FROM t');", 'a SELECT'],
    ['params.delete("x"); headers.set("a", "b");', 'URL and header objects'],
    ['Stripe.create({});', 'a non-model PascalCase object'],
  ])('ignores %s (%s)', (code) => {
    expect(writesOf(code)).toEqual([]);
  });

  it('names the enclosing function, looking through transaction and array callbacks', () => {
    const writes = writesOf("export async function checkout() {\n  await prisma.$transaction(async (tx) => {\n    await tx.order.create({});\n  });\n  await Promise.all(items.map((i) => prisma.item.update({})));\n}");
    expect(writes.map((write) => [write.call, write.function, write.functionLine, write.inTransaction])).toEqual([
      ['tx.order.create', 'checkout', 1, true],
      ['prisma.item.update', 'checkout', 1, false],
    ]);
  });

  it.each([
    ['prisma.$transaction([prisma.a.create({}), prisma.b.create({})]);', 'an array transaction'],
    ['await sequelize.transaction(async (t) => { await User.create({}, { transaction: t }); });', 'a Sequelize managed transaction'],
    ['await User.create({}, { transaction: t });', 'a Sequelize transaction option'],
    ['await session.withTransaction(async () => { await Order.create([{}], { session }); });', 'a Mongo session'],
    ["async function f(client) { await client.query('BEGIN'); await client.query('DELETE FROM t'); }", 'raw SQL after BEGIN'],
    ['async function helper(trx) { await trx.insert({}).into("t"); }', 'a transaction handle passed in'],
    ['class S { @Transactional()\nasync run() { await this.repo.save({}); } }', 'a @Transactional method'],
  ])('marks writes inside %s as transactional (%s)', (code) => {
    const writes = writesOf(code);
    expect(writes.length).toBeGreaterThan(0);
    expect(writes.every((write) => write.inTransaction)).toBe(true);
  });

  it('records the branches a write sits in and where its path exits', () => {
    const writes = writesOf("async function f(a) {\n  if (a) {\n    await prisma.x.create({});\n    return;\n  } else {\n    await prisma.y.create({});\n  }\n  switch (a) { case 1: await prisma.z.delete({}); }\n}");
    expect(writes.map((write) => [write.call, write.branches.map((key) => key.replace(/@\d+/g, '').replace(/:\d+$/, ':n')), write.exitLine])).toEqual([
      ['prisma.x.create', ['if:then'], 7],
      ['prisma.y.create', ['if:else'], null],
      ['prisma.z.delete', ['case:n'], null],
    ]);
  });

  it('flags an update computed from a value read earlier, not atomic updates', () => {
    const [race] = writesOf('await prisma.account.update({ where: { id }, data: { balance: account.balance - amount } });');
    expect(race?.raceField).toBe('balance');
    const [drizzle] = writesOf('await db.update(stock).set({ count: item.count + 1 }).where(eq(stock.id, id));');
    expect(drizzle?.raceField).toBe('count');
    for (const code of [
      'await prisma.account.update({ data: { balance: { decrement: amount } } });',
      'await prisma.account.update({ data: { total: req.body.total + 1 } });',
      'await prisma.account.update({ data: { balance: other.amount - 1 } });',
    ]) {
      expect(writesOf(code)[0]?.raceField).toBeUndefined();
    }
  });
});
