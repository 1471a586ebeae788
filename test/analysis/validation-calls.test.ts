import { describe, expect, it } from 'vitest';
import { extractValidationCalls } from '../../src/analysis/extractors/validation-calls.js';
import { sourceOf } from './source.js';

const callsOf = (text: string) => extractValidationCalls(sourceOf(text)).calls;

describe('validation-calls extractor', () => {
  it.each([
    ['const data = UserSchema.parse(req.body);', { call: 'UserSchema.parse', input: 'body' }],
    ['const r = schema.safeParse(await request.json());', { call: 'schema.safeParse', input: 'json' }],
    ['await schemas.user.parseAsync(input);', { call: 'schemas.user.parseAsync', input: 'input' }],
    ['const { error } = schema.validate(req.query);', { call: 'schema.validate', input: 'query' }],
    ['await yupSchema.validate(values, { abortEarly: false });', { call: 'yupSchema.validate', input: null }],
    ["import * as v from 'valibot';\nv.parse(Schema, body);", { call: 'v.parse', input: 'body' }],
    ["import { parse } from 'valibot';\nparse(Schema, params);", { call: 'parse', input: 'params' }],
    ["import { validate } from 'class-validator';\nawait validate(dto);", { call: 'validate', input: null }],
    ['const ok = validateUser(req.body);', { call: 'validateUser', input: 'body' }],
    ["const errors = validationResult(req);", { call: 'validationResult', input: null }],
  ])('%s', (code, expected) => {
    expect(callsOf(code)).toContainEqual(expect.objectContaining(expected));
  });

  it.each([
    ['JSON.parse(req.body);'],
    ['Date.parse(value);'],
    ['new URL(x); url.parse(x); path.parse(p); qs.parse(s); querystring.parse(s);'],
    ['cookie.parse(header);'],
    ['parseInt(req.params.id, 10);'],
    ['schema.parse();'],
    ['validation.push(x);'],
    // Lucia's session check: named like a validator, given nothing to validate.
    ['const { user } = await validateRequest();'],
    ['if (!checkAuth()) return;'],
    // Checks of the caller, not of the input.
    ['if (!validateAuth(request)) return unauthorized();'],
    ['await assertAdmin(user);'],
    ['if (!isTokenValid(token)) return;'],
  ])('ignores %s', (code) => {
    expect(callsOf(code)).toEqual([]);
  });
});
