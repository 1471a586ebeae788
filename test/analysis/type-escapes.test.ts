import { describe, expect, it } from 'vitest';
import { extractTypeEscapes } from '../../src/analysis/extractors/type-escapes.js';
import { sourceOf } from './source.js';

const kindsOf = (code: string) => extractTypeEscapes(sourceOf(code)).escapes.map((escape) => `${escape.kind}@${escape.line}`);

describe('type-escapes extractor', () => {
  it.each([
    ['let a: any = 1;', ['any@1']],
    ['function f(x: Array<any>): any {}', ['any@1', 'any@1']],
    ['const u = value as unknown as User;', ['as-unknown-as@1']],
    ['const u = (value as unknown) as User;', ['as-unknown-as@1']],
    ['const u = value as User;', []],
    ['const n = maybe!.length;', ['non-null@1']],
    ['const ok = a !== b;', []],
    ['const first = items[0]!;', []],
    ['const user = users.get(id)!;', ['non-null@1']],
    ['// @ts-ignore\nfoo();', ['ts-ignore@1']],
    ['// @ts-expect-error broken types\nfoo();', ['ts-expect-error@1']],
    ['// @ts-nocheck\n', ['ts-nocheck@1']],
    ['/* eslint-disable */\n', ['eslint-disable@1']],
    ['foo(); // eslint-disable-line no-console', ['eslint-disable@1']],
    ['/**\n * docs\n * eslint-disable-next-line\n */', ['eslint-disable@3']],
    ['// we never use @ts-ignore here', []],
    ["const s = '// @ts-ignore';", []],
  ])('%s', (code, expected) => {
    expect(kindsOf(code)).toEqual(expected);
  });
});
