// Logging libraries that write structured (levelled, usually JSON) records instead of bare console output.
import { defineIntegration } from './types.js';

const LEVEL = ['level', 'useLevel'];

export const loggingIntegrations = [
  defineIntegration({
    id: 'pino',
    title: 'pino',
    category: 'logging',
    enablers: ['pino', 'pino-http', 'nestjs-pino'],
    evidence: {
      initCalls: [{ module: 'pino', name: 'default' }, { module: 'pino', name: 'pino' }, { module: 'pino-http', name: 'default' }, { module: 'nestjs-pino', name: 'LoggerModule' }],
      levelOptions: LEVEL,
      redactOptions: ['redact'],
    },
  }),
  defineIntegration({
    id: 'winston',
    title: 'winston',
    category: 'logging',
    enablers: ['winston', 'nest-winston'],
    evidence: { initCalls: [{ module: 'winston', name: 'createLogger' }, { module: 'nest-winston', name: 'WinstonModule' }], levelOptions: LEVEL, redactOptions: ['format'] },
  }),
  defineIntegration({
    id: 'bunyan',
    title: 'bunyan',
    category: 'logging',
    enablers: ['bunyan'],
    evidence: { initCalls: [{ module: 'bunyan', name: 'createLogger' }], levelOptions: LEVEL, redactOptions: ['serializers'] },
  }),
  defineIntegration({
    id: 'nest-logger',
    title: 'NestJS Logger',
    category: 'logging',
    enablers: ['@nestjs/common'],
    evidence: { imports: ['@nestjs/common'], importNames: ['Logger'], initCalls: [{ module: '@nestjs/common', name: 'Logger', construct: true }] },
  }),
  defineIntegration({
    id: 'consola',
    title: 'consola',
    category: 'logging',
    enablers: ['consola'],
    evidence: { initCalls: [{ module: 'consola', name: 'createConsola' }] },
  }),
  defineIntegration({
    id: 'other-loggers',
    title: 'tslog / signale / roarr / log4js',
    category: 'logging',
    enablers: ['tslog', 'signale', 'roarr', 'log4js'],
    evidence: {},
  }),
];
