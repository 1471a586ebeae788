import { describe, expect, it } from 'vitest';
import { extractImports } from '../../src/analysis/extractors/imports.js';
import { sourceOf } from './source.js';

const importsOf = (text: string, path?: string) => extractImports(sourceOf(text, path)).imports;
const exportsOf = (text: string, path?: string) => extractImports(sourceOf(text, path)).exports;

describe('imports extractor', () => {
  it.each([
    ["import a from 'x';", { specifier: 'x', kind: 'import', typeOnly: false, names: ['default'] }],
    ["import * as ns from 'x';", { specifier: 'x', kind: 'import', typeOnly: false, names: ['*'] }],
    ["import a, { b as c, d } from 'x';", { specifier: 'x', kind: 'import', typeOnly: false, names: ['default', 'b', 'd'] }],
    ["import 'side-effect';", { specifier: 'side-effect', kind: 'import', typeOnly: false, names: [] }],
    ["import type { T } from './t.js';", { specifier: './t.js', kind: 'import', typeOnly: true, names: ['T'] }],
    ["import { type T, type U } from './t';", { specifier: './t', kind: 'import', typeOnly: true, names: ['T', 'U'] }],
    ["import { type T, v } from './t';", { specifier: './t', kind: 'import', typeOnly: false, names: ['T', 'v'] }],
    ["export { a, b as c } from './m';", { specifier: './m', kind: 'export-from', typeOnly: false, names: ['a', 'b'] }],
    ["export * from './m';", { specifier: './m', kind: 'export-from', typeOnly: false, names: ['*'] }],
    ["export type { T } from './m';", { specifier: './m', kind: 'export-from', typeOnly: true, names: ['T'] }],
    ["const x = require('lodash');", { specifier: 'lodash', kind: 'require', typeOnly: false, names: ['*'] }],
    ["const { a, b: c } = require('lodash');", { specifier: 'lodash', kind: 'require', typeOnly: false, names: ['a', 'b'] }],
    ["require('dotenv').config();", { specifier: 'dotenv', kind: 'require', typeOnly: false, names: ['config'] }],
    ["require('./polyfill');", { specifier: './polyfill', kind: 'require', typeOnly: false, names: [] }],
    ["async function f() { await import('./lazy'); }", { specifier: './lazy', kind: 'dynamic-import', typeOnly: false, names: ['*'] }],
    ["import fs = require('fs');", { specifier: 'fs', kind: 'import-equals', typeOnly: false, names: ['*'] }],
    ["type M = typeof import('./m');", { specifier: './m', kind: 'dynamic-import', typeOnly: true, names: ['*'] }],
    ["const w = new Worker(new URL('./worker.js', import.meta.url));", { specifier: './worker.js', kind: 'dynamic-import', typeOnly: false, names: ['*'] }],
    ["const w = new Worker('./worker.js');", { specifier: './worker.js', kind: 'dynamic-import', typeOnly: false, names: ['*'] }],
  ])('%s', (code, expected) => {
    expect(importsOf(code)).toEqual([{ line: 1, ...expected }]);
  });

  it('skips non-literal specifiers and URLs of assets', () => {
    expect(importsOf("const m = require(name); import(path); new URL('./logo.svg', import.meta.url); new URL('./a.js', base);")).toEqual([]);
  });

  it('leaves out packages loaded through a require made for another folder, not one made for this file', () => {
    const elsewhere = "function load(dir) {\n  const require = createRequire(join(dir, 'package.json'));\n  return require('eslint');\n}";
    expect(importsOf(elsewhere)).toEqual([]);
    const viaModule = "const require = module.createRequire('/opt/tools/');\nconst sonar = require('eslint-plugin-sonarjs');";
    expect(importsOf(viaModule)).toEqual([]);
    const own = "import { createRequire } from 'node:module';\nconst require = createRequire(import.meta.url);\nconst ts = require('typescript');";
    expect(importsOf(own).map((entry) => entry.specifier)).toEqual(['node:module', 'typescript']);
    // The nearest scope decides: an inner function with its own `require` for this file.
    const shadowed = "const require = createRequire('/opt/tools/');\nfunction f() {\n  const require = createRequire(__filename);\n  return require('lodash');\n}";
    expect(importsOf(shadowed).map((entry) => entry.specifier)).toEqual(['lodash']);
  });

  it('records lines', () => {
    expect(importsOf("\n\nimport a from 'a';\nconst b = require('b');").map((i) => i.line)).toEqual([3, 4]);
  });

  it('parses JSX in .js files', () => {
    expect(importsOf("import React from 'react';\nexport const A = () => <div>{1}</div>;", 'src/a.js')).toHaveLength(1);
  });
});

describe('exports extractor', () => {
  it.each([
    ['export const a = 1, { b } = {} as any;', [['a', 'named', false], ['b', 'named', false]]],
    ['export function f() {}', [['f', 'named', false]]],
    ['export class C {}', [['C', 'named', false]]],
    ['export interface I {}', [['I', 'named', true]]],
    ['export type T = 1;', [['T', 'named', true]]],
    ['export enum E { A }', [['E', 'named', false]]],
    ['export default function () {}', [['default', 'default', false]]],
    ['export default class Foo {}', [['default', 'default', false]]],
    ['const x = 1; export default x;', [['default', 'default', false]]],
    ['const x = 1; export { x as y };', [['y', 'named', false]]],
    ["export { x as y } from './m';", [['y', 're-export', false]]],
    ["export * as ns from './m';", [['ns', 're-export', false]]],
    ["export * from './m';", [['*', 'star', false]]],
    ['module.exports = { a, b: 1, c() {} };', [['a', 'named', false], ['b', 'named', false], ['c', 'named', false]]],
    ['module.exports = { ...base, a };', [['default', 'default', false]]],
    ['module.exports = createApp();', [['default', 'default', false]]],
    ['exports.run = () => 1; module.exports.stop = 2;', [['run', 'named', false], ['stop', 'named', false]]],
  ])('%s', (code, expected) => {
    expect(exportsOf(code).map((e) => [e.name, e.kind, e.typeOnly])).toEqual(expected);
  });

  it('does not count local declarations', () => {
    expect(exportsOf('const a = 1; function f() {} class C {}')).toEqual([]);
  });
});
