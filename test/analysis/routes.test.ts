import { describe, expect, it } from 'vitest';
import { nextRoutePath, serverlessRoutePath } from '../../src/analysis/extractors/file-routes.js';
import { extractRoutes } from '../../src/analysis/extractors/routes.js';
import { sourceOf } from './source.js';

const routesOf = (text: string, path = 'src/app.ts') => extractRoutes(sourceOf(text, path));

describe('routes extractor', () => {
  it.each([
    ["import express from 'express';\nconst app = express();\napp.get('/health', (req, res) => res.send('ok'));", { method: 'GET', path: '/health', receiver: 'app', framework: 'express' }],
    ["const express = require('express');\nconst router = express.Router();\nrouter.post('/users', async (req, res) => {});", { method: 'POST', path: '/users', receiver: 'router' }],
    ["const app = require('express')();\napp.delete('/x/:id', handler);\nfunction handler(req, res) {}", { method: 'DELETE', path: '/x/:id', receiver: 'app' }],
    ["import Router from '@koa/router';\nconst router = new Router();\nrouter.get('/ping', (ctx) => { ctx.body = 'pong'; });", { method: 'GET', path: '/ping', framework: 'koa' }],
    ["import { Hono } from 'hono';\nconst app = new Hono();\napp.get('/livez', (c) => c.text('ok'));", { method: 'GET', path: '/livez', framework: 'hono' }],
    ["import express from 'express';\nconst app = express();\napp.route('/book').get((req, res) => {}).post((req, res) => {});", { method: 'POST', path: '/book' }],
    ["import Fastify from 'fastify';\nconst app = Fastify();\napp.route({ method: 'PUT', url: '/items/:id', handler: async (request) => request.body });", { method: 'PUT', path: '/items/:id', framework: 'fastify' }],
  ])('finds the route in %s', (code, expected) => {
    expect(routesOf(code).routes).toContainEqual(expect.objectContaining(expected));
  });

  it.each([
    ["import axios from 'axios';\naxios.get('/api/users', { params: {} });", 'an axios call'],
    ["import axios from 'axios';\nconst api = axios.create();\napi.post('/users', payload);", 'a call on an axios instance'],
    ["const cache = new Map();\ncache.get('key');", 'a Map lookup'],
    ["const url = new URL(x);\nurl.searchParams.get('q');", 'a search parameter'],
    ["request(app).get('/health').expect(200);", 'a supertest request (not a handler)'],
    ["const data = { a: 1 };\nstore.post('/x', data);", 'an object argument, not a handler'],
  ])('ignores %s (%s)', (code) => {
    expect(routesOf(code).routes).toEqual([]);
  });

  it('records what a handler reads and whether it touches the database', () => {
    const [route] = routesOf("import express from 'express';\nconst app = express();\napp.post('/users/:id', async (req, res) => {\n  const { name } = req.body;\n  const q = req.query.sort;\n  await prisma.user.update({ where: { id: req.params.id }, data: { name } });\n});").routes;
    expect(route?.handler).toEqual({ startLine: 3, endLine: 7, reads: ['body', 'query', 'params'], touchesDatabase: true });
  });

  it('records validation middleware and Fastify schemas, not ordinary middleware', () => {
    const { routes } = routesOf(
      "import express from 'express';\nimport { celebrate } from 'celebrate';\nconst app = express();\napp.post('/a', celebrate({ body: s }), (req, res) => {});\napp.post('/b', requireAuth, (req, res) => {});\napp.post('/c', validateBody(schema), (req, res) => {});",
    );
    expect(routes.map((route) => route.validation)).toEqual([['middleware:celebrate'], [], ['middleware:validateBody']]);
  });

  it('records routers, their exports and mounts', () => {
    const result = routesOf("import { Router } from 'express';\nimport users from './users';\nconst api = Router();\napi.use('/users', users);\napi.use(require('./legacy'));\nexport default api;");
    expect(result.routers).toEqual([{ name: 'api', line: 3, role: 'router', framework: 'express', topLevel: true, exportedAs: ['default'] }]);
    expect(result.mounts).toEqual([
      { receiver: 'api', path: '/users', line: 4, target: { module: './users', name: 'default' } },
      { receiver: 'api', path: null, line: 5, target: { module: './legacy', name: 'default' } },
    ]);
  });

  it('records Next.js route handlers from the file path', () => {
    const { routes } = routesOf("export async function GET() { return Response.json({}); }\nexport const POST = async (request: Request) => { const body = await request.json(); };\nexport function helper() {}", 'src/app/(admin)/api/users/[id]/route.ts');
    expect(routes.map((route) => [route.method, route.path, route.handler?.reads])).toEqual([
      ['GET', '/api/users/[id]', []],
      ['POST', '/api/users/[id]', ['json']],
    ]);
  });

  it.each([
    ['app/api/health/route.ts', { kind: 'next-app', route: '/api/health' }],
    ['src/app/route.ts', { kind: 'next-app', route: '/' }],
    ['pages/api/users/index.ts', { kind: 'next-pages', route: '/api/users' }],
    ['pages/about.tsx', null],
    ['src/routes/route.ts.bak', null],
  ])('maps %s to a Next.js route', (path, expected) => {
    expect(nextRoutePath(path)).toEqual(expected);
  });

  it('records server actions (file-level and inline) with their arguments as input', () => {
    const fileLevel = routesOf("'use server';\nexport async function createPost(formData: FormData) {}\nexport async function ping() {}", 'app/actions.ts').routes;
    expect(fileLevel.map((route) => [route.method, route.path, route.handler?.reads])).toEqual([
      ['ACTION', 'createPost', ['args']],
      ['ACTION', 'ping', []],
    ]);
    const inline = routesOf("export default function Page() {\n  async function save(data: FormData) {\n    'use server';\n  }\n  return null;\n}", 'app/page.tsx').routes;
    expect(inline.map((route) => route.path)).toEqual(['save']);
    expect(routesOf("'use client';\nexport async function createPost(x) {}", 'app/form.tsx').routes).toEqual([]);
    const wrapped = routesOf("'use server';\nexport const signIn = validatedAction(signInSchema, async (data, formData) => {});\nexport const signOut = withUser(async (user) => {});", 'app/(login)/actions.ts').routes;
    expect(wrapped.map((route) => [route.path, route.validation, route.line])).toEqual([
      ['signIn', ['wrapper:validatedAction'], 2],
      ['signOut', [], 3],
    ]);
  });

  it('records Nest controller methods with body inputs and pipes', () => {
    const { routes } = routesOf("@Controller('users')\nexport class UsersController {\n  @Post()\n  create(@Body() dto: CreateUserDto) {}\n  @Get(':id')\n  find(@Param('id') id: string) {}\n  @Put(':id')\n  @UsePipes(new ZodPipe(s))\n  update(@Body() body: unknown) {}\n}");
    expect(routes.map((route) => [route.method, route.path, route.handler?.reads, route.validation])).toEqual([
      ['POST', '/users', ['body'], ['nest-dto:CreateUserDto']],
      ['GET', '/users/:id', ['params'], []],
      ['PUT', '/users/:id', ['body'], ['nest-pipe']],
    ]);
  });

  it('records tRPC procedures and whether they declare .input', () => {
    const { routes } = routesOf("export const r = router({\n  add: publicProcedure.input(z.string()).mutation(({ input }) => input),\n  list: protectedProcedure.query(() => []),\n});");
    expect(routes.map((route) => [route.method, route.path, route.validation])).toEqual([
      ['mutation', 'add', ['trpc-input']],
      ['query', 'list', []],
    ]);
  });

  it('records Node HTTP servers and edge functions as catch-all boundaries', () => {
    const node = routesOf("import http from 'node:http';\nhttp.createServer((req, res) => { res.end('ok'); }).listen(3000);").routes;
    expect(node.map((route) => [route.framework, route.method, route.path])).toEqual([['http', 'ALL', '/']]);
    const edge = routesOf("Deno.serve(async (req) => {\n  const body = await req.json();\n  return new Response('ok');\n});", 'supabase/functions/send-email/index.ts').routes;
    expect(edge.map((route) => [route.framework, route.path, route.handler?.reads])).toEqual([['edge-function', '/functions/v1/send-email', ['json']]]);
    const std = routesOf("import { serve } from 'https://deno.land/std@0.168.0/http/server.ts';\nserve(handler);\nasync function handler(req: Request) { return new Response(); }", 'supabase/functions/x/index.ts').routes;
    expect(std).toHaveLength(1);
    expect(routesOf("import { serve } from '@hono/node-server';\nserve(app);").routes).toEqual([]);
  });

  it.each([
    ['netlify/functions/redAgent.ts', '/.netlify/functions/redAgent'],
    ['netlify/functions/send/index.ts', '/.netlify/functions/send'],
    ['netlify/functions/send/send.mjs', '/.netlify/functions/send'],
    ['netlify/functions/utils/helpers.ts', null],
    ['api/redteam.ts', '/api/redteam'],
    ['api/users/index.ts', '/api/users'],
    ['api/_lib/db.ts', null],
    ['api/src/routes/users.ts', null],
    ['src/api/client.ts', null],
  ])('maps %s to a serverless function', (path, expected) => {
    expect(serverlessRoutePath(path)).toBe(expected);
  });

  it('records Netlify and Vercel functions as catch-all boundaries with what they read', () => {
    const v1 = routesOf('export const handler = async (event) => {\n  const { prompt } = JSON.parse(event.body || "{}");\n  return { statusCode: 200 };\n};', 'netlify/functions/redAgent.ts').routes;
    expect(v1.map((route) => [route.framework, route.method, route.path, route.handler?.reads])).toEqual([['serverless-function', 'ALL', '/.netlify/functions/redAgent', ['body']]]);
    const cjs = routesOf('exports.handler = async function (event, context) {\n  return { statusCode: 200, body: event.body };\n};', 'netlify/functions/echo.js').routes;
    expect(cjs.map((route) => route.path)).toEqual(['/.netlify/functions/echo']);
    const v2 = routesOf('export default async (req: Request) => {\n  const body = await req.json();\n  return new Response("ok");\n};', 'netlify/functions/save.mts').routes;
    expect(v2.map((route) => [route.path, route.handler?.reads])).toEqual([['/.netlify/functions/save', ['json']]]);
    const vercel = routesOf('export default function handler(req, res) {\n  res.json({ ok: req.body });\n}', 'api/redteam.ts').routes;
    expect(vercel.map((route) => [route.framework, route.path, route.handler?.reads])).toEqual([['serverless-function', '/api/redteam', ['body']]]);
    // Near misses: a default export that takes no request, a helper beside the functions.
    expect(routesOf('export default function config() { return {}; }', 'api/config.ts').routes).toEqual([]);
    expect(routesOf('export function handler(event) { return 1; }', 'netlify/functions/lib/util.ts').routes).toEqual([]);
  });

  it('records handler-shaped functions for routes in other files', () => {
    const { handlers } = routesOf("export async function createUser(req, res) { req.body; }\nexport const controller = { remove: async (req, res) => {} };\nexport function helper(a, b) {}");
    expect(handlers.map((handler) => [handler.name, handler.info.reads])).toEqual([
      ['createUser', ['body']],
      ['controller.remove', []],
    ]);
  });

  it('survives syntax errors and returns nothing for test files', () => {
    expect(() => routesOf("app.get('/x', (req, res => {")).not.toThrow();
  });
});
