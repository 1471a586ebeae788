import { describe, expect, it } from 'vitest';
import { ts } from 'ts-morph';
import { extractDataWrites, isDatabaseRead, storedValues, writeCallOf } from '../../src/analysis/extractors/data-writes.js';
import { moduleBindings } from '../../src/analysis/extractors/module-bindings.js';
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

  it('records what the if conditions around a write pin one value to', () => {
    const writes = writesOf(
      "async function f(evt, other) {\n  if ((evt.type === 'a' || 'b' === evt.type) && other) await prisma.x.create({});\n  if (evt.type == 'c' || evt.kind === 'd' || evt.type === other) await prisma.y.create({});\n  if (evt.type === 1) await prisma.z.create({});\n}\n" +
        "async function g(evt) {\n  if (evt.type === 'e') { evt.type = 'f'; await prisma.w.create({}); }\n}",
    );
    expect(writes.map((write) => write.guards)).toEqual([[{ subject: 'evt.type', values: ['"a"', '"b"'] }], [], [{ subject: 'evt.type', values: ['1'] }], []]);
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

describe('data-writes: stored values and reads', () => {
  const parsed = (code: string) => {
    const input = sourceOf(code);
    const calls = input.nodes.ofKind(ts.SyntaxKind.CallExpression, ts.SyntaxKind.TaggedTemplateExpression) as (ts.CallExpression | ts.TaggedTemplateExpression)[];
    return { input, calls, bindings: moduleBindings(ts, input.sourceFile, input.nodes.ofKind(ts.SyntaxKind.VariableDeclaration)) };
  };
  const storedText = (code: string) => {
    const { input, calls, bindings } = parsed(code);
    const write = calls.map((call) => writeCallOf(ts, input.sourceFile, call, bindings)).find((found) => found !== null)!;
    return storedValues(ts, write).map((node) => node.getText(input.sourceFile));
  };

  it.each([
    ['await prisma.user.update({ where: { id }, data: { name } });', ['data: { name }']],
    ['await prisma.post.upsert({ where, create: a, update: b, select: { id: true } });', ['create: a', 'update: b']],
    ['await prisma.user.delete({ where: { id } });', []],
    ['await Post.destroy({ where: { id } });', []],
    ['await User.update(values, { where: { id } });', ['values']],
    ['await User.findByIdAndUpdate(id, { $set: changes });', ['$set: changes']],
    ['await db.update(users).set({ name }).where(eq(users.id, id));', ['users', '{ name }']],
    ["await supabase.from('t').insert(row).select();", ['row']],
    ["await pool.query('INSERT INTO t (a, b) VALUES ($1, $2)', [a, b]);", ['[a, b]']],
    ["await pool.query('DELETE FROM t WHERE id = $1', [id]);", []],
    ['await sql`UPDATE t SET a = ${a} WHERE id = ${id}`;', ['a', 'id']],
    ['await user.save();', ['user']],
  ])('%s stores %j', (code, expected) => {
    expect(storedText(code)).toEqual(expected);
  });

  it.each([
    ['await prisma.user.findUnique({ where: { id } });', true],
    ["await supabase.from('t').select('*').eq('id', id).single();", true],
    ["import { Collection } from './models';\nawait Collection.findByPk(id);", true],
    ['await db.select().from(users).where(eq(users.id, id));', true],
    ["await pool.query('SELECT * FROM t WHERE id = $1', [id]);", true],
    ["await supabase.from('t').insert(row).select().single();", false],
    ['await User.findOrCreate({ where: { email } });', false],
    ['await stripe.customers.retrieve(id);', false],
    ["headers.get('x');", false],
    ['JSON.parse(text);', false],
  ])('%s is a database read: %s', (code, expected) => {
    const { calls, bindings } = parsed(code);
    const outermost = calls.find((call) => !calls.some((other) => other !== call && other.pos <= call.pos && other.end >= call.end))!;
    expect(isDatabaseRead(ts, outermost, bindings)).toBe(expected);
  });
});
