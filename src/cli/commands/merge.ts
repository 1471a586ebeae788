// `shipshape merge <report.json...|folder>`: one portfolio view across many repositories' reports,
// e.g. the JSON reports of a CI matrix downloaded into one folder.
import { readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { catalogueInfo } from '../../render/index.js';
import { PORTFOLIO_FORMATS } from '../../render/portfolio.js';
import { buildPortfolio } from '../../report/portfolio.js';
import { reportSchema, type Report } from '../../report/schema.js';
import { EXIT, UsageError } from '../errors.js';
import { readJsonFile, writeOutput } from '../io.js';
import type { MergeFlags } from '../options.js';

async function jsonFilesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.json'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/**
 * Named files must be reports; in a folder, other JSON files (baselines, SARIF, package.json) are
 * passed over with a note.
 */
async function loadReports(inputs: readonly string[], warn: (message: string) => void): Promise<{ source: string; report: Report }[]> {
  const loaded: { source: string; report: Report }[] = [];
  for (const input of inputs) {
    let info;
    try {
      info = await stat(input);
    } catch {
      throw new UsageError(`${input}: no such file or folder`);
    }
    if (!info.isDirectory()) {
      loaded.push({ source: input, report: await readJsonFile(input, reportSchema, 'shipshape JSON report') });
      continue;
    }
    for (const file of await jsonFilesUnder(input)) {
      try {
        loaded.push({ source: relative(process.cwd(), file) || file, report: await readJsonFile(file, reportSchema, 'shipshape JSON report') });
      } catch (error) {
        if (!(error instanceof UsageError)) throw error;
        warn(`skipped ${error.message}`);
      }
    }
  }
  if (loaded.length === 0) throw new UsageError(`no shipshape JSON reports in ${inputs.join(', ')} (make them with --format json)`);
  return loaded;
}

export async function mergeAction(inputs: readonly string[], flags: MergeFlags): Promise<number> {
  const reports = await loadReports(inputs, (message) => {
    if (!flags.quiet) process.stderr.write(`shipshape: ${message}\n`);
  });
  const portfolio = buildPortfolio(reports, catalogueInfo);
  await writeOutput(PORTFOLIO_FORMATS[flags.format](portfolio), flags.output);
  if (flags.output && !flags.quiet) process.stderr.write(`shipshape: portfolio of ${reports.length} report(s) written to ${flags.output}\n`);
  return EXIT.ok;
}
