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

  it('reads Sequelize migrations: createTable options, later unique indexes and constraints', () => {
    const migration = `'use strict';
module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.createTable('users', {
      id: { type: Sequelize.INTEGER, primaryKey: true, autoIncrement: true },
      email: { type: Sequelize.STRING, allowNull: false, unique: true },
      username: { type: Sequelize.STRING, allowNull: false },
      team_id: { type: Sequelize.INTEGER, references: { model: 'teams', key: 'id' } },
      owner_id: Sequelize.INTEGER,
      created_at: { allowNull: false, type: Sequelize.DATE },
    });
    await queryInterface.addIndex('users', ['username'], { unique: true });
    await queryInterface.addIndex('users', ['created_at']);
    await queryInterface.addConstraint('users', { fields: ['owner_id'], type: 'foreign key', references: { table: 'users', field: 'id' } });
  },
};`;
    expect(columnsOf(migration)).toEqual([
      ['users', 'id', true, true, null],
      ['users', 'email', true, true, null],
      ['users', 'username', false, true, null],
      ['users', 'team_id', false, false, true],
      ['users', 'owner_id', false, false, false],
      ['users', 'created_at', false, true, null],
      ['users', 'username', true, false, null],
      ['users', 'owner_id', false, false, true],
    ]);
  });

  it('reads Sequelize models; a reference-named attribute without references is unknown there (associations may add the key)', () => {
    expect(
      columnsOf("const { DataTypes } = require('sequelize');\nmodule.exports = (sequelize) => sequelize.define('User', {\n  email: { type: DataTypes.STRING, unique: true, allowNull: false },\n  teamId: DataTypes.INTEGER,\n}, { tableName: 'users' });"),
    ).toEqual([
      ['users', 'email', true, true, null],
      ['users', 'teamId', false, false, null],
    ]);
    expect(columnsOf("import { Model, DataTypes } from 'sequelize';\nclass Song extends Model {}\nSong.init({ slug: { type: DataTypes.STRING, unique: 'song_slug' } }, { sequelize, modelName: 'Song' });")).toEqual([['Song', 'slug', true, false, null]]);
  });

  it('ignores look-alikes from other modules', () => {
    expect(columnsOf("const cache = new Map();\ncache.define('users', { email: { unique: true } });\nApp.init({ email: { unique: true } }, { sequelize: false });")).toEqual([]);
    expect(columnsOf("import { pgTable } from './my-helpers';\npgTable('users', { email: text('email') });")).toEqual([]);
    expect(columnsOf("import { Schema } from 'effect';\nconst s = new Schema({ email: { unique: true } });")).toEqual([]);
  });
});
