// The shared parse: every JS/TS source file of the inventory parsed once, each extractor run on it,
// only their plain data kept. Generated, minified, vendored and oversized files, and those the
// configuration's `analysis.ignore` names, are counted, not parsed.
import { functionsExtractor } from '../analysis/extractors/functions.js';
import { extractors } from '../analysis/extractors/index.js';
import { functionsOf } from '../analysis/extracts.js';
import type { AnalyseInput } from '../analysis/parse.js';
import { analyseAll, DEFAULT_POOL_OPTIONS } from '../analysis/parse-pool.js';
import { contentSkipReason, DEFAULT_CODE_ANALYSIS, pathSkipRule, type CodeAnalysisSettings } from '../analysis/skip.js';
import { defineCollector } from '../core/collector.js';
import type { Logger } from '../core/context.js';
import type { CodeFact, ParsedFile, RepoTree } from '../core/facts.js';
import { isFixturePath, isSourceFile, isTestFile } from '../util/paths.js';

/**
 * Reads the candidates as the parse asks for them; those not to analyse go to `skipped` with the
 * reason (and count as done for `onSkip`).
 */
function* readable(tree: RepoTree, paths: readonly string[], settings: CodeAnalysisSettings, skipped: CodeFact['skipped'], onSkip: () => void): Generator<AnalyseInput> {
  const skip = (path: string, reason: string): void => {
    skipped.push({ path, reason });
    onSkip();
  };
  for (const path of paths) {
    const text = tree.read(path);
    const reason = text === null ? (tree.unreadable.get(path) ?? 'unreadable') : contentSkipReason(text, settings);
    if (text === null || reason !== null) skip(path, reason ?? 'unreadable');
    else yield { path, text, isTest: isTestFile(path) };
  }
}

/** How many skipped files --verbose names one by one, and the JSON report lists. */
const LISTED_SKIPS = 100;

function logSkips(skipped: CodeFact['skipped'], log: Logger): void {
  for (const { path, reason } of skipped.slice(0, LISTED_SKIPS)) log.debug(`code: not analysed: ${path} (${reason})`);
  const rest = skipped.length - LISTED_SKIPS;
  if (rest > 0) log.debug(`code: not analysed: ${rest} more files (metrics.code.skippedByReason counts them all)`);
}

const COMPLEXITY_BANDS = [
  { label: '1-5', max: 5 },
  { label: '6-10', max: 10 },
  { label: '11-15', max: 15 },
  { label: '16-25', max: 25 },
  { label: '26-40', max: 40 },
  { label: '41+', max: Infinity },
] as const;

/** Complexity figures of the production functions. */
function functionMetrics(production: readonly ParsedFile[]): Record<string, unknown> {
  const functions = production.flatMap((file) => functionsOf(file).map((fn) => ({ file: file.path, fn })));
  const reported = functions.filter(({ fn }) => fn.cognitiveReported);
  const distribution = Object.fromEntries(COMPLEXITY_BANDS.map((band) => [band.label, 0]));
  for (const { fn } of reported) {
    const band = COMPLEXITY_BANDS.find((candidate) => fn.cognitive <= candidate.max)!;
    distribution[band.label]!++;
  }
  const top = [...reported]
    .sort((a, b) => b.fn.cognitive - a.fn.cognitive || b.fn.cyclomatic - a.fn.cyclomatic || a.file.localeCompare(b.file))
    .slice(0, 10)
    .map(({ file, fn }) => ({
      file,
      line: fn.line,
      function: fn.name,
      cognitive: fn.cognitive,
      cyclomatic: fn.cyclomatic,
      lines: fn.loc,
    }));
  return { functions: functions.length, cognitiveDistribution: distribution, topComplexFunctions: top };
}

function codeMetrics(fact: CodeFact): Record<string, unknown> {
  // The same split as the code checks: tests, fixtures, mocks and examples are not production code.
  const production = fact.files.filter((file) => !file.isTest && !isFixturePath(file.path));
  const skippedByReason: Record<string, number> = {};
  for (const { reason } of fact.skipped) skippedByReason[reason] = (skippedByReason[reason] ?? 0) + 1;
  // Without the functions extractor (an audit of other areas) there are no figures to give, not zeros.
  const measuredFunctions = fact.extractorsRun === undefined || fact.extractorsRun.includes(functionsExtractor.id);
  return {
    code: {
      files: fact.files.length,
      nonProductionFiles: fact.files.length - production.length,
      lines: fact.files.reduce((sum, file) => sum + file.lines, 0),
      loc: production.reduce((sum, file) => sum + file.codeLines, 0),
      nonProductionLoc: fact.files.reduce((sum, file) => sum + file.codeLines, 0) - production.reduce((sum, file) => sum + file.codeLines, 0),
      ...(measuredFunctions ? functionMetrics(production) : {}),
      parseFailures: fact.files.filter((file) => file.parseErrors.length > 0).length,
      skipped: fact.skipped.length,
      skippedByReason,
      skippedFiles: fact.skipped.slice(0, LISTED_SKIPS),
    },
  };
}

export const codeCollector = defineCollector({
  key: 'code',
  description: 'Parses every JavaScript/TypeScript source file once (syntax only) and extracts what the code checks need',
  async collect(ctx, get) {
    const tree = await get('tree');
    const settings = ctx.codeAnalysis ?? DEFAULT_CODE_ANALYSIS;
    const skipByPath = pathSkipRule(settings.ignore);
    const skipped: CodeFact['skipped'] = [];
    const paths: string[] = [];
    for (const { path } of tree.files) {
      if (!isSourceFile(path)) continue;
      const reason = skipByPath(path);
      if (reason === null) paths.push(path);
      else skipped.push({ path, reason });
    }
    const progress = ctx.progress.start('parsing', paths.length);
    const tick = (): void => progress.tick();
    const source = { count: paths.length, inputs: readable(tree, paths, settings, skipped, tick) };
    const areas = ctx.checkAreas;
    const active = areas ? extractors.filter((extractor) => extractor.areas.some((area) => areas.has(area))) : extractors;
    const outcomes = await analyseAll(source, active, { ...DEFAULT_POOL_OPTIONS, onFile: tick }, (error) =>
      ctx.log.warn(`code: a parse worker failed (${error instanceof Error ? error.message : String(error)}); parsing in one thread instead`),
    );
    progress.done();
    const files: ParsedFile[] = [];
    for (const outcome of outcomes) {
      if ('file' in outcome) files.push(outcome.file);
      else {
        skipped.push({ path: outcome.path, reason: `parser failed: ${outcome.error}` });
        ctx.log.debug(`code: could not parse ${outcome.path}: ${outcome.error}`);
      }
    }
    files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    skipped.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    logSkips(skipped, ctx.log);
    return { files, skipped, ...(active.length < extractors.length ? { extractorsRun: active.map((extractor) => extractor.id) } : {}) };
  },
  metrics: codeMetrics,
});
