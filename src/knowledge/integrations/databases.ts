// Databases and ORMs. Dependency names say which database a project talks to; the client
// constructors say it is wired up in code.
import { defineIntegration } from './types.js';

export const databaseIntegrations = [
  defineIntegration({
    id: 'prisma',
    title: 'Prisma',
    category: 'orm',
    enablers: ['@prisma/client', 'prisma'],
    evidence: { imports: ['@prisma/client', '.prisma/client'], initCalls: [{ module: '@prisma/client', name: 'PrismaClient', construct: true }] },
  }),
  defineIntegration({
    id: 'drizzle',
    title: 'Drizzle ORM',
    category: 'orm',
    enablers: ['drizzle-orm'],
    evidence: { imports: ['drizzle-orm'], initCalls: [{ module: 'drizzle-orm/', name: 'drizzle' }] },
  }),
  defineIntegration({
    id: 'knex',
    title: 'Knex',
    category: 'orm',
    enablers: ['knex'],
    evidence: { initCalls: [{ module: 'knex', name: 'default' }, { module: 'knex', name: 'knex' }] },
  }),
  defineIntegration({
    id: 'typeorm',
    title: 'TypeORM',
    category: 'orm',
    enablers: ['typeorm', '@nestjs/typeorm'],
    evidence: {
      initCalls: [
        { module: 'typeorm', name: 'DataSource', construct: true },
        { module: 'typeorm', name: 'createConnection' },
        { module: '@nestjs/typeorm', name: 'TypeOrmModule' },
      ],
    },
  }),
  defineIntegration({
    id: 'sequelize',
    title: 'Sequelize',
    category: 'orm',
    enablers: ['sequelize', 'sequelize-typescript'],
    evidence: { initCalls: [{ module: 'sequelize', name: 'Sequelize', construct: true }, { module: 'sequelize-typescript', name: 'Sequelize', construct: true }] },
  }),
  defineIntegration({
    id: 'mongoose',
    title: 'Mongoose (MongoDB)',
    category: 'orm',
    enablers: ['mongoose', '@nestjs/mongoose'],
    evidence: { initCalls: [{ module: 'mongoose', name: 'connect' }, { module: 'mongoose', name: 'createConnection' }, { module: '@nestjs/mongoose', name: 'MongooseModule' }] },
  }),
  defineIntegration({
    id: 'mongodb',
    title: 'MongoDB driver',
    category: 'database',
    enablers: ['mongodb'],
    evidence: { initCalls: [{ module: 'mongodb', name: 'MongoClient', construct: true }] },
  }),
  defineIntegration({
    id: 'kysely',
    title: 'Kysely',
    category: 'orm',
    enablers: ['kysely'],
    evidence: { initCalls: [{ module: 'kysely', name: 'Kysely', construct: true }] },
  }),
  defineIntegration({
    id: 'pg',
    title: 'node-postgres (pg)',
    category: 'database',
    enablers: ['pg', 'postgres', 'pg-promise'],
    evidence: {
      initCalls: [
        { module: 'pg', name: 'Pool', construct: true },
        { module: 'pg', name: 'Client', construct: true },
        { module: 'postgres', name: 'default' },
        { module: 'pg-promise', name: 'default' },
      ],
    },
  }),
  defineIntegration({
    id: 'mysql2',
    title: 'mysql2',
    category: 'database',
    enablers: ['mysql2', 'mysql'],
    evidence: { initCalls: [{ module: 'mysql2', name: 'createPool' }, { module: 'mysql2', name: 'createConnection' }, { module: 'mysql', name: 'createPool' }, { module: 'mysql', name: 'createConnection' }] },
  }),
  defineIntegration({
    id: 'better-sqlite3',
    title: 'SQLite or libSQL',
    category: 'database',
    enablers: ['better-sqlite3', 'sqlite3', 'sqlite', '@libsql/client'],
    evidence: { initCalls: [{ module: 'better-sqlite3', name: 'default' }, { module: 'sqlite3', name: 'Database', construct: true }, { module: '@libsql/client', name: 'createClient' }] },
  }),
  defineIntegration({
    id: 'supabase',
    title: 'Supabase',
    category: 'database',
    enablers: ['@supabase/supabase-js', '@supabase/ssr', '@supabase/auth-helpers-nextjs'],
    evidence: {
      imports: ['@supabase/'],
      initCalls: [
        { module: '@supabase/supabase-js', name: 'createClient' },
        { module: '@supabase/ssr', name: 'createServerClient' },
        { module: '@supabase/ssr', name: 'createBrowserClient' },
      ],
    },
  }),
  defineIntegration({
    id: 'neon',
    title: 'Neon serverless Postgres',
    category: 'database',
    enablers: ['@neondatabase/serverless'],
    evidence: { initCalls: [{ module: '@neondatabase/serverless', name: 'neon' }, { module: '@neondatabase/serverless', name: 'Pool', construct: true }] },
  }),
];
