// What the unused-file and unused-export checks share: the import graph walked from the entry points.
import { findEntryPoints, type EntryPoints } from '../../analysis/entry-points.js';
import { importGraphOf, type ImportGraph } from '../../analysis/import-graph.js';
import type { CodeFact, ManifestsFact, RepoTree } from '../../core/facts.js';
import { isTestFile } from '../../util/paths.js';

export interface Reachability {
  graph: ImportGraph;
  entries: EntryPoints;
  reachable: Set<string>;
}

export function reachability(code: CodeFact, tree: RepoTree, manifests: ManifestsFact | null): Reachability {
  const graph = importGraphOf(code, tree, manifests);
  const paths = code.files.map((file) => file.path);
  const entries = findEntryPoints(tree, manifests, paths);
  // Tests run on their own, and what they import is in use (if only by them).
  const queue = [...entries.files.keys(), ...paths.filter(isTestFile)];
  const reachable = new Set(queue);
  while (queue.length > 0) {
    const file = queue.pop()!;
    for (const edge of graph.outgoing.get(file) ?? []) {
      if (!reachable.has(edge.to)) {
        reachable.add(edge.to);
        queue.push(edge.to);
      }
    }
  }
  return { graph, entries, reachable };
}
