// What the unused-file and unused-export checks share: the import graph walked from the entry points.
import { findEntryPoints, type EntryPoints } from '../../analysis/entry-points.js';
import { importGraphOf, type ImportGraph } from '../../analysis/import-graph.js';
import type { CodeFact, ManifestsFact, RepoTree } from '../../core/facts.js';
import { COPIED_UI_KITS } from '../../knowledge/entry-points.js';
import { dirname, isTestFile } from '../../util/paths.js';

export interface Reachability {
  graph: ImportGraph;
  entries: EntryPoints;
  reachable: Set<string>;
  /** Files of a generated component kit (shadcn/ui), with the kit's name: not judged. */
  kitFiles: Map<string, string>;
}

/** Files inside a copied UI kit whose config file sits at the root of the project that holds it. */
function kitFilesOf(code: CodeFact, tree: RepoTree): Map<string, string> {
  const kits = new Map<string, string>();
  for (const kit of COPIED_UI_KITS) {
    for (const file of code.files) {
      const match = kit.folder.exec(file.path);
      if (!match) continue;
      // `components/ui` sits at the project root or in its `src/`.
      const prefix = file.path.slice(0, match.index);
      const roots = [prefix, ...(prefix === 'src' || prefix.endsWith('/src') ? [dirname(prefix)] : [])];
      if (roots.some((root) => tree.has(root === '' ? kit.marker : `${root}/${kit.marker}`))) kits.set(file.path, kit.label);
    }
  }
  return kits;
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
  return { graph, entries, reachable, kitFiles: kitFilesOf(code, tree) };
}
