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

  /** Nodes of these kinds, in source order. */
  ofKind(...kinds: TS.SyntaxKind[]): readonly TS.Node[] {
    if (kinds.length === 1) return this.byKind[kinds[0]!] ?? [];
    const nodes: TS.Node[] = [];
    for (const kind of kinds) nodes.push(...(this.byKind[kind] ?? []));
    return nodes.sort((a, b) => a.pos - b.pos);
  }
}
