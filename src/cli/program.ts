// The commands, their arguments and options. Each command's module (and with it the checks, the
// collectors and the TypeScript parser) is loaded only when that command runs, so that --help,
// --version and a mistyped option answer at once.
import type { Command } from 'commander';
import type { z } from 'zod';
import type * as FlagSchemas from './options.js';

/** Runs an action and maps its outcome or failure onto the exit codes. */
export type RunAction = (action: () => Promise<number>) => Promise<void>;

/**
 * The handler for commander. It validates the flags first (a bad value is a usage error before
 * anything heavy loads), then loads the command's module and calls its action with the command's
 * arguments and the parsed flags.
 */
function loaded<Args extends unknown[], Flags>(
  run: RunAction,
  flagsSchema: (schemas: typeof FlagSchemas) => z.ZodType<Flags>,
  load: () => Promise<(...args: [...Args, Flags]) => Promise<number>>,
): (...given: unknown[]) => Promise<void> {
  // Commander passes the declared arguments, then the options object, then the command.
  return (...given) =>
    run(async () => {
      const command = given.at(-1) as Command;
      const schemas = await import('./options.js');
      const flags = schemas.parseFlags(flagsSchema(schemas), command.opts());
      const args = given.slice(0, command.registeredArguments.length) as Args;
      return (await load())(...args, flags);
    });
}

const DEFAULT_BASELINE_PATH = '.shipshape/baseline.json';

/** What selects the checks and feeds the collectors: `audit` and `baseline` audit the same way. */
function withAuditInputs(command: Command): Command {
  return command
    .option('--only <ids>', 'run only these checks or areas (comma-separated)')
    .option('--skip <ids>', 'skip these checks or areas (comma-separated)')
    .option('-c, --config <file>', 'configuration file (default: shipshape.config.json or package.json "shipshape")')
    .option('--now <date>', 'the date the audit assumes, for reproducible reports (ISO 8601)')
    .option('--offline', 'no network at all: registry checks use the cache or say unknown')
    .option('--cache-dir <dir>', 'where registry facts are cached (default: $XDG_CACHE_HOME/shipshape or ~/.cache/shipshape)')
    .option('--no-cache', 'do not read or write the registry cache')
    .option('--advisory-db <dir>', 'a folder of OSV advisories, for air-gapped use')
    .option('--registry <url>', 'npm registry to query (default: from .npmrc)')
    .option('--no-progress', 'no progress display');
}

function defineAudit(program: Command, run: RunAction): void {
  const command = program
    .command('audit', { isDefault: true })
    .description('audit a repository and report how far it is from production')
    .argument('[path]', 'the repository to audit', '.')
    .option('-f, --format <format>', 'terminal | json | markdown | html | sarif | gitlab', 'terminal')
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('--fail-under <score>', 'exit 1 when the score is below this (0-100)')
    .option('--fail-on <severity>', 'exit 1 when a finding is at or above this severity (info|low|medium|high|critical); with --baseline, new findings only (default medium)')
    .option('--baseline <file>', 'a baseline from `shipshape baseline`: gate only on findings not in it')
    .option('--max-drop <points>', 'with --baseline: exit 1 when the score fell by more than this')
    .option('--compare <report.json>', 'a previous JSON report: add "Progress since last audit"')
    .option('--explain-score', 'show how each area score was computed and the score after fixing the top findings');
  withAuditInputs(command)
    .option('--concurrency <n>', 'parallel registry requests (1-64)', '16')
    .option('--color', 'force colour')
    .option('--no-color', 'no colour')
    .option('-q, --quiet', 'print nothing but the report (and errors)')
    .option('-v, --verbose', 'list passing and n/a checks and every finding; log what happens')
    .action(loaded(run, (schemas) => schemas.auditFlagsSchema, async () => (await import('./commands/audit.js')).auditAction));
}

function defineBaseline(program: Command, run: RunAction): void {
  const command = program
    .command('baseline')
    .description('record the current findings so that `audit --baseline` fails only on new ones')
    .argument('[path]', 'the repository to audit', '.')
    .option('-o, --output <file>', `where to write the baseline ("-" for stdout)`, DEFAULT_BASELINE_PATH);
  withAuditInputs(command)
    .option('-q, --quiet', 'print nothing but errors')
    .option('-v, --verbose', 'log what happens')
    .action(loaded(run, (schemas) => schemas.auditFlagsSchema, async () => (await import('./commands/baseline.js')).baselineAction));
}

function defineMerge(program: Command, run: RunAction): void {
  program
    .command('merge')
    .description('merge JSON reports of many repositories into one portfolio view')
    .argument('<reports...>', 'JSON reports (--format json), or folders holding them')
    .option('-f, --format <format>', 'markdown | html | json', 'markdown')
    .option('-o, --output <file>', 'write the portfolio to a file instead of stdout')
    .option('-q, --quiet', 'print nothing but the portfolio (and errors)')
    .action(loaded(run, (schemas) => schemas.mergeFlagsSchema, async () => (await import('./commands/merge.js')).mergeAction));
}

function defineCatalogue(program: Command, run: RunAction): void {
  program
    .command('checks')
    .description('list every check')
    .option('-f, --format <format>', 'table | json | markdown', 'table')
    .action(loaded(run, (schemas) => schemas.catalogueFlagsSchema, async () => (await import('./commands/catalogue.js')).checksAction));
  program
    .command('explain')
    .description('why a check exists, what it looks at and how to fix a failure')
    .argument('<check-id>', 'e.g. security.secrets')
    .action(loaded<[id: string], object>(run, (schemas) => schemas.noFlagsSchema, async () => (await import('./commands/catalogue.js')).explainAction));
}

/** Adds every command to `program`, in the order `--help` lists them. */
export function defineCommands(program: Command, run: RunAction): void {
  defineAudit(program, run);
  defineBaseline(program, run);
  defineMerge(program, run);
  defineCatalogue(program, run);
}
