import { describe, expect, it } from 'vitest';
import { extractFunctions, type FunctionRecord } from '../../src/analysis/extractors/functions.js';
import { sourceOf } from './source.js';

const functionsOf = (code: string, path = 'src/file.tsx'): FunctionRecord[] => extractFunctions(sourceOf(code, path)).functions;
const only = (code: string, path?: string): FunctionRecord => {
  const [first] = functionsOf(code, path);
  if (!first) throw new Error('no function');
  return first;
};
const byName = (code: string, path?: string) => Object.fromEntries(functionsOf(code, path).map((f) => [f.name, f]));

describe('cyclomatic complexity (ESLint 9 `complexity`, classic variant)', () => {
  it.each([
    ['function f() {}', 1],
    ['function f(x) { if (x) {} else if (!x) {} else {} }', 3],
    ['function f(a) { return a?.b?.c; }', 3],
    ['function f(a) { a?.b(); a.c?.(); a?.[0]; }', 4],
    ['function f(a = {}) { const { b = 1 } = a; }', 3],
    // Defaults in destructuring assignments are AssignmentPatterns for ESLint too.
    ['function f(o) { ({ a, b = 1 } = o); }', 2],
    ['function f(o) { ({ a: x = 1, ...rest } = o); }', 2],
    ['function f(o) { [a = 1, { b: c = 2 }, [d = 3]] = o; }', 4],
    ['function f(o) { for ({ a = 1 } of o) {} }', 3],
    // Near-misses: an assignment inside a literal that is not assigned to, a default's own value.
    ['function f() { g([x = 1], { a: y = 2 }); z = [w = 3]; }', 1],
    ['function f(o) { [a = [b = 1]] = o; }', 2],
    ['function f() { foo ||= 1; bar &&= 1; baz ??= 1; }', 4],
    ['function f(x) { switch (x) { case 1: break; case 2: case 3: break; default: break; } }', 4],
    ['function f(a, b, c) { return a && b || c ?? 0; }', 4],
    ['function f(x) { for (;;) {} for (const a of x) {} for (const k in x) {} while (x) {} do {} while (x); }', 6],
    ['function f() { try { g(); } catch { h(); } finally { i(); } }', 2],
    ['function f(x) { return x ? 1 : 2; }', 2],
    // Nested functions are counted on their own, not in the enclosing function.
    ['function f(x) { return x.map((y) => y && y.z); }', 1],
  ])('%s → %i', (code, expected) => {
    expect(only(code).cyclomatic).toBe(expected);
  });

  it('finds functions in decorators and counts decorators and computed names outside the method', () => {
    const fns = functionsOf('class S {\n  @Guard(() => ok || admin)\n  handle(a) { return a ?? 0; }\n}', 'src/a.ts');
    expect(fns.map((f) => [f.name, f.line, f.cyclomatic])).toEqual([['S.handle', 2, 2], ['<anonymous>', 2, 2]]);
    const computed = byName('function make() { return class { [a || b]() { return 1; } }; }', 'src/a.ts');
    expect([computed['make']?.cyclomatic, computed['<computed>']?.cyclomatic]).toEqual([2, 1]);
  });

  it('does not count a class field initializer towards the enclosing function', () => {
    const fns = byName('function outer() { class C { x = a || b; } return C; }');
    expect(fns['outer']?.cyclomatic).toBe(1);
  });
});

