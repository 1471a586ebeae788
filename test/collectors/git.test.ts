import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readGitFact } from '../../src/collectors/git.js';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const root = mkdtempSync(join(tmpdir(), 'shipshape-git-'));
  made.push(root);
  return root;
}

function git(root: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', '-c', 'init.defaultBranch=trunk', ...args], {
    cwd: root,
    encoding: 'utf8',
  });
}

describe('git fact', () => {
  it('gives the commit and branch of HEAD', async () => {
    const root = tempDir();
    writeFileSync(join(root, 'a.txt'), 'x');
    git(root, 'init', '-q');
    git(root, 'add', '.');
    git(root, 'commit', '-q', '-m', 'init');
    const sha = git(root, 'rev-parse', 'HEAD').trim();
    expect(await readGitFact(root)).toEqual({ isRepo: true, commit: sha, branch: 'trunk' });
  });

  it('works from a sub-folder of the work tree', async () => {
    const root = tempDir();
    mkdirSync(join(root, 'apps/api'), { recursive: true });
    writeFileSync(join(root, 'apps/api/a.txt'), 'x');
    git(root, 'init', '-q');
    git(root, 'add', '.');
    git(root, 'commit', '-q', '-m', 'init');
    const fact = await readGitFact(join(root, 'apps/api'));
    expect(fact.isRepo).toBe(true);
    expect(fact.commit).toMatch(/^[0-9a-f]{40}$/);
  });

  it('has no commit in a repository without commits', async () => {
    const root = tempDir();
    git(root, 'init', '-q');
    expect(await readGitFact(root)).toEqual({ isRepo: true, commit: null, branch: 'trunk' });
  });

  it('has no branch on a detached HEAD', async () => {
    const root = tempDir();
    writeFileSync(join(root, 'a.txt'), 'x');
    git(root, 'init', '-q');
    git(root, 'add', '.');
    git(root, 'commit', '-q', '-m', 'init');
    git(root, 'checkout', '-q', '--detach');
    const fact = await readGitFact(root);
    expect(fact.branch).toBeNull();
    expect(fact.commit).not.toBeNull();
  });

  it('says isRepo false outside a work tree', async () => {
    expect(await readGitFact(tempDir())).toEqual({ isRepo: false, commit: null, branch: null });
  });

  it('says isRepo false for a folder that does not exist', async () => {
    expect(await readGitFact(join(tmpdir(), 'shipshape-no-such-folder-4711'))).toEqual({ isRepo: false, commit: null, branch: null });
  });

  it('does not crash when the git program is missing', async () => {
    const root = tempDir();
    git(root, 'init', '-q');
    const path = process.env.PATH;
    process.env.PATH = tempDir();
    try {
      expect(await readGitFact(root)).toEqual({ isRepo: false, commit: null, branch: null });
    } finally {
      process.env.PATH = path;
    }
  });
});
