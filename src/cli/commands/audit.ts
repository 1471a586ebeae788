import { mkdir, stat, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../../config/load.js';
import { runAudit } from '../../core/audit.js';
import type { AuditContext } from '../../core/context.js';
import { severityRank, type Severity } from '../../core/types.js';
import type { Config } from '../../config/schema.js';
import { catalogueInfo, FORMATS } from '../../render/index.js';
import { locationText } from '../../render/shared.js';
import type { Attestation } from '../../report/attestations.js';
import { baselineSchema, evaluateBaseline, type Baseline } from '../../report/baseline.js';
import { reportSchema, type Report } from '../../report/schema.js';
import { EXIT, UsageError } from '../errors.js';
import { inGithubActions, publishToGithub, repositoryPrefix } from '../github.js';
import { createLogger, createProgress, readAttestations, readJsonFile } from '../io.js';
import { auditFlagsSchema, defaultCacheDir, parseFlags, type AuditFlags } from '../options.js';

async function resolveTarget(path: string): Promise<string> {
  const root = resolve(path);
  let info;
  try {
    info = await stat(root);
  } catch {
    throw new UsageError(`no such directory: ${path}`);
  }
  if (!info.isDirectory()) throw new UsageError(`not a directory: ${path} (give the repository's folder)`);
  return root;
}

function useColor(flag: boolean | undefined, toFile: boolean, env: NodeJS.ProcessEnv = process.env): boolean {
  if (flag !== undefined) return flag;
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR && env.FORCE_COLOR !== '0') return true;
  return !toFile && Boolean(process.stdout.isTTY);
}

export interface GateResult {
  passed: boolean;
  reasons: string[];
}

/** The CI gate: a minimum score and a maximum tolerated severity. */
function evaluateGate(report: Report, failUnder: number | undefined, failOn: Severity | undefined): GateResult {
  const reasons: string[] = [];
  if (failUnder !== undefined) {
    if (report.score === null) reasons.push(`no score could be computed, so --fail-under ${failUnder} cannot be met`);
    else if (report.score < failUnder) reasons.push(`score ${report.score} is below --fail-under ${failUnder}`);
  }
  if (failOn !== undefined) {
    const over = report.findings.filter((finding) => severityRank(finding.severity) >= severityRank(failOn));
    if (over.length > 0) reasons.push(`${over.length} finding(s) at or above "${failOn}" (--fail-on ${failOn})`);
  }
  return { passed: reasons.length === 0, reasons };
}

export async function writeOutput(text: string, output: string | undefined): Promise<void> {
  if (!output) {
    process.stdout.write(text);
    return;
  }
  await mkdir(dirname(resolve(output)), { recursive: true });
  await writeFile(resolve(output), text);
}

async function buildContext(root: string, flags: AuditFlags, config: Config): Promise<AuditContext> {
  return {
    root,
    now: flags.now ? new Date(flags.now) : new Date(),
    options: {
      offline: flags.offline,
      concurrency: flags.concurrency,
      cacheDir: flags.cache ? resolve(flags.cacheDir ?? defaultCacheDir()) : null,
      advisoryDb: flags.advisoryDb ? resolve(flags.advisoryDb) : null,
      registry: flags.registry ?? null,
    },
    ignorePaths: config.ignore,
    codeAnalysis: config.analysis,
    log: createLogger(flags),
    progress: createProgress(flags.progress && !flags.quiet),
  };
}

/** Files the audit reads besides the target: validated before any work, so a bad one costs nothing. */
export interface AuditInputs {
  attestations: Attestation[];
  previous: Report | null;
  baseline: Baseline | null;
}

async function readAuditInputs(root: string, flags: AuditFlags): Promise<AuditInputs> {
  if (flags.maxDrop !== undefined && !flags.baseline) throw new UsageError('--max-drop needs --baseline <file> to compare the score with');
  return {
    attestations: await readAttestations(root),
    previous: flags.compare ? await readJsonFile(flags.compare, reportSchema, 'shipshape JSON report') : null,
    baseline: flags.baseline ? await readJsonFile(flags.baseline, baselineSchema, 'shipshape baseline') : null,
  };
}

