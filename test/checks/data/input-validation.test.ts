import { describe, expect, it } from 'vitest';
import { inputValidationCheck } from '../../../src/checks/data/input-validation.js';
import { expectCase, expressPrisma, LIBRARY, manifest, type Case } from './apps.js';

const express = (routes: string, extra: Record<string, string> = {}) =>
  expressPrisma({ 'src/app.ts': `import express from 'express';\nimport { z } from 'zod';\nconst app = express();\n${routes}\napp.listen(3000);\n`, ...extra }, { zod: '^3.0.0' });

const nextRoute = (handler: string, extra: Record<string, string> = {}) => ({
  'package.json': manifest({ next: '^14.0.0', '@prisma/client': '^5.0.0', stripe: '^14.0.0', svix: '^1.0.0' }),
  'app/api/hook/route.ts': `import { NextResponse } from 'next/server';\nimport { prisma } from '@/lib/db';\nimport { stripe } from '@/lib/stripe';\n${handler}\n`,
  ...extra,
});

// A path parameter picks the record to touch; it counts only once a write stores it.
const pathParameterCases: Case[] = [
  {
    name: 'a DELETE by a coerced path id, with an ownership check, takes no input that can be stored',
    files: express("app.delete('/notes/:id', async (req, res) => {\n  const id = parseInt(req.params.id);\n  const note = await prisma.note.findUnique({ where: { id } });\n  if (!note || note.userId !== req.user.id) return res.status(403).json({ error: 'forbidden' });\n  await prisma.note.delete({ where: { id } });\n  res.json(note);\n});"),
    status: 'pass',
    says: ['0 take input that can be stored', '1 handler(s) use their input only to find, check or remove records'],
  },
  {
    name: 'a DELETE through a model found by the path id (Sequelize) is not counted',
    files: express("import { Collection } from './models/Collection';\napp.delete('/collections/:id', async (req, res) => {\n  const collection = await Collection.findByPk(Number(req.params.id));\n  if (!collection) return res.sendStatus(404);\n  await collection.destroy();\n  res.sendStatus(204);\n});"),
    status: 'pass',
  },
  {
    name: 'near miss: a PUT by path id that also stores the body stays a candidate',
    files: express("app.put('/notes/:id', async (req, res) => {\n  const id = Number(req.params.id);\n  await prisma.note.update({ where: { id }, data: { text: req.body.text } });\n  res.sendStatus(204);\n});"),
    status: 'fail',
    says: ['PUT /notes/:id (src/app.ts:4) reads params, body without a schema and writes: prisma.note.update (src/app.ts:6)'],
  },
  {
    name: 'near miss: a path parameter that becomes part of the record stays a candidate',
    files: express("app.post('/posts/:id/likes', async (req, res) => {\n  await prisma.like.create({ data: { postId: req.params.id, at: new Date() } });\n});"),
    status: 'fail',
    says: ['reads params without a schema and writes: prisma.like.create'],
  },
];

// A payload whose provider signature the handler checks was signed by the provider.
const webhookCases: Case[] = [
  {
    name: 'a Stripe webhook that checks the signature over the raw body counts as validated',
    files: nextRoute("export async function POST(req: Request) {\n  const body = await req.text();\n  const signature = req.headers.get('stripe-signature')!;\n  const event = stripe.webhooks.constructEvent(body, signature, process.env.STRIPE_WEBHOOK_SECRET!);\n  if (event.type === 'checkout.session.completed') await prisma.order.create({ data: { sessionId: event.data.object.id } });\n  return NextResponse.json({ received: true });\n}"),
    status: 'pass',
    says: ["1 webhook handler(s) check the provider's signature over the payload", 'POST /api/hook (app/api/hook/route.ts:4) by stripe.webhooks.constructEvent() at line 7'],
  },
  {
    name: 'a Clerk webhook verified with svix counts as validated',
    files: nextRoute("import { Webhook } from 'svix';\nexport async function POST(req: Request) {\n  const payload = JSON.stringify(await req.json());\n  const wh = new Webhook(process.env.CLERK_WEBHOOK_SECRET!);\n  const evt = wh.verify(payload, { 'svix-id': req.headers.get('svix-id')! }) as any;\n  await prisma.user.upsert({ where: { id: evt.data.id }, update: { email: evt.data.email }, create: { id: evt.data.id, email: evt.data.email } });\n  return new Response('ok');\n}"),
    status: 'pass',
    says: ['by wh.verify() at line 8'],
  },
  {
    name: 'near miss: a webhook route that reads json and never checks a signature stays reported',
    files: nextRoute("export async function POST(req: Request) {\n  const event = await req.json();\n  await prisma.order.create({ data: { sessionId: event.data.object.id } });\n  return NextResponse.json({ received: true });\n}"),
    status: 'fail',
    says: ['POST /api/hook (app/api/hook/route.ts:4) reads json without a schema and writes: prisma.order.create'],
  },
  {
    name: 'near miss: verify() on an object no webhook library made is not a signature check',
    files: nextRoute("import { Verifier } from './verifier';\nexport async function POST(req: Request) {\n  const body = await req.json();\n  const checked = new Verifier('k').verify(body);\n  await prisma.order.create({ data: checked });\n  return new Response('ok');\n}"),
    status: 'fail',
  },
];

