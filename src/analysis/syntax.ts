// Small helpers over TypeScript compiler nodes that several extractors share.
import type { ts as TS } from 'ts-morph';

/** 1-based line where the node's own text starts (leading comments and whitespace skipped). */
export function lineOf(sourceFile: TS.SourceFile, node: TS.Node): number {
  return sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1;
}

/** 1-based line of the node's last character. */
export function endLineOf(sourceFile: TS.SourceFile, node: TS.Node): number {
  return sourceFile.getLineAndCharacterOfPosition(Math.max(node.pos, node.end - 1)).line + 1;
}

/**
 * Every node of a file grouped by syntax kind, built by one walk, so that extractors interested in a
 * few kinds (calls, catch clauses, `any`) do not each walk the whole tree again. The same walk sets
 * `parent` pointers, which the syntax-only parse leaves unset.
 */
export class NodeIndex {
  private readonly byKind: (TS.Node[] | undefined)[] = [];
  private readonly merged = new Map<string, readonly TS.Node[]>();

  constructor(ts: typeof TS, sourceFile: TS.SourceFile) {
    const byKind = this.byKind;
    const forEachChild = ts.forEachChild;
    let parent: TS.Node = sourceFile;
    const visit = (node: TS.Node): void => {
      (node as { parent: TS.Node }).parent = parent;
      const list = byKind[node.kind];
      if (list) list.push(node);
      else byKind[node.kind] = [node];
      const saved = parent;
      parent = node;
      forEachChild(node, visit);
      parent = saved;
    };
    forEachChild(sourceFile, visit);
  }

  /**
   * Nodes of these kinds, in source order (by start position; at the same position, in the order the
   * kinds are given). Several extractors ask for the same combinations, so merged lists are kept.
   */
  ofKind(...kinds: TS.SyntaxKind[]): readonly TS.Node[] {
    if (kinds.length === 1) return this.byKind[kinds[0]!] ?? [];
    const key = kinds.join(',');
    let merged = this.merged.get(key);
    if (!merged) {
      merged = mergeByPosition(kinds.map((kind) => this.byKind[kind] ?? []));
      this.merged.set(key, merged);
    }
    return merged;
  }
}

/** Merges lists already in source order; ties go to the earlier list (as a stable sort would). */
function mergeByPosition(lists: readonly (readonly TS.Node[])[]): TS.Node[] {
  const nonEmpty = lists.filter((list) => list.length > 0);
  if (nonEmpty.length === 1) return [...nonEmpty[0]!];
  const cursors = nonEmpty.map(() => 0);
  const total = nonEmpty.reduce((sum, list) => sum + list.length, 0);
  const result: TS.Node[] = new Array(total);
  for (let slot = 0; slot < total; slot++) {
    let best = -1;
    for (let list = 0; list < nonEmpty.length; list++) {
      const node = nonEmpty[list]![cursors[list]!];
      if (node !== undefined && (best === -1 || node.pos < nonEmpty[best]![cursors[best]!]!.pos)) best = list;
    }
    result[slot] = nonEmpty[best]![cursors[best]!++]!;
  }
  return result;
}
