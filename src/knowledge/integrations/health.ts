// Libraries that add liveness/readiness endpoints for you.
import { defineIntegration } from './types.js';

export const healthIntegrations = [
  defineIntegration({
    id: 'nestjs-terminus',
    title: '@nestjs/terminus',
    category: 'health',
    enablers: ['@nestjs/terminus'],
    evidence: { initCalls: [{ module: '@nestjs/terminus', name: 'TerminusModule' }, { module: '@nestjs/terminus', name: 'HealthCheck' }] },
  }),
  defineIntegration({
    id: 'godaddy-terminus',
    title: '@godaddy/terminus',
    category: 'health',
    enablers: ['@godaddy/terminus'],
    evidence: { initCalls: [{ module: '@godaddy/terminus', name: 'createTerminus' }] },
  }),
  defineIntegration({
    id: 'lightship',
    title: 'lightship',
    category: 'health',
    enablers: ['lightship'],
    evidence: { initCalls: [{ module: 'lightship', name: 'createLightship' }] },
  }),
  defineIntegration({
    id: 'fastify-healthcheck',
    title: 'fastify-healthcheck / express-healthcheck',
    category: 'health',
    enablers: ['fastify-healthcheck', 'express-healthcheck', '@hapi/healthcheck'],
    evidence: {},
  }),
];
