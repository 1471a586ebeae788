import { describe, expect, it } from 'vitest';
import type { AnyCheck } from '../../src/core/check.js';
import { runAudit } from '../../src/core/audit.js';
import { defineCheck } from '../../src/core/check.js';
import { emptyConfig } from '../../src/config/schema.js';
import { applyAttestations, attestationsFileSchema, isExpired, type Attestation } from '../../src/report/attestations.js';
import type { ReportCheck } from '../../src/report/schema.js';
import { memoryTree } from '../helpers/memory-tree.js';
import { testContext } from '../helpers/run-check.js';

const backups: ReportCheck = {
  id: 'data.backups',
  category: 'data',
  title: 'No backup or restore procedure found',
  status: 'unknown',
  score: null,
  weight: 2,
  severity: 'high',
  evidence: [],
  remediation: 'Document backups and try a restore.',
  reason: 'backups are configured outside the repository',
};

const attestation: Attestation = {
  checkId: 'data.backups',
  statement: 'Restore tested from the nightly snapshot',
  by: 'ops@example.com',
  evidence: 'https://wiki.example.com/restore-2026-10',
  date: '2026-10-01',
  expires: '2027-01-31',
};

describe('applyAttestations', () => {
  it('turns an attested unknown into a pass that says who attested what, until when', () => {
    const { checks, notes } = applyAttestations([backups], [attestation], new Date('2026-11-01'), () => 'Backups and a tried restore');
    expect(notes).toEqual([]);
    expect(checks[0]).toMatchObject({
      status: 'pass',
      score: 1,
      reason: null,
      title: 'Backups and a tried restore',
      attested: { by: 'ops@example.com', evidence: 'https://wiki.example.com/restore-2026-10', expires: '2027-01-31' },
    });
    expect(checks[0]!.evidence.at(-1)).toContain('Restore tested from the nightly snapshot');
  });

  it('is valid through the whole expiry day and turns back to unknown after it', () => {
    expect(applyAttestations([backups], [attestation], new Date('2027-01-31T23:59:00Z')).checks[0]!.status).toBe('pass');
    const after = applyAttestations([backups], [attestation], new Date('2027-02-01T00:00:01Z'));
    expect(after.checks[0]).toMatchObject({ status: 'unknown', score: null });
    expect(after.checks[0]!.attested).toBeUndefined();
    expect(after.checks[0]!.reason).toContain('expired on 2027-01-31');
    expect(after.notes).toEqual(['attestation for data.backups expired on 2027-01-31']);
  });

  it('honours a time in the expiry', () => {
    expect(isExpired({ expires: '2027-01-31T12:00:00Z' }, new Date('2027-01-31T12:00:01Z'))).toBe(true);
    expect(isExpired({ expires: '2027-01-31T12:00:00Z' }, new Date('2027-01-31T11:59:59Z'))).toBe(false);
  });

  it('never overrides evidence that was seen: a failing check stays failing', () => {
    const failing = { ...backups, status: 'fail' as const, score: 0 };
    const result = applyAttestations([failing], [attestation], new Date('2026-11-01'));
    expect(result.checks[0]).toBe(failing);
    expect(result.notes[0]).toMatch(/ignored: the check is "fail"/);
  });

  it('notes an attestation for a check that did not run', () => {
    const result = applyAttestations([backups], [{ ...attestation, checkId: 'data.restore-drill' }], new Date('2026-11-01'));
    expect(result.checks[0]!.status).toBe('unknown');
    expect(result.notes).toEqual(['attestation for data.restore-drill ignored: no such check ran']);
  });

  it('uses the latest-expiring of several attestations for one check', () => {
    const old = { ...attestation, expires: '2026-10-15' };
    const result = applyAttestations([backups], [attestation, old], new Date('2026-11-01'));
    expect(result.checks[0]!.status).toBe('pass');
  });
});

describe('attestations file', () => {
  it('accepts a list or an object with `attestations`', () => {
    expect(attestationsFileSchema.parse([attestation])).toEqual([attestation]);
    expect(attestationsFileSchema.parse({ $schema: 'x', attestations: [attestation] })).toEqual([attestation]);
  });

  it.each([
    [{ ...attestation, expires: 'soon' }, 'expires'],
    [{ ...attestation, checkId: 'Backups' }, 'checkId'],
    [{ ...attestation, statement: '  ' }, 'statement'],
    [{ ...attestation, expires: '2026-09-01' }, 'expires'],
    [{ ...attestation, sigend: 'x' }, ''],
  ])('rejects %j, naming the field', (entry, field) => {
    const result = attestationsFileSchema.safeParse({ attestations: [entry] });
    expect(result.success).toBe(false);
    const issue = result.error!.issues[0]!;
    expect(issue.path.slice(0, 2)).toEqual(['attestations', 0]);
    if (field) expect(issue.path[2]).toBe(field);
  });
});

describe('in the pipeline', () => {
  const restoreCheck: AnyCheck = defineCheck({
    id: 'data.backups',
    area: 'data',
    title: 'Backups and a tried restore are documented',
    failureTitle: 'No backup or restore procedure found',
    rationale: 'r',
    remediation: 'fix',
    severity: 'high',
    weight: 2,
    effortMinutes: 60,
    requires: ['tree'],
    run: () => ({ status: 'unknown', evidence: [], reason: 'backups are configured outside the repository' }),
  });

  async function audit(now: string, attestations: Attestation[]) {
    const ctx = { ...testContext(), now: new Date(now) };
    return runAudit({
      ctx,
      config: emptyConfig,
      selection: { only: [], skip: [] },
      displayPath: '.',
      checks: [restoreCheck],
      preset: { tree: memoryTree({ 'README.md': '# x' }), git: { isRepo: false, commit: null, branch: null } },
      attestations,
    });
  }

  it('scores an attested unknown as a pass before expiry and leaves it unknown after', async () => {
    const before = await audit('2026-11-01T00:00:00Z', [attestation]);
    expect(before.checks[0]).toMatchObject({ status: 'pass', title: 'Backups and a tried restore are documented', attested: { expires: '2027-01-31' } });
    expect(before.score).toBe(100);

    const after = await audit('2027-03-01T00:00:00Z', [attestation]);
    expect(after.checks[0]).toMatchObject({ status: 'unknown', title: 'No backup or restore procedure found' });
    expect(after.score).toBeNull();
  });
});
