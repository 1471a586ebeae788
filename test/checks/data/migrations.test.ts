import { describe, it } from 'vitest';
import { migrationsCheck } from '../../../src/checks/data/migrations.js';
import { expectCase, expressPrisma, LIBRARY, manifest, type Case } from './apps.js';

const SCHEMA = 'model User {\n  id Int @id\n  email String @unique\n}\n';
const INIT_SQL = 'CREATE TABLE "User" ("id" SERIAL PRIMARY KEY, "email" TEXT NOT NULL);\nCREATE UNIQUE INDEX "User_email_key" ON "User"("email");\n';

const cases: Case[] = [
  {
    name: 'prisma migrations with SQL pass and report the newest date',
    files: expressPrisma({
      'prisma/schema.prisma': SCHEMA,
      'prisma/migrations/20240105120000_init/migration.sql': INIT_SQL,
      'prisma/migrations/20240312093000_add_name/migration.sql': 'ALTER TABLE "User" ADD COLUMN "name" TEXT;\n',
      'prisma/migrations/migration_lock.toml': 'provider = "postgresql"\n',
    }),
    status: 'pass',
    findings: 0,
    says: ['prisma/migrations: 2 migration file(s) (prisma), newest 2024-03-12'],
  },
  {
    name: 'empty placeholder migrations do not count',
    files: expressPrisma({
      'prisma/schema.prisma': SCHEMA,
      'prisma/migrations/20240105120000_init/migration.sql': '-- This is an empty migration.\n',
      'prisma/migrations/20240106120000_x/migration.sql': '\n\n/* nothing */\n',
    }),
    status: 'fail',
    says: ['Every migration file is empty', 'is an empty migration'],
  },
  {
    name: 'one empty migration beside real ones is reported but passes',
    files: expressPrisma({
      'prisma/schema.prisma': SCHEMA,
      'prisma/migrations/20240105120000_init/migration.sql': INIT_SQL,
      'prisma/migrations/20240106120000_x/migration.sql': '-- nothing\n',
    }),
    status: 'pass',
    findings: 1,
  },
  {
    name: 'a Prisma schema without migrations fails (schema pushed)',
    files: expressPrisma({ 'prisma/schema.prisma': SCHEMA, 'src/db.ts': "import { PrismaClient } from '@prisma/client';\nexport const prisma = new PrismaClient();\n" }),
    status: 'fail',
    says: ['prisma/schema.prisma defines the schema but there is no migrations folder'],
  },
  {
    name: 'knex migrations with empty up() bodies fail',
    files: {
      'package.json': manifest({ express: '^4.0.0', knex: '^3.0.0', pg: '^8.0.0' }),
      'migrations/20240101000000_create_users.js': 'exports.up = function(knex) {\n\n};\n\nexports.down = function(knex) {\n\n};\n',
    },
    status: 'fail',
    says: ['migrations: 1 migration file(s) (knex), 1 empty'],
  },
  {
    name: 'knex migrations that create tables pass',
    files: {
      'package.json': manifest({ express: '^4.0.0', knex: '^3.0.0', pg: '^8.0.0' }),
      'migrations/20240101000000_create_users.js': "exports.up = (knex) => knex.schema.createTable('users', (t) => { t.increments(); });\nexports.down = (knex) => knex.schema.dropTable('users');\n",
    },
    status: 'pass',
  },
  {
    name: 'TypeORM timestamped migrations pass with the date from the epoch prefix',
    files: {
      'package.json': manifest({ '@nestjs/core': '^10.0.0', typeorm: '^0.3.0', pg: '^8.0.0' }),
      'src/migrations/1705312345678-Init.ts': "export class Init1705312345678 { async up(queryRunner) { await queryRunner.query('CREATE TABLE a (id int)'); } async down() {} }\n",
    },
    status: 'pass',
    says: ['newest 2024-01-15'],
  },
  {
    name: 'TypeORM migration generated empty does not count',
    files: {
      'package.json': manifest({ '@nestjs/core': '^10.0.0', typeorm: '^0.3.0', pg: '^8.0.0' }),
      'src/migrations/1705312345678-Init.ts': 'import { MigrationInterface, QueryRunner } from "typeorm";\nexport class Init1705312345678 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {}\n  public async down(queryRunner: QueryRunner): Promise<void> {}\n}\n',
    },
    status: 'fail',
  },
  {
    name: 'Drizzle migrations take their date from the journal',
    files: {
      'package.json': manifest({ hono: '^4.0.0', 'drizzle-orm': '^0.30.0' }, { devDependencies: { 'drizzle-kit': '^0.20.0' } }),
      'drizzle/0000_wise_hulk.sql': 'CREATE TABLE "users" ("id" serial PRIMARY KEY NOT NULL, "email" text NOT NULL);\n',
      'drizzle/meta/_journal.json': JSON.stringify({ version: '5', entries: [{ idx: 0, when: 1717200000000, tag: '0000_wise_hulk' }] }),
    },
    status: 'pass',
    says: ['drizzle: 1 migration file(s) (drizzle-kit), newest 2024-06-01'],
  },
  {
    name: 'Supabase migrations pass',
    files: {
      'package.json': manifest({ next: '^14.0.0', '@supabase/supabase-js': '^2.0.0' }),
      'supabase/migrations/20240201000000_init.sql': 'create table profiles (id uuid primary key, username text unique);\n',
    },
    status: 'pass',
  },
  {
    name: 'Supabase without migrations fails (schema lives in the dashboard)',
    files: { 'package.json': manifest({ next: '^14.0.0', '@supabase/supabase-js': '^2.0.0' }), 'lib/supabase.ts': "import { createClient } from '@supabase/supabase-js';\nexport const supabase = createClient(process.env.URL!, process.env.KEY!);\n" },
    status: 'fail',
  },
  {
    name: 'Mongoose only: no schema to migrate',
    files: { 'package.json': manifest({ express: '^4.0.0', mongoose: '^8.0.0' }), 'src/db.ts': "import mongoose from 'mongoose';\nmongoose.connect(process.env.MONGO_URL!);\n" },
    status: 'na',
    says: ['document store'],
  },
  { name: 'no database at all', files: { 'package.json': manifest({ express: '^4.0.0' }), 'src/server.ts': "import express from 'express';\nexpress().listen(3000);\n" }, status: 'na', says: ['no database found'] },
  { name: 'a library', files: { ...LIBRARY, 'package.json': JSON.stringify({ name: 'orm-helper', version: '1.0.0', main: 'dist/index.js', dependencies: { pg: '^8.0.0' } }) }, status: 'na', says: ['library'] },
  {
    name: 'a migrations folder only under test fixtures does not count',
    files: expressPrisma({ 'prisma/schema.prisma': SCHEMA, 'test/fixtures/migrations/001_init.sql': INIT_SQL }),
    status: 'fail',
  },
];

describe('data.migrations', () => {
  it.each(cases)('$name', (testCase) => expectCase(migrationsCheck, testCase).then(() => undefined));
});
