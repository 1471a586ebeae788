import { closeSync, openSync, readSync } from 'node:fs';
import { lstat, readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import pLimit from 'p-limit';
import { defineCollector } from '../core/collector.js';
import type { FileEntry, RepoTree } from '../core/facts.js';
import { basename, isVendorFolder } from '../util/paths.js';
import { runGit } from './git.js';

/** `read()` refuses files above this size: the checks look at hand-written text, not data dumps. */
export const MAX_READ_BYTES = 1024 * 1024;
/** A NUL byte in this many leading bytes marks a file as binary (git's own heuristic). */
const BINARY_SNIFF_BYTES = 8 * 1024;
const STAT_CONCURRENCY = 64;

/** Folders that never hold the project's own hand-written files, by folder name at any depth. */
const SKIPPED_FOLDER_NAMES: ReadonlyMap<string, string> = new Map([
  ['node_modules', 'installed dependencies'],
  ['bower_components', 'installed dependencies'],
  ['jspm_packages', 'installed dependencies'],
  ['dist', 'build output'],
  ['build', 'build output'],
  ['out', 'build output'],
  ['.next', 'build output'],
  ['.nuxt', 'build output'],
  ['.output', 'build output'],
  ['.svelte-kit', 'build output'],
  ['.vercel', 'build output'],
  ['.netlify', 'build output'],
  ['.turbo', 'build cache'],
  ['.cache', 'build cache'],
  ['.parcel-cache', 'build cache'],
  ['coverage', 'test coverage output'],
  ['.nyc_output', 'test coverage output'],
]);

/** Folders skipped by their path from a package's folder (`.yarn/cache`, wherever the package sits). */
const SKIPPED_FOLDER_SUFFIXES: readonly { suffix: string; reason: string }[] = [
  { suffix: '.yarn/releases', reason: 'committed package-manager bundle' },
  { suffix: '.yarn/cache', reason: 'committed package-manager cache' },
  { suffix: '.yarn/unplugged', reason: 'installed dependencies' },
  { suffix: '.pnpm-store', reason: 'installed dependencies' },
];

const SKIPPED_FILE_PATTERNS: readonly { pattern: RegExp; reason: string }[] = [
  { pattern: /\.min\.(js|mjs|cjs|css)$/, reason: 'minified file' },
  { pattern: /\.map$/, reason: 'source map' },
  { pattern: /(^|\/)\.pnp\.(c|m)?js$/, reason: 'generated package-manager loader' },
];

export const VENDORED_FOLDER = 'vendored code';

function skippedFolderReason(folderPath: string): string | null {
  const name = basename(folderPath);
  const byName = SKIPPED_FOLDER_NAMES.get(name);
  if (byName) return byName;
  if (isVendorFolder(folderPath)) return VENDORED_FOLDER;
  const suffix = SKIPPED_FOLDER_SUFFIXES.find(
    (rule) => folderPath === rule.suffix || folderPath.endsWith(`/${rule.suffix}`),
  );
  return suffix?.reason ?? null;
}

function skippedFileReason(path: string): string | null {
  return SKIPPED_FILE_PATTERNS.find((rule) => rule.pattern.test(path))?.reason ?? null;
}

interface Skip {
  path: string;
  reason: string;
}

/** Records skipped paths, one entry per skipped folder however many files it holds. */
class SkipList {
  private readonly byPath = new Map<string, string>();
  add(path: string, reason: string): void {
    if (!this.byPath.has(path)) this.byPath.set(path, reason);
  }
  list(): Skip[] {
    return [...this.byPath].map(([path, reason]) => ({ path, reason })).sort((a, b) => compare(a.path, b.path));
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The user's `ignorePaths` (gitignore syntax), or null when there are none. */
function userIgnore(patterns: readonly string[]): Ignore | null {
  return patterns.length > 0 ? ignore().add([...patterns]) : null;
}

/**
 * Why a git-listed path is left out, checking its folders from the top so that a skipped folder is
 * reported once, as the folder.
 */
function skipForListedPath(path: string, user: Ignore | null): Skip | null {
  const parts = path.split('/');
  for (let depth = 1; depth < parts.length; depth++) {
    const folder = parts.slice(0, depth).join('/');
    const reason = skippedFolderReason(folder);
    if (reason) return { path: folder, reason };
    if (user?.ignores(`${folder}/`)) return { path: folder, reason: 'excluded by ignorePaths' };
  }
  const reason = skippedFileReason(path);
  if (reason) return { path, reason };
  if (user?.ignores(path)) return { path, reason: 'excluded by ignorePaths' };
  return null;
}

function splitNul(output: string): string[] {
  return output.split('\0').filter((path) => path.length > 0);
}

async function listWithGit(root: string, user: Ignore | null): Promise<{ files: FileEntry[]; skipped: Skip[] } | null> {
  const [cached, others] = await Promise.all([
    runGit(root, ['ls-files', '-z', '--cached']),
    runGit(root, ['ls-files', '-z', '--others', '--exclude-standard']),
  ]);
  if (cached === null || others === null) return null;
  const tracked = new Set(splitNul(cached));
  const listed = [...new Set([...tracked, ...splitNul(others)])];
  // Nothing listed: an empty folder, or one the enclosing repository ignores. The walk handles both.
  if (listed.length === 0) return null;
  const skips = new SkipList();
  const kept: string[] = [];
  for (const path of listed) {
    // git lists an untracked folder holding its own repository as one entry ending in `/`.
    if (path.endsWith('/')) {
      skips.add(path.slice(0, -1), 'nested git repository');
      continue;
    }
    const skip = skipForListedPath(path, user);
    if (skip) skips.add(skip.path, skip.reason);
    else kept.push(path);
  }
  const limit = pLimit(STAT_CONCURRENCY);
  const entries = await Promise.all(
    kept.map((path) =>
      limit(async (): Promise<FileEntry | null> => {
        const kind = await statKind(join(root, path));
        if (kind.type === 'file') return { path, size: kind.size, tracked: tracked.has(path) };
        // A tracked file deleted from the work tree is not part of what is there to audit.
        if (kind.type !== 'missing') skips.add(path, kind.reason);
        return null;
      }),
    ),
  );
  const files = entries.filter((entry): entry is FileEntry => entry !== null).sort((a, b) => compare(a.path, b.path));
  return { files, skipped: skips.list() };
}

type StatKind =
  | { type: 'file'; size: number }
  | { type: 'missing' }
  | { type: 'other'; reason: string };

async function statKind(absolute: string): Promise<StatKind> {
  try {
    const stats = await lstat(absolute);
    if (stats.isSymbolicLink()) return { type: 'other', reason: 'symbolic link' };
    // A submodule is listed by git as one path that is a folder.
    if (stats.isDirectory()) return { type: 'other', reason: 'git submodule' };
    if (!stats.isFile()) return { type: 'other', reason: 'not a regular file' };
    return { type: 'file', size: stats.size };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { type: 'missing' };
    return { type: 'other', reason: `cannot be read (${code ?? 'error'})` };
  }
}

/** One folder's `.gitignore`, with the folder it applies from. */
interface IgnoreScope {
  base: string;
  rules: Ignore;
}

function isIgnoredByScopes(path: string, isDir: boolean, scopes: readonly IgnoreScope[]): boolean {
  // The deepest .gitignore that has an opinion wins, as in git.
  for (let index = scopes.length - 1; index >= 0; index--) {
    const scope = scopes[index] as IgnoreScope;
    const relative = scope.base === '' ? path : path.slice(scope.base.length + 1);
    const result = scope.rules.test(isDir ? `${relative}/` : relative);
    if (result.ignored) return true;
    if (result.unignored) return false;
  }
  return false;
}

async function readGitignore(absoluteDir: string): Promise<Ignore | null> {
  try {
    return ignore().add(await readFile(join(absoluteDir, '.gitignore'), 'utf8'));
  } catch {
    return null;
  }
}

async function listByWalking(root: string, user: Ignore | null): Promise<{ files: FileEntry[]; skipped: Skip[] }> {
  const files: FileEntry[] = [];
  const skips = new SkipList();
  const limit = pLimit(STAT_CONCURRENCY);

  async function walk(dir: string, inherited: readonly IgnoreScope[]): Promise<void> {
    const absoluteDir = join(root, dir);
    let entries;
    try {
      entries = await limit(() => readdir(absoluteDir, { withFileTypes: true }));
    } catch (error) {
      skips.add(dir === '' ? '.' : dir, `folder cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
      return;
    }
    const own = await limit(() => readGitignore(absoluteDir));
    const scopes = own ? [...inherited, { base: dir, rules: own }] : inherited;
    const pending: Promise<void>[] = [];
    for (const entry of entries) {
      const path = dir === '' ? entry.name : `${dir}/${entry.name}`;
      if (entry.name === '.git') continue;
      if (entry.isSymbolicLink()) {
        // Never followed: a link may point outside the target or back at one of its own folders.
        if (!isIgnoredByScopes(path, false, scopes)) skips.add(path, 'symbolic link');
        continue;
      }
      if (entry.isDirectory()) {
        if (isIgnoredByScopes(path, true, scopes)) continue;
        const reason = skippedFolderReason(path) ?? (user?.ignores(`${path}/`) ? 'excluded by ignorePaths' : null);
        if (reason) skips.add(path, reason);
        else pending.push(walk(path, scopes));
        continue;
      }
      if (isIgnoredByScopes(path, false, scopes)) continue;
      const reason = skippedFileReason(path) ?? (user?.ignores(path) ? 'excluded by ignorePaths' : null);
      if (reason) {
        skips.add(path, reason);
        continue;
      }
      if (!entry.isFile()) {
        skips.add(path, 'not a regular file');
        continue;
      }
      pending.push(
        limit(async () => {
          const kind = await statKind(join(root, path));
          if (kind.type === 'file') files.push({ path, size: kind.size, tracked: false });
          else if (kind.type === 'other') skips.add(path, kind.reason);
        }),
      );
    }
    await Promise.all(pending);
  }

  await walk('', []);
  files.sort((a, b) => compare(a.path, b.path));
  return { files, skipped: skips.list() };
}

function hasNulByte(buffer: Buffer, length: number): boolean {
  return buffer.subarray(0, Math.min(length, BINARY_SNIFF_BYTES)).includes(0);
}

/**
 * Text saved as UTF-16 with a byte-order mark (some Windows editors do this to READMEs and config
 * files) is full of NUL bytes but is not binary.
 */
function utf16Text(bytes: Buffer): string | null {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Buffer.from(bytes.subarray(2, bytes.length - (bytes.length % 2)));
    return swapped.swap16().toString('utf16le');
  }
  return null;
}

/** Reads one file as text, or says why it will not. Synchronous because `RepoTree.read` is. */
function readText(absolute: string, size: number): { text: string } | { refused: string } {
  if (size > MAX_READ_BYTES) return { refused: 'larger than 1 MiB' };
  let fd: number | null = null;
  try {
    // The size may have changed since the listing; read what is there, capped.
    fd = openSync(absolute, 'r');
    const buffer = Buffer.alloc(Math.min(size, MAX_READ_BYTES) + 1);
    const length = readSync(fd, buffer, 0, buffer.length, 0);
    if (length > MAX_READ_BYTES) return { refused: 'larger than 1 MiB' };
    const utf16 = utf16Text(buffer.subarray(0, length));
    if (utf16 !== null) return { text: utf16 };
    if (hasNulByte(buffer, length)) return { refused: 'binary' };
    const text = buffer.toString('utf8', 0, length);
    return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  } catch (error) {
    return { refused: `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/** A `RepoTree` over files on disk that reads each file at most once, on first request. */
function diskTree(root: string, source: 'git' | 'walk', files: FileEntry[], skipped: Skip[]): RepoTree {
  const byPath = new Map(files.map((entry) => [entry.path, entry]));
  const texts = new Map<string, string | null>();
  const unreadable = new Map<string, string>();
  return {
    root,
    source,
    files,
    skipped,
    unreadable,
    has: (path) => byPath.has(path),
    read(path) {
      const cached = texts.get(path);
      if (cached !== undefined) return cached;
      const entry = byPath.get(path);
      // Only listed files are readable: no reading outside the inventory (`../`, skipped folders).
      if (!entry) return null;
      const outcome = readText(join(root, path), entry.size);
      const text = 'text' in outcome ? outcome.text : null;
      if ('refused' in outcome) unreadable.set(path, outcome.refused);
      texts.set(path, text);
      return text;
    },
  };
}

/** Lists the files of the repository at `root` (git's view when it is a work tree, else a walk). */
export async function inventory(root: string, ignorePaths: readonly string[] = []): Promise<RepoTree> {
  const user = userIgnore(ignorePaths);
  const fromGit = await listWithGit(root, user);
  if (fromGit) return diskTree(root, 'git', fromGit.files, fromGit.skipped);
  const walked = await listByWalking(root, user);
  return diskTree(root, 'walk', walked.files, walked.skipped);
}

const MAX_LISTED_PROBLEMS = 20;

export const inventoryCollector = defineCollector({
  key: 'tree',
  description: 'The files of the repository (git-tracked and untracked-but-not-ignored, or a walk honouring .gitignore)',
  collect: (ctx) => inventory(ctx.root, ctx.ignorePaths),
  // Binary files hold nothing the checks read; any other refusal leaves a file unexamined.
  problems: (tree) => {
    const refused = [...tree.unreadable].filter(([, reason]) => reason !== 'binary');
    const listed = refused.slice(0, MAX_LISTED_PROBLEMS).map(([path, reason]) => `${path} was not examined: ${reason}`);
    const rest = refused.length - listed.length;
    return rest > 0 ? [...listed, `${rest} more files were not examined (see metrics.inventory)`] : listed;
  },
  metrics: (tree) => ({
    inventory: {
      source: tree.source,
      files: tree.files.length,
      trackedFiles: tree.files.filter((file) => file.tracked).length,
      skippedPaths: tree.skipped.length,
      unreadableFiles: tree.unreadable.size,
    },
  }),
});
