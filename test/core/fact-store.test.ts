import { describe, expect, it } from 'vitest';
import { defineCollector, type Collector } from '../../src/core/collector.js';
import { FactError, FactStore } from '../../src/core/fact-store.js';
import type { FactKey } from '../../src/core/facts.js';
import { defineCheck } from '../../src/core/check.js';
import { runCheck } from '../../src/core/run-check.js';
import { testContext, TEST_NOW } from '../helpers/run-check.js';

function storeWith(collectors: Collector[]): FactStore {
  return new FactStore(testContext(), new Map(collectors.map((c) => [c.key, c] as [FactKey, Collector])));
}

describe('FactStore', () => {
  it('collects a fact once however many checks ask for it', async () => {
    let runs = 0;
    const store = storeWith([
      defineCollector({
        key: 'git',
        description: 'test',
        async collect() {
          runs++;
          return { isRepo: false, commit: null, branch: null };
        },
      }) as Collector,
    ]);
    await Promise.all([store.get('git'), store.get('git'), store.get('git')]);
    expect(runs).toBe(1);
  });

  it('records a collector failure once, under its own key, and passes it to dependants', async () => {
    const store = storeWith([
      defineCollector({
        key: 'git',
        description: 'test',
        async collect() {
          throw new Error('disk on fire');
        },
      }) as Collector,
      defineCollector({
        key: 'project',
        description: 'test',
        async collect(_ctx, get) {
          await get('git');
          return { kind: 'unknown', evidence: [], private: false, name: null };
        },
      }) as Collector,
    ]);
    await expect(store.get('project')).rejects.toThrow(FactError);
    await expect(store.get('project')).rejects.toThrow('could not collect "git": disk on fire');
    expect([...store.failed().keys()]).toEqual(['git']);
  });
});

describe('runCheck', () => {
  const base = {
    id: 'docs.sample',
    area: 'docs' as const,
    title: 'ok',
    failureTitle: 'not ok',
    rationale: '',
    remediation: 'fix it',
    severity: 'medium' as const,
    weight: 1,
    effortMinutes: 10,
    requires: [] as const,
  };

  it('turns a throwing check into status error with the reason, not a crash', async () => {
    const check = defineCheck({
      ...base,
      run: () => {
        throw new Error('boom');
      },
    });
    const result = await runCheck(check, storeWith([]), { severity: 'medium', weight: 1, options: {} }, TEST_NOW);
    expect(result).toMatchObject({ status: 'error', score: null, reason: 'boom' });
  });

  it('completes findings with the check defaults and a fingerprint, and uses the failure title', async () => {
    const check = defineCheck({
      ...base,
      run: () => ({ status: 'fail', evidence: ['seen'], findings: [{ message: 'line 3 is bad', location: { file: 'a.ts', line: 3 } }] }),
    });
    const result = await runCheck(check, storeWith([]), { severity: 'high', weight: 2, options: {} }, TEST_NOW);
    expect(result).toMatchObject({ status: 'fail', score: 0, title: 'not ok', weight: 2, severity: 'high' });
    expect(result.findings[0]).toMatchObject({ checkId: 'docs.sample', severity: 'high', title: 'not ok', effortMinutes: 10 });
    expect(result.findings[0]!.fingerprint).toMatch(/^[0-9a-f]{20}$/);
  });

  it('validates options against the check schema', async () => {
    const { z } = await import('zod');
    const check = defineCheck({
      ...base,
      optionsSchema: z.object({ max: z.number().default(5) }),
      run: (_facts, ctx) => ({ status: 'pass', evidence: [`max ${ctx.options.max}`] }),
    });
    const ok = await runCheck(check, storeWith([]), { severity: 'medium', weight: 1, options: {} }, TEST_NOW);
    expect(ok.evidence).toEqual(['max 5']);
    const bad = await runCheck(check, storeWith([]), { severity: 'medium', weight: 1, options: { max: 'x' } }, TEST_NOW);
    expect(bad.status).toBe('error');
  });
});
