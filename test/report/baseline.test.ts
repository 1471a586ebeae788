import { describe, expect, it } from 'vitest';
import { secretsCheck } from '../../src/checks/security/secrets.js';
import { disambiguate, fingerprintOf } from '../../src/core/fingerprint.js';
import type { Finding } from '../../src/core/types.js';
import { baselineSchema, createBaseline, evaluateBaseline } from '../../src/report/baseline.js';
import { fixtureReport } from '../render/fixture-report.js';
import { fake } from '../checks/security/secrets-fakes.js';
import { runCheckOn } from '../helpers/run-check.js';

const payments = (key: string, padding = 0) =>
  `${'// unrelated line\n'.repeat(padding)}import Stripe from 'stripe';\n\nexport const stripe = new Stripe('${key}');\n`;

async function fingerprints(files: Record<string, string>): Promise<string[]> {
  const result = await runCheckOn(secretsCheck, files);
  expect(result.status).toBe('fail');
  return disambiguate(result.findings.map((finding) => finding.fingerprint));
}

describe('fingerprints from a real check', () => {
  it('stay the same when unrelated lines move the finding', async () => {
    const before = await fingerprints({ 'src/pay.ts': payments(fake.stripeLive) });
    const after = await fingerprints({ 'src/pay.ts': payments(fake.stripeLive, 25), 'src/other.ts': 'export const x = 1;\n' });
    expect(after).toEqual(before);
  });

  it('differ when the finding is about another value or another file', async () => {
    const [original] = await fingerprints({ 'src/pay.ts': payments(fake.stripeLive) });
    const [otherKey] = await fingerprints({ 'src/pay.ts': payments(fake.stripeRestricted) });
    const [otherFile] = await fingerprints({ 'src/billing.ts': payments(fake.stripeLive) });
    expect(new Set([original, otherKey, otherFile]).size).toBe(3);
  });

  it('ignore numbers in a message when a check gives no snippet (counts and lines change with unrelated edits)', () => {
    const at = (line: number) => fingerprintOf('docs.readme', { message: `README.md:${line} has ${line * 2} words`, location: { file: 'README.md', line } });
    expect(at(3)).toBe(at(40));
    expect(fingerprintOf('docs.readme', { message: 'README.md has no title', location: { file: 'README.md' } })).not.toBe(at(3));
  });
});

function finding(fingerprint: string, severity: Finding['severity'] = 'high'): Finding {
  return { checkId: 'security.secrets', severity, title: 't', message: `m ${fingerprint}`, location: { file: 'a.ts', line: 1 }, effortMinutes: 5, fingerprint };
}

describe('baseline gate', () => {
  const base = fixtureReport({ findings: [finding('one'), finding('two')] });
  const baseline = createBaseline(base);

  it('writes a file its own schema reads back', () => {
    expect(baselineSchema.parse(JSON.parse(JSON.stringify(baseline)))).toEqual(baseline);
    expect(baseline.findings.map((f) => f.fingerprint)).toEqual(['one', 'two']);
    expect(baseline.score).toBe(base.score);
  });

  it('passes when the same findings come back, in any order and on other lines', () => {
    const again = fixtureReport({ findings: [{ ...finding('two'), location: { file: 'a.ts', line: 90 } }, finding('one')] });
    expect(evaluateBaseline(again, baseline, { failOn: 'medium' }).reasons).toEqual([]);
  });

  it('fails when one finding is fixed and another added — a count would not notice', () => {
    const swapped = fixtureReport({ findings: [finding('one'), finding('three')] });
    const gate = evaluateBaseline(swapped, baseline, { failOn: 'medium' });
    expect(gate.newFindings.map((f) => f.fingerprint)).toEqual(['three']);
    expect(gate.fixedCount).toBe(1);
    expect(gate.reasons).toEqual(['1 new finding(s) at or above "medium" since the baseline']);
  });

  it('ignores new findings below the threshold', () => {
    const minor = fixtureReport({ findings: [finding('one'), finding('two'), finding('three', 'low')] });
    expect(evaluateBaseline(minor, baseline, { failOn: 'medium' }).reasons).toEqual([]);
    expect(evaluateBaseline(minor, baseline, { failOn: 'low' }).newFindings).toHaveLength(1);
  });

  it('fails on a score drop larger than --max-drop, and only then', () => {
    const worse = { ...base, score: base.score! - 6 };
    expect(evaluateBaseline(worse, baseline, { failOn: 'medium', maxDrop: 5 }).reasons[0]).toMatch(/score dropped 6 points .* more than --max-drop 5/);
    expect(evaluateBaseline(worse, baseline, { failOn: 'medium', maxDrop: 6 }).reasons).toEqual([]);
    expect(evaluateBaseline(worse, baseline, { failOn: 'medium' }).reasons).toEqual([]);
  });

  it('rejects a file that is not a baseline', () => {
    expect(baselineSchema.safeParse({ version: 2 }).success).toBe(false);
    expect(baselineSchema.safeParse(base).success).toBe(false);
  });
});
