// A fixed report for the renderer tests: every status, a blocker cap, an attested check, findings
// with and without locations, text that must be escaped, and the analyzers' metrics. Scores come
// from the real scoring functions so the numbers agree with each other.
import type { Finding } from '../../src/core/types.js';
import type { CheckInfoLookup } from '../../src/report/plan.js';
import { reportSchema, type Report, type ReportCheck } from '../../src/report/schema.js';
import { levelOf, scoreCategories, scoreOverall } from '../../src/scoring/score.js';

type CheckSpec = Partial<ReportCheck> & Pick<ReportCheck, 'id' | 'status'>;

function check(spec: CheckSpec): ReportCheck {
  const score = spec.score !== undefined ? spec.score : spec.status === 'pass' ? 1 : spec.status === 'fail' ? 0 : null;
  return {
    category: spec.id.split('.')[0] as ReportCheck['category'],
    title: `Title of ${spec.id}`,
    weight: 2,
    severity: 'medium',
    evidence: [],
    remediation: `Remediation for ${spec.id}.`,
    reason: null,
    ...spec,
    score,
  };
}

export const FIXTURE_CHECKS: ReportCheck[] = [
  check({
    id: 'security.secrets',
    status: 'fail',
    title: 'Credentials are committed in the repository',
    severity: 'critical',
    weight: 3,
    evidence: ['2 credential-looking values'],
    remediation: 'Revoke the keys, move them to the environment, and scan in CI.',
  }),
  check({ id: 'security.env-committed', status: 'pass', title: 'No environment file is tracked', weight: 3, severity: 'critical' }),
  check({
    id: 'security.env-example',
    status: 'fail',
    title: 'No .env.example although the code reads 4 variables',
    evidence: ['process.env read in src/config.ts'],
  }),
  check({ id: 'docs.readme', status: 'pass', title: 'A README explains the project', weight: 3 }),
  check({
    id: 'docs.readme-setup',
    status: 'partial',
    score: 0.5,
    title: 'The README gives only part of the setup',
    evidence: ['README.md has an "Install" section but no run command | and a pipe'],
  }),
  check({ id: 'docs.license', status: 'na', title: 'Licence', reason: 'package.json says "private": true' }),
  check({ id: 'deps.lockfile', status: 'pass', title: 'A lockfile is committed', weight: 3, severity: 'high' }),
  check({
    id: 'deps.outdated',
    status: 'unknown',
    title: 'Dependencies could not be compared with the registry',
    reason: 'the registry could not be reached (--offline)',
    remediation: 'Run `npm outdated` and upgrade the packages a major version behind.',
  }),
  check({
    id: 'data.backups',
    status: 'pass',
    title: 'Backups and a tried restore are documented',
    evidence: ['Attested by ops@example.com on 2026-10-01: restore tested (evidence: https://wiki/restore); expires 2027-04-01'],
    attested: { by: 'ops@example.com', evidence: 'https://wiki/restore', expires: '2027-04-01' },
  }),
  check({ id: 'data.migrations', status: 'pass', title: 'Migrations are versioned', weight: 3 }),
  check({
    id: 'code.complexity',
    status: 'partial',
    score: 0.75,
    title: 'Some functions are too complex',
    severity: 'low',
    weight: 1,
  }),
  check({ id: 'observability.health-endpoint', status: 'error', title: 'Health endpoint', reason: 'crashed: <unexpected token>' }),
  check({
    id: 'testing.tests-present',
    status: 'fail',
    title: 'No automated test runs any code',
    severity: 'high',
    weight: 3,
    evidence: ['No test files with a test case'],
  }),
];

