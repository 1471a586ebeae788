import { describe, expect, it } from 'vitest';
import { dependencyLines } from '../../../src/collectors/deps/manifest-lines.js';
import { parseSpecifier } from '../../../src/collectors/deps/specifier.js';

describe('parseSpecifier', () => {
  it.each([
    ['^1.2.0', 'range', 'x', '^1.2.0'],
    ['>=1 <2', 'range', 'x', '>=1 <2'],
    ['*', 'range', 'x', '*'],
    ['', 'range', 'x', '*'],
    ['1.2.3', 'version', 'x', '1.2.3'],
    ['latest', 'tag', 'x', null],
    ['next', 'tag', 'x', null],
    ['npm:string-width@^4.2.0', 'alias', 'string-width', '^4.2.0'],
    ['npm:@scope/real@1.0.0', 'alias', '@scope/real', '1.0.0'],
    ['workspace:*', 'workspace', 'x', null],
    ['catalog:', 'catalog', 'x', null],
    ['link:../x', 'link', 'x', null],
    ['file:../x', 'file', 'x', null],
    ['../local', 'file', 'x', null],
    ['portal:../x', 'file', 'x', null],
    ['github:user/repo', 'git', 'x', null],
    ['user/repo#v1.0.0', 'git', 'x', null],
    ['git+ssh://git@github.com/user/repo.git', 'git', 'x', null],
    ['https://example.com/x-1.0.0.tgz', 'url', 'x', null],
    ['^^1', 'invalid', 'x', null],
  ])('%j → %s', (specifier, kind, packageName, range) => {
    expect(parseSpecifier('x', specifier)).toEqual({ kind, packageName, range });
  });
});

describe('dependencyLines', () => {
  it('finds each declaration in its section, not a same-named script or another section', () => {
    const text = ['{', '  "scripts": { "ms": "echo" },', '  "dependencies": {', '    "ms": "^2.0.0",', '    "@s/x": "1.0.0"', '  },', '  "devDependencies": {', '    "ms": "^2.1.0"', '  }', '}'].join('\n');
    const lines = dependencyLines(text);
    expect(lines.get('dependencies')).toEqual(new Map([['ms', 4], ['@s/x', 5]]));
    expect(lines.get('devDependencies')).toEqual(new Map([['ms', 8]]));
    expect(dependencyLines(null).size).toBe(0);
  });
});
