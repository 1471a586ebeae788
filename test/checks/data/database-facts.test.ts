// The file-based database facts the data checks stand on: migration dates and emptiness, schema columns.
import { describe, expect, it } from 'vitest';
import { isEmptyMigration, migrationDate } from '../../../src/collectors/database.js';
import { prismaFields, sqlFields } from '../../../src/collectors/schema-columns.js';

describe('migration names and contents', () => {
  it.each([
    ['20240115093000_init', '2024-01-15'],
    ['20240115_init.sql', '2024-01-15'],
    ['1705312345678-Init.ts', '2024-01-15'],
    ['2024-01-15-add-users.sql', '2024-01-15'],
    ['0001_cool_name.sql', null],
    ['V2__add_index.sql', null],
    ['99999999_bad', null],
  ])('%s carries the date %s', (name, date) => {
    expect(migrationDate(name)).toBe(date);
  });

  it.each([
    ['a.sql', '-- This is an empty migration.\n', true],
    ['a.sql', '/* nothing */\n;\n', true],
    ['a.sql', 'ALTER TABLE "User" ADD COLUMN "age" INTEGER;', false],
    ['a.js', 'exports.up = function(knex) {\n  // TODO\n};\nexports.down = function(knex) {};\n', true],
    ['a.js', "exports.up = (knex) => knex.schema.createTable('t', () => {});\n", false],
    ['a.ts', 'export class X { async up(queryRunner: QueryRunner) {} async down(queryRunner: QueryRunner) {} }', true],
    ['a.ts', "export class X { async up(queryRunner: QueryRunner) { await queryRunner.query('CREATE TABLE t (id int)'); } }", false],
    ['a.js', "module.exports = { up: async (queryInterface, Sequelize) => {\n  /* await queryInterface.createTable('users', {}); */\n}, down: async () => {} };", true],
    ['a.js', "module.exports = { up: async (queryInterface) => { await queryInterface.addColumn('u', 'a', {}); } };", false],
  ])('%s %j empty: %s', (path, text, empty) => {
    expect(isEmptyMigration(path, text)).toBe(empty);
  });
});

describe('schema columns', () => {
  it('reads Prisma models: unique, composite unique, optional, relations skipped', () => {
    const fields = prismaFields('schema.prisma', 'model User {\n  id Int @id\n  email String @unique\n  name String?\n  posts Post[]\n  // note String\n}\nmodel Post {\n  id Int @id\n  slug String\n  authorId Int\n  author User @relation(fields: [authorId], references: [id])\n  @@unique([authorId, slug])\n}\n');
    expect(fields.map((field) => [field.table, field.field, field.unique, field.required, field.line, field.foreignKey])).toEqual([
      ['User', 'id', true, true, 2, null],
      ['User', 'email', true, true, 3, null],
      ['User', 'name', false, false, 4, null],
      ['Post', 'id', true, true, 9, null],
      ['Post', 'slug', true, true, 10, null],
      ['Post', 'authorId', true, true, 11, true],
    ]);
  });

  it('reads SQL: column and table constraints, later unique indexes, quoted and schema-qualified names', () => {
    const fields = sqlFields('m.sql', 'CREATE TABLE "public"."users" (\n  "id" SERIAL PRIMARY KEY,\n  "email" TEXT NOT NULL,\n  "handle" TEXT,\n  "price" NUMERIC(10, 2) NOT NULL\n);\nCREATE UNIQUE INDEX "users_email_key" ON "public"."users"("email");\n-- CREATE UNIQUE INDEX x ON users (handle);\n');
    expect(fields.map((field) => [field.table, field.field, field.unique, field.required])).toEqual([
      ['users', 'id', true, true],
      ['users', 'email', true, true],
      ['users', 'handle', false, false],
      ['users', 'price', false, true],
    ]);
  });

  it('follows the table rebuild of SQLite migrations and keeps line numbers past block comments', () => {
    const migration = [
      '/*',
      '  Warnings:',
      '  - Added the required column `password` to the `User` table.',
      '*/',
      '-- RedefineTables',
      'PRAGMA foreign_keys=OFF;',
      'CREATE TABLE "new_User" (',
      '    "id" TEXT NOT NULL PRIMARY KEY,',
      '    "email" TEXT NOT NULL,',
      '    "password" TEXT NOT NULL',
      ');',
      'INSERT INTO "new_User" ("id", "email") SELECT "id", "email" FROM "User";',
      'DROP TABLE "User";',
      'ALTER TABLE "new_User" RENAME TO "User";',
      'CREATE UNIQUE INDEX "User_email_key" ON "User"("email");',
    ].join('\n');
    const fields = sqlFields('migration.sql', migration);
    expect(fields.map((field) => [field.table, field.field, field.unique, field.line])).toEqual([
      ['user', 'id', true, 7],
      ['user', 'email', true, 7],
      ['user', 'password', false, 7],
    ]);
  });

  it('reads foreign keys: inline REFERENCES, table-level FOREIGN KEY, ALTER TABLE in the same file', () => {
    const fields = sqlFields('m.sql', 'CREATE TABLE a (\n  id serial PRIMARY KEY,\n  b_id int REFERENCES b(id),\n  c_id int,\n  d_id int,\n  e_id int,\n  FOREIGN KEY (c_id) REFERENCES c(id)\n);\nALTER TABLE a ADD CONSTRAINT a_d_fk FOREIGN KEY (d_id) REFERENCES d(id);\n');
    expect(fields.map((field) => [field.field, field.foreignKey])).toEqual([
      ['id', null],
      ['b_id', true],
      ['c_id', true],
      ['d_id', true],
      ['e_id', false],
    ]);
  });
});
