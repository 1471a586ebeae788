// code.convention-drift: the codebase makes each style choice once.
import { z } from 'zod';
import { findEntryPoints } from '../../analysis/entry-points.js';
import type { ConventionsExtract } from '../../analysis/extractors/conventions.js';
import { importsOf } from '../../analysis/extracts.js';
import { defineCheck } from '../../core/check.js';
import type { ParsedFile } from '../../core/facts.js';
import type { FindingInput } from '../../core/types.js';
import { basename, isMigrationPath } from '../../util/paths.js';
import { graded, noSource, percent, productionFiles } from './shared.js';

const options = z.object({
  /** A dimension is judged only when at least this many files take a side. */
  minFiles: z.number().int().positive().default(5),
  /** Consistency index (0–100) at or above which the check passes. */
  passIndex: z.number().min(0).max(100).default(90),
  /** At or below which it fails. */
  failIndex: z.number().min(0).max(100).default(60),
});

type Classifier = (file: ParsedFile, context: { entries: ReadonlySet<string> }) => string | null;

/**
 * File-name case of the part before the first dot (`users.service.ts`, `page.test.tsx` → `users`,
 * `page`). One-word names fit every case; framework names (`_app`, `+page`, `$id`, `[slug]`) are not
 * a choice.
 */
function nameCase(file: ParsedFile): string | null {
  const name = basename(file.path).split('.')[0] ?? '';
  if (name === 'index' || /^[a-z0-9]+$/.test(name) || /^[_+$]|[[\]()@+$]/.test(name)) return null;
  if (/^[a-z0-9]+(-[a-z0-9]+)+$/.test(name)) return 'kebab-case';
  if (/^[a-z0-9]+(_[a-z0-9]+)+$/.test(name)) return 'snake_case';
  if (/^[a-z][a-zA-Z0-9]*$/.test(name)) return 'camelCase';
  if (/^[A-Z][a-zA-Z0-9]*$/.test(name)) return 'PascalCase';
  return 'mixed';
}

const COMPONENT_FILE = /\.[jt]sx$/;

/**
 * The role a file name gives a module (`auth.controller.ts` → controller, `user.service.ts` → service):
 * a project may settle a convention per role (routers exported by default, services by name).
 */
function moduleRole(file: ParsedFile): string {
  const segments = basename(file.path).split('.');
  return segments.length >= 3 ? (segments[segments.length - 2] ?? '') : '';
}

/**
 * Each dimension: a name, how one file sides (null: the file says nothing about it), and optionally
 * how files are grouped before the dominant choice is inferred in each group.
 */
const DIMENSIONS: { id: string; label: string; classify: Classifier; groupBy?: (file: ParsedFile) => string }[] = [
  { id: 'file-case-components', label: 'file-name case of .jsx/.tsx files', classify: (file) => (COMPONENT_FILE.test(file.path) ? nameCase(file) : null) },
  { id: 'file-case-modules', label: 'file-name case of .js/.ts files', classify: (file) => (COMPONENT_FILE.test(file.path) ? null : nameCase(file)) },
  {
    id: 'export-style',
    label: 'default or named exports',
    groupBy: moduleRole,
    classify(file, { entries }) {
      // Framework files (pages, routes, configs) must export default: not a choice.
      if (entries.has(file.path)) return null;
      const exports = importsOf(file).exports.filter((entry) => !entry.typeOnly && (entry.kind === 'named' || entry.kind === 'default'));
      if (exports.length === 0) return null;
      const hasDefault = exports.some((entry) => entry.kind === 'default');
      const hasNamed = exports.some((entry) => entry.kind === 'named');
      return hasDefault && hasNamed ? null : hasDefault ? 'default export' : 'named exports';
    },
  },
  {
    id: 'function-style',
    label: 'top-level functions as declarations or arrow functions',
    classify(file) {
      const conventions = file.extracts['conventions'] as ConventionsExtract | undefined;
      if (!conventions || conventions.functionDeclarations === conventions.functionExpressions) return null;
      return conventions.functionDeclarations > conventions.functionExpressions ? '`function` declarations' : 'arrow functions in `const`';
    },
  },
  {
    id: 'async-style',
    label: 'async/await or .then() chains',
    classify(file) {
      const conventions = file.extracts['conventions'] as ConventionsExtract | undefined;
      if (!conventions || conventions.awaits === conventions.thenCalls) return null;
      return conventions.awaits > conventions.thenCalls ? 'async/await' : '.then() chains';
    },
  },
  {
    id: 'module-style',
    label: 'ES modules or require()',
    classify(file) {
      // `.cjs`/`.mjs` (and their TypeScript forms) fix the module system by their extension.
      if (/\.[cm][jt]s$/.test(file.path)) return null;
      const kinds = importsOf(file).imports.map((entry) => entry.kind);
      const esm = kinds.some((kind) => kind === 'import' || kind === 'export-from');
      const cjs = kinds.includes('require');
      return esm === cjs ? null : esm ? 'ES modules' : 'require()';
    },
  },
  {
    id: 'relative-extensions',
    label: 'file extensions in relative imports',
    classify(file) {
      const relative = importsOf(file).imports.filter((entry) => entry.specifier.startsWith('.'));
      if (relative.length === 0) return null;
      const withExtension = relative.filter((entry) => /\.[cm]?[jt]sx?$/.test(entry.specifier)).length;
      if (withExtension * 2 === relative.length) return null;
      return withExtension * 2 > relative.length ? 'with extension' : 'without extension';
    },
  },
];

