// code.unused-exports: what a module exports, some other module uses.
import { importsOf } from '../../analysis/extracts.js';
import { defineCheck } from '../../core/check.js';
import type { FindingInput } from '../../core/types.js';
import { graded, MAX_FINDINGS, noSource, percent, plural, productionFiles } from './shared.js';
import { reachability } from './unused.js';

export const unusedExportsCheck = defineCheck({
  id: 'code.unused-exports',
  area: 'code',
  title: 'Exports are used',
  failureTitle: 'Some exports are never imported',
  rationale:
    'An exported function or constant that no other module imports is either dead code or a public ' +
    'surface nobody needs. It cannot be deleted with confidence later, and it invites a second, slightly ' +
    'different implementation of the same thing. Exports of entry points (a package\'s public API, ' +
    'framework files) and type-only exports are not counted; a namespace import or `export *` counts as ' +
    'using everything.',
  remediation:
    'For each listed export: if the module uses it itself, remove the `export` keyword; if nothing uses it, ' +
    'delete it. If it is meant as public API, export it from the package entry point so it is documented ' +
    'as such.',
  severity: 'low',
  weight: 1,
  effortMinutes: 5,
  requires: ['code', 'tree', 'manifests'],
  run({ code, tree, manifests }) {
    const none = noSource(code);
    if (none) return none;
    const { graph, entries, reachable, kitFiles, aliasTargets } = reachability(code, tree, manifests);
    if (entries.autoImports.length > 0) {
      return { status: 'unknown', evidence: [], reason: `${entries.autoImports.join(', ')} loads modules without import statements, so unused exports cannot be told from the imports.` };
    }
    let total = 0;
    const unused: { file: string; name: string; line: number }[] = [];
    for (const file of productionFiles(code)) {
      // Entry points are used from outside; unreachable files are reported whole by code.unused-files.
      // Which names an unresolved alias import uses is not known: such a file's exports are not judged.
      if (entries.files.has(file.path) || !reachable.has(file.path) || kitFiles.has(file.path) || aliasTargets.has(file.path)) continue;
      const used = new Set<string>();
      for (const edge of graph.incoming.get(file.path) ?? []) for (const name of edge.names) used.add(name);
      if (used.has('*')) continue;
      for (const exported of importsOf(file).exports) {
        if (exported.typeOnly || (exported.kind !== 'named' && exported.kind !== 'default')) continue;
        total++;
        if (used.has(exported.name) || (exported.ofCommonJsObject && used.has('default'))) continue;
        unused.push({ file: file.path, name: exported.name, line: exported.line });
      }
    }
    if (total === 0) return { status: 'na', evidence: [], reason: 'No exports outside entry points to check.' };
    const share = unused.length / total;
    const evidence = [`${unused.length} of ${plural(total, 'export')} are never imported (${percent(share)})`];
    if (kitFiles.size > 0) evidence.push(`${plural(kitFiles.size, 'file')} of a generated component kit (${[...new Set(kitFiles.values())].join(', ')}) not judged`);
    const findings: FindingInput[] = unused.slice(0, MAX_FINDINGS).map(({ file, name, line }) => ({
      message: `${file}:${line}: export \`${name}\` is not imported anywhere.`,
      location: { file, line },
      symbol: name,
      snippet: `export ${name}`,
      data: { export: name },
    }));
    if (unused.length > MAX_FINDINGS) evidence.push(`${unused.length - MAX_FINDINGS} more not listed as findings`);
    const verdict = graded(share, 0.05, 0.3);
    return verdict.status === 'pass' ? { ...verdict, evidence } : { ...verdict, evidence, findings };
  },
});