export const FIXTURE_FINDINGS: Finding[] = [
  {
    checkId: 'security.secrets',
    severity: 'critical',
    title: 'Credentials are committed in the repository',
    message: 'Stripe live key sk_l…p7dc in a <script> tag & "quotes"',
    location: { file: 'src/pay,ment:s.ts', line: 12, column: 7 },
    effortMinutes: 30,
    fingerprint: 'aaaaaaaaaaaaaaaaaaaa',
    blocker: true,
  },
  {
    checkId: 'security.secrets',
    severity: 'critical',
    title: 'Credentials are committed in the repository',
    message: 'AWS access key AKIA…MPLE\nsecond line with 100% certainty',
    location: { file: 'config/aws.json', line: 3 },
    effortMinutes: 30,
    fingerprint: 'bbbbbbbbbbbbbbbbbbbb',
    blocker: true,
  },
  {
    checkId: 'code.complexity',
    severity: 'low',
    title: 'Some functions are too complex',
    message: 'handleCheckout has cyclomatic complexity 31 (limit 15) | `if` chains',
    location: { file: 'src/checkout.ts', line: 40 },
    effortMinutes: 60,
    fingerprint: 'cccccccccccccccccccc',
    data: { function: 'handleCheckout', cyclomatic: 31 },
  },
  {
    checkId: 'docs.readme-setup',
    severity: 'medium',
    title: 'The README gives only part of the setup',
    message: 'README.md has no command to start the app',
    location: { file: 'README.md' },
    effortMinutes: 20,
    fingerprint: 'dddddddddddddddddddd',
  },
];

export const FIXTURE_METRICS: Record<string, unknown> = {
  // The shape the code collector writes.
  code: {
    files: 42,
    testFiles: 5,
    lines: 6400,
    loc: 5120,
    functions: 310,
    cognitiveDistribution: { '1-5': 250, '6-10': 40, '11-15': 10, '16-25': 5, '26-40': 3, '41+': 2 },
    topComplexFunctions: [
      { file: 'src/<admin>.ts', line: 5, function: 'render', cognitive: 12, cyclomatic: 22, lines: 90 },
      { file: 'src/checkout.ts', line: 40, function: 'handleCheckout', cognitive: 44, cyclomatic: 31, lines: 180 },
    ],
    parseFailures: 1,
    duplicationPercent: 3.25,
  },
  // The shape the deps.outdated check writes.
  dependencies: {
    upgradePlan: [
      {
        wave: 1,
        packages: [{ name: 'express', installed: '4.21.2', latest: '5.1.0', majorsBehind: 1, releaseDate: '2025-03-31T00:00:00.000Z', importingFiles: 2 }],
        risk: 'low',
        importingFiles: 2,
        releaseDate: '2025-03-31T00:00:00.000Z',
        effortMinutes: 40,
        reason: 'one package',
      },
      {
        wave: 2,
        packages: [
          { name: 'react', installed: '17.0.2', latest: '19.1.0', majorsBehind: 2, releaseDate: null, importingFiles: 30 },
          { name: 'react-dom', installed: '17.0.2', latest: '19.1.0', majorsBehind: 2, releaseDate: null, importingFiles: 1 },
        ],
        risk: 'high',
        importingFiles: 31,
        releaseDate: null,
        effortMinutes: 480,
        reason: 'peer dependencies move together',
      },
    ],
  },
};

/** The report of FIXTURE_CHECKS and FIXTURE_FINDINGS, or of others given; scores follow them. */
export function fixtureReport(overrides: Partial<Report> = {}): Report {
  const { checks = FIXTURE_CHECKS, findings = FIXTURE_FINDINGS, ...rest } = overrides;
  const categories = scoreCategories(checks);
  const overall = scoreOverall(categories, findings);
  return reportSchema.parse({
    schemaVersion: 1,
    tool: { name: 'shipshape', version: '0.1.0' },
    target: { path: '.', commit: '0123456789abcdef0123456789abcdef01234567', kind: 'service', name: 'acme-shop' },
    generatedAt: '2026-11-01T00:00:00.000Z',
    durationMs: 1234,
    score: overall.score,
    grade: overall.grade,
    level: levelOf(checks),
    cap: overall.cap,
    categories,
    checks,
    findings,
    metrics: FIXTURE_METRICS,
    errors: [{ source: 'observability.health-endpoint', message: 'crashed: <unexpected token>' }],
    ...rest,
  });
}

/** A fixed catalogue for the client reports, independent of the checks that exist today. */
export const fixtureCheckInfo: CheckInfoLookup = (id) =>
  id === 'code.complexity' ? undefined : { rationale: `Why ${id} matters, in plain words.`, effortMinutes: id === 'testing.tests-present' ? 120 : 30 };
