// The dependency graph of a lockfile, by package name: which direct dependency pulls a package in
// (for advisory paths) and which packages only development dependencies reach.
import type { DirectDependency } from '../../core/facts.js';
import type { LockedPackage } from './locked.js';

const MAX_PATHS_PER_PACKAGE = 3;

function edgesByName(locked: readonly LockedPackage[]): Map<string, Set<string>> {
  const edges = new Map<string, Set<string>>();
  for (const entry of locked) {
    const set = edges.get(entry.name) ?? new Set<string>();
    for (const child of entry.children) set.add(child);
    edges.set(entry.name, set);
  }
  return edges;
}

/** Shortest name chains from each direct dependency to every package it reaches. */
function reach(edges: Map<string, Set<string>>, root: string): Map<string, string[]> {
  const chains = new Map<string, string[]>([[root, [root]]]);
  const queue = [root];
  for (let head = 0; head < queue.length; head++) {
    const name = queue[head]!;
    const chain = chains.get(name)!;
    for (const child of edges.get(name) ?? []) {
      if (chains.has(child)) continue;
      chains.set(child, [...chain, child]);
      queue.push(child);
    }
  }
  return chains;
}

export function dependencyPaths(locked: readonly LockedPackage[], roots: readonly DirectDependency[]): Record<string, string[][]> {
  const edges = edgesByName(locked);
  const paths: Record<string, string[][]> = {};
  for (const root of new Set(roots.map((dependency) => dependency.packageName))) {
    for (const [name, chain] of reach(edges, root)) {
      const list = (paths[name] ??= []);
      if (list.length < MAX_PATHS_PER_PACKAGE) list.push(chain);
    }
  }
  for (const list of Object.values(paths)) list.sort((a, b) => a.length - b.length);
  return paths;
}

/**
 * Whether each package is for development only: as the lockfile says, or, for formats that do not
 * record it (pnpm 9, yarn), whether no production dependency reaches it.
 */
export function inferDevFlags(locked: readonly LockedPackage[], roots: readonly DirectDependency[]): boolean[] {
  if (locked.every((entry) => entry.dev !== null)) return locked.map((entry) => entry.dev === true);
  const edges = edgesByName(locked);
  const production = new Set<string>();
  for (const root of roots) {
    if (root.type === 'devDependencies') continue;
    for (const name of reach(edges, root.packageName).keys()) production.add(name);
  }
  return locked.map((entry) => entry.dev ?? !production.has(entry.name));
}
