import { describe, expect, it } from 'vitest';
import { matchingClose, scanLexemes } from '../../src/analysis/lexical-scan.js';

const names = (text: string) => scanLexemes(text).filter((l) => l.kind === 'name').map((l) => l.text);

describe('scanLexemes', () => {
  it('drops comments and keeps strings as single tokens', () => {
    const lexemes = scanLexemes("// it('a')\n/* test('b') */\nconst s = \"it('c')\";\nit('d', f);");
    expect(names("// it('a')\n/* test('b') */\nconst s = \"it('c')\";")).toEqual(['const', 's']);
    const it = lexemes.find((l) => l.text === 'it');
    expect(it).toMatchObject({ kind: 'name', line: 4 });
    expect(lexemes.filter((l) => l.kind === 'string').map((l) => l.text)).toEqual(["it('c')", 'd']);
  });

  it('resumes templates after ${} and tells regular expressions from division', () => {
    const text = 'const a = `x ${ {b: 1}.b } it(` + y;\nconst r = /it\\(/.test(s) / 2;\nfoo(process)';
    expect(names(text)).toEqual(['const', 'a', 'b', 'b', 'y', 'const', 'r', 'test', 's', 'foo', 'process']);
    expect(scanLexemes(text).at(-1)).toMatchObject({ text: ')', line: 3 });
  });

  it('skips a shebang and a byte-order mark', () => {
    expect(names('#!/usr/bin/env node\nprocess.env.X')).toEqual(['process', 'env', 'X']);
    expect(scanLexemes('\uFEFFit("a", f)')[0]).toMatchObject({ text: 'it', line: 1 });
  });

  it('survives malformed input', () => {
    expect(() => scanLexemes('const = "unterminated\n`open ${ {')).not.toThrow();
    expect(scanLexemes('')).toEqual([]);
  });

  it('finds the matching bracket', () => {
    const lexemes = scanLexemes('f(a, (b), [c]) + 1');
    expect(matchingClose(lexemes, 1)).toBe(11);
    expect(matchingClose(scanLexemes('f(a'), 1)).toBe(-1);
  });
});
