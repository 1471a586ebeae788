import type { AnyCheck } from './check.js';
import type { FactStore } from './fact-store.js';
import type { FactKey, Facts } from './facts.js';
import { fingerprintOf } from './fingerprint.js';
import type { AreaId, Finding, Severity, Status } from './types.js';

export interface CheckSettings {
  severity: Severity;
  weight: number;
  /** Raw options from the config; validated against the check's schema here. */
  options: unknown;
}

export interface CheckResult {
  id: string;
  category: AreaId;
  title: string;
  status: Status;
  score: number | null;
  weight: number;
  severity: Severity;
  evidence: string[];
  remediation: string;
  /** Why `na`, `unknown` or `error`. */
  reason: string | null;
  findings: Finding[];
  metrics: Record<string, unknown> | null;
}

function scoreFor(status: Status, given: number | undefined): number | null {
  switch (status) {
    case 'pass':
      return given ?? 1;
    case 'fail':
      return given ?? 0;
    case 'partial':
      return Math.min(1, Math.max(0, given ?? 0.5));
    default:
      return null;
  }
}

/** Runs one check: gathers its facts, validates its options, and turns a throw into status `error`. */
export async function runCheck(check: AnyCheck, store: FactStore, settings: CheckSettings, now: Date): Promise<CheckResult> {
  const base = {
    id: check.id,
    category: check.area,
    weight: settings.weight,
    severity: settings.severity,
    remediation: check.remediation,
  };
  try {
    const facts: Partial<Facts> = {};
    for (const key of check.requires as FactKey[]) {
      (facts as Record<FactKey, unknown>)[key] = await store.get(key);
    }
    const options = check.optionsSchema ? check.optionsSchema.parse(settings.options ?? {}) : {};
    const outcome = check.run(facts as Facts, { now, options });
    const findings: Finding[] = (outcome.findings ?? []).map((input) => ({
      checkId: check.id,
      severity: input.severity ?? settings.severity,
      title: input.title ?? check.failureTitle,
      message: input.message,
      location: input.location ?? null,
      effortMinutes: input.effortMinutes ?? check.effortMinutes,
      fingerprint: fingerprintOf(check.id, input),
      ...(input.blocker ? { blocker: true } : {}),
      ...(input.data ? { data: input.data } : {}),
    }));
    return {
      ...base,
      title: outcome.status === 'pass' || outcome.status === 'na' ? check.title : check.failureTitle,
      status: outcome.status,
      score: scoreFor(outcome.status, outcome.score),
      evidence: outcome.evidence,
      reason: outcome.reason ?? null,
      findings,
      metrics: outcome.metrics ?? null,
    };
  } catch (error) {
    return {
      ...base,
      title: check.title,
      status: 'error',
      score: null,
      evidence: [],
      reason: error instanceof Error ? error.message : String(error),
      findings: [],
      metrics: null,
    };
  }
}
