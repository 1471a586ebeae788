import { describe, it } from 'vitest';
import { gracefulShutdownCheck } from '../../../src/checks/observability/graceful-shutdown.js';
import { expectCase, LIBRARY, manifest, type Case } from '../data/apps.js';

const service = (files: Record<string, string>, dependencies: Record<string, string> = {}) => ({ 'package.json': manifest({ express: '^4.19.0', ...dependencies }), ...files });
const SERVER = "import express from 'express';\nconst app = express();\napp.get('/', (req, res) => res.send('hi'));\nconst server = app.listen(3000);\n";

const cases: Case[] = [
  { name: 'SIGTERM closes the server and the pool', files: service({ 'src/server.ts': `${SERVER}process.on('SIGTERM', () => {\n  server.close(async () => {\n    await prisma.$disconnect();\n    process.exit(0);\n  });\n});\n` }), status: 'pass', says: ["process.on('SIGTERM') closes server.close, prisma.$disconnect"] },
  { name: 'handler function declared separately', files: service({ 'src/server.ts': `${SERVER}async function shutdown() {\n  await new Promise((r) => server.close(r));\n}\nprocess.once('SIGTERM', shutdown);\n` }), status: 'pass' },
  { name: 'SIGTERM handler that only exits', files: service({ 'src/server.ts': `${SERVER}process.on('SIGTERM', () => process.exit(0));\n` }), status: 'partial', score: 0.5 },
  { name: 'godaddy terminus', files: service({ 'src/server.ts': `${SERVER}import { createTerminus } from '@godaddy/terminus';\ncreateTerminus(server, { signals: ['SIGTERM'] });\n` }, { '@godaddy/terminus': '^4.0.0' }), status: 'pass' },
  { name: 'an unhandledRejection handler is not shutdown handling', files: service({ 'src/server.ts': `${SERVER}process.on('unhandledRejection', () => server.close());\n` }), status: 'fail' },
  { name: 'nothing handles SIGTERM', files: service({ 'src/server.ts': SERVER }), status: 'fail' },
  { name: 'a framework-served Next.js app', files: { 'package.json': manifest({ next: '^14.0.0', react: '^18.0.0' }), 'app/page.tsx': 'export default function P() { return null; }\n' }, status: 'na', says: ['framework'] },
  { name: 'a library', files: LIBRARY, status: 'na' },
];

describe('observability.graceful-shutdown', () => {
  it.each(cases)('$name', (testCase) => expectCase(gracefulShutdownCheck, testCase).then(() => undefined));
});
