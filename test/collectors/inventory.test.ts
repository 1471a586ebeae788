import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { inventory, MAX_READ_BYTES } from '../../src/collectors/inventory.js';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempRepo(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(join(tmpdir(), 'shipshape-inventory-'));
  made.push(root);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

function git(root: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', '-c', 'init.defaultBranch=main', ...args], { cwd: root, stdio: 'ignore' });
}

const paths = (tree: { files: readonly { path: string }[] }) => tree.files.map((file) => file.path);

describe('inventory in a git work tree', () => {
  it('lists tracked and untracked-but-not-ignored files, and marks which are tracked', async () => {
    const root = tempRepo({
      '.gitignore': 'secret.env\nlogs/\n',
      'src/index.ts': 'export {};',
      'README.md': '# x',
      'secret.env': 'A=1',
      'logs/today.log': 'x',
      'gone.ts': 'x',
    });
    git(root, 'init', '-q');
    git(root, 'add', '.gitignore', 'src/index.ts', 'gone.ts');
    git(root, 'commit', '-q', '-m', 'init');
    unlinkSync(join(root, 'gone.ts'));
    const tree = await inventory(root);
    expect(tree.source).toBe('git');
    expect(paths(tree)).toEqual(['.gitignore', 'README.md', 'src/index.ts']);
    expect(tree.files.find((file) => file.path === 'src/index.ts')?.tracked).toBe(true);
    expect(tree.files.find((file) => file.path === 'README.md')?.tracked).toBe(false);
    expect(tree.read('src/index.ts')).toBe('export {};');
  });

  it('skips dependency and build folders as one entry each, even when git lists them', async () => {
    const root = tempRepo({
      'node_modules/a/index.js': 'x',
      'node_modules/b/index.js': 'x',
      'dist/app.js': 'x',
      'packages/web/.next/server.js': 'x',
      '.yarn/releases/yarn-4.1.0.cjs': 'x',
      'public/app.min.js': 'x',
      'src/app.ts': 'x',
    });
    git(root, 'init', '-q');
    git(root, 'add', '-f', '.');
    git(root, 'commit', '-q', '-m', 'init');
    const tree = await inventory(root);
    expect(paths(tree)).toEqual(['src/app.ts']);
    expect(tree.skipped).toEqual([
      { path: '.yarn/releases', reason: 'committed package-manager bundle' },
      { path: 'dist', reason: 'build output' },
      { path: 'node_modules', reason: 'installed dependencies' },
      { path: 'packages/web/.next', reason: 'build output' },
      { path: 'public/app.min.js', reason: 'minified file' },
    ]);
  });

  it('keeps paths relative to a target that is a sub-folder of the repository', async () => {
    const root = tempRepo({ 'apps/api/src/server.ts': 'x', 'apps/api/package.json': '{}', 'other/file.ts': 'x' });
    git(root, 'init', '-q');
    git(root, 'add', '.');
    git(root, 'commit', '-q', '-m', 'init');
    const tree = await inventory(join(root, 'apps/api'));
    expect(tree.source).toBe('git');
    expect(paths(tree)).toEqual(['package.json', 'src/server.ts']);
    expect(tree.read('src/server.ts')).toBe('x');
  });

  it('records a committed symbolic link as skipped, without following it', async () => {
    const root = tempRepo({ 'real.txt': 'x' });
    symlinkSync('/etc/passwd', join(root, 'link.txt'));
    git(root, 'init', '-q');
    git(root, 'add', '.');
    git(root, 'commit', '-q', '-m', 'init');
    const tree = await inventory(root);
    expect(paths(tree)).toEqual(['real.txt']);
    expect(tree.skipped).toContainEqual({ path: 'link.txt', reason: 'symbolic link' });
    expect(tree.read('link.txt')).toBeNull();
  });

  it('records an untracked nested repository as one skipped folder', async () => {
    const root = tempRepo({ 'a.ts': 'x', 'tools/other/b.ts': 'x' });
    git(root, 'init', '-q');
    git(join(root, 'tools/other'), 'init', '-q');
    const tree = await inventory(root);
    expect(paths(tree)).toEqual(['a.ts']);
    expect(tree.skipped).toEqual([{ path: 'tools/other', reason: 'nested git repository' }]);
  });

  it('falls back to a walk when the git program is missing', async () => {
    const root = tempRepo({ 'a.ts': 'x', '.gitignore': 'b.ts\n', 'b.ts': 'x' });
    git(root, 'init', '-q');
    const path = process.env.PATH;
    process.env.PATH = tempRepo({});
    try {
      const tree = await inventory(root);
      expect(tree.source).toBe('walk');
      expect(paths(tree)).toEqual(['.gitignore', 'a.ts']);
    } finally {
      process.env.PATH = path;
    }
  });

  it('walks a target that the enclosing repository ignores', async () => {
    const root = tempRepo({ '.gitignore': 'vendored-app/\n', 'vendored-app/index.ts': 'x' });
    git(root, 'init', '-q');
    const tree = await inventory(join(root, 'vendored-app'));
    expect(tree.source).toBe('walk');
    expect(paths(tree)).toEqual(['index.ts']);
  });

  it('applies the configured ignorePaths', async () => {
    const root = tempRepo({ 'src/a.ts': 'x', 'src/generated/b.ts': 'x', 'legacy.js': 'x' });
    git(root, 'init', '-q');
    const tree = await inventory(root, ['src/generated/', 'legacy.js']);
    expect(paths(tree)).toEqual(['src/a.ts']);
    expect(tree.skipped).toEqual([
      { path: 'legacy.js', reason: 'excluded by ignorePaths' },
      { path: 'src/generated', reason: 'excluded by ignorePaths' },
    ]);
  });
});

describe('inventory outside git (a walk)', () => {
  it('honours .gitignore files at every level, including negations', async () => {
    const root = tempRepo({
      '.gitignore': '*.log\n/tmp\n',
      'app.log': 'x',
      'tmp/a.txt': 'x',
      'src/.gitignore': 'generated/\n!keep.log\n',
      'src/keep.log': 'x',
      'src/other.log': 'x',
      'src/generated/x.ts': 'x',
      'src/index.ts': 'x',
      'lib/tmp/kept.txt': 'x',
    });
    const tree = await inventory(root);
    expect(tree.source).toBe('walk');
    expect(paths(tree)).toEqual(['.gitignore', 'lib/tmp/kept.txt', 'src/.gitignore', 'src/index.ts', 'src/keep.log']);
    expect(tree.files.every((file) => !file.tracked)).toBe(true);
  });

  it('skips node_modules and build output as one entry each', async () => {
    const root = tempRepo({ 'node_modules/a/b/c.js': 'x', 'coverage/lcov.info': 'x', 'vendor/lib.js': 'x', 'a.js.map': '{}', 'index.js': 'x' });
    const tree = await inventory(root);
    expect(paths(tree)).toEqual(['index.js']);
    expect(tree.skipped.map((skip) => skip.path)).toEqual(['a.js.map', 'coverage', 'node_modules', 'vendor']);
  });

  it('keeps folders that only share a name with vendored code', async () => {
    const root = tempRepo({ 'vendor/lib.js': 'x', 'src/app/vendor/page.tsx': 'x', 'src/app/api/vendor/route.ts': 'x' });
    const tree = await inventory(root);
    expect(paths(tree)).toEqual(['src/app/api/vendor/route.ts', 'src/app/vendor/page.tsx']);
    expect(tree.skipped).toEqual([{ path: 'vendor', reason: 'vendored code' }]);
  });

  it('survives a symbolic link loop and never follows a link out of the target', async () => {
    const root = tempRepo({ 'src/a.ts': 'x' });
    symlinkSync(root, join(root, 'src/loop'));
    symlinkSync('/etc', join(root, 'outside'));
    symlinkSync(join(root, 'missing'), join(root, 'dangling'));
    const tree = await inventory(root);
    expect(paths(tree)).toEqual(['src/a.ts']);
    expect(tree.skipped).toEqual([
      { path: 'dangling', reason: 'symbolic link' },
      { path: 'outside', reason: 'symbolic link' },
      { path: 'src/loop', reason: 'symbolic link' },
    ]);
  });

  it('gives an empty inventory for an empty folder', async () => {
    const root = tempRepo({});
    const tree = await inventory(root);
    expect(tree.files).toEqual([]);
    expect(tree.skipped).toEqual([]);
  });

  it('reports a folder that does not exist instead of throwing', async () => {
    const tree = await inventory(join(tmpdir(), 'shipshape-does-not-exist-4711'));
    expect(tree.files).toEqual([]);
    expect(tree.skipped[0]?.reason).toMatch(/folder cannot be read \(ENOENT\)/);
  });
});

describe('reading files', () => {
  it('refuses binary and oversized files but keeps them in the inventory', async () => {
    const root = tempRepo({
      'logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x0d]),
      'big.json': 'x'.repeat(MAX_READ_BYTES + 1),
      'ok.json': '\uFEFF{"a":1}',
    });
    const tree = await inventory(root);
    expect(paths(tree)).toEqual(['big.json', 'logo.png', 'ok.json']);
    expect(tree.read('logo.png')).toBeNull();
    expect(tree.read('big.json')).toBeNull();
    expect(tree.read('ok.json')).toBe('{"a":1}');
    expect(Object.fromEntries(tree.unreadable)).toEqual({ 'logo.png': 'binary', 'big.json': 'larger than 1 MiB' });
  });

  it('reads UTF-16 text with a byte-order mark as text', async () => {
    const root = tempRepo({
      'README.md': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('# Hi', 'utf16le')]),
      'notes.txt': Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('ok', 'utf16le').swap16()]),
    });
    const tree = await inventory(root);
    expect(tree.read('README.md')).toBe('# Hi');
    expect(tree.read('notes.txt')).toBe('ok');
  });

  it('reads only files of the inventory, and caches them', async () => {
    const root = tempRepo({ 'a.txt': 'one', 'node_modules/x/index.js': 'x' });
    const tree = await inventory(root);
    expect(tree.read('../etc/passwd')).toBeNull();
    expect(tree.read('node_modules/x/index.js')).toBeNull();
    expect(tree.read('a.txt')).toBe('one');
    writeFileSync(join(root, 'a.txt'), 'two');
    expect(tree.read('a.txt')).toBe('one');
    expect(tree.has('a.txt')).toBe(true);
    expect(tree.has('node_modules/x/index.js')).toBe(false);
  });

  it('lists a few thousand files quickly', async () => {
    const files: Record<string, string> = {};
    for (let index = 0; index < 3000; index++) files[`src/m${index % 30}/f${index}.ts`] = 'export {};';
    const root = tempRepo(files);
    const started = performance.now();
    const tree = await inventory(root);
    expect(tree.files).toHaveLength(3000);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
