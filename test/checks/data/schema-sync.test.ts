import { describe, expect, it } from 'vitest';
import { schemaSyncCheck } from '../../../src/checks/data/schema-sync.js';
import { expectCase, manifest, type Case } from './apps.js';

const sequelizeApp = (db: string): Record<string, string> => ({ 'package.json': manifest({ express: '^4.0.0', sequelize: '^6.0.0', pg: '^8.0.0' }), 'src/db.ts': db });
const typeormApp = (config: string): Record<string, string> => ({ 'package.json': manifest({ express: '^4.0.0', typeorm: '^0.3.0', pg: '^8.0.0' }), 'src/data-source.ts': config });

const cases: Case[] = [
  { name: 'sequelize.sync({ alter: true }) at start-up', files: sequelizeApp("import { Sequelize } from 'sequelize';\nconst sequelize = new Sequelize(process.env.DATABASE_URL!);\nawait sequelize.sync({ alter: true });\n"), status: 'fail', says: ['src/db.ts:3'] },
  { name: 'sequelize.sync({ force: true }) guarded by NODE_ENV', files: sequelizeApp("import { Sequelize } from 'sequelize';\nconst sequelize = new Sequelize('x');\nif (process.env.NODE_ENV === 'development') {\n  await sequelize.sync({ force: true });\n}\n"), status: 'pass', says: ['limited by an environment check'] },
  { name: 'plain sequelize.sync() creates missing tables only', files: sequelizeApp("import { Sequelize } from 'sequelize';\nconst sequelize = new Sequelize('x');\nawait sequelize.sync();\n"), status: 'pass' },
  { name: 'sync({ alter: false })', files: sequelizeApp("const s = makeDb();\nawait s.sync({ alter: false });\n"), status: 'pass' },
  { name: 'TypeORM synchronize: true', files: typeormApp("import { DataSource } from 'typeorm';\nexport const ds = new DataSource({ type: 'postgres', synchronize: true, entities: [] });\n"), status: 'fail', says: ['synchronize: true'] },
  { name: 'TypeORM synchronize from the environment', files: typeormApp("import { DataSource } from 'typeorm';\nexport const ds = new DataSource({ type: 'postgres', synchronize: process.env.NODE_ENV !== 'production' });\n"), status: 'pass' },
  { name: 'TypeORM synchronize behind a ternary on the environment', files: typeormApp("import { DataSource } from 'typeorm';\nexport const ds = new DataSource(process.env.NODE_ENV === 'test' ? { synchronize: true } : { migrationsRun: true });\n"), status: 'pass' },
  { name: 'ormconfig.json with synchronize', files: { ...typeormApp("import { DataSource } from 'typeorm';\n"), 'ormconfig.json': '{ "type": "postgres", "synchronize": true }' }, status: 'fail', says: ['ormconfig.json'] },
  {
    name: 'prisma db push in the start script',
    files: { 'package.json': manifest({ express: '^4.0.0', '@prisma/client': '^5.0.0' }, { scripts: { start: 'prisma db push && node dist/server.js' } }) },
    status: 'fail',
    says: ['script "start" runs `prisma db push`'],
  },
  {
    name: 'drizzle-kit push reached through npm run from the build script',
    files: { 'package.json': manifest({ hono: '^4.0.0', 'drizzle-orm': '^0.30.0' }, { scripts: { build: 'npm run db:push && tsc', 'db:push': 'drizzle-kit push' } }) },
    status: 'fail',
  },
  {
    name: 'prisma db push in a developer script only',
    files: { 'package.json': manifest({ express: '^4.0.0', '@prisma/client': '^5.0.0' }, { scripts: { start: 'prisma migrate deploy && node dist/server.js', 'db:push': 'prisma db push' } }) },
    status: 'pass',
  },
  { name: 'Dockerfile CMD running prisma db push', files: { 'package.json': manifest({ express: '^4.0.0', '@prisma/client': '^5.0.0' }), Dockerfile: 'FROM node:20\nCOPY . .\nCMD npx prisma db push && node dist/server.js\n' }, status: 'fail', says: ['Dockerfile'] },
  { name: 'no database', files: { 'package.json': manifest({ express: '^4.0.0' }) }, status: 'na' },
];

describe('data.schema-sync', () => {
  it.each(cases)('$name', (testCase) => expectCase(schemaSyncCheck, testCase).then(() => undefined));

  it('marks unguarded synchronisation as a blocker', async () => {
    const result = await expectCase(schemaSyncCheck, cases[0]!);
    expect(result.findings[0]?.blocker).toBe(true);
  });
});