describe('cognitive complexity (SonarSource specification, SonarJS folding)', () => {
  it('sumOfPrimes from the white paper: 7', () => {
    const code = `
      function sumOfPrimes(max) {
        let total = 0;
        OUT: for (let i = 1; i <= max; ++i) {  // +1
          for (let j = 2; j < i; ++j) {         // +2
            if (i % j === 0) {                  // +3
              continue OUT;                     // +1
            }
          }
          total += i;
        }
        return total;
      }`;
    expect(only(code).cognitive).toBe(7);
  });

  it('getWords from the white paper: 1 (a switch is one increment)', () => {
    const code = `
      function getWords(n) {
        switch (n) {
          case 1: return 'one';
          case 2: return 'a couple';
          case 3: return 'a few';
          default: return 'lots';
        }
      }`;
    expect(only(code).cognitive).toBe(1);
    expect(only(code).cyclomatic).toBe(4);
  });

  it('the nesting example from the white paper: 9', () => {
    const code = `
      function myMethod() {
        try {
          if (condition1) {                     // +1
            for (let i = 0; i < 10; i++) {      // +2
              while (condition2) { step(); }    // +3
            }
          }
        } catch (e) {                           // +1
          if (condition2) { recover(); }        // +2
        }
      }`;
    expect(only(code).cognitive).toBe(9);
  });

  it.each([
    ['if (a && b && c || d || e && f) {}', 4], // if +1, &&… +1, ||… +1, && +1
    ['if (a && !(b && c)) {}', 3], // if +1, two separate sequences
    ['if (a && (b && c)) {}', 2], // parentheses do not break a sequence
    ['x = a ?? b ?? c;', 1],
    ['if (a) {} else if (b) {} else {}', 3], // if +1, else if +1, else +1
    ['if (a) { if (b) { if (c) {} } }', 6], // 1 + 2 + 3
    ['const v = a ? (b ? 1 : 2) : 3;', 3], // 1 + 2
    ['outer: for (;;) { break outer; }', 2],
  ])('%s → %i', (body, expected) => {
    expect(only(`function f() { ${body} }`).cognitive).toBe(expected);
  });

  it('counts direct recursion once', () => {
    expect(only('function fact(n) { if (n < 2) return 1; return n * fact(n - 1) + fact(n - 2); }').cognitive).toBe(2);
    expect(byName('class A { walk(n) { return n ? this.walk(n - 1) : 0; } }')['A.walk']?.cognitive).toBe(2);
    expect(byName('class A { #walk(n) { return n ? this.#walk(n - 1) : 0; } }')['A.#walk']?.cognitive).toBe(2);
  });

  it('folds nested callbacks into a function that has control flow of its own, with a nesting level', () => {
    const fns = byName(`
      function load(items) {
        if (!items) return [];                       // +1
        return items.map((item) => {
          if (item.ok) { return item.value; }        // +2 (nested in a callback)
          return null;
        });
      }`);
    expect(fns['load']?.cognitive).toBe(3);
    expect(fns['load']?.cognitiveNested).toBe(true);
    expect(fns['<anonymous>']?.cognitive).toBe(1);
    expect(fns['<anonymous>']?.cognitiveReported).toBe(false);
    expect(fns['<anonymous>']?.cognitiveNested).toBe(false);
  });

  it('reports nested functions on their own when the outer function only declares them (SonarJS)', () => {
    const fns = byName(`
      function myMethod2() {
        const r = () => {
          if (condition1) { run(); }
        };
        return r;
      }`);
    expect(fns['myMethod2']?.cognitive).toBe(0);
    expect(fns['myMethod2']?.cognitiveNested).toBe(false);
    expect(fns['r']?.cognitive).toBe(1);
    expect(fns['r']?.cognitiveReported).toBe(true);
  });

  it('does not punish an idiomatic React component', () => {
    const code = `
      export function UserList({ users, loading, onSelect }) {
        if (loading) return <Spinner />;
        const handleClick = (id) => {
          if (id) { onSelect(id); }
        };
        return (
          <ul>
            {users.length === 0 && <Empty />}
            {users.map((u) => <li key={u.id} onClick={() => handleClick(u.id)}>{u.name ?? 'anonymous'}</li>)}
          </ul>
        );
      }`;
    const fns = byName(code);
    const component = fns['UserList'];
    expect(component?.component).toBe(true);
    expect(component?.cognitive).toBe(1); // the early return only; JSX && and handlers are not folded in
    expect(component?.cognitiveNested).toBe(false);
    expect(fns['handleClick']?.cognitive).toBe(1);
    expect(fns['handleClick']?.cognitiveReported).toBe(true);
    expect(component?.cyclomatic).toBe(3); // if, && (ESLint counts every logical operator); ?? is in a nested arrow
  });

  it('leaves no nesting behind after a function that is a branch of ?: (SonarJS 4 adds one to every later structure)', () => {
    const fns = byName('function g(a) { const h = a ? undefined : () => 1; if (b) { if (c) {} } }');
    expect(fns['g']?.cognitive).toBe(4); // ?: +1, if +1, nested if +2
  });

  it('starts a top-level function at nesting 0, whatever module-level code it sits in', () => {
    const fns = functionsOf(`
      export const keys = typeof Object.keys === 'function'
        ? (o) => Object.keys(o)
        : (o) => {
            const found = [];
            for (const key in o) {            // +1
              if (has(o, key)) found.push(key); // +2
            }
            return found;
          };
      if (typeof window !== 'undefined') {
        window.init = function () { if (ready) start(); }; // +1
      }`);
    expect(fns.map((f) => [f.name, f.cognitive])).toEqual([['<anonymous>', 0], ['<anonymous>', 3], ['init', 1]]);
  });

  it('reports a nested function on its own without the nesting around it', () => {
    const fns = byName(`
      function List({ items, live }) {
        if (live) {                                // +1
          const onTick = () => { if (items) { refresh(); } }; // +1 on its own
          subscribe(onTick);
        }
        return <ul />;
      }`);
    expect(fns['List']?.component).toBe(true);
    expect(fns['List']?.cognitive).toBe(1);
    expect(fns['onTick']?.cognitive).toBe(1);
    expect(fns['onTick']?.cognitiveReported).toBe(true);
  });

  it.each([
    ['{ready && <Spinner />}', 0],
    ['{a && b && <X />}', 0],
    ['{a || b || <Fallback />}', 0],
    ['{name ?? <Anonymous />}', 0],
    // Near-misses: a chain that mixes operators or holds a ternary is a decision (SonarJS counts it too).
    ['{a && b || <X />}', 2],
    ['{(a || b) && <X />}', 2],
    ['{a && (b ? <X /> : <Y />)}', 2], // && +1, ?: +1
  ])('JSX short-circuit %s → %i', (expression, expected) => {
    expect(only(`function View({ a, b, ready, name }) { return <div>${expression}</div>; }`).cognitive).toBe(expected);
  });

  it('counts a JSX ternary as the specification says', () => {
    expect(only('function Badge({ on }) { return <b>{on ? <On /> : <Off />}</b>; }').cognitive).toBe(1);
  });
});

