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
  /** Files an import alias shipshape could not resolve may name, with that import (`@shared/schema` at server/routes.ts:13). */
  aliasTargets: Map<string, string>;
}

/** A path without its source extension and without a trailing `/index`. */
function modulePath(path: string): string {
  return path.replace(/\.[cm]?[jt]sx?$/, '').replace(/\/index$/, '');
}

/**
 * The files an unresolved alias could name: `@shared/schema` → a file ending in `shared/schema`,
 * `@/lib/utils` or `~/lib/utils` → one ending in `lib/utils`. Prefers "maybe used" to a false report.
 */
function aliasTargetsOf(graph: ImportGraph, paths: readonly string[]): Map<string, string> {
  const targets = new Map<string, string>();
  if (graph.aliases.length === 0) return targets;
  const modules = paths.map((path) => ({ path, module: `/${modulePath(path)}` }));
  for (const alias of graph.aliases) {
    const segments = alias.specifier.split('/');
    const first = segments[0]!.replace(/^[@~#]+/, '');
    const rest = segments.slice(1).join('/');
    // The alias's own name first (`@shared/schema` → `shared/schema`), the rest alone if that names nothing.
    const tails = [first ? [first, ...segments.slice(1)].join('/') : '', rest].filter((tail) => tail !== '');
    for (const tail of tails) {
      const matches = modules.filter(({ module }) => module.endsWith(`/${tail}`));
      for (const { path } of matches) if (!targets.has(path)) targets.set(path, `${alias.specifier} at ${alias.from}:${alias.line}`);
      if (matches.length > 0) break;
    }
  }
  return targets;
}

/** Files inside a copied UI kit whose config file sits at the root of the project that holds it. */
export function kitFilesOf(code: CodeFact, tree: RepoTree): Map<string, string> {
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
  const aliasTargets = aliasTargetsOf(graph, paths);
  // Tests run on their own, and what they import is in use (if only by them).
  const queue = [...entries.files.keys(), ...paths.filter(isTestFile), ...aliasTargets.keys()];
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
  return { graph, entries, reachable, kitFiles: kitFilesOf(code, tree), aliasTargets };
}
