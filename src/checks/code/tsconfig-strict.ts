// code.tsconfig-strict: TypeScript's strict mode is on wherever TypeScript is compiled.
import { resolveTsconfig, solutionReferences } from '../../analysis/tsconfig.js';
import { defineCheck } from '../../core/check.js';
import type { RepoTree } from '../../core/facts.js';
import type { FindingInput } from '../../core/types.js';
import { basename } from '../../util/paths.js';
import { plural, productionFiles } from './shared.js';

/** Flags `strict` turns on; setting one of them to false undoes part of it. */
const STRICT_FAMILY = ['noImplicitAny', 'strictNullChecks', 'strictFunctionTypes', 'strictBindCallApply', 'strictPropertyInitialization', 'noImplicitThis', 'alwaysStrict', 'useUnknownInCatchVariables'];
function lineOfKey(tree: RepoTree, path: string, key: string): number | undefined {
  const text = tree.read(path);
  if (text === null) return undefined;
  const index = text.search(new RegExp(`"${key}"\\s*:`));
  return index === -1 ? undefined : text.slice(0, index).split('\n').length;
}

/** Configs that compile something: every tsconfig.json (bases like tsconfig.base.json are read through `extends`). */
function rootConfigs(tree: RepoTree): string[] {
  return tree.files.map((file) => file.path).filter((path) => basename(path) === 'tsconfig.json' && !/(^|\/)(node_modules|fixtures?|examples?)\//.test(path));
}

/** The configs that compile code: a solution config is replaced by the configs it references. */
function compilingConfigs(tree: RepoTree, evidence: string[]): string[] {
  const judged = new Set<string>();
  for (const path of rootConfigs(tree)) {
    const references = solutionReferences(tree, path)?.filter((reference) => tree.has(reference));
    if (references && references.length > 0) {
      evidence.push(`${path}: compiles nothing itself ("files": []), judged through ${references.join(', ')}`);
      for (const reference of references) judged.add(reference);
    } else judged.add(path);
  }
  return [...judged];
}

export const tsconfigStrictCheck = defineCheck({
  id: 'code.tsconfig-strict',
  area: 'code',
  title: 'TypeScript strict mode is on',
  failureTitle: 'TypeScript strict mode is off',
  rationale:
    'Without `"strict": true`, TypeScript lets through the mistakes that most often crash production code: ' +
    'using a value that may be `undefined` or `null`, and variables silently typed `any`. Strict mode is the ' +
    'default for new projects; a project without it gets much less from TypeScript than its authors think.',
  remediation:
    'Set `"strict": true` in `compilerOptions` of each listed tsconfig.json (and remove any `strictNullChecks: ' +
    'false` or `noImplicitAny: false`). Run `npx tsc --noEmit` and fix the errors it reports, folder by ' +
    'folder if there are many; `noUncheckedIndexedAccess` is a worthwhile next step.',
  severity: 'medium',
  weight: 2,
  effortMinutes: 120,
  requires: ['tree', 'code'],
  run({ tree, code }) {
    const tsFiles = productionFiles(code).filter((file) => /\.[cm]?tsx?$/.test(file.path));
    if (tsFiles.length === 0) return { status: 'na', evidence: [], reason: 'No TypeScript source: this repository is JavaScript only.' };
    const evidence: string[] = [];
    const configs = compilingConfigs(tree, evidence);
    if (configs.length === 0) {
      return {
        status: 'fail',
        evidence: [`${plural(tsFiles.length, 'TypeScript file')} but no tsconfig.json`],
        findings: [{ message: `No tsconfig.json: ${plural(tsFiles.length, 'TypeScript file')} are compiled with whatever defaults the tool picks, which are not strict.`, location: null, snippet: 'no-tsconfig' }],
      };
    }
    const findings: FindingInput[] = [];
    let strictCount = 0;
    let unknownCount = 0;
    for (const path of configs) {
      const resolved = resolveTsconfig(tree, path);
      const disabled = STRICT_FAMILY.filter((flag) => resolved.options[flag] === false);
      const strict = resolved.options['strict'] === true;
      if (strict && disabled.length === 0) {
        strictCount++;
        evidence.push(`${path}: strict${resolved.notes.length > 0 ? ` (${resolved.notes.join('; ')})` : ''}`);
        continue;
      }
      if (!strict && resolved.options['strict'] === undefined && resolved.unreadable) {
        unknownCount++;
        evidence.push(`${path}: cannot tell (${resolved.unreadable})`);
        continue;
      }
      const what = strict ? `"strict" is on but ${disabled.map((flag) => `"${flag}": false`).join(', ')} turns part of it off` : resolved.options['strict'] === false ? '"strict" is set to false' : '"strict" is not set';
      const origin = strict ? resolved.origin[disabled[0]!] : resolved.origin['strict'];
      const file = origin && origin.endsWith('.json') ? origin : path;
      evidence.push(`${path}: ${what}`);
      findings.push({
        message: `${path}: ${what}${file !== path ? ` (set in ${file})` : ''}.`,
        location: { file, line: lineOfKey(tree, file, strict ? disabled[0]! : 'strict') ?? 1 },
        snippet: what,
        data: { config: path, strict, disabled },
      });
    }
    if (findings.length === 0 && unknownCount > 0 && strictCount === 0) {
      return { status: 'unknown', evidence, reason: 'Every tsconfig extends a shared config from a package that is not in the repository.' };
    }
    if (findings.length === 0) return { status: 'pass', evidence };
    const judged = strictCount + findings.length;
    return strictCount === 0 ? { status: 'fail', evidence, findings } : { status: 'partial', score: strictCount / judged, evidence, findings };
  },
});
