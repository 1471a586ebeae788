import type { RepoTree } from '../../src/core/facts.js';

/** An in-memory repository for check tables: paths to contents (a Buffer stands for a binary file). */
export function memoryTree(files: Record<string, string | Buffer>): RepoTree {
  const entries = Object.keys(files)
    .sort()
    .map((path) => ({ path, size: Buffer.byteLength(files[path] as string | Buffer), tracked: true }));
  const paths = new Set(entries.map((entry) => entry.path));
  const unreadable = new Map<string, string>();
  return {
    root: '',
    source: 'memory',
    files: entries,
    skipped: [],
    unreadable,
    has: (path) => paths.has(path),
    read(path) {
      const content = files[path];
      if (content === undefined) return null;
      if (typeof content !== 'string') {
        unreadable.set(path, 'binary');
        return null;
      }
      return content;
    },
  };
}