describe('size, parameters, depth, names', () => {
  it('counts lines of code, skipping blank and comment-only lines', () => {
    const f = only('function f() {\n  // why\n\n  const a = 1;\n  /* block\n   comment */\n  return a;\n}');
    expect([f.line, f.endLine, f.loc]).toEqual([1, 8, 4]);
  });

  it.each([
    // usage line, `run it`, `${x}` and `done` are code; the blank line inside the template is not.
    ['function help() {\n  return `usage:\n  run it\n\n  ${x}\n  done`;\n}', 6],
    ['function help() {\n  const a = `one line`;\n\n  // note\n  return a;\n}', 4],
    ['const help = () => console.log(`\nUsage: semver [options]\n\nOptions:\n-h --help\n`);', 5],
  ])('counts the lines of a multi-line template literal as ESLint max-lines-per-function does: %s → %i', (code, expected) => {
    expect(only(code).loc).toBe(expected);
  });

  it('counts a destructured parameter as one and ignores `this`', () => {
    expect(only('function f(this: Window, { a, b, c }: Props, d = 1, ...rest: unknown[]) {}', 'src/a.ts').params).toBe(3);
  });

  it('measures nesting depth like ESLint max-depth (else-if does not nest)', () => {
    expect(only('function f() { if (a) { for (;;) { try { while (b) {} } catch {} } } }').depth).toBe(4);
    expect(only('function f() { if (a) {} else if (b) {} else if (c) { if (d) {} } }').depth).toBe(2);
    expect(byName('function f() { if (a) { g(() => { if (b) {} }); } }')['f']?.depth).toBe(1);
  });

  it.each([
    ['function named() {}', 'named'],
    ['const arrow = () => 1;', 'arrow'],
    ['const fe = function () {};', 'fe'],
    ['const o = { prop: () => 1 };', 'prop'],
    ['const o = { method() {} };', 'method'],
    ['class K { m() {} }', 'K.m'],
    ['class K { constructor() {} }', 'K.constructor'],
    ['class K { get v() { return 1; } }', 'K.v'],
    ['class K { handler = () => 1; }', 'K.handler'],
    ['module.exports.run = function () {};', 'run'],
    ['export default function () {}', 'default'],
    ['const Button = forwardRef(function (props, ref) { return null; });', 'Button'],
    ['setTimeout(() => 1);', '<anonymous>'],
  ])('%s → %s', (code, name) => {
    expect(only(code).name).toBe(name);
  });

  it('skips overload signatures and abstract methods (no body)', () => {
    expect(functionsOf('function f(a: string): void;\nfunction f(a: any) {}\nabstract class A { abstract m(): void; }', 'src/a.ts')).toHaveLength(1);
  });

  it('records a stable signature', () => {
    expect(only('function  save(\n  user: User,\n  opts = {}\n) {}', 'src/a.ts').signature).toBe('save(user: User, opts = {})');
  });
});
