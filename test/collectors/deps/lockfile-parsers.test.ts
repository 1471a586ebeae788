import { describe, expect, it } from 'vitest';
import { parseBunLockfile } from '../../../src/collectors/deps/lockfile-bun.js';
import { parseNpmLockfile } from '../../../src/collectors/deps/lockfile-npm.js';
import { parsePnpmLockfile, pnpmVersion } from '../../../src/collectors/deps/lockfile-pnpm.js';
import { parseYarnLockfile } from '../../../src/collectors/deps/lockfile-yarn.js';
import type { ParsedLockfile } from '../../../src/collectors/deps/locked.js';
import { BUN_LOCK, NPM_V1, NPM_V2, NPM_V3, PNPM_V5, PNPM_V6, PNPM_V9, YARN_BERRY, YARN_CLASSIC } from './samples.js';

function versionsOf(parsed: ParsedLockfile): string[] {
  return parsed.packages.map((entry) => `${entry.name}@${entry.version}`).sort();
}

describe('package-lock.json', () => {
  it('v3: resolves workspace-local installs before hoisted ones, follows aliases, keeps flags', () => {
    const parsed = parseNpmLockfile(NPM_V3);
    expect(parsed.format).toBe('package-lock v3');
    expect(parsed.resolve('', 'ms', '^2.1.0')).toBe('2.1.3');
    expect(parsed.resolve('packages/api', 'ms', '^1.0.0')).toBe('1.0.0');
    expect(parsed.resolve('packages/api', 'esbuild', '^0.25.0')).toBe('0.25.1');
    expect(parsed.resolve('', 'string-width-cjs', 'npm:string-width@^4.2.0')).toBe('4.2.3');
    expect(parsed.resolve('', 'api', '*')).toBeNull();
    expect(versionsOf(parsed)).toContain('string-width@4.2.3');
    expect(versionsOf(parsed)).not.toContain('api@0.1.0');
    expect(parseNpmLockfile(JSON.stringify({ lockfileVersion: 3, packages: { '': {}, 'node_modules/a': { version: '1.0.0', peerDependencies: { b: '^2' } } } })).packages[0]?.peers).toEqual(['b']);
    const esbuild = parsed.packages.find((entry) => entry.name === 'esbuild');
    expect(esbuild).toMatchObject({ hasInstallScript: true, dev: false, children: ['@esbuild/linux-x64'] });
    expect(parsed.packages.find((entry) => entry.name === 'is-number')?.dev).toBe(true);
  });

  it('v2: reads the flat packages section', () => {
    const parsed = parseNpmLockfile(NPM_V2);
    expect(parsed.format).toBe('package-lock v2');
    expect(parsed.resolve('', 'request', '^2.88.0')).toBe('2.88.2');
    expect(versionsOf(parsed)).toEqual(['request@2.88.2', 'tough-cookie@2.5.0']);
  });

  it('v1: walks the nested tree, top level for direct dependencies', () => {
    const parsed = parseNpmLockfile(NPM_V1);
    expect(parsed.format).toBe('package-lock v1');
    expect(parsed.resolve('', 'debug', '^2.6.0')).toBe('2.6.9');
    expect(parsed.resolve('', 'lodash4', 'npm:lodash@^4')).toBe('4.17.21');
    expect(versionsOf(parsed)).toEqual(['debug@2.6.9', 'debug@2.6.9', 'express@4.17.1', 'left-pad@1.3.0', 'lodash@4.17.21', 'ms@2.0.0']);
    expect(parsed.packages.find((entry) => entry.name === 'left-pad')?.dev).toBe(true);
  });

  it('rejects what is not a lockfile', () => {
    expect(() => parseNpmLockfile('[1,2]')).toThrow(/not a JSON object/);
    expect(() => parseNpmLockfile('{"lockfileVersion": 3}')).toThrow(/packages/);
    expect(() => parseNpmLockfile('{ "lockfileVersion": 3, ')).toThrow();
  });
});

