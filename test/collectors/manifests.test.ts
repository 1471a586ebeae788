import { describe, expect, it } from 'vitest';
import { collectManifests, matchWorkspaceDirs } from '../../src/collectors/manifests.js';
import { memoryTree } from '../helpers/memory-tree.js';

const json = (value: unknown) => JSON.stringify(value, null, 2);

describe('manifests', () => {
  it('reads the root package.json into the typed view', () => {
    const fact = collectManifests(
      memoryTree({
        'package.json': json({
          name: '@acme/api',
          version: '1.2.3',
          private: true,
          type: 'module',
          main: 'dist/index.js',
          dependencies: { express: '^4.21.0' },
          devDependencies: { vitest: '^3.0.0' },
          scripts: { test: 'vitest run' },
          engines: { node: '>=22' },
          packageManager: 'pnpm@9.12.0',
          shipshape: { skip: ['docs.license'] },
        }),
      }),
    );
    const root = fact.root;
    expect(root).toMatchObject({
      path: 'package.json',
      dir: '',
      name: '@acme/api',
      version: '1.2.3',
      private: true,
      type: 'module',
      main: 'dist/index.js',
      dependencies: { express: '^4.21.0' },
      devDependencies: { vitest: '^3.0.0' },
      peerDependencies: {},
      scripts: { test: 'vitest run' },
      engines: { node: '>=22' },
      packageManager: 'pnpm@9.12.0',
      workspaces: [],
      bin: {},
    });
    expect(root?.raw.shipshape).toEqual({ skip: ['docs.license'] });
    expect(fact.all).toEqual([root]);
    expect(fact.invalid).toEqual([]);
  });

  it('normalises a string bin to the unscoped package name', () => {
    const fact = collectManifests(memoryTree({ 'package.json': json({ name: '@acme/tool', bin: './cli.js' }) }));
    expect(fact.root?.bin).toEqual({ tool: './cli.js' });
    const named = collectManifests(memoryTree({ 'package.json': json({ name: 'x', bin: { a: 'a.js', b: 'b.js' } }) }));
    expect(named.root?.bin).toEqual({ a: 'a.js', b: 'b.js' });
  });

  it('drops wrong-typed fields with a note instead of failing', () => {
    const fact = collectManifests(
      memoryTree({
        'package.json': json({ name: 42, private: 'yes', dependencies: { express: '^4', broken: 5 }, scripts: ['build'], type: 'esm' }),
      }),
    );
    expect(fact.root).toMatchObject({ name: null, private: false, dependencies: { express: '^4' }, scripts: {}, type: null });
    expect(fact.notes?.map((note) => note.message)).toEqual([
      '"name" has an unexpected type (number); ignored',
      '"dependencies.broken" is not a string; ignored',
      '"scripts" is not an object; ignored',
      '"private" has an unexpected type (string); ignored',
      '"type" has an unexpected type (string); ignored',
    ]);
  });

  it('lists malformed JSON as invalid, with the parser message and line', () => {
    const fact = collectManifests(memoryTree({ 'package.json': '{\n  "name": "x",\n  "version": 1.0.0\n}' }));
    expect(fact.root).toBeNull();
    expect(fact.all).toEqual([]);
    expect(fact.invalid).toHaveLength(1);
    expect(fact.invalid[0]?.path).toBe('package.json');
    expect(fact.invalid[0]?.message).toMatch(/^not valid JSON: .*line 3/);
  });

  it('lists a package.json that is not an object, or is binary, as invalid', () => {
    expect(collectManifests(memoryTree({ 'package.json': '[]' })).invalid[0]?.message).toBe('not a JSON object');
    expect(collectManifests(memoryTree({ 'package.json': Buffer.from([0, 1, 2]) })).invalid[0]?.message).toBe('cannot be read: binary');
  });

  it('expands npm/yarn workspace globs, with exclusions', () => {
    const fact = collectManifests(
      memoryTree({
        'package.json': json({ private: true, workspaces: ['packages/*', 'apps/**', '!packages/legacy'] }),
        'packages/a/package.json': json({ name: 'a' }),
        'packages/legacy/package.json': json({ name: 'legacy' }),
        'packages/a/nested/package.json': json({ name: 'too-deep' }),
        'apps/web/package.json': json({ name: 'web' }),
        'apps/tools/cli/package.json': json({ name: 'cli' }),
        'examples/demo/package.json': json({ name: 'demo' }),
      }),
    );
    expect(fact.workspaces.map((manifest) => manifest.name)).toEqual(['cli', 'web', 'a']);
    expect(fact.nested).toEqual([]);
    expect(fact.all.map((manifest) => manifest.dir)).toEqual(['', 'apps/tools/cli', 'apps/web', 'packages/a']);
  });

  it('reads yarn\'s { packages } form of workspaces', () => {
    const fact = collectManifests(
      memoryTree({ 'package.json': json({ workspaces: { packages: ['libs/*'], nohoist: ['**/x'] } }), 'libs/x/package.json': json({ name: 'x' }) }),
    );
    expect(fact.root?.workspaces).toEqual(['libs/*']);
    expect(fact.workspaces.map((manifest) => manifest.name)).toEqual(['x']);
  });

  it('takes pnpm workspaces from pnpm-workspace.yaml', () => {
    const fact = collectManifests(
      memoryTree({
        'package.json': json({ name: 'root', private: true }),
        'pnpm-workspace.yaml': "packages:\n  - 'packages/*'\n  - '!**/test/**'\n",
        'packages/core/package.json': json({ name: '@acme/core' }),
        'packages/core/test/fixture/package.json': json({ name: 'fixture' }),
      }),
    );
    expect(fact.root?.workspaces).toEqual(['packages/*', '!**/test/**']);
    expect(fact.workspaces.map((manifest) => manifest.name)).toEqual(['@acme/core']);
  });

  it('survives a malformed pnpm-workspace.yaml with a note', () => {
    const fact = collectManifests(memoryTree({ 'package.json': json({ name: 'r' }), 'pnpm-workspace.yaml': 'packages: [\n' }));
    expect(fact.workspaces).toEqual([]);
    expect(fact.notes?.[0]?.message).toMatch(/^not valid YAML/);
  });

  it('keeps a broken workspace manifest out, listed as invalid', () => {
    const fact = collectManifests(
      memoryTree({ 'package.json': json({ workspaces: ['packages/*'] }), 'packages/a/package.json': '{', 'packages/b/package.json': '{}' }),
    );
    expect(fact.workspaces.map((manifest) => manifest.dir)).toEqual(['packages/b']);
    expect(fact.invalid.map((entry) => entry.path)).toEqual(['packages/a/package.json']);
  });

  it('finds undeclared packages side by side, but not fixtures or deep folders', () => {
    const fact = collectManifests(
      memoryTree({
        'client/package.json': json({ name: 'client' }),
        'server/package.json': json({ name: 'server' }),
        'test/fixtures/app/package.json': json({ name: 'fixture' }),
        'a/b/c/d/package.json': json({ name: 'deep' }),
      }),
    );
    expect(fact.root).toBeNull();
    expect(fact.nested?.map((manifest) => manifest.name)).toEqual(['client', 'server']);
    expect(fact.all.map((manifest) => manifest.name)).toEqual(['client', 'server']);
  });

  it('matches workspace globs like npm does', () => {
    const dirs = ['packages/a', 'packages/a/b', 'apps/web', '.hidden/x'];
    expect(matchWorkspaceDirs(['packages/*'], dirs)).toEqual(['packages/a']);
    expect(matchWorkspaceDirs(['./packages/**/'], dirs)).toEqual(['packages/a', 'packages/a/b']);
    expect(matchWorkspaceDirs(['apps/web'], dirs)).toEqual(['apps/web']);
    expect(matchWorkspaceDirs(['*/*'], dirs)).toEqual(['packages/a', 'apps/web']);
  });
});
