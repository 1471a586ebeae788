import { describe, expect, it } from 'vitest';
import { inputValidationCheck } from '../../../src/checks/data/input-validation.js';
import { expectCase, expressPrisma, LIBRARY, manifest, type Case } from './apps.js';

const express = (routes: string, extra: Record<string, string> = {}) =>
  expressPrisma({ 'src/app.ts': `import express from 'express';\nimport { z } from 'zod';\nconst app = express();\n${routes}\napp.listen(3000);\n`, ...extra }, { zod: '^3.0.0' });

const cases: Case[] = [
  {
    name: 'body parsed with zod before the write',
    files: express("const User = z.object({ email: z.string().email() });\napp.post('/users', async (req, res) => {\n  const data = User.parse(req.body);\n  await prisma.user.create({ data });\n});"),
    status: 'pass',
    says: ['1 of 1 validated'],
  },
  {
    name: 'body written straight to the database',
    files: express("app.post('/users', async (req, res) => {\n  await prisma.user.create({ data: req.body });\n  res.sendStatus(201);\n});"),
    status: 'fail',
    says: ['POST /users (src/app.ts:4) reads body without a schema and writes: prisma.user.create (src/app.ts:5)'],
  },
  {
    name: 'destructured body without validation',
    files: express("app.put('/users/:id', async ({ body, params }, res) => {\n  await prisma.user.update({ where: { id: params.id }, data: body });\n});"),
    status: 'fail',
  },
  {
    name: 'validation on the client only (a form schema in a component) does not count',
    files: {
      'package.json': manifest({ next: '^14.0.0', zod: '^3.0.0', '@prisma/client': '^5.0.0' }),
      'app/signup/form.tsx': "'use client';\nimport { z } from 'zod';\nconst Schema = z.object({ email: z.string().email() });\nexport function Form() { const submit = (v) => { Schema.parse(v); fetch('/api/users', { method: 'POST', body: JSON.stringify(v) }); }; return null; }\n",
      'app/api/users/route.ts': "import { prisma } from '@/lib/db';\nexport async function POST(request: Request) {\n  const body = await request.json();\n  const user = await prisma.user.create({ data: body });\n  return Response.json(user);\n}\n",
    },
    status: 'fail',
    says: ['POST /api/users (app/api/users/route.ts:2) reads json'],
  },
  {
    name: 'Next.js route handler validating with safeParse',
    files: {
      'package.json': manifest({ next: '^14.0.0', zod: '^3.0.0', '@prisma/client': '^5.0.0' }),
      'app/api/users/route.ts': "import { z } from 'zod';\nconst Body = z.object({ email: z.string() });\nexport async function POST(request: Request) {\n  const parsed = Body.safeParse(await request.json());\n  if (!parsed.success) return new Response('bad', { status: 400 });\n  await prisma.user.create({ data: parsed.data });\n  return new Response(null, { status: 201 });\n}\nexport async function GET() { return Response.json(await prisma.user.findMany()); }\n",
    },
    status: 'pass',
  },
  {
    name: 'server action writing its form data unchecked',
    files: {
      'package.json': manifest({ next: '^14.0.0', '@prisma/client': '^5.0.0' }),
      'app/actions.ts': "'use server';\nimport { prisma } from '@/lib/db';\nexport async function createPost(formData: FormData) {\n  await prisma.post.create({ data: { title: formData.get('title') as string } });\n}\n",
    },
    status: 'fail',
    says: ['ACTION createPost'],
  },
  {
    name: 'route-level validation middleware (express-validator) counts',
    files: expressPrisma({ 'src/app.ts': "import express from 'express';\nimport { body, validationResult } from 'express-validator';\nconst app = express();\napp.post('/users', body('email').isEmail(), async (req, res) => {\n  await prisma.user.create({ data: req.body });\n});\n" }, { 'express-validator': '^7.0.0' }),
    status: 'pass',
  },
  {
    name: 'Hono zValidator middleware counts',
    files: { 'package.json': manifest({ hono: '^4.0.0', 'drizzle-orm': '^0.30.0', '@hono/zod-validator': '^0.2.0' }), 'src/index.ts': "import { Hono } from 'hono';\nimport { zValidator } from '@hono/zod-validator';\nconst app = new Hono();\napp.post('/posts', zValidator('json', schema), async (c) => {\n  const data = c.req.valid('json');\n  await db.insert(posts).values(data);\n  return c.json({});\n});\nexport default app;\n" },
    status: 'pass',
  },
  {
    name: 'Fastify route schema counts',
    files: { 'package.json': manifest({ fastify: '^4.0.0', pg: '^8.0.0' }), 'src/server.ts': "import Fastify from 'fastify';\nconst app = Fastify();\napp.post('/items', { schema: { body: ItemSchema } }, async (request) => {\n  await pool.query('INSERT INTO items (name) VALUES ($1)', [request.body.name]);\n});\n" },
    status: 'pass',
  },
  {
    name: 'tRPC mutations with and without .input',
    files: {
      'package.json': manifest({ '@trpc/server': '^10.0.0', zod: '^3.0.0', '@prisma/client': '^5.0.0' }),
      'src/router.ts': "export const appRouter = router({\n  create: publicProcedure.input(z.object({ name: z.string() })).mutation(async ({ input }) => prisma.post.create({ data: input })),\n  remove: publicProcedure.mutation(async ({ input }) => prisma.post.delete({ where: { id: input } })),\n});\n",
    },
    status: 'partial',
    score: 0.5,
    findings: 1,
    says: ['mutation remove'],
  },
  {
    name: 'Nest DTOs with a global ValidationPipe',
    files: {
      'package.json': manifest({ '@nestjs/core': '^10.0.0', '@nestjs/common': '^10.0.0', 'class-validator': '^0.14.0', typeorm: '^0.3.0' }),
      'src/main.ts': "import { NestFactory } from '@nestjs/core';\nimport { ValidationPipe } from '@nestjs/common';\nconst app = await NestFactory.create(AppModule);\napp.useGlobalPipes(new ValidationPipe({ whitelist: true }));\n",
      'src/users.controller.ts': "import { Body, Controller, Post } from '@nestjs/common';\n@Controller('users')\nexport class UsersController {\n  @Post()\n  create(@Body() dto: CreateUserDto) { return this.usersRepository.save(dto); }\n}\n",
    },
    status: 'pass',
  },
  {
    name: 'Nest DTOs without any ValidationPipe',
    files: {
      'package.json': manifest({ '@nestjs/core': '^10.0.0', '@nestjs/common': '^10.0.0', typeorm: '^0.3.0' }),
      'src/users.controller.ts': "import { Body, Controller, Post } from '@nestjs/common';\n@Controller('users')\nexport class UsersController {\n  @Post()\n  create(@Body() dto: CreateUserDto) { return this.usersRepository.save(dto); }\n}\n",
    },
    status: 'fail',
  },
  {
    name: 'handler in a controller file, validated there',
    files: express("import { createUser } from './controllers/users';\nconst router = express.Router();\nrouter.post('/users', createUser);\napp.use('/api', router);", {
      'src/controllers/users.ts': "import { z } from 'zod';\nconst Body = z.object({ email: z.string() });\nexport async function createUser(req, res) {\n  const body = Body.parse(req.body);\n  await prisma.user.create({ data: body });\n}\n",
    }),
    status: 'pass',
  },
  {
    name: 'handler in a controller file, not validated',
    files: express("import { createUser } from './controllers/users';\napp.post('/users', createUser);", {
      'src/controllers/users.ts': 'export async function createUser(req, res) {\n  await prisma.user.create({ data: req.body });\n}\n',
    }),
    status: 'fail',
    says: ['src/controllers/users.ts:2'],
  },
  {
    name: 'a schema for the path id only does not vouch for the stored body',
    files: express("app.put('/posts/:id', async (req, res) => {\n  const id = z.string().uuid().parse(req.params.id);\n  await prisma.post.update({ where: { id }, data: req.body });\n});"),
    status: 'fail',
  },
  {
    name: 'a schema applied to a variable holding the body counts',
    files: express("app.put('/posts/:id', async (req, res) => {\n  const payload = req.body;\n  const data = PostSchema.parse(payload);\n  await prisma.post.update({ where: { id: req.params.id }, data });\n});"),
    status: 'pass',
  },
  {
    name: 'app-wide OpenAPI validation covers routers mounted below it',
    files: expressPrisma({
      'src/app.ts': "import express from 'express';\nimport * as OpenApiValidator from 'express-openapi-validator';\nimport { users } from './users';\nconst app = express();\napp.use(OpenApiValidator.middleware({ apiSpec: './openapi.yaml' }));\napp.use('/users', users);\n",
      'src/users.ts': "import { Router } from 'express';\nexport const users = Router();\nusers.post('/', async (req, res) => { await prisma.user.create({ data: req.body }); });\n",
    }, { 'express-openapi-validator': '^5.0.0' }),
    status: 'pass',
    says: ['for all routes (src/app.ts:5)'],
  },
  {
    name: 'app-wide middleware merely named validate* does not count',
    files: express("app.use(validateSession());\napp.post('/users', async (req, res) => { await prisma.user.create({ data: req.body }); });"),
    status: 'fail',
  },
  {
    name: 'JSON.parse is not schema validation',
    files: express("app.post('/users', async (req, res) => {\n  const data = JSON.parse(req.body.payload);\n  await prisma.user.create({ data });\n});"),
    status: 'fail',
  },
  {
    name: 'a Supabase edge function inserting the request body',
    files: {
      'package.json': manifest({ react: '^18.0.0', 'react-dom': '^18.0.0', '@supabase/supabase-js': '^2.0.0' }, { devDependencies: { vite: '^5.0.0' } }),
      'supabase/functions/save-lead/index.ts': "import { createClient } from 'npm:@supabase/supabase-js@2';\nDeno.serve(async (req) => {\n  const lead = await req.json();\n  const supabase = createClient(Deno.env.get('SUPABASE_URL')!, Deno.env.get('KEY')!);\n  await supabase.from('leads').insert(lead);\n  return new Response('ok');\n});\n",
    },
    status: 'fail',
    says: ['ALL /functions/v1/save-lead (supabase/functions/save-lead/index.ts:2) reads json without a schema and writes: supabase.from().insert'],
  },
  { name: 'GET handlers only', files: express("app.get('/users/:id', async (req, res) => res.json(await prisma.user.findUnique({ where: { id: req.params.id } })));"), status: 'pass', says: ['no handler passes request input to a write'] },
  { name: 'a library', files: LIBRARY, status: 'na', says: ['library'] },
  { name: 'a service with no request handlers in code', files: { 'package.json': manifest({ express: '^4.0.0' }), 'src/index.ts': 'export {};\n' }, status: 'na', says: ['no request handlers'] },
];

describe('data.input-validation', () => {
  it.each(cases)('$name', (testCase) => expectCase(inputValidationCheck, testCase).then(() => undefined));
});

describe('data.input-validation severity', () => {
  it.each([
    ['a body written unchecked', "app.post('/users', async (req, res) => {\n  await prisma.user.create({ data: req.body });\n});", 'high'],
    ['a body read unchecked, no write seen', "app.post('/mail', async (req, res) => {\n  send(req.body.to);\n});", 'medium'],
    ['only a path parameter picking the record to delete', "app.delete('/articles/:slug', async (req, res) => {\n  await prisma.article.delete({ where: { slug: req.params.slug } });\n});", 'low'],
    ['a path parameter beside a body', "app.put('/users/:id', async (req, res) => {\n  await prisma.user.update({ where: { id: req.params.id }, data: req.body });\n});", 'high'],
  ])('%s is %s', async (_name, routes, severity) => {
    const result = await expectCase(inputValidationCheck, { name: '', files: express(routes), status: 'fail' });
    expect(result.findings.map((finding) => finding.severity)).toEqual([severity]);
  });
});
