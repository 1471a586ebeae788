// Attestations: what a team states that files cannot show ("restore tested on 2026-05-01"), with an
// expiry. An attested `unknown` counts as a pass until the attestation expires; an attestation never
// overrides evidence that was actually seen (a failing check stays failing).
import { z } from 'zod';
import type { ReportCheck } from './schema.js';

export const ATTESTATIONS_FILE = '.shipshape/attestations.json';

const isoDate = z
  .string()
  .refine((value) => /^\d{4}-\d{2}-\d{2}/.test(value) && !Number.isNaN(Date.parse(value)), 'expected an ISO date such as 2026-05-01');

const attestationSchema = z
  .strictObject({
    checkId: z.string().regex(/^[a-z]+\.[a-z0-9-]+$/, 'expected a check id such as data.backups'),
    statement: z.string().trim().min(1, 'say what is attested'),
    by: z.string().trim().min(1).optional(),
    evidence: z.string().trim().min(1).optional(),
    date: isoDate,
    expires: isoDate,
  })
  .refine((a) => expiryTime(a.expires) >= Date.parse(a.date), { message: 'expires before its date', path: ['expires'] });

/** The file is an object holding the list (room for a `$schema`); a bare list is read the same way. */
export const attestationsFileSchema = z.preprocess(
  (value) => (Array.isArray(value) ? { attestations: value } : value),
  z.strictObject({ $schema: z.string().optional(), attestations: z.array(attestationSchema) }).transform((file) => file.attestations),
);

export type Attestation = z.infer<typeof attestationSchema>;

/** A date without a time is valid through the end of that day (UTC). */
function expiryTime(expires: string): number {
  const time = Date.parse(expires);
  return /^\d{4}-\d{2}-\d{2}$/.test(expires) ? time + 24 * 60 * 60 * 1000 - 1 : time;
}

export function isExpired(attestation: Pick<Attestation, 'expires'>, now: Date): boolean {
  return expiryTime(attestation.expires) < now.getTime();
}

export interface AttestationResult {
  checks: ReportCheck[];
  /** One line per attestation that was not applied, and why. */
  notes: string[];
}

function describe(attestation: Attestation): string {
  const by = attestation.by ? ` by ${attestation.by}` : '';
  const evidence = attestation.evidence ? ` (evidence: ${attestation.evidence})` : '';
  return `Attested${by} on ${attestation.date}: ${attestation.statement}${evidence}; expires ${attestation.expires}`;
}

/**
 * Applies attestations to check results. `passTitle` gives a check's passing wording, since an
 * unknown check carries its failure wording.
 */
export function applyAttestations(
  checks: readonly ReportCheck[],
  attestations: readonly Attestation[],
  now: Date,
  passTitle: (checkId: string) => string | undefined = () => undefined,
): AttestationResult {
  const notes: string[] = [];
  const byCheck = new Map<string, Attestation>();
  for (const attestation of attestations) {
    const check = checks.find((candidate) => candidate.id === attestation.checkId);
    if (!check) notes.push(`attestation for ${attestation.checkId} ignored: no such check ran`);
    else if (check.status !== 'unknown') {
      notes.push(`attestation for ${attestation.checkId} ignored: the check is "${check.status}" from evidence in the files`);
    } else {
      // The latest-expiring attestation of a check is the one that counts.
      const current = byCheck.get(attestation.checkId);
      if (!current || expiryTime(attestation.expires) > expiryTime(current.expires)) byCheck.set(attestation.checkId, attestation);
    }
  }
  return {
    notes,
    checks: checks.map((check) => {
      const attestation = byCheck.get(check.id);
      if (!attestation) return check;
      if (isExpired(attestation, now)) {
        notes.push(`attestation for ${check.id} expired on ${attestation.expires}`);
        return {
          ...check,
          reason: `${check.reason ?? 'no evidence in the files'}; the attestation "${attestation.statement}" expired on ${attestation.expires}`,
        };
      }
      return {
        ...check,
        status: 'pass',
        score: 1,
        title: passTitle(check.id) ?? check.title,
        evidence: [...check.evidence, describe(attestation)],
        reason: null,
        attested: { by: attestation.by ?? null, evidence: attestation.evidence ?? null, expires: attestation.expires },
      };
    }),
  };
}