/** Resolves the target, loads its configuration and runs the audit: shared by audit and baseline. */
export async function produceReport(
  path: string,
  flags: AuditFlags,
): Promise<{ report: Report; config: Config; root: string; inputs: AuditInputs }> {
  const root = await resolveTarget(path);
  const { config, source } = await loadConfig(root, flags.config ?? null);
  const inputs = await readAuditInputs(root, flags);
  const ctx = await buildContext(root, flags, config);
  if (source) ctx.log.debug(`configuration from ${source}`);
  const report = await runAudit({
    ctx,
    config,
    selection: { only: flags.only ?? [], skip: flags.skip ?? [] },
    displayPath: path,
    attestations: inputs.attestations,
  });
  return { report, config, root, inputs };
}

async function auditAction(path: string, raw: Record<string, unknown>): Promise<number> {
  const flags = parseFlags(auditFlagsSchema, raw);
  const { report, config, root, inputs } = await produceReport(path, flags);

  const color = useColor(flags.color, Boolean(flags.output));
  const text = FORMATS[flags.format](report, {
    color,
    verbose: flags.verbose,
    width: process.stdout.columns,
    previous: inputs.previous,
    explainScore: flags.explainScore,
    pathPrefix: repositoryPrefix(root),
  });
  await writeOutput(text, flags.output);

  // With a baseline, --fail-on applies to new findings only (default medium); without one, to all.
  const failOn = flags.failOn ?? config.failOn;
  const gate = evaluateGate(report, flags.failUnder ?? config.failUnder, inputs.baseline ? undefined : failOn);
  const baselineGate = inputs.baseline
    ? evaluateBaseline(report, inputs.baseline, { failOn: failOn ?? 'medium', maxDrop: flags.maxDrop })
    : null;
  if (baselineGate) gate.reasons.push(...baselineGate.reasons);
  const passed = gate.reasons.length === 0;

  if (inGithubActions()) {
    await publishToGithub({
      report,
      root,
      stdoutTaken: !flags.output && flags.format !== 'terminal',
      gate: { passed, reasons: gate.reasons },
      baseline: baselineGate,
      previous: inputs.previous,
      checkInfo: catalogueInfo,
    });
  }
  for (const reason of gate.reasons) process.stderr.write(`shipshape: gate failed: ${reason}\n`);
  if (baselineGate && !flags.quiet) {
    for (const finding of baselineGate.newFindings.slice(0, 20)) {
      process.stderr.write(`shipshape: new: ${finding.severity} ${finding.checkId} ${locationText(finding) || '(repository)'}: ${finding.message}\n`);
    }
  }
  if (flags.output && !flags.quiet) process.stderr.write(`shipshape: report written to ${flags.output}\n`);
  return passed ? EXIT.ok : EXIT.gateFailed;
}

export function registerAudit(program: Command, run: (action: () => Promise<number>) => Promise<void>): void {
  program
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
    .option('--explain-score', 'show how each area score was computed and the score after fixing the top findings')
    .option('--only <ids>', 'run only these checks or areas (comma-separated)')
    .option('--skip <ids>', 'skip these checks or areas (comma-separated)')
    .option('-c, --config <file>', 'configuration file (default: shipshape.config.json or package.json "shipshape")')
    .option('--now <date>', 'the date the audit assumes, for reproducible reports (ISO 8601)')
    .option('--offline', 'no network at all: registry checks use the cache or say unknown')
    .option('--concurrency <n>', 'parallel registry requests (1-64)', '16')
    .option('--cache-dir <dir>', 'where registry facts are cached (default: $XDG_CACHE_HOME/shipshape or ~/.cache/shipshape)')
    .option('--no-cache', 'do not read or write the registry cache')
    .option('--advisory-db <dir>', 'a folder of OSV advisories, for air-gapped use')
    .option('--registry <url>', 'npm registry to query (default: from .npmrc)')
    .option('--no-progress', 'no progress display')
    .option('--color', 'force colour')
    .option('--no-color', 'no colour')
    .option('-q, --quiet', 'print nothing but the report (and errors)')
    .option('-v, --verbose', 'list passing and n/a checks and every finding; log what happens')
    .action(async (path: string, options: Record<string, unknown>) => run(() => auditAction(path, options)));
}
