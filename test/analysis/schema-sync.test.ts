import { describe, expect, it } from 'vitest';
import { extractSchemaSync } from '../../src/analysis/extractors/schema-sync.js';
import { sourceOf } from './source.js';

const sitesOf = (text: string) => extractSchemaSync(sourceOf(text)).sites;

describe('schema-sync extractor', () => {
  it.each([
    ['await sequelize.sync({ alter: true });', 'sequelize-sync', false],
    ['db.sync({ force: true }).then(start);', 'sequelize-sync', false],
    ["new DataSource({ type: 'postgres', synchronize: true });", 'typeorm-synchronize', false],
    ["TypeOrmModule.forRoot({ 'synchronize': true });", 'typeorm-synchronize', false],
    ["if (process.env.NODE_ENV !== 'production') await sequelize.sync({ alter: true });", 'sequelize-sync', true],
    ["const opts = isDev ? {} : { synchronize: true };", 'typeorm-synchronize', false],
    ["const opts = process.env.DB_SYNC === '1' ? { synchronize: true } : {};", 'typeorm-synchronize', true],
    ["process.env.RESET_DB && sequelize.sync({ force: true });", 'sequelize-sync', true],
  ])('%s', (code, kind, guarded) => {
    expect(sitesOf(code)).toMatchObject([{ kind, guarded, line: 1 }]);
  });

  it.each([
    ['await sequelize.sync();'],
    ['await sequelize.sync({ alter: false });'],
    ['new DataSource({ synchronize: false });'],
    ["new DataSource({ synchronize: process.env.NODE_ENV === 'development' });"],
    ['settings.sync({ force: isTest });'],
  ])('ignores %s', (code) => {
    expect(sitesOf(code)).toEqual([]);
  });
});
