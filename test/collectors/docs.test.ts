import { describe, expect, it } from 'vitest';
import { collectDocs } from '../../src/collectors/docs.js';
import { memoryTree } from '../helpers/memory-tree.js';

describe('docs', () => {
  it.each([
    ['README.md'],
    ['README'],
    ['readme.markdown'],
    ['README.rst'],
    ['README.txt'],
    ['Readme.adoc'],
    ['read_me.md'],
  ])('finds %s as the README', (name) => {
    expect(collectDocs(memoryTree({ [name]: 'hello' })).readme).toEqual({ path: name, text: 'hello' });
  });

  it('prefers Markdown, and the root over .github/ and docs/', () => {
    expect(collectDocs(memoryTree({ 'README.rst': 'r', 'README.md': 'm' })).readme?.path).toBe('README.md');
    expect(collectDocs(memoryTree({ '.github/README.md': 'g', 'README.txt': 't' })).readme?.path).toBe('README.txt');
    expect(collectDocs(memoryTree({ 'docs/README.md': 'd' })).readme?.path).toBe('docs/README.md');
  });

  it('does not take a README that is not prose, nor one in another folder', () => {
    expect(collectDocs(memoryTree({ 'README.html': '<p>', 'src/README.md': 'x', 'readme.js': '' })).readme).toBeNull();
  });

  it('skips an unreadable README for a readable one', () => {
    expect(collectDocs(memoryTree({ 'README.md': Buffer.from([0, 1]), README: 'text' })).readme?.path).toBe('README');
  });

  it.each([['LICENSE'], ['LICENCE'], ['license.md'], ['COPYING'], ['LICENSE-MIT'], ['License.txt'], ['UNLICENSE']])('finds the licence %s', (name) => {
    expect(collectDocs(memoryTree({ [name]: 'text' })).license).toBe(name);
  });

  it('does not take a licence in a sub-folder, or a source file about licences', () => {
    expect(collectDocs(memoryTree({ 'packages/a/LICENSE': 'x', 'src/license.ts': 'x', 'licenses.json': '{}' })).license).toBeNull();
  });

  it('finds the changelog and doc files', () => {
    const fact = collectDocs(
      memoryTree({
        'README.md': 'r',
        'CHANGELOG.md': 'c',
        'CONTRIBUTING.md': 'x',
        'LICENSE.md': 'l',
        'docs/setup.md': 'x',
        'docs/adr/0001-db.md': 'x',
        'docs/img/logo.png': 'x',
        'packages/api/docs/api.mdx': 'x',
        'src/notes.md': 'x',
        'requirements.txt': 'x',
      }),
    );
    expect(fact.changelog).toBe('CHANGELOG.md');
    expect(fact.docFiles).toEqual(['CHANGELOG.md', 'CONTRIBUTING.md', 'docs/adr/0001-db.md', 'docs/setup.md', 'packages/api/docs/api.mdx']);
  });

  it('reports nothing for an empty repository', () => {
    expect(collectDocs(memoryTree({}))).toEqual({ readme: null, docFiles: [], license: null, changelog: null });
  });
});
