import { describe, expect, it } from 'vitest';
import { collectLockfiles, managerFromField } from '../../src/collectors/lockfiles.js';
import { collectManifests } from '../../src/collectors/manifests.js';
import { memoryTree } from '../helpers/memory-tree.js';

function lockfilesOf(files: Record<string, string>) {
  const tree = memoryTree(files);
  return collectLockfiles(tree, collectManifests(tree));
}

describe('lockfiles', () => {
  it('finds each kind of lockfile at the root', () => {
    const fact = lockfilesOf({
      'package.json': '{}',
      'package-lock.json': '{}',
      'npm-shrinkwrap.json': '{}',
      'yarn.lock': '',
      'pnpm-lock.yaml': '',
      'bun.lock': '',
      'bun.lockb': '',
    });
    expect(fact.lockfiles.map((ref) => `${ref.path}:${ref.manager}`)).toEqual([
      'package-lock.json:npm',
      'npm-shrinkwrap.json:npm',
      'yarn.lock:yarn',
      'pnpm-lock.yaml:pnpm',
      'bun.lock:bun',
      'bun.lockb:bun',
    ]);
    expect(fact.manager).toBeNull();
    expect(fact.evidence[0]).toMatch(/several package managers/);
  });

  it('takes the manager from "packageManager" first', () => {
    const fact = lockfilesOf({ 'package.json': '{"packageManager":"yarn@4.5.0+sha512.abc"}', 'package-lock.json': '{}' });
    expect(fact.manager).toBe('yarn');
    expect(fact.evidence).toEqual(['package.json: "packageManager": "yarn@4.5.0+sha512.abc"', 'package-lock.json (npm)']);
  });

  it('then from the lockfile', () => {
    expect(lockfilesOf({ 'package.json': '{}', 'pnpm-lock.yaml': '' }).manager).toBe('pnpm');
  });

  it('then from pnpm-workspace.yaml', () => {
    const fact = lockfilesOf({ 'package.json': '{}', 'pnpm-workspace.yaml': 'packages: []' });
    expect(fact.manager).toBe('pnpm');
    expect(fact.evidence).toEqual(['pnpm-workspace.yaml is present (used by pnpm)']);
  });

  it('and says when nothing tells', () => {
    const fact = lockfilesOf({ 'package.json': '{}' });
    expect(fact).toEqual({ lockfiles: [], manager: null, evidence: ['no lockfile and no "packageManager" field'] });
  });

  it('ignores an unknown packageManager value, saying so', () => {
    const fact = lockfilesOf({ 'package.json': '{"packageManager":"deno@2"}', 'yarn.lock': '' });
    expect(fact.manager).toBe('yarn');
    expect(fact.evidence[0]).toMatch(/not a manager shipshape knows/);
  });

  it('finds lockfiles in package folders too', () => {
    const fact = lockfilesOf({ 'client/package.json': '{}', 'client/yarn.lock': '', 'server/package.json': '{}', 'server/package-lock.json': '{}' });
    expect(fact.lockfiles.map((ref) => ref.path)).toEqual(['client/yarn.lock', 'server/package-lock.json']);
  });

  it('parses packageManager values', () => {
    expect(managerFromField('pnpm@9.1.0')).toBe('pnpm');
    expect(managerFromField('npm@10.9.0')).toBe('npm');
    expect(managerFromField('yarnpkg@1')).toBeNull();
    expect(managerFromField(null)).toBeNull();
  });
});
