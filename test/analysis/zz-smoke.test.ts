import { it } from 'vitest';
import { codeFactOf } from '../helpers/code-fact.js';
import { joinRoutes } from '../../src/collectors/routes.js';
it('smoke', () => {
  const code = codeFactOf({
    'src/app.ts': `import express from 'express';
import * as Sentry from '@sentry/node';
import healthRouter from './routes/health';
import { usersRouter } from './routes/users';
const app = express();
Sentry.init({ dsn: process.env.SENTRY_DSN });
app.use('/health', healthRouter);
app.get('/ping', (req, res) => res.send('ok'));
process.on('SIGTERM', () => { server.close(); prisma.$disconnect(); });
const server = app.listen(3000);
`,
    'src/routes/health.ts': `import { Router } from 'express';
const router = Router();
router.get('/', async (req, res) => { await prisma.$queryRaw\`SELECT 1\`; res.json({ ok: true }); });
export default router;`,
    'src/routes/users.ts': `import { Router } from 'express';
import { z } from 'zod';
import { createUser } from '../controllers/users';
export const usersRouter = Router();
const schema = z.object({ email: z.string() });
usersRouter.post('/users', async (req, res) => {
  const data = schema.parse(req.body);
  await prisma.user.create({ data });
  await prisma.audit.create({ data: { x: 1 } });
});
usersRouter.post('/users2', createUser);
usersRouter.get('/healthz', (req, res) => res.send('ok'));`,
    'src/controllers/users.ts': `export async function createUser(req, res) {
  const { email } = req.body;
  await db.transaction(async (tx) => { await tx.insert(users).values({ email }); await tx.insert(audit).values({}); });
  const acct = await prisma.account.findUnique({ where: { id: 1 } });
  await prisma.account.update({ where: { id: 1 }, data: { balance: acct.balance - 5 } });
  await fetch('https://x.com');
  await fetch('https://x.com', { signal: AbortSignal.timeout(5000) });
}`,
  });
  for (const f of code.files) { const { imports, functions, ...rest } = f.extracts; console.log(f.path, JSON.stringify(rest), f.extractorErrors); }
  console.log(JSON.stringify(joinRoutes(code), null, 1));
});