// Writes that store only values the server made: the request input is a lookup key.
const serverValueCases: Case[] = [
  {
    name: 'a cancel that stores only a timestamp, with the body id used as a lookup key after an ownership check',
    files: nextRoute("export async function POST(req: Request) {\n  const { subscriptionId } = await req.json();\n  const subscription = await prisma.subscription.findUnique({ where: { id: subscriptionId } });\n  if (!subscription || subscription.userId !== 'me') return NextResponse.json({ error: 'forbidden' }, { status: 403 });\n  await stripe.subscriptions.update(subscription.stripeSubscriptionId, { cancel_at_period_end: true });\n  await prisma.subscription.update({ where: { id: subscriptionId }, data: { cancelledAt: new Date() } });\n  return NextResponse.json({ success: true });\n}"),
    status: 'pass',
    says: ['1 handler(s) use their input only to find, check or remove records'],
  },
  {
    name: 'a checkout that caches the provider customer id and stores nothing from the body',
    files: nextRoute("export async function POST(req: Request) {\n  const body = await req.json();\n  const tier = await prisma.tier.findUnique({ where: { id: body.tierId } });\n  const user = await getCurrentUser();\n  let customerId = user.stripeCustomerId;\n  if (!customerId) {\n    const customer = await stripe.customers.create({ email: user.email });\n    customerId = customer.id;\n    await prisma.user.update({ where: { id: user.id }, data: { stripeCustomerId: customerId } });\n  }\n  const session = await stripe.checkout.sessions.create({ customer: customerId, line_items: [{ price: tier.stripePriceId }] });\n  return NextResponse.json({ url: session.url });\n}"),
    status: 'pass',
  },
  {
    name: 'near miss: a body field among server values in the stored data stays reported',
    files: nextRoute("export async function POST(req: Request) {\n  const { vendorId, reason } = await req.json();\n  await prisma.vendor.update({ where: { id: vendorId }, data: { status: 'REJECTED', reviewedAt: new Date(), rejectionReason: reason ?? null } });\n  return NextResponse.json({ success: true });\n}"),
    status: 'fail',
    says: ['reads json without a schema and writes: prisma.vendor.update'],
  },
  {
    name: 'near miss: a body value put into the data object after it was declared stays reported',
    files: express("app.patch('/profile', async (req, res) => {\n  const data: Record<string, unknown> = { updatedAt: new Date() };\n  if (req.body.name) data.name = req.body.name;\n  await prisma.user.update({ where: { id: req.user.id }, data });\n  res.sendStatus(204);\n});"),
    status: 'fail',
    says: ['writes: prisma.user.update'],
  },
  {
    name: 'near miss: a record found by id, given body values and saved, stays reported',
    files: express("import { Post } from './models/post';\napp.put('/posts/:id', async (req, res) => {\n  const post = await Post.findById(req.params.id);\n  post.title = req.body.title;\n  await post.save();\n  res.json(post);\n});"),
    status: 'fail',
    says: ['writes: post.save'],
  },
  {
    name: 'near miss: server-only writes, but the body goes to a helper that may store it, stays reported',
    files: express("import { saveProfile } from './profiles';\napp.post('/profile', async (req, res) => {\n  await prisma.audit.create({ data: { at: new Date() } });\n  await saveProfile(req.user.id, req.body);\n  res.sendStatus(204);\n});"),
    status: 'fail',
    says: ['reads body without a schema and hands it to saveProfile (src/app.ts:7)'],
  },
];

