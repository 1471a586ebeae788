import { describe, expect, it } from 'vitest';
import { collectInstalled } from '../../../src/collectors/deps/installed.js';
import { memoryTree } from '../../helpers/memory-tree.js';
import { lockfilesFact, manifest, manifestsFact } from './manifest.js';
import { NPM_V3, PNPM_V9 } from './samples.js';

const root = manifest('', {
  name: 'app',
  dependencies: { ms: '^2.1.0', 'string-width-cjs': 'npm:string-width@^4.2.0', api: '^0.1.0' },
  devDependencies: { 'is-number': '^6.0.0' },
});
const api = manifest('packages/api', { name: 'api', dependencies: { esbuild: '^0.25.0', ms: '^1.0.0' } });

describe('collectInstalled', () => {
  it('resolves each workspace dependency through the lockfile', () => {
    const fact = collectInstalled(memoryTree({ 'package-lock.json': NPM_V3 }), manifestsFact(root, api), lockfilesFact(['package-lock.json']));
    expect(fact.lockfile).toEqual({ path: 'package-lock.json', manager: 'npm', format: 'package-lock v3' });
    const pick = (workspace: string, name: string) => fact.direct.find((entry) => entry.workspace === workspace && entry.name === name);
    expect(pick('', 'ms')).toMatchObject({ installed: '2.1.3', resolvedFrom: 'lockfile', specifierKind: 'range' });
    expect(pick('packages/api', 'ms')).toMatchObject({ installed: '1.0.0', resolvedFrom: 'lockfile' });
    expect(pick('', 'string-width-cjs')).toMatchObject({ packageName: 'string-width', specifierKind: 'alias', installed: '4.2.3' });
    expect(pick('', 'api')).toMatchObject({ specifierKind: 'workspace', installed: null });
    expect(fact.issues).toEqual([]);
    expect(fact.paths['strip-ansi']).toEqual([['string-width', 'strip-ansi']]);
    expect(fact.packages.find((entry) => entry.name === 'esbuild')).toMatchObject({ hasInstallScript: true, dev: false });
  });

  it('flags a declared range the lockfile does not satisfy, and one it lacks', () => {
    const drifted = manifest('', { dependencies: { ms: '^3.0.0', chalk: '^5.0.0' } });
    const fact = collectInstalled(memoryTree({ 'package-lock.json': NPM_V3 }), manifestsFact(drifted), lockfilesFact(['package-lock.json']));
    expect(fact.issues.map((issue) => issue.message)).toEqual([
      'package.json: ms@^3.0.0 is declared but package-lock.json pins 2.1.3',
      'package.json: chalk@^5.0.0 is declared but package-lock.json does not pin it',
    ]);
  });

  it('falls back to the range minimum without a lockfile, and says so per dependency', () => {
    const bare = manifest('', { dependencies: { ms: '^2.1.0', left: 'github:user/left', tagged: 'latest' } });
    const fact = collectInstalled(memoryTree({}), manifestsFact(bare), lockfilesFact([]));
    expect(fact.lockfile).toBeNull();
    expect(fact.direct.map((entry) => [entry.name, entry.installed, entry.resolvedFrom])).toEqual([
      ['ms', '2.1.0', 'range-minimum'],
      ['left', null, null],
      ['tagged', null, null],
    ]);
  });

  it('reports several lockfiles, a packageManager mismatch and an unparsable lockfile', () => {
    const pinned = manifest('', { packageManager: 'pnpm@9.12.0', dependencies: { ms: '^2.0.0' } });
    const fact = collectInstalled(
      memoryTree({ 'package-lock.json': '{ not json', 'yarn.lock': 'lodash@^4:\n  version "4.17.21"\n' }),
      manifestsFact(pinned),
      lockfilesFact(['package-lock.json', 'yarn.lock'], 'pnpm'),
    );
    expect(fact.issues.map((issue) => issue.kind)).toEqual(['several-lockfiles', 'unparsable']);
    expect(fact.direct[0]).toMatchObject({ installed: '2.0.0', resolvedFrom: 'range-minimum' });

    const yarnOnly = collectInstalled(memoryTree({ 'yarn.lock': '# yarn lockfile v1\n\nms@^2.0.0:\n  version "2.1.3"\n' }), manifestsFact(pinned), lockfilesFact(['yarn.lock']));
    expect(yarnOnly.issues).toEqual([
      { kind: 'package-manager-mismatch', path: 'yarn.lock', message: 'package.json says "packageManager": "pnpm@9.12.0" but the lockfile is yarn.lock (yarn)' },
    ]);
    expect(yarnOnly.direct[0]).toMatchObject({ installed: '2.1.3', resolvedFrom: 'lockfile' });
  });

  it('prefers npm-shrinkwrap.json over package-lock.json beside it, and says both are there', async () => {
    const shrinkwrap = NPM_V3.replace('"node_modules/ms":{"version":"2.1.3"', '"node_modules/ms":{"version":"2.1.2"');
    const fact = collectInstalled(
      memoryTree({ 'package-lock.json': NPM_V3, 'npm-shrinkwrap.json': shrinkwrap }),
      manifestsFact(root, api),
      lockfilesFact(['package-lock.json', 'npm-shrinkwrap.json']),
    );
    expect(fact.lockfile?.path).toBe('npm-shrinkwrap.json');
    expect(fact.direct.find((entry) => entry.name === 'ms' && entry.workspace === '')?.installed).toBe('2.1.2');
    expect(fact.issues.map((issue) => issue.kind)).toEqual(['several-lockfiles']);
  });

  it('infers development-only packages when the lockfile does not record it (pnpm 9)', () => {
    const app = manifest('', { dependencies: { '@scope/util': '^1.0.0', 'chalk-cjs': 'npm:chalk@^4.1.2' }, devDependencies: { vitest: '^2.0.0' } });
    const fact = collectInstalled(memoryTree({ 'pnpm-lock.yaml': PNPM_V9 }), manifestsFact(app), lockfilesFact(['pnpm-lock.yaml']));
    const dev = Object.fromEntries(fact.packages.map((entry) => [entry.name, entry.dev]));
    expect(dev).toEqual({ '@scope/util': false, chalk: false, 'supports-color': false, vitest: true, tinypool: true });
    expect(fact.paths['supports-color']).toEqual([['chalk', 'supports-color']]);
  });
});
