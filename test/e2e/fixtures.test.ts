// The built CLI on the bundled fixture repositories, as a user would run it: the stable check ids
// must come out as a careful reviewer reading each fixture would judge them.
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { reportSchema, type Report } from '../../src/report/schema.js';
import { REPO_ROOT, runCli } from '../helpers/cli.js';

const OFFLINE = ['--offline', '--no-cache', '--now', '2026-11-01T00:00:00Z', '--format', 'json'];

type Expectation = Record<string, Report['checks'][number]['status']>;

const EXPECTED: Record<string, { kind: Report['target']['kind']; statuses: Expectation }> = {
  'prototype-ai': {
    kind: 'service',
    statuses: {
      'docs.readme': 'fail',
      'docs.readme-setup': 'fail',
      'docs.architecture': 'fail',
      'testing.tests-present': 'fail',
      'testing.tests-in-ci': 'fail',
      'delivery.ci': 'fail',
      'delivery.deploy-config': 'fail',
      'deps.lockfile': 'fail',
      'security.env-committed': 'fail',
      'security.env-example': 'fail',
      'security.secrets': 'fail',
      'observability.health-endpoint': 'fail',
      'observability.error-tracking': 'fail',
      'observability.structured-logging': 'fail',
      'observability.metrics': 'fail',
      'data.migrations': 'fail',
      'data.backups': 'fail',
      'data.input-validation': 'fail',
      // --offline: what needs the registry is unknown, never a pass.
      'deps.outdated': 'unknown',
      'deps.deprecated': 'unknown',
      'deps.vulnerable': 'unknown',
    },
  },
  'halfway-app': {
    kind: 'web-app',
    statuses: {
      'docs.readme': 'pass',
      'docs.readme-setup': 'pass',
      'testing.tests-present': 'pass',
      'testing.tests-in-ci': 'fail',
      'delivery.ci': 'pass',
      'deps.lockfile': 'pass',
      'security.env-committed': 'pass',
      'security.env-example': 'pass',
      'security.secrets': 'pass',
      'data.migrations': 'na',
      'data.backups': 'na',
    },
  },
  'well-kept-service': {
    kind: 'service',
    statuses: {
      'docs.readme': 'pass',
      'docs.readme-setup': 'pass',
      'docs.architecture': 'pass',
      'docs.license': 'pass',
      'testing.tests-present': 'pass',
      'testing.tests-in-ci': 'pass',
      'delivery.ci': 'pass',
      'delivery.deploy-config': 'pass',
      'deps.lockfile': 'pass',
      'security.env-committed': 'pass',
      'security.env-example': 'pass',
      'security.secrets': 'pass',
      'observability.health-endpoint': 'pass',
      'observability.error-tracking': 'pass',
      'observability.structured-logging': 'pass',
      'data.migrations': 'pass',
      'data.transactions': 'pass',
      'data.input-validation': 'pass',
      'data.backups': 'pass',
    },
  },
  'small-library': {
    kind: 'library',
    statuses: {
      'docs.readme': 'pass',
      'docs.readme-setup': 'pass',
      'docs.license': 'pass',
      'testing.tests-present': 'pass',
      'testing.tests-in-ci': 'pass',
      'deps.lockfile': 'pass',
      'security.secrets': 'pass',
      'delivery.deploy-config': 'na',
      'observability.health-endpoint': 'na',
      'observability.error-tracking': 'na',
      'observability.structured-logging': 'na',
      'data.migrations': 'na',
      'data.transactions': 'na',
      'data.backups': 'na',
      'data.input-validation': 'na',
    },
  },
};

async function snapshot(dir: string): Promise<Map<string, string>> {
  const result = new Map<string, string>();
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const info = await stat(path);
    result.set(path, `${info.mtimeMs}:${createHash('sha1').update(await readFile(path)).digest('hex')}`);
  }
  return result;
}

const reports = new Map<string, Report>();
let validate: ReturnType<Ajv2020['compile']>;

beforeAll(async () => {
  const schema = JSON.parse(await readFile(join(REPO_ROOT, 'docs/report.schema.json'), 'utf8'));
  validate = new Ajv2020({ strict: false, allErrors: true }).compile(schema);
  await Promise.all(
    Object.keys(EXPECTED).map(async (name) => {
      const before = await snapshot(join(REPO_ROOT, 'fixtures', name));
      const result = await runCli(['audit', `fixtures/${name}`, ...OFFLINE]);
      expect(result.code, result.stderr).toBe(0);
      expect(await snapshot(join(REPO_ROOT, 'fixtures', name)), `${name} must not be written to`).toEqual(before);
      reports.set(name, JSON.parse(result.stdout) as Report);
    }),
  );
}, 120_000);

describe.each(Object.entries(EXPECTED))('fixtures/%s', (name, expected) => {
  it('produces a report that validates against the published schema and the zod contract', () => {
    const report = reports.get(name)!;
    expect(validate(report), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(reportSchema.safeParse(report).success).toBe(true);
    expect(report.errors).toEqual([]);
    expect(report.generatedAt).toBe('2026-11-01T00:00:00.000Z');
  });

  it(`is a ${expected.kind}`, () => {
    expect(reports.get(name)!.target.kind).toBe(expected.kind);
  });

  it('judges the stable checks as a reviewer would', () => {
    const statuses = Object.fromEntries(reports.get(name)!.checks.map((check) => [check.id, check.status]));
    const relevant = Object.fromEntries(Object.keys(expected.statuses).map((id) => [id, statuses[id]]));
    expect(relevant).toEqual(expected.statuses);
  });

  it('gives every finding evidence: a message, and a location inside the target when it has one', () => {
    for (const finding of reports.get(name)!.findings) {
      expect(finding.message.length).toBeGreaterThan(10);
      if (finding.location) {
        expect(finding.location.file).not.toMatch(/^\/|\\|^\.\.\//);
      }
    }
  });

  it('explains every check that is na, unknown or error', () => {
    for (const check of reports.get(name)!.checks) {
      if (['na', 'unknown', 'error'].includes(check.status)) expect(check.reason, check.id).toBeTruthy();
    }
  });
});

describe('across the fixtures', () => {
  it('ranks them as their upkeep suggests', () => {
    const score = (name: string) => reports.get(name)!.score ?? 0;
    expect(score('well-kept-service')).toBeGreaterThan(score('halfway-app'));
    expect(score('halfway-app')).toBeGreaterThan(score('prototype-ai'));
    expect(score('prototype-ai')).toBeLessThan(40);
  });

  it('caps the prototype below the ready band for its committed credential', () => {
    const report = reports.get('prototype-ai')!;
    expect(report.findings.some((finding) => finding.blocker)).toBe(true);
    expect(report.score).toBeLessThanOrEqual(59);
  });

  it('never prints the credential committed in the prototype', async () => {
    const env = await readFile(join(REPO_ROOT, 'fixtures/prototype-ai/.env'), 'utf8');
    const secrets = [...env.matchAll(/=(\S{20,})/g)].map((match) => match[1]!);
    expect(secrets.length).toBeGreaterThan(0);
    const text = JSON.stringify(reports.get('prototype-ai'));
    for (const secret of secrets) expect(text).not.toContain(secret);
  });
});
