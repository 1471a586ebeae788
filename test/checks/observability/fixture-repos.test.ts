// The data and observability checks on the small fixture repositories on disk (with the real
// inventory, manifests, project and code collectors), against what each fixture's README promises.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checks } from '../../../src/checks/index.js';
import { collectorsByKey } from '../../../src/collectors/index.js';
import { FactStore } from '../../../src/core/fact-store.js';
import { runCheck, type CheckResult } from '../../../src/core/run-check.js';
import { testContext, TEST_NOW } from '../../helpers/run-check.js';

const OURS = checks.filter((check) => check.area === 'data' || check.area === 'observability');

async function audit(fixture: string): Promise<Map<string, CheckResult>> {
  const store = new FactStore(testContext(resolve('fixtures', fixture)), collectorsByKey);
  const results = new Map<string, CheckResult>();
  for (const check of OURS) results.set(check.id, await runCheck(check, store, { severity: check.severity, weight: check.weight, options: undefined }, TEST_NOW));
  return results;
}

const EXPECTED: Record<string, Record<string, string>> = {
  'data-traps': {
    'data.migrations': 'fail',
    'data.schema-sync': 'fail',
    'data.transactions': 'fail',
    'data.input-validation': 'fail',
    'data.constraints': 'partial',
    'data.backups': 'fail',
  },
  'data-managed': {
    'data.migrations': 'pass',
    'data.schema-sync': 'pass',
    'data.transactions': 'pass',
    'data.input-validation': 'pass',
    'data.constraints': 'pass',
    'data.backups': 'unknown',
  },
  'obs-traps': {
    'observability.health-endpoint': 'fail',
    'observability.error-tracking': 'partial',
    'observability.structured-logging': 'fail',
    'observability.metrics': 'fail',
    'observability.alerting': 'unknown',
    'observability.graceful-shutdown': 'partial',
    'observability.timeouts': 'fail',
    'data.migrations': 'na',
    'data.transactions': 'na',
    'data.backups': 'na',
  },
  'obs-instrumented': {
    'observability.health-endpoint': 'pass',
    'observability.error-tracking': 'pass',
    'observability.structured-logging': 'pass',
    'observability.metrics': 'pass',
    'observability.alerting': 'pass',
    'observability.graceful-shutdown': 'pass',
    'observability.timeouts': 'pass',
  },
};

describe('data and observability checks on fixture repositories', () => {
  it.each(Object.keys(EXPECTED))('%s', async (fixture) => {
    const results = await audit(fixture);
    const statuses = Object.fromEntries(Object.keys(EXPECTED[fixture]!).map((id) => [id, results.get(id)?.status]));
    expect(statuses).toEqual(EXPECTED[fixture]);
    for (const result of results.values()) expect(result.status, `${result.id}: ${result.reason}`).not.toBe('error');
  });

  it('names the traps in the findings', async () => {
    const traps = await audit('data-traps');
    const messages = (id: string) => traps.get(id)!.findings.map((finding) => finding.message).join('\n');
    expect(messages('data.migrations')).toContain('Every migration file is empty');
    expect(messages('data.schema-sync')).toContain('script "build" runs `prisma db push`');
    expect(messages('data.transactions')).toMatch(/POST writes 2 times outside one transaction: prisma\.order\.create \(line 7\), prisma\.product\.update \(line 8\)/);
    expect(messages('data.transactions')).toContain('sets `stock` from a value read earlier');
    expect(messages('data.input-validation')).toContain('POST /api/orders (app/api/orders/route.ts:3) reads json without a schema');
    expect(messages('data.constraints')).toContain('User.email');
    expect(messages('data.constraints')).toContain('Order.productId');
    expect(traps.get('data.migrations')!.metrics).toMatchObject({ usableMigrations: 0 });

    const managed = await audit('data-managed');
    expect(managed.get('data.migrations')!.metrics).toMatchObject({ newestMigration: '2024-05-20' });
    expect(managed.get('data.backups')!.reason).toContain('restore is untested');

    const obs = await audit('obs-traps');
    expect(obs.get('observability.health-endpoint')!.findings[0]!.message).toContain('GET /health (src/routes/health.js:5) can never be reached: its router `router` (src/routes/health.js:3) is never mounted on an app');
    expect(obs.get('observability.error-tracking')!.findings[0]!.message).toContain('@sentry/node is declared in package.json but never initialised');
    expect(obs.get('observability.timeouts')!.findings[0]!.message).toContain('src/routes/quotes.js:6: fetch() has no timeout');
  });
});