// A login checks credentials; it counts only when the submitted values are stored or handed on.
const loginCases: Case[] = [
  {
    name: 'a login that only looks the user up, compares the password and signs a token is not counted',
    files: express("import bcrypt from 'bcryptjs';\nimport jwt from 'jsonwebtoken';\napp.post('/login', async (req, res) => {\n  const { email, password } = req.body;\n  const user = await prisma.user.findUnique({ where: { email } });\n  if (!user || !(await bcrypt.compare(password, user.passwordHash))) return res.status(401).json({ error: 'Invalid credentials' });\n  await prisma.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });\n  res.cookie('token', jwt.sign({ sub: user.id }, 'secret')).json({ id: user.id });\n});"),
    status: 'pass',
  },
  {
    name: 'near miss: a login that records the submitted email stays reported',
    files: express("app.post('/login', async (req, res) => {\n  const { email } = req.body;\n  await prisma.loginAttempt.create({ data: { email, at: new Date() } });\n  res.sendStatus(401);\n});"),
    status: 'fail',
    says: ['writes: prisma.loginAttempt.create'],
  },
];

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
      'src/router.ts': "export const appRouter = router({\n  create: publicProcedure.input(z.object({ name: z.string() })).mutation(async ({ input }) => prisma.post.create({ data: input })),\n  rename: publicProcedure.mutation(async ({ input }) => prisma.post.update({ where: { id: input.id }, data: { title: input.title } })),\n  remove: publicProcedure.mutation(async ({ input }) => prisma.post.delete({ where: { id: input } })),\n});\n",
    },
    status: 'partial',
    score: 0.5,
    findings: 1,
    says: ['mutation rename', '1 handler(s) use their input only to find, check or remove records'],
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
  ...pathParameterCases,
  ...webhookCases,
  ...serverValueCases,
  ...loginCases,
  {
    name: 'follows a CommonJS controller through a catchAsync-style wrapper',
    files: {
      'package.json': manifest({ express: '^4.0.0', mongoose: '^8.0.0' }),
      'app.js': "const express = require('express');\nconst admin = require('./controllers/admin');\nconst app = express();\napp.post('/admin/posts', catchAsync(admin.createPost));\napp.listen(3000);\n",
      'controllers/admin.js': "const Post = require('../models/post');\nmodule.exports.createPost = async (req, res) => {\n  const post = await Post.create(req.body);\n  req.flash('success', 'Created');\n  res.redirect(`/posts/${post._id}`);\n};\n",
    },
    status: 'fail',
    says: ['POST /admin/posts (app.js:4) reads body without a schema and writes: Post.create (controllers/admin.js:3)'],
  },
  {
    name: 'unknown, not a pass, when most handlers that change data cannot be followed',
    files: {
      'package.json': manifest({ express: '^4.0.0', mongoose: '^8.0.0' }),
      'app.js': "const express = require('express');\nconst posts = require('@acme/post-handlers');\nconst app = express();\napp.post('/posts', wrap(posts.create));\napp.put('/posts/:id', wrap(posts.update));\napp.listen(3000);\n",
    },
    status: 'unknown',
    says: ['2 of the 2 handlers that change data are defined where they cannot be followed'],
  },
  {
    name: 'near miss: handlers that cannot be followed but validate on the route leave the pass',
    files: {
      'package.json': manifest({ express: '^4.0.0', mongoose: '^8.0.0', zod: '^3.0.0' }),
      'app.js': "const express = require('express');\nconst posts = require('@acme/post-handlers');\nconst { validate, postSchema } = require('./validation');\nconst app = express();\napp.post('/posts', validate(postSchema), posts.create);\napp.listen(3000);\n",
    },
    status: 'pass',
    says: ['1 handler(s) defined where they cannot be followed'],
  },
  {
    name: 'near miss: one handler that cannot be followed among followed ones leaves the pass',
    files: express("app.post('/a/:id/archive', async (req, res) => { await prisma.a.update({ where: { id: Number(req.params.id) }, data: { archived: true } }); res.sendStatus(204); });\napp.delete('/b/:id', async (req, res) => { await prisma.b.delete({ where: { id: Number(req.params.id) } }); res.sendStatus(204); });\napp.post('/c', wrap(external.create));"),
    status: 'pass',
    says: ['0 take input that can be stored', '1 handler(s) defined where they cannot be followed'],
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
    ['a path parameter stored in a record', "app.post('/articles/:slug/views', async (req, res) => {\n  await prisma.view.create({ data: { slug: req.params.slug } });\n});", 'low'],
    ['a path parameter beside a body', "app.put('/users/:id', async (req, res) => {\n  await prisma.user.update({ where: { id: req.params.id }, data: req.body });\n});", 'high'],
  ])('%s is %s', async (_name, routes, severity) => {
    const result = await expectCase(inputValidationCheck, { name: '', files: express(routes), status: 'fail' });
    expect(result.findings.map((finding) => finding.severity)).toEqual([severity]);
  });
});

describe('data.input-validation wording', () => {
  it('says what was seen when the input goes to a webhook, not to a database', async () => {
    const result = await expectCase(inputValidationCheck, {
      name: '',
      files: {
        'package.json': manifest({ react: '^18.0.0', 'react-dom': '^18.0.0', '@supabase/supabase-js': '^2.0.0' }, { devDependencies: { vite: '^5.0.0' } }),
        'supabase/functions/chat/index.ts': "Deno.serve(async (req) => {\n  const { message, session_id } = await req.json();\n  const reply = await fetch(Deno.env.get('WEBHOOK_URL')!, { method: 'POST', body: JSON.stringify({ message, session_id }) });\n  return new Response(await reply.text());\n});\n",
      },
      status: 'fail',
    });
    const [finding] = result.findings;
    expect(finding?.title).toBe('Request input is passed on without schema validation');
    expect(finding?.message).toBe(
      'ALL /functions/v1/chat (supabase/functions/chat/index.ts:1) reads json without a schema and hands it to fetch (supabase/functions/chat/index.ts:3), which this check cannot follow; no database write of it was seen.',
    );
    expect(finding?.severity).toBe('medium');
  });

  it('keeps the database wording when a write stores the input', async () => {
    const result = await expectCase(inputValidationCheck, { name: '', files: express("app.post('/users', async (req, res) => {\n  await prisma.user.create({ data: req.body });\n});"), status: 'fail' });
    expect(result.findings[0]?.title).toBe('Request input reaches the database without schema validation');
  });
});
