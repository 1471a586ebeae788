import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { reportJsonSchema } from '../../src/report/json-schema.js';

describe('published report schema', () => {
  it('docs/report.schema.json is the schema the code validates with (run `npm run schema` after a change)', async () => {
    const published = JSON.parse(await readFile(new URL('../../docs/report.schema.json', import.meta.url), 'utf8'));
    expect(published).toEqual(reportJsonSchema());
  });
});
