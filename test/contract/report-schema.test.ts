import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { reportJsonSchema } from '../../src/report/json-schema.js';

describe('published report schema', () => {
  it('docs/report.schema.json is the schema the code validates with (run `npm run docs` after a change)', async () => {
    const published = JSON.parse(await readFile(new URL('../../docs/report.schema.json', import.meta.url), 'utf8'));
    expect(published).toEqual(reportJsonSchema());
  });
});

describe('published check catalogue', () => {
  it('docs/checks.md lists every check as the code defines it (run `npm run docs` after a change)', async () => {
    const { renderCatalogue } = await import('../../src/cli/commands/catalogue.js');
    const published = await readFile(new URL('../../docs/checks.md', import.meta.url), 'utf8');
    expect(published).toBe(renderCatalogue('markdown'));
  });
});
