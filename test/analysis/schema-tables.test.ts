import { describe, expect, it } from 'vitest';
import { extractSchemaTables } from '../../src/analysis/extractors/schema-tables.js';
import { sourceOf } from './source.js';

const columnsOf = (text: string) => extractSchemaTables(sourceOf(text)).columns.map((c) => [c.table, c.field, c.unique, c.required, c.foreignKey]);

describe('schema-tables extractor', () => {
  it('reads Drizzle tables: column names, unique/notNull/primaryKey/references and unique indexes', () => {
    expect(
      columnsOf(
        "import { pgTable, serial, text, integer, uniqueIndex } from 'drizzle-orm/pg-core';\nexport const users = pgTable('users', {\n  id: serial('id').primaryKey(),\n  email: text('email').notNull(),\n  handle: text('handle').unique(),\n  teamId: integer('team_id').references(() => teams.id),\n  ownerId: integer('owner_id'),\n}, (t) => ({ emailIdx: uniqueIndex('users_email_idx').on(t.email) }));",
      ),
    ).toEqual([
      ['users', 'id', true, true, null],
      ['users', 'email', true, true, null],
      ['users', 'handle', true, false, null],
      ['users', 'team_id', false, false, true],
      ['users', 'owner_id', false, false, false],
    ]);
  });

  it('reads Mongoose schemas: unique and required options, no foreign keys', () => {
    expect(columnsOf("import mongoose, { Schema } from 'mongoose';\nconst userSchema = new Schema({\n  email: { type: String, required: true, unique: true },\n  name: String,\n  team: { type: Schema.Types.ObjectId, ref: 'Team', required: [true, 'team is required'] },\n});")).toEqual([
      ['user', 'email', true, true, null],
      ['user', 'name', false, false, null],
      ['user', 'team', false, true, null],
    ]);
    expect(columnsOf("const mongoose = require('mongoose');\nconst Post = new mongoose.Schema({ slug: { type: String, unique: true } });")).toEqual([['Post', 'slug', true, false, null]]);
  });

  it('ignores look-alikes from other modules', () => {
    expect(columnsOf("import { pgTable } from './my-helpers';\npgTable('users', { email: text('email') });")).toEqual([]);
    expect(columnsOf("import { Schema } from 'effect';\nconst s = new Schema({ email: { unique: true } });")).toEqual([]);
  });
});
