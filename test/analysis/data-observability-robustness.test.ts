// The data and observability extractors never throw, whatever the file holds.
import { describe, expect, it } from 'vitest';
import { codeFactOf } from '../helpers/code-fact.js';

const OURS = ['routes', 'data-writes', 'validation-calls', 'sdk-inits', 'outbound-http', 'schema-sync'];

const MALFORMED: Record<string, string> = {
  'src/empty.ts': '',
  'src/comments.ts': '// nothing here\n/* still nothing */\n',
  'src/broken.ts': "import express from 'express';\nconst app = express(\napp.get('/x', (req, res => {\n  prisma.user.create({ data: req.body\n",
  'src/weird.js': "app.get(); router.use(); process.on(); fetch(); new (require('x'))(); prisma[dynamic].create(); ``.parse(); sql``;\n",
  'src/binaryish.js': '\u0000\u0001\u0002 \uFFFD\uFFFD const = = = ;;; }}}',
  'src/deep.ts': `${'('.repeat(500)}1${')'.repeat(500)};\n${'if (a) {'.repeat(200)}prisma.a.create({});${'}'.repeat(200)}\n`,
  'src/unicode.ts': "const café = require('café');\ncafé.init({ niveau: process.env['NIVEAU'] });\napp.get('/santé', (req, res) => res.send('ok'));\n",
  'app/api/x/route.ts': 'export const GET = 1;\nexport default 2;\nexport { nothing };\n',
};

describe('data and observability extractors on malformed input', () => {
  it('record no extractor errors', () => {
    const code = codeFactOf(MALFORMED);
    const errors = code.files.flatMap((file) => (file.extractorErrors ?? []).filter((error) => OURS.includes(error.extractor)).map((error) => `${file.path}: ${error.extractor}: ${error.message}`));
    expect(errors).toEqual([]);
    expect(code.files).toHaveLength(Object.keys(MALFORMED).length);
  });
});
