import { describe, it } from 'vitest';
import { healthEndpointCheck } from '../../../src/checks/observability/health-endpoint.js';
import { expectCase, LIBRARY, manifest, type Case } from '../data/apps.js';

const service = (files: Record<string, string>, dependencies: Record<string, string> = {}) => ({ 'package.json': manifest({ express: '^4.19.0', ...dependencies }), ...files });
const APP = "import express from 'express';\nconst app = express();\n";

const cases: Case[] = [
  { name: 'GET /health on the app', files: service({ 'src/app.ts': `${APP}app.get('/health', (req, res) => res.json({ ok: true }));\napp.listen(3000);\n` }), status: 'pass', score: 0.9, says: ['GET /health (src/app.ts:3)', 'no readiness check that touches the database'] },
  { name: 'readiness route that queries the database scores higher', files: service({ 'src/app.ts': `${APP}app.get('/ready', async (req, res) => { await prisma.$queryRaw\`SELECT 1\`; res.send('ok'); });\n` }), status: 'pass', score: 1 },
  {
    name: 'health router mounted from another file',
    files: service({
      'src/app.ts': `${APP}import healthRouter from './routes/health.js';\napp.use('/healthz', healthRouter);\n`,
      'src/routes/health.ts': "import { Router } from 'express';\nconst router = Router();\nrouter.get('/', (req, res) => res.sendStatus(200));\nexport default router;\n",
    }),
    status: 'pass',
    says: ['GET /healthz (src/routes/health.ts:3)', 'mounted at src/app.ts:4'],
  },
  {
    name: 'health route on a router that is never mounted',
    files: service({
      'src/app.ts': `${APP}app.get('/users', (req, res) => res.json([]));\napp.listen(3000);\n`,
      'src/routes/health.ts': "import { Router } from 'express';\nconst router = Router();\nrouter.get('/health', (req, res) => res.sendStatus(200));\nexport default router;\n",
    }),
    status: 'fail',
    findings: 2,
    says: ['can never be reached: its router `router` (src/routes/health.ts:2) is never mounted on an app'],
  },
  {
    name: 'router mounted on another router that is never mounted',
    files: service({
      'src/app.ts': `${APP}app.listen(3000);\n`,
      'src/routes/index.ts': "import { Router } from 'express';\nimport health from './health';\nexport const api = Router();\napi.use('/status', health);\n",
      'src/routes/health.ts': "import { Router } from 'express';\nconst health = Router();\nhealth.get('/', (req, res) => res.send('ok'));\nexport default health;\n",
    }),
    status: 'fail',
  },
  {
    name: 'nested routers all mounted',
    files: service({
      'src/app.ts': `${APP}import { api } from './routes/index';\napp.use('/api', api);\n`,
      'src/routes/index.ts': "import { Router } from 'express';\nimport health from './health';\nexport const api = Router();\napi.use('/status', health);\n",
      'src/routes/health.ts': "import { Router } from 'express';\nconst health = Router();\nhealth.get('/', (req, res) => res.send('ok'));\nexport default health;\n",
    }),
    status: 'pass',
    says: ['GET /api/status'],
  },
  {
    name: 'a router built by a factory function counts (it cannot be followed)',
    files: service({
      'src/app.ts': `${APP}import { createHealthRouter } from './health';\napp.use(createHealthRouter());\n`,
      'src/health.ts': "import { Router } from 'express';\nexport function createHealthRouter() {\n  const router = Router();\n  router.get('/health', (req, res) => res.send('ok'));\n  return router;\n}\n",
    }),
    status: 'pass',
    says: ['used in a way that cannot be followed'],
  },
  {
    name: 'a router re-exported through an index file counts',
    files: service({
      'src/app.ts': `${APP}import { healthRouter } from './routes';\napp.use(healthRouter);\n`,
      'src/routes/index.ts': "export { default as healthRouter } from './health';\n",
      'src/routes/health.ts': "import { Router } from 'express';\nconst router = Router();\nrouter.get('/healthz', (req, res) => res.send('ok'));\nexport default router;\n",
    }),
    status: 'pass',
  },
  { name: 'a resource status route is not a health route', files: service({ 'src/app.ts': `${APP}app.get('/orders/:id/status', (req, res) => res.json({}));\napp.get('/api/jobs/status/:jobId', (req, res) => res.json({}));\napp.listen(3000);\n` }), status: 'fail' },
  { name: 'a health sub-check route counts', files: service({ 'src/app.ts': `${APP}app.get('/health/db', async (req, res) => res.json({}));\n` }), status: 'pass' },
  { name: 'a /healthcheck string elsewhere is not a route', files: service({ 'src/app.ts': `${APP}const url = '/health';\nawait fetch(url);\napp.listen(3000);\n` }), status: 'fail' },
  { name: 'Next.js app route handler', files: { 'package.json': manifest({ next: '^14.0.0', react: '^18.0.0' }), 'app/api/health/route.ts': 'export async function GET() {\n  return Response.json({ ok: true });\n}\n' }, status: 'pass' },
  { name: 'Next.js app without a health route', files: { 'package.json': manifest({ next: '^14.0.0', react: '^18.0.0' }), 'app/page.tsx': 'export default function Page() { return null; }\n' }, status: 'fail' },
  { name: 'Fastify route() form', files: { 'package.json': manifest({ fastify: '^4.0.0' }), 'src/server.ts': "import Fastify from 'fastify';\nconst app = Fastify();\napp.route({ method: 'GET', url: '/livez', handler: async () => ({ ok: true }) });\n" }, status: 'pass' },
  { name: 'Nest terminus module', files: { 'package.json': manifest({ '@nestjs/core': '^10.0.0', '@nestjs/terminus': '^10.0.0' }), 'src/health.module.ts': "import { Module } from '@nestjs/common';\nimport { TerminusModule } from '@nestjs/terminus';\n@Module({ imports: [TerminusModule] })\nexport class HealthModule {}\n" }, status: 'pass' },
  { name: 'Nest controller with @Get("health")', files: { 'package.json': manifest({ '@nestjs/core': '^10.0.0' }), 'src/app.controller.ts': "import { Controller, Get } from '@nestjs/common';\n@Controller()\nexport class AppController {\n  @Get('health')\n  health() { return { ok: true }; }\n}\n" }, status: 'pass' },
  { name: 'Dockerfile HEALTHCHECK counts', files: service({ 'src/app.ts': `${APP}app.listen(3000);\n`, Dockerfile: 'FROM node:20\nHEALTHCHECK --interval=30s CMD curl -f http://localhost:3000/ || exit 1\nCMD ["node", "dist/app.js"]\n' }), status: 'pass', score: 0.8 },
  { name: 'HEALTHCHECK NONE does not count', files: service({ 'src/app.ts': `${APP}app.listen(3000);\n`, Dockerfile: 'FROM node:20\nHEALTHCHECK NONE\n' }), status: 'fail' },
  { name: 'fly.toml http check counts', files: service({ 'src/app.ts': `${APP}app.listen(3000);\n`, 'fly.toml': 'app = "x"\n[[http_service.checks]]\n  path = "/"\n' }), status: 'pass' },
  {
    name: 'a static single-page app calling Supabase',
    files: { 'package.json': manifest({ react: '^18.0.0', 'react-dom': '^18.0.0', '@supabase/supabase-js': '^2.0.0' }, { devDependencies: { vite: '^5.0.0' } }), 'src/App.tsx': 'export default function App() { return null; }\n' },
    status: 'na',
    says: ['static single-page app'],
  },
  {
    name: 'a single-page app whose only server code is Supabase edge functions',
    files: {
      'package.json': manifest({ react: '^18.0.0', 'react-dom': '^18.0.0', '@supabase/supabase-js': '^2.0.0' }, { devDependencies: { vite: '^5.0.0' } }),
      'supabase/functions/notify/index.ts': "Deno.serve(async (req) => new Response('ok'));\n",
    },
    status: 'na',
    says: ['runs as edge or serverless functions (supabase/functions/notify/index.ts)'],
  },
  {
    name: 'a single-page app whose only server code is a Netlify function',
    files: {
      'package.json': manifest({ react: '^18.0.0', 'react-dom': '^18.0.0' }, { devDependencies: { vite: '^5.0.0' } }),
      'netlify/functions/ask.ts': 'export const handler = async (event) => ({ statusCode: 200, body: event.body });\n',
    },
    status: 'na',
    says: ['runs as edge or serverless functions (netlify/functions/ask.ts)'],
  },
  { name: 'a plain Node HTTP server without a health route', files: { 'package.json': manifest({}), 'server.js': "const http = require('http');\nhttp.createServer((req, res) => res.end('hi')).listen(8080);\n" }, status: 'fail' },
  { name: 'a library', files: LIBRARY, status: 'na', says: ['library'] },
  { name: 'a command-line tool', files: { 'package.json': JSON.stringify({ name: 'tool', version: '1.0.0', bin: { tool: 'bin/tool.js' }, dependencies: { commander: '^12.0.0' } }), 'bin/tool.js': "console.log('hi');\n" }, status: 'na', says: ['command-line tool'] },
];

describe('observability.health-endpoint', () => {
  it.each(cases)('$name', (testCase) => expectCase(healthEndpointCheck, testCase).then(() => undefined));
});
