import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { loadConfig } from '../../config/load.js';
import type { AuditContext } from '../../core/context.js';
import { severityRank, type Severity } from '../../core/types.js';
import type { Config } from '../../config/schema.js';
import { locationText } from '../../render/shared.js';
import type { Attestation } from '../../report/attestations.js';
import { baselineSchema, evaluateBaseline, type Baseline } from '../../report/baseline.js';
import { reportSchema, type Report } from '../../report/schema.js';
import { EXIT, UsageError } from '../errors.js';
import { inGithubActions, publishToGithub, repositoryPrefix } from '../github.js';
import { createLogger, createProgress, readAttestations, readJsonFile, writeOutput } from '../io.js';
import { defaultCacheDir, type AuditFlags } from '../options.js';

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
  // Every check and the parser load only once the inputs are known to be good: a usage error answers at once.
  const { runAudit } = await import('../../core/audit.js');
  const report = await runAudit({
    ctx,
    config,
    selection: { only: flags.only ?? [], skip: flags.skip ?? [] },
    displayPath: path,
    attestations: inputs.attestations,
  });
  return { report, config, root, inputs };
}

export async function auditAction(path: string, flags: AuditFlags): Promise<number> {
  const { report, config, root, inputs } = await produceReport(path, flags);
  const { catalogueInfo, FORMATS } = await import('../../render/index.js');

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
