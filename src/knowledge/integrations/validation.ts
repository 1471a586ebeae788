// Schema libraries that validate input at a boundary. `middleware` lists the factories that
// validate a request before the handler runs when passed to a route.
import { defineIntegration } from './types.js';

export const validationIntegrations = [
  defineIntegration({ id: 'zod', title: 'zod', category: 'validation', enablers: ['zod'], evidence: {} }),
  defineIntegration({ id: 'valibot', title: 'valibot', category: 'validation', enablers: ['valibot'], evidence: {} }),
  defineIntegration({ id: 'yup', title: 'yup', category: 'validation', enablers: ['yup'], evidence: {} }),
  defineIntegration({ id: 'joi', title: 'joi', category: 'validation', enablers: ['joi', '@hapi/joi'], evidence: {} }),
  defineIntegration({ id: 'ajv', title: 'Ajv (JSON Schema)', category: 'validation', enablers: ['ajv'], evidence: {} }),
  defineIntegration({ id: 'superstruct', title: 'superstruct / typebox', category: 'validation', enablers: ['superstruct', '@sinclair/typebox', 'arktype'], evidence: {} }),
  defineIntegration({
    id: 'class-validator',
    title: 'class-validator',
    category: 'validation',
    enablers: ['class-validator'],
    evidence: { initCalls: [{ module: '@nestjs/common', name: 'ValidationPipe', construct: true }, { module: 'class-validator', name: 'validate' }] },
  }),
  defineIntegration({
    id: 'express-validator',
    title: 'express-validator',
    category: 'validation',
    enablers: ['express-validator'],
    evidence: { middleware: ['body', 'check', 'param', 'query', 'checkSchema', 'oneOf', 'header', 'cookie'] },
  }),
  defineIntegration({
    id: 'celebrate',
    title: 'celebrate (joi middleware)',
    category: 'validation',
    enablers: ['celebrate'],
    evidence: { middleware: ['celebrate'] },
  }),
  defineIntegration({
    id: 'zod-middleware',
    title: 'zod request middleware',
    category: 'validation',
    enablers: ['@hono/zod-validator', 'zod-express-middleware', 'express-zod-safe', '@hono/valibot-validator', 'hono/validator'],
    evidence: {
      imports: ['@hono/zod-validator', 'zod-express-middleware', 'express-zod-safe', '@hono/valibot-validator', 'hono/validator'],
      middleware: ['zValidator', 'vValidator', 'validator', 'validateRequest', 'validateRequestBody', 'validateRequestQuery', 'validateRequestParams', 'processRequest', 'default'],
    },
  }),
  defineIntegration({
    id: 'openapi-validator',
    title: 'OpenAPI request validation',
    category: 'validation',
    enablers: ['express-openapi-validator', 'koa-openapi', 'fastify-openapi-glue'],
    evidence: { middleware: ['middleware', 'default', 'OpenApiValidator'] },
  }),
  // Fastify validates `schema: { body, querystring, params }` route options itself with Ajv, and
  // tRPC validates a procedure's `.input(...)`; the routes extractor records both on the route.
  defineIntegration({ id: 'fastify-schema', title: 'Fastify route schemas', category: 'validation', enablers: ['fastify'], evidence: {} }),
  defineIntegration({ id: 'trpc-input', title: 'tRPC procedure input', category: 'validation', enablers: ['@trpc/server'], evidence: {} }),
];