describe('pnpm-lock.yaml', () => {
  it('5.4: top-level importer, /name/version_peer keys, requiresBuild', () => {
    const parsed = parsePnpmLockfile(PNPM_V5);
    expect(parsed.format).toBe('pnpm-lock 5.4');
    expect(parsed.resolve('', 'react-dom', '^18.2.0')).toBe('18.2.0');
    expect(parsed.resolve('', 'vitest', '^0.34.0')).toBe('0.34.6');
    expect(versionsOf(parsed)).toContain('@esbuild/linux-x64@0.18.20');
    expect(parsed.packages.find((entry) => entry.name === '@esbuild/linux-x64')).toMatchObject({ hasInstallScript: true, dev: true });
    expect(parsed.packages.find((entry) => entry.name === 'react-dom')?.children).toEqual(['react', 'scheduler']);
  });

  it('6.0: importers with specifier/version, peer suffixes in parentheses, links skipped', () => {
    const parsed = parsePnpmLockfile(PNPM_V6);
    expect(parsed.resolve('', 'typescript', '^5.2.0')).toBe('5.2.2');
    expect(parsed.resolve('packages/web', 'react-dom', '^18.2.0')).toBe('18.2.0');
    expect(parsed.resolve('packages/web', '@acme/ui', 'workspace:*')).toBeNull();
    expect(versionsOf(parsed)).toEqual(['react-dom@18.2.0', 'react@18.2.0', 'typescript@5.2.2']);
    expect(parsed.packages.find((entry) => entry.name === 'react-dom')?.peers).toEqual(['react']);
    expect(parsed.packages.find((entry) => entry.name === 'typescript')).not.toHaveProperty('peers');
  });

  it('9.0: packages plus snapshots, scoped names and aliases', () => {
    const parsed = parsePnpmLockfile(PNPM_V9);
    expect(parsed.format).toBe('pnpm-lock 9.0');
    expect(parsed.resolve('', '@scope/util', '^1.0.0')).toBe('1.4.0');
    expect(parsed.resolve('', 'chalk-cjs', 'npm:chalk@^4.1.2')).toBe('4.1.2');
    expect(parsed.packages.find((entry) => entry.name === 'chalk')).toMatchObject({ dev: null, children: ['supports-color'] });
  });

  it('reads peer-suffixed versions of every generation', () => {
    expect(pnpmVersion('18.2.0(react@18.2.0)')).toBe('18.2.0');
    expect(pnpmVersion('18.2.0_react@18.2.0')).toBe('18.2.0');
    expect(pnpmVersion('link:../ui')).toBeNull();
    expect(pnpmVersion('/@scope/x/1.0.0')).toBe('1.0.0');
  });

  it('rejects a YAML scalar', () => {
    expect(() => parsePnpmLockfile('just text')).toThrow(/YAML mapping/);
  });
});

describe('yarn.lock', () => {
  it('classic: descriptor lists map each declared range to its version', () => {
    const parsed = parseYarnLockfile(YARN_CLASSIC);
    expect(parsed.format).toBe('yarn classic');
    expect(parsed.resolve('', '@babel/code-frame', '^7.22.13')).toBe('7.22.13');
    expect(parsed.resolve('', 'lodash', '^4.17.15')).toBe('4.17.21');
    expect(parsed.resolve('', 'lodash', '^4.17.20')).toBeNull();
    expect(parsed.packages.find((entry) => entry.name === '@babel/code-frame')?.children).toEqual(['chalk']);
  });

  it('berry: npm: protocol, workspaces left out, aliases to the real name', () => {
    const parsed = parseYarnLockfile(YARN_BERRY);
    expect(parsed.format).toBe('yarn berry 8');
    expect(parsed.resolve('', 'lodash', '^4.17.20')).toBe('4.17.21');
    expect(parsed.resolve('', 'strip-ansi-cjs', 'npm:strip-ansi@^6.0.1')).toBe('6.0.1');
    expect(parsed.resolve('', 'my-lib', 'workspace:^')).toBeNull();
    expect(versionsOf(parsed)).toEqual(['lodash@4.17.21', 'strip-ansi@6.0.1']);
  });
});

describe('bun.lock', () => {
  it('resolves hoisted and workspace-local copies, skips workspaces, reads dependency edges', () => {
    const parsed = parseBunLockfile(BUN_LOCK);
    expect(parsed.format).toBe('bun.lock v1');
    expect(parsed.resolve('', 'ms', '^2.1.0')).toBe('2.1.3');
    expect(parsed.resolve('packages/tool', 'ms', '^1.0.0')).toBe('1.0.0');
    expect(parsed.resolve('', 'chalk', '^4.1.2')).toBe('4.1.2');
    expect(parsed.resolve('packages/tool', 'app', 'workspace:*')).toBeNull();
    expect(versionsOf(parsed)).toEqual(['ansi-styles@4.3.0', 'chalk@4.1.2', 'ms@1.0.0', 'ms@2.1.3', 'supports-color@7.2.0']);
    expect(parsed.packages.find((entry) => entry.name === 'chalk')?.children).toEqual(['ansi-styles', 'supports-color']);
  });

  it('rejects a document without packages', () => {
    expect(() => parseBunLockfile('{ "lockfileVersion": 1 }')).toThrow(/packages/);
  });
});
