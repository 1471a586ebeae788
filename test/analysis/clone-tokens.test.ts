import { describe, expect, it } from 'vitest';
import { findClones } from '../../src/analysis/clones.js';
import { extractCloneTokens } from '../../src/analysis/extractors/clone-tokens.js';
import { sourceOf } from './source.js';

const body = (name: string, field: string) => `
export function ${name}(items) {
  const result = [];
  for (const item of items) {
    if (item.${field} > 10 && item.enabled) {
      result.push({ id: item.id, value: item.${field} * 2, label: 'big' });
    } else {
      result.push({ id: item.id, value: 0, label: 'small' });
    }
  }
  return result.sort((a, b) => a.value - b.value);
}`;

const shared = (a: ReturnType<typeof extractCloneTokens>, b: ReturnType<typeof extractCloneTokens>) => {
  const set = new Set(a.hashes);
  return [...b.hashes].filter((hash) => set.has(hash)).length;
};

describe('clone-tokens extractor', () => {
  it('gives a renamed copy the same fingerprints', () => {
    const a = extractCloneTokens(sourceOf(body('scoreOrders', 'total')));
    // `out` and `type` are contextual keywords to the scanner: still names.
    const b = extractCloneTokens(sourceOf(`import x from 'y';\n\n${body('rankProducts', 'price').replace(/result/g, 'out').replace(/item\b/g, 'type')}`));
    expect(a.tokens).toBeGreaterThan(60);
    expect(shared(a, b)).toBe(a.hashes.length);
    // Lines point at the code, not at the import that was left out.
    expect(b.startLines[0]).toBeGreaterThanOrEqual(3);
  });

  it('shares nothing with structurally different code', () => {
    const a = extractCloneTokens(sourceOf(body('scoreOrders', 'total')));
    const c = extractCloneTokens(
      sourceOf('export class Cache { private map = new Map(); get(key) { return this.map.get(key) ?? null; } set(key, value) { this.map.set(key, value); return this; } clear() { this.map.clear(); } size() { return this.map.size; } }'),
    );
    expect(shared(a, c)).toBe(0);
  });

  it('has no fingerprints for a file shorter than a window', () => {
    expect(extractCloneTokens(sourceOf('export const a = 1;')).hashes.length).toBe(0);
  });
});

describe('clone-tokens on data tables', () => {
  const table = (name: string) => `export const ${name} = [\n${Array.from({ length: 30 }, (_, i) => `  { id: '${name}-${i}', pattern: /x${i}/, severity: 'high', tags: ['a', 'b'] },`).join('\n')}\n];\n`;

  it('leaves out windows without any logic: tables of similar entries are alike by design', () => {
    const files = ['RULES', 'OTHER_RULES'].map((name) => ({ path: `src/${name}.ts`, fingerprints: extractCloneTokens(sourceOf(table(name))) }));
    expect(files[0]!.fingerprints.hashes.length).toBeLessThanOrEqual(2);
    expect(findClones(files, 50, 5).clones).toEqual([]);
  });

  it('still sees copied statements', () => {
    const statements = (name: string) => `export function ${name}(out: string[]) {\n${Array.from({ length: 12 }, (_, i) => `  out.push(format(${i}, 'x'));`).join('\n')}\n}\n`;
    const files = ['a', 'b'].map((name) => ({ path: `src/${name}.ts`, fingerprints: extractCloneTokens(sourceOf(statements(name))) }));
    expect(findClones(files, 50, 5).clones).toHaveLength(1);
  });
});