const LISTED_FILES = 10;

export const conventionDriftCheck = defineCheck({
  id: 'code.convention-drift',
  area: 'code',
  title: 'Conventions are consistent across files',
  failureTitle: 'Conventions drift from file to file',
  rationale:
    'Code written prompt by prompt is locally sensible but globally incoherent: one file uses kebab-case ' +
    'names and named exports, the next PascalCase and a default export; half the code awaits promises, the ' +
    'other half chains `.then()`. Each inconsistency is small, but together they make the codebase harder ' +
    'to navigate, review and refactor, and they show that nobody decided. For each dimension the dominant ' +
    'choice is inferred and the share of files that deviate is measured; the consistency index (0–100) is ' +
    'the average share of files that follow the dominant choice.',
  remediation:
    'Write the chosen conventions down (a short CONTRIBUTING section, and a rules file for your AI ' +
    'assistant), enforce what a linter can (ESLint `func-style`, `import/no-default-export`, ' +
    '`unicorn/filename-case`, `import/extensions`), then bring the listed files in line, a few at a time, ' +
    'when you touch them.',
  severity: 'low',
  weight: 1,
  effortMinutes: 30,
  requires: ['code', 'tree', 'manifests'],
  optionsSchema: options,
  run({ code, tree, manifests }, { options: limits }) {
    const none = noSource(code);
    if (none) return none;
    // Migration and seed files take the name and shape their tool generates: no one chose them.
    const files = productionFiles(code).filter((file) => !isMigrationPath(file.path));
    const entries = new Set(findEntryPoints(tree, manifests, files.map((file) => file.path)).files.keys());
    const evidence: string[] = [];
    const findings: FindingInput[] = [];
    const consistencies: number[] = [];
    const byDimension: Record<string, number> = {};
    const groups = DIMENSIONS.flatMap((dimension) => {
      const byGroup = new Map<string, Map<string, string[]>>();
      for (const file of files) {
        const side = dimension.classify(file, { entries });
        if (side === null) continue;
        const group = dimension.groupBy?.(file) ?? '';
        const sides = byGroup.get(group) ?? byGroup.set(group, new Map()).get(group)!;
        const list = sides.get(side);
        if (list) list.push(file.path);
        else sides.set(side, [file.path]);
      }
      return [...byGroup].sort(([a], [b]) => a.localeCompare(b)).map(([group, sides]) => ({
        dimension: group === '' ? dimension : { ...dimension, id: `${dimension.id}:${group}`, label: `${dimension.label} of *.${group}.* files` },
        sides,
      }));
    });
    for (const { dimension, sides } of groups) {
      const classified = [...sides.values()].reduce((sum, list) => sum + list.length, 0);
      if (classified < limits.minFiles) continue;
      const ranked = [...sides].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
      const [dominant, followers] = ranked[0]!;
      const consistency = followers.length / classified;
      consistencies.push(consistency);
      byDimension[dimension.id] = Math.round(consistency * 100);
      evidence.push(`${dimension.label}: ${ranked.map(([side, list]) => `${list.length} ${side}`).join(', ')} (${percent(consistency)} consistent)`);
      const deviating = ranked.slice(1).flatMap(([side, list]) => list.map((path) => ({ path, side })));
      if (deviating.length === 0) continue;
      findings.push({
        message: `${dimension.label}: ${followers.length} files use ${dominant}, ${deviating.length} deviate: ${deviating
          .slice(0, LISTED_FILES)
          .map(({ path, side }) => `${path} (${side})`)
          .join(', ')}${deviating.length > LISTED_FILES ? ` and ${deviating.length - LISTED_FILES} more` : ''}.`,
        location: { file: deviating[0]!.path },
        severity: consistency < 0.7 ? 'medium' : 'low',
        snippet: dimension.id,
        data: { dimension: dimension.id, dominant, consistency: Math.round(consistency * 100), deviating: deviating.map(({ path, side }) => ({ file: path, style: side })) },
      });
    }
    if (consistencies.length === 0) {
      return { status: 'na', evidence: [], reason: `Too few files (fewer than ${limits.minFiles} per dimension) to tell a convention from an exception.` };
    }
    const index = Math.round((consistencies.reduce((sum, value) => sum + value, 0) / consistencies.length) * 100);
    evidence.unshift(`consistency index ${index}/100 over ${consistencies.length} dimensions`);
    const metrics = { code: { consistencyIndex: index, consistencyByDimension: byDimension } };
    const verdict = graded(100 - index, 100 - limits.passIndex, 100 - limits.failIndex);
    return verdict.status === 'pass' ? { ...verdict, evidence, metrics } : { ...verdict, evidence, findings, metrics };
  },
});
