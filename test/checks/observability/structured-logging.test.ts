import { describe, it } from 'vitest';
import { structuredLoggingCheck } from '../../../src/checks/observability/structured-logging.js';
import { expectCase, LIBRARY, manifest, type Case } from '../data/apps.js';

const service = (files: Record<string, string>, dependencies: Record<string, string> = {}) => ({ 'package.json': manifest({ express: '^4.19.0', ...dependencies }), ...files });

const cases: Case[] = [
  {
    name: 'pino with level from the environment and redaction',
    files: service({ 'src/logger.ts': "import pino from 'pino';\nexport const logger = pino({ level: process.env.LOG_LEVEL ?? 'info', redact: ['req.headers.authorization'] });\n" }, { pino: '^9.0.0' }),
    status: 'pass',
    score: 1,
    says: ['level from configuration, redacts fields'],
  },
  { name: 'pino with a fixed level and no redaction', files: service({ 'src/logger.ts': "import pino from 'pino';\nexport const logger = pino({ level: 'debug' });\n" }, { pino: '^9.0.0' }), status: 'pass', score: 0.8, findings: 2 },
  {
    name: 'pino options built elsewhere are not judged',
    files: service({ 'src/logger.ts': "import pino from 'pino';\nconst base = { level: cfg.LOG_LEVEL, redact: ['x'] };\nexport const logger = pino(isProd ? base : { ...base, transport: {} });\n" }, { pino: '^9.0.0' }),
    status: 'pass',
    score: 1,
    findings: 0,
    says: ['options built elsewhere'],
  },
  { name: 'pino with its level from a validated config object', files: service({ 'src/logger.ts': "import pino from 'pino';\nexport const logger = pino({ level: config.logLevel, redact: { paths: ['x'] } });\n" }, { pino: '^9.0.0' }), status: 'pass', score: 1 },
  { name: 'pino() with no options: fixed level, no redaction', files: service({ 'src/logger.ts': "import pino from 'pino';\nexport const logger = pino();\n" }, { pino: '^9.0.0' }), status: 'pass', score: 0.8 },
  { name: 'console.* calls beside the logger cost a little', files: service({ 'src/logger.ts': "import pino from 'pino';\nexport const logger = pino({ level: process.env.LOG_LEVEL, redact: ['x'] });\n", 'src/jobs.ts': "console.log('job done');\n" }, { pino: '^9.0.0' }), status: 'pass', score: 0.9, findings: 1, says: ['1 console.* call(s) in 1 server file(s) bypass the logger (first at src/jobs.ts:1)'] },
  { name: 'winston createLogger', files: service({ 'src/log.js': "const winston = require('winston');\nmodule.exports = winston.createLogger({ level: process.env.LOG_LEVEL, format: winston.format.json() });\n" }, { winston: '^3.0.0' }), status: 'pass', score: 1 },
  { name: 'Nest Logger', files: { 'package.json': manifest({ '@nestjs/core': '^10.0.0', '@nestjs/common': '^10.0.0' }), 'src/users.service.ts': "import { Injectable, Logger } from '@nestjs/common';\n@Injectable()\nexport class UsersService { private readonly logger = new Logger(UsersService.name); }\n" }, status: 'pass' },
  { name: 'Nest app that never imports Logger', files: { 'package.json': manifest({ '@nestjs/core': '^10.0.0', '@nestjs/common': '^10.0.0' }), 'src/users.service.ts': "import { Injectable } from '@nestjs/common';\n@Injectable()\nexport class UsersService { find() { console.log('find'); } }\n" }, status: 'fail' },
  { name: 'console.* only', files: service({ 'src/server.ts': "console.log('listening');\nconsole.error('boom');\n", 'src/db.ts': "console.log('connected');\n" }), status: 'fail', says: ['3 console.* call(s) in 2 server file(s)'] },
  { name: 'pino installed but never imported', files: service({ 'src/server.ts': "console.log('listening');\n" }, { pino: '^9.0.0' }), status: 'fail' },
  { name: 'a logger imported only in tests does not count', files: service({ 'test/log.test.ts': "import pino from 'pino';\npino();\n", 'src/server.ts': "console.log('x');\n" }, { pino: '^9.0.0' }), status: 'fail' },
  { name: 'a library', files: LIBRARY, status: 'na' },
];

describe('observability.structured-logging', () => {
  it.each(cases)('$name', (testCase) => expectCase(structuredLoggingCheck, testCase).then(() => undefined));
});
