// What shipshape knows about web frameworks and request objects: which calls create an app or a
// router, which method names register routes, what Next.js and Nest use to declare handlers, and
// where a handler finds the request's input.

export type RouteFramework = 'express' | 'koa' | 'fastify' | 'hono' | 'next-app' | 'next-pages' | 'server-action' | 'nest' | 'trpc' | 'http' | 'edge-function' | 'serverless-function';

/** Method names that register a route on an Express/Koa/Fastify/Hono app or router. */
export const HTTP_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'all', 'head', 'options']);
/** Exports of a Next.js `route.ts` that handle requests. */
export const NEXT_METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);
/** Nest method decorators and the HTTP method each declares; parameter decorators and the input each reads. */
export const NEST_METHOD_DECORATORS = new Map([
  ['Get', 'GET'], ['Post', 'POST'], ['Put', 'PUT'], ['Patch', 'PATCH'], ['Delete', 'DELETE'], ['All', 'ALL'], ['Head', 'HEAD'], ['Options', 'OPTIONS'],
]);
export const NEST_INPUT_DECORATORS = new Map([['Body', 'body'], ['Query', 'query'], ['Param', 'params']]);
/** Request properties and methods that carry client input (`req.body`, `await request.json()`, `c.req.valid('json')`). */
export const INPUT_PROPERTIES = new Map([['body', 'body'], ['query', 'query'], ['params', 'params'], ['querystring', 'query'], ['searchParams', 'query']]);
export const INPUT_CALLS = new Map([['json', 'json'], ['formData', 'formData'], ['text', 'json'], ['parseBody', 'json'], ['param', 'params'], ['valid', 'json']]);
/** Names a handler gives the request object; a function whose first parameter has one of them is shaped like a handler. */
export const REQUEST_NAMES = /(^|\.)(req|request|ctx|context|ctx\.request|c\.req|event|nextUrl)$/;
export const HANDLER_PARAMS = new Set(['req', 'request', 'ctx', 'context', 'c', 'event']);
/** Calls that reach a database (a readiness probe that makes one is worth more than a bare 200). */
export const DATABASE_CALL = /(prisma|\bdb\b|database|pool|knex|sequelize|mongoose|supabase|redis|\$queryRaw|\$executeRaw|\bsql\b|\.ping\b|authenticate)/i;

/** Which constructor calls create an app or a router, by module. */
export const ROUTER_FACTORIES: { module: string; name: string; role: 'app' | 'router'; framework: RouteFramework }[] = [
  { module: 'express', name: 'default', role: 'app', framework: 'express' },
  { module: 'express', name: 'Router', role: 'router', framework: 'express' },
  { module: 'koa', name: 'default', role: 'app', framework: 'koa' },
  { module: '@koa/router', name: 'default', role: 'router', framework: 'koa' },
  { module: 'koa-router', name: 'default', role: 'router', framework: 'koa' },
  { module: 'fastify', name: 'default', role: 'app', framework: 'fastify' },
  { module: 'fastify', name: 'fastify', role: 'app', framework: 'fastify' },
  { module: 'hono', name: 'Hono', role: 'app', framework: 'hono' },
  { module: 'elysia', name: 'Elysia', role: 'app', framework: 'http' },
];

/** HTTP clients share method names with routers (`axios.post(url, data)`); their objects are never routers. */
export const HTTP_CLIENT_MODULES = new Set(['axios', 'got', 'ky', 'superagent', 'supertest', 'node-fetch', 'undici', 'ofetch']);
