// End to end on fixtures/code-smells: the real collectors read the fixture from disk and every
// code check runs on it. The fixture is built so that each check has something to find.
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { checks } from '../../../src/checks/index.js';
import { collectorsByKey } from '../../../src/collectors/index.js';
import { FactStore } from '../../../src/core/fact-store.js';
import { runCheck, type CheckResult } from '../../../src/core/run-check.js';
import { testContext, TEST_NOW } from '../../helpers/run-check.js';

const root = fileURLToPath(new URL('../../../fixtures/code-smells', import.meta.url));
const results = new Map<string, CheckResult>();

beforeAll(async () => {
  const store = new FactStore(testContext(root), collectorsByKey);
  for (const check of checks.filter((candidate) => candidate.area === 'code')) {
    results.set(check.id, await runCheck(check, store, { severity: check.severity, weight: check.weight, options: {} }, TEST_NOW));
  }
});

const files = (id: string) => results.get(id)!.findings.map((finding) => `${finding.location?.file}${finding.location?.line ? `:${finding.location.line}` : ''}`);

describe('code checks on fixtures/code-smells', () => {
  it('runs every code check without an error', () => {
    const errors = [...results.values()].filter((result) => result.status === 'error').map((result) => `${result.id}: ${result.reason}`);
    expect(errors).toEqual([]);
    expect(results.size).toBeGreaterThanOrEqual(16);
  });

  it.each([
    ['code.parse-error', ['src/broken.ts:2']],
    ['code.complexity', ['src/routes/orders.ts:16']],
    ['code.function-size', ['src/routes/report.ts:3']],
    ['code.parameters', ['src/routes/orders.ts:16']],
    ['code.nesting', ['src/routes/orders.ts:16']],
    ['code.file-size', ['src/utils/price-table.ts']],
    ['code.tsconfig-strict', ['tsconfig.json:6']],
    ['code.circular-imports', ['src/services/billing.ts:1']],
    ['code.unused-files', ['src/broken.ts', 'src/legacy/old-checkout.ts']],
    ['code.duplication', ['src/utils/format_invoice.ts:1']],
    ['code.error-masking', ['src/routes/orders.ts:9']],
  ])('%s finds %j', (id, expected) => {
    expect(files(id)).toEqual(expected);
  });

  it('code.type-escapes lists the file with @ts-nocheck and casts', () => {
    expect(files('code.type-escapes')).toEqual(['src/payments.ts:1']);
  });

  it('code.unused-exports lists the helper nobody imports', () => {
    expect(results.get('code.unused-exports')!.findings.map((finding) => finding.message)).toContain('src/utils/format_invoice.ts:33: export `unusedHelper` is not imported anywhere.');
  });

  it('code.prototype-residue finds the stub, the mock data, the fake latency, the random id and the copy, not the test file', () => {
    const kinds = results.get('code.prototype-residue')!.findings.map((finding) => `${finding.location?.file}:${finding.data?.['kind']}`);
    expect(kinds.sort()).toEqual(
      [
        'src/components/Button2.tsx:abandoned-copy',
        'src/payments.ts:fake-latency',
        'src/payments.ts:mock-data',
        'src/payments.ts:not-implemented',
        'src/payments.ts:random-id',
        'src/payments.ts:todo-implement',
      ].sort(),
    );
  });

  it('code.convention-drift names the file-name outlier', () => {
    const result = results.get('code.convention-drift')!;
    expect(result.evidence[0]).toMatch(/consistency index \d+\/100/);
  });

  it('code.console-logging counts the server code and points to pino', () => {
    const result = results.get('code.console-logging')!;
    expect(result.status).not.toBe('pass');
    expect(result.findings.map((finding) => finding.location?.file)).toContain('src/routes/orders.ts');
    expect(result.findings[0]?.message).toMatch(/pino/);
  });
});
