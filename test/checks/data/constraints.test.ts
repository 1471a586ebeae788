import { describe, it } from 'vitest';
import { constraintsCheck } from '../../../src/checks/data/constraints.js';
import { expectCase, expressPrisma, manifest, type Case } from './apps.js';

const prisma = (schema: string) => expressPrisma({ 'prisma/schema.prisma': `datasource db {\n  provider = "postgresql"\n  url = env("DATABASE_URL")\n}\n\n${schema}` });

const cases: Case[] = [
  { name: 'email @unique in Prisma', files: prisma('model User {\n  id    Int    @id @default(autoincrement())\n  email String @unique\n  name  String?\n}\n'), status: 'pass', says: ['1 of 1 identifying column(s) unique'] },
  { name: 'email without @unique in Prisma', files: prisma('model User {\n  id    Int    @id\n  email String\n}\n'), status: 'fail', says: ['User.email (prisma/schema.prisma:8) has no unique constraint'] },
  { name: 'slug unique per tenant via @@unique', files: prisma('model Post {\n  id    Int    @id\n  orgId Int\n  org   Org    @relation(fields: [orgId], references: [id])\n  slug  String\n  @@unique([orgId, slug])\n}\n'), status: 'pass' },
  { name: 'a userId scalar without a relation has no foreign key', files: prisma('model Order {\n  id     Int    @id\n  userId String\n}\n'), status: 'fail', says: ['Order.userId (prisma/schema.prisma:8) names another table\'s row but no foreign key backs it'] },
  { name: 'relationMode = "prisma" keeps foreign keys out of the database by design', files: expressPrisma({ 'prisma/schema.prisma': 'datasource db {\n  provider = "mysql"\n  relationMode = "prisma"\n}\nmodel Order {\n  id     Int    @id\n  userId String\n}\n' }), status: 'pass' },
  {
    name: 'SQL reference column with REFERENCES, and one added by a later migration',
    files: { 'package.json': manifest({ express: '^4.0.0', pg: '^8.0.0' }), 'migrations/001.sql': 'CREATE TABLE orders (id serial PRIMARY KEY, user_id int NOT NULL REFERENCES users(id), product_id int NOT NULL);\n', 'migrations/002.sql': 'ALTER TABLE orders ADD CONSTRAINT orders_product_fk FOREIGN KEY (product_id) REFERENCES products(id);\n' },
    status: 'pass',
    says: ['2 of 2 reference column(s) backed by a foreign key'],
  },
  { name: 'SQL reference column without a foreign key', files: { 'package.json': manifest({ express: '^4.0.0', pg: '^8.0.0' }), 'migrations/001.sql': 'CREATE TABLE orders (id serial PRIMARY KEY, user_id int NOT NULL, total int);\n' }, status: 'fail' },
  { name: 'slug unique alone via @@unique([slug])', files: prisma('model Post {\n  id   Int    @id\n  slug String\n  @@unique([slug])\n}\n'), status: 'pass' },
  { name: 'relation fields and lists are not columns', files: prisma('model User {\n  id    Int    @id\n  email String @unique\n  posts Post[]\n  team  Team   @relation(fields: [teamId], references: [id])\n  teamId Int\n}\n'), status: 'pass' },
  { name: 'one of two identifying columns unique', files: prisma('model User {\n  id       Int    @id\n  email    String @unique\n  username String\n}\n'), status: 'partial', score: 0.5 },
  {
    name: 'SQL migration with a unique index added later',
    files: { 'package.json': manifest({ express: '^4.0.0', pg: '^8.0.0' }), 'migrations/001_users.sql': 'CREATE TABLE users (\n  id serial PRIMARY KEY,\n  email text NOT NULL\n);\n', 'migrations/002_unique.sql': 'CREATE UNIQUE INDEX users_email_idx ON users (email);\n' },
    status: 'pass',
  },
  {
    name: 'SQL CREATE TABLE without unique email',
    files: { 'package.json': manifest({ express: '^4.0.0', pg: '^8.0.0' }), 'migrations/001_users.sql': 'CREATE TABLE IF NOT EXISTS "users" (\n  "id" serial PRIMARY KEY,\n  "email" varchar(255) NOT NULL,\n  "created_at" timestamp DEFAULT now()\n);\n' },
    status: 'fail',
  },
  {
    name: 'table-level UNIQUE constraint',
    files: { 'package.json': manifest({ express: '^4.0.0', pg: '^8.0.0' }), 'migrations/001_users.sql': 'CREATE TABLE users (id serial PRIMARY KEY, username text NOT NULL, CONSTRAINT users_username_key UNIQUE (username));\n' },
    status: 'pass',
  },
  {
    name: 'unique index on lower(email)',
    files: { 'package.json': manifest({ express: '^4.0.0', pg: '^8.0.0' }), 'migrations/001_users.sql': 'CREATE TABLE users (id serial PRIMARY KEY, email text NOT NULL);\nCREATE UNIQUE INDEX users_email_lower ON users (lower(email));\n' },
    status: 'pass',
  },
  {
    name: 'Drizzle schema in TypeScript (no SQL files): unique email, reference without .references()',
    files: { 'package.json': manifest({ hono: '^4.0.0', 'drizzle-orm': '^0.30.0' }), 'src/db/schema.ts': "import { pgTable, serial, text, integer } from 'drizzle-orm/pg-core';\nexport const users = pgTable('users', { id: serial('id').primaryKey(), email: text('email').notNull().unique() });\nexport const posts = pgTable('posts', { id: serial('id').primaryKey(), authorId: integer('author_id').notNull() });\n" },
    status: 'partial',
    score: 0.5,
    says: ['posts.author_id (src/db/schema.ts:3) names another table'],
  },
  {
    name: 'Mongoose schema with a unique email',
    files: { 'package.json': manifest({ express: '^4.0.0', mongoose: '^8.0.0' }), 'src/models/user.ts': "import { Schema, model } from 'mongoose';\nconst userSchema = new Schema({ email: { type: String, required: true, unique: true } });\nexport const User = model('User', userSchema);\n" },
    status: 'pass',
  },
  {
    name: 'Mongoose schema without a unique email',
    files: { 'package.json': manifest({ express: '^4.0.0', mongoose: '^8.0.0' }), 'src/models/user.ts': "import { Schema, model } from 'mongoose';\nconst userSchema = new Schema({ email: { type: String, required: true } });\nexport const User = model('User', userSchema);\n" },
    status: 'fail',
  },
  {
    name: 'a contact e-mail on a table that is not an account (companies) need not be unique',
    files: { 'package.json': manifest({ express: '^4.0.0', pg: '^8.0.0' }), 'supabase/migrations/001_init.sql': 'CREATE TABLE companies (\n  id uuid PRIMARY KEY,\n  trade_name text NOT NULL,\n  email text,\n  phone_number text\n);\nCREATE TABLE orders (id uuid PRIMARY KEY, email text NOT NULL);\n' },
    status: 'pass',
    says: ['no identifying columns'],
  },
  {
    name: 'an e-mail on an account table still needs one (newsletter_subscribers, schema-qualified app.members)',
    files: { 'package.json': manifest({ express: '^4.0.0', pg: '^8.0.0' }), 'migrations/001.sql': 'CREATE TABLE newsletter_subscribers (id serial PRIMARY KEY, email text NOT NULL);\nCREATE TABLE app.members (id serial PRIMARY KEY, phone_number text);\nCREATE TABLE companies (id serial PRIMARY KEY, slug text NOT NULL);\n' },
    status: 'fail',
    says: ['newsletter_subscribers.email', 'members.phone_number', 'companies.slug'],
  },
  {
    name: 'ids of records kept elsewhere (Stripe, WebRTC, a device) and polymorphic references need no foreign key',
    files: prisma('model User {\n  id               String  @id\n  stripeCustomerId String? @unique\n  webrtcSessionId  String?\n}\nmodel Comment {\n  id               Int    @id\n  commentableType  String\n  commentableId    Int\n}\n'),
    status: 'pass',
  },
  {
    name: 'a plain reference beside them is still checked',
    files: prisma('model Order {\n  id Int @id\n}\nmodel Payment {\n  id               Int     @id\n  stripeChargeId   String\n  deviceId         String\n  orderId          Int\n}\n'),
    status: 'fail',
    says: ['Payment.orderId'],
  },
  { name: 'a "backups" table has no identifying columns', files: prisma('model Backup {\n  id        Int      @id\n  createdAt DateTime\n}\n'), status: 'pass', says: ['no identifying columns'] },
  { name: 'database without a readable schema', files: { 'package.json': manifest({ express: '^4.0.0', mongoose: '^8.0.0' }), 'src/db.ts': "import mongoose from 'mongoose';\nmongoose.connect(url);\n" }, status: 'unknown' },
  { name: 'no database', files: { 'package.json': manifest({ express: '^4.0.0' }) }, status: 'na' },
];

describe('data.constraints', () => {
  it.each(cases)('$name', (testCase) => expectCase(constraintsCheck, testCase).then(() => undefined));
});
