// `shipshape baseline [path]`: record today's findings by identity so that CI fails only on new ones.
import type { Command } from 'commander';
import { createBaseline } from '../../report/baseline.js';
import { EXIT } from '../errors.js';
import { auditFlagsSchema, parseFlags } from '../options.js';
import { produceReport, writeOutput } from './audit.js';

const DEFAULT_BASELINE_PATH = '.shipshape/baseline.json';

async function baselineAction(path: string, raw: Record<string, unknown>): Promise<number> {
  const flags = parseFlags(auditFlagsSchema, { ...raw, output: raw.output ?? DEFAULT_BASELINE_PATH });
  const { report } = await produceReport(path, flags);
  const baseline = createBaseline(report);
  const toStdout = flags.output === '-';
  await writeOutput(`${JSON.stringify(baseline, null, 2)}\n`, toStdout ? undefined : flags.output);
  if (!flags.quiet && !toStdout) {
    process.stderr.write(
      `shipshape: baseline of ${baseline.findings.length} finding(s), score ${report.score ?? '—'}, written to ${flags.output}\n`,
    );
  }
  return EXIT.ok;
}

export function registerBaseline(program: Command, run: (action: () => Promise<number>) => Promise<void>): void {
  program
    .command('baseline')
    .description('record the current findings so that `audit --baseline` fails only on new ones')
    .argument('[path]', 'the repository to audit', '.')
    .option('-o, --output <file>', `where to write the baseline ("-" for stdout)`, DEFAULT_BASELINE_PATH)
    .option('--only <ids>', 'run only these checks or areas (comma-separated)')
    .option('--skip <ids>', 'skip these checks or areas (comma-separated)')
    .option('-c, --config <file>', 'configuration file')
    .option('--now <date>', 'the date the audit assumes (ISO 8601)')
    .option('--offline', 'no network at all: registry checks use the cache or say unknown')
    .option('--cache-dir <dir>', 'where registry facts are cached')
    .option('--no-cache', 'do not read or write the registry cache')
    .option('--advisory-db <dir>', 'a folder of OSV advisories, for air-gapped use')
    .option('--registry <url>', 'npm registry to query (default: from .npmrc)')
    .option('--no-progress', 'no progress display')
    .option('-q, --quiet', 'print nothing but errors')
    .option('-v, --verbose', 'log what happens')
    .action(async (path: string, options: Record<string, unknown>) => run(() => baselineAction(path, options)));
}
