// The pipeline: collect facts once → run checks → score → one Report object.
import { VENDORED_FOLDER } from '../collectors/inventory.js';
import { checks as catalogue } from '../checks/index.js';
import { collectorsByKey } from '../collectors/index.js';
import type { Config } from '../config/schema.js';
import { applyAttestations, type Attestation } from '../report/attestations.js';
import type { Report } from '../report/schema.js';
import { REPORT_SCHEMA_VERSION } from '../report/schema.js';
import { levelOf, scoreCategories, scoreOverall } from '../scoring/score.js';
import type { AnyCheck } from './check.js';
import type { AuditContext } from './context.js';
import { FactStore } from './fact-store.js';
import type { FactKey, Facts, GitFact, ProjectFact, RepoTree } from './facts.js';
import { disambiguate } from './fingerprint.js';
import { runCheck } from './run-check.js';
import { selectChecks, settingsFor, type Selection } from './select.js';
import { TOOL_VERSION } from './version.js';
import { severityRank } from './types.js';

export interface AuditRequest {
  ctx: AuditContext;
  config: Config;
  selection: Selection;
  /** The target as the user named it, for the report ("." or "../app"). */
  displayPath: string;
  /** Facts supplied up front instead of collected (tests). */
  preset?: Partial<Facts>;
  /** Catalogue override (tests). */
  checks?: readonly AnyCheck[];
  /** The team's attestations (.shipshape/attestations.json), already validated. */
  attestations?: readonly Attestation[];
}

async function optionalFact<K extends FactKey>(store: FactStore, key: K): Promise<Facts[K] | null> {
  try {
    return await store.get(key);
  } catch {
    return null;
  }
}

function mergeMetrics(target: Record<string, unknown>, extra: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(extra)) {
    const existing = target[key];
    target[key] =
      existing && typeof existing === 'object' && value && typeof value === 'object' && !Array.isArray(value)
        ? { ...(existing as object), ...(value as object) }
        : value;
  }
}

class AuditIncompleteError extends Error {}

/**
 * What the audit left out on its own judgement although it may be the team's code: folders taken for
 * vendored code by their name. A reader must be able to tell when `vendor/` meant something else in
 * this repository. (What the configuration excludes, the team chose.)
 */
function leftOut(tree: RepoTree): { path: string; reason: string }[] {
  return tree.skipped.filter((skip) => skip.reason === VENDORED_FOLDER);
}

export async function runAudit(request: AuditRequest): Promise<Report> {
  const started = performance.now();
  const { config } = request;
  const selected = selectChecks(request.checks ?? catalogue, config, request.selection);
  const ctx = { ...request.ctx, checkAreas: new Set(selected.map((check) => check.area)) };
  const store = new FactStore(ctx, collectorsByKey, request.preset);

  // Without the file inventory nothing can be checked: that is an audit that could not complete,
  // not a report full of errors.
  let tree: RepoTree;
  try {
    tree = await store.get('tree');
  } catch (error) {
    throw new AuditIncompleteError(`cannot read the repository at ${ctx.root}: ${(error as Error).message}`);
  }

  const [git, project] = await Promise.all([
    optionalFact(store, 'git') as Promise<GitFact | null>,
    optionalFact(store, 'project') as Promise<ProjectFact | null>,
  ]);

  const results = await Promise.all(selected.map((check) => runCheck(check, store, settingsFor(check, config), ctx.now)));
  const fingerprints = disambiguate(results.flatMap((result) => result.findings.map((finding) => finding.fingerprint)));
  let index = 0;
  const findings = results
    .flatMap((result) => result.findings)
    .map((finding) => ({ ...finding, fingerprint: fingerprints[index++]! }))
    .sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || a.checkId.localeCompare(b.checkId));

  const checkTitles = new Map(selected.map((check) => [check.id, check.title]));
  const attested = applyAttestations(
    results.map(({ findings: _findings, metrics: _metrics, ...check }) => check),
    request.attestations ?? [],
    ctx.now,
    (id) => checkTitles.get(id),
  );
  for (const note of attested.notes) ctx.log.warn(note);
  const checks = attested.checks;
  const areaWeights = Object.fromEntries(
    Object.entries(config.areas).flatMap(([id, area]) => (area?.weight === undefined ? [] : [[id, area.weight]])),
  );
  const categories = scoreCategories(checks, areaWeights);
  const overall = scoreOverall(categories, findings);

  const metrics: Record<string, unknown> = {};
  for (const [key, value] of store.collected()) {
    const collector = collectorsByKey.get(key);
    if (collector?.metrics) mergeMetrics(metrics, collector.metrics(value as never));
  }
  for (const result of results) if (result.metrics) mergeMetrics(metrics, result.metrics);

  const errors: Report['errors'] = results
    .filter((result) => result.status === 'error')
    .map((result) => ({ source: result.id, message: result.reason ?? 'failed without a message' }));
  for (const [key, failure] of store.failed()) errors.push({ source: `fact:${key}`, message: failure.message });
  for (const [key, value] of store.collected()) {
    const problems = collectorsByKey.get(key)?.problems?.(value as never) ?? [];
    for (const message of problems) errors.push({ source: `fact:${key}`, message });
  }

  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'shipshape', version: TOOL_VERSION },
    target: { path: request.displayPath, commit: git?.commit ?? null, kind: project?.kind ?? 'unknown', name: project?.name ?? null, leftOut: leftOut(tree) },
    generatedAt: ctx.now.toISOString(),
    durationMs: Math.round(performance.now() - started),
    score: overall.score,
    grade: overall.grade,
    level: levelOf(checks),
    cap: overall.cap,
    categories,
    checks,
    findings,
    metrics,
    errors,
  };
}
