// Baselines as CI runs them: record, then gate on new findings only — moved findings are the same
// findings, a swap (one fixed, one added) fails, and bad input files are usage errors.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baselineSchema } from '../../src/report/baseline.js';
import { fake } from '../checks/security/secrets-fakes.js';
import { runCli } from '../helpers/cli.js';

const OFFLINE = ['--offline', '--no-cache', '--now', '2026-11-01', '--no-progress'];
let scratch: string;
let repo: string;
let baselinePath: string;

const payments = (key: string, padding = 0) =>
  `${'// unrelated line\n'.repeat(padding)}import Stripe from 'stripe';\n\nexport const stripe = new Stripe('${key}');\n`;

async function writeRepo(files: Record<string, string>): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    await mkdir(join(repo, path, '..'), { recursive: true });
    await writeFile(join(repo, path), content);
  }
}

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'shipshape-baseline-'));
  repo = join(scratch, 'app');
  baselinePath = join(scratch, 'ci', 'baseline.json');
  await writeRepo({
    'package.json': JSON.stringify({ name: 'app', version: '1.0.0', dependencies: { stripe: '^14.0.0' } }),
    'src/pay.ts': payments(fake.stripeLive),
  });
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('shipshape baseline + audit --baseline', () => {
  it('records the findings by fingerprint, with the score', async () => {
    const result = await runCli(['baseline', repo, '--output', baselinePath, ...OFFLINE]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/baseline of \d+ finding\(s\), score \d+, written to /);
    const baseline = baselineSchema.parse(JSON.parse(await readFile(baselinePath, 'utf8')));
    expect(baseline.findings.some((f) => f.checkId === 'security.secrets' && f.file === 'src/pay.ts')).toBe(true);
    expect(baseline.generatedAt).toBe('2026-11-01T00:00:00.000Z');
  });

  it('passes when nothing changed, although the findings are above --fail-on', async () => {
    const result = await runCli(['audit', repo, '--baseline', baselinePath, '--fail-on', 'low', '--quiet', ...OFFLINE]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('passes when unrelated edits move the finding', async () => {
    await writeRepo({ 'src/pay.ts': payments(fake.stripeLive, 30), 'src/util.ts': 'export const one = 1;\n' });
    const result = await runCli(['audit', repo, '--baseline', baselinePath, '--quiet', ...OFFLINE]);
    expect(result.code).toBe(0);
  });

  it('fails when one finding is fixed and another added, naming the new one', async () => {
    await writeRepo({ 'src/pay.ts': payments(fake.stripeRestricted, 30) });
    const result = await runCli(['audit', repo, '--baseline', baselinePath, '--format', 'json', ...OFFLINE]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/gate failed: 1 new finding\(s\) at or above "medium" since the baseline/);
    expect(result.stderr).toMatch(/new: critical security\.secrets src\/pay\.ts:33:/);
    await writeRepo({ 'src/pay.ts': payments(fake.stripeLive, 30) });
  });

  it('fails on a score drop larger than --max-drop', async () => {
    const baseline = JSON.parse(await readFile(baselinePath, 'utf8'));
    const higher = join(scratch, 'higher.json');
    await writeFile(higher, JSON.stringify({ ...baseline, score: Math.min(100, baseline.score + 10) }));
    const result = await runCli(['audit', repo, '--baseline', higher, '--max-drop', '5', '--quiet', ...OFFLINE]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/score dropped \d+ points since the baseline .* more than --max-drop 5/);
  });

  it.each([
    [['--max-drop', '5'], /--max-drop needs --baseline/],
    [['--baseline', 'nope.json'], /nope\.json: cannot read the shipshape baseline \(no such file\)/],
  ])('exits 2 on %j', async (args, message) => {
    const result = await runCli(['audit', repo, ...args, ...OFFLINE], { cwd: scratch });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
  });

  it('exits 2 on a malformed baseline, naming the file and the field', async () => {
    const broken = join(scratch, 'broken.json');
    await writeFile(broken, JSON.stringify({ version: 1, generatedAt: 'x', tool: { name: 'shipshape', version: '0' }, score: 50, findings: [{ checkId: 'a.b' }] }));
    const result = await runCli(['audit', repo, '--baseline', broken, ...OFFLINE]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/broken\.json: not a valid shipshape baseline: field "findings\[0\]\.fingerprint"/);
  });
});

describe('in GitHub Actions', () => {
  it('annotates findings on stdout and appends the job summary with the gate', async () => {
    const summary = join(scratch, 'summary.md');
    await writeFile(summary, '# earlier step\n');
    const result = await runCli(['audit', repo, '--baseline', baselinePath, '--fail-on', 'info', ...OFFLINE], {
      env: { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary, GITHUB_WORKSPACE: scratch },
    });
    expect(result.stdout).toMatch(/^::error file=app\/src\/pay\.ts,line=33,col=\d+,title=/m);
    const text = await readFile(summary, 'utf8');
    expect(text.startsWith('# earlier step\n')).toBe(true);
    expect(text).toMatch(/Gate: \*\*passed\*\*/);
    expect(text).toContain('## Since the baseline');
  });

  it('sends annotations to stderr when stdout carries a JSON report', async () => {
    const result = await runCli(['audit', repo, '--format', 'json', ...OFFLINE], { env: { GITHUB_ACTIONS: 'true' } });
    expect(() => JSON.parse(result.stdout)).not.toThrow();
    expect(result.stderr).toMatch(/^::error file=src\/pay\.ts/m);
  });
});

describe('attestations in the target', () => {
  it('exits 2 on a bad attestations file, naming the file and the field', async () => {
    await writeRepo({ '.shipshape/attestations.json': JSON.stringify([{ checkId: 'data.backups', statement: 'restore tested', date: '2026-10-01', expires: 'never' }]) });
    const result = await runCli(['audit', repo, ...OFFLINE]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/\.shipshape\/attestations\.json: not a valid attestations file: field "attestations\[0\]\.expires"/);
    await rm(join(repo, '.shipshape'), { recursive: true });
  });
});
