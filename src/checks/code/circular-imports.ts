// code.circular-imports: no module imports itself through a chain of other modules at load time.
import { importGraphOf, type ImportEdge } from '../../analysis/import-graph.js';
import { defineCheck } from '../../core/check.js';
import type { FindingInput } from '../../core/types.js';
import { graded, MAX_FINDINGS, noSource, plural, productionFiles } from './shared.js';

/** Edges that run at load time: type-only imports vanish when compiled, dynamic imports run later. */
function loadsAtStart(edge: ImportEdge): boolean {
  return !edge.typeOnly && edge.kind !== 'dynamic-import';
}

/** Strongly connected components (Tarjan, iterative so deep graphs cannot overflow the stack). */
function stronglyConnected(nodes: string[], next: (node: string) => string[]): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;
  for (const root of nodes) {
    if (index.has(root)) continue;
    const work: { node: string; successors: string[]; position: number }[] = [];
    const open = (node: string): void => {
      index.set(node, counter);
      low.set(node, counter);
      counter++;
      stack.push(node);
      onStack.add(node);
      work.push({ node, successors: next(node), position: 0 });
    };
    open(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      if (frame.position < frame.successors.length) {
        const successor = frame.successors[frame.position++]!;
        if (!index.has(successor)) open(successor);
        else if (onStack.has(successor)) low.set(frame.node, Math.min(low.get(frame.node)!, index.get(successor)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        components.push(component);
      }
    }
  }
  return components;
}

/** One concrete cycle through `start` inside its component (breadth-first, so the shortest). */
function cycleThrough(start: string, members: Set<string>, edgesOf: (node: string) => ImportEdge[]): ImportEdge[] {
  const via = new Map<string, ImportEdge>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const edge of edgesOf(node)) {
      if (!members.has(edge.to)) continue;
      if (edge.to === start) {
        const path = [edge];
        for (let at = node; at !== start; ) {
          const step = via.get(at)!;
          path.unshift(step);
          at = step.from;
        }
        return path;
      }
      if (!via.has(edge.to)) {
        via.set(edge.to, edge);
        queue.push(edge.to);
      }
    }
  }
  return [];
}

export const circularImportsCheck = defineCheck({
  id: 'code.circular-imports',
  area: 'code',
  title: 'No circular imports',
  failureTitle: 'Modules import each other in a circle',
  rationale:
    'When module A imports B and B (directly or through others) imports A, one of them is used before it has ' +
    'finished loading: a value is `undefined` at start-up, a class "is not a constructor", and the error ' +
    'depends on which file happened to load first — so it appears after an unrelated change. Circles also ' +
    'mean the modules cannot be understood, tested or split apart separately. Imports of types only do not count.',
  remediation:
    'For each cycle listed, find what the modules need from each other: move the shared part (types, ' +
    'constants, a helper) into a new module that both import, or pass the dependency in as a parameter ' +
    'instead of importing it. Import types with `import type`. A barrel file (`index.ts` re-exporting a ' +
    'folder) is a common cause: import from the file that defines the thing instead.',
  severity: 'medium',
  weight: 2,
  effortMinutes: 45,
  requires: ['code', 'tree', 'manifests'],
  run({ code, tree, manifests }) {
    const none = noSource(code);
    if (none) return none;
    const graph = importGraphOf(code, tree, manifests);
    const files = productionFiles(code).map((file) => file.path);
    const production = new Set(files);
    const edgesOf = (node: string): ImportEdge[] => (graph.outgoing.get(node) ?? []).filter((edge) => loadsAtStart(edge) && production.has(edge.to));
    const components = stronglyConnected(files, (node) => edgesOf(node).map((edge) => edge.to));
    const cycles = components
      .filter((component) => component.length > 1 || edgesOf(component[0]!).some((edge) => edge.to === component[0]))
      .map((component) => component.sort())
      .sort((a, b) => b.length - a.length || a[0]!.localeCompare(b[0]!));
    const inCycles = cycles.reduce((sum, cycle) => sum + cycle.length, 0);
    const evidence = [`${plural(cycles.length, 'import cycle')} among ${plural(files.length, 'source file')} (type-only and dynamic imports excluded)`];
    const findings: FindingInput[] = cycles.slice(0, MAX_FINDINGS).map((members) => {
      const path = cycleThrough(members[0]!, new Set(members), edgesOf);
      const chain = [path[0]?.from ?? members[0]!, ...path.map((edge) => edge.to)];
      const start = path[0];
      return {
        message: `${chain.join(' → ')}${members.length > chain.length - 1 ? ` (${plural(members.length, 'module')} in this tangle)` : ''}.`,
        location: { file: members[0]!, ...(start ? { line: start.line } : {}) },
        severity: members.length > 5 ? 'high' : 'medium',
        snippet: members.join(' '),
        data: { modules: members, cycle: chain },
      };
    });
    for (const finding of findings.slice(0, 3)) evidence.push(finding.message);
    return { ...graded(inCycles / files.length, 0, 0.2), evidence, findings };
  },
});
