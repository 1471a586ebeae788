import { describe, expect, it } from 'vitest';
import { lockfileCheck } from '../../../src/checks/deps/lockfile.js';
import type { RepoTree } from '../../../src/core/facts.js';
import { memoryTree } from '../../helpers/memory-tree.js';
import { runCheckOn } from '../../helpers/run-check.js';

const pkg = (fields: Record<string, unknown> = {}) =>
  JSON.stringify({ name: 'acme', version: '1.0.0', dependencies: { express: '^4.21.0' }, ...fields });
const LOCK = '{"lockfileVersion":3}';

const cases: { name: string; files: Record<string, string>; status: string; evidence?: RegExp; reason?: RegExp }[] = [
  { name: 'no package.json', files: { 'index.html': '<p>' }, status: 'na', reason: /no package\.json/ },
  { name: 'a package.json without dependencies', files: { 'package.json': JSON.stringify({ name: 'a' }) }, status: 'na', reason: /no dependencies/ },
  { name: 'package-lock.json committed', files: { 'package.json': pkg(), 'package-lock.json': LOCK }, status: 'pass', evidence: /package-lock\.json/ },
  { name: 'npm-shrinkwrap.json', files: { 'package.json': pkg(), 'npm-shrinkwrap.json': LOCK }, status: 'pass' },
  { name: 'pnpm with its lockfile', files: { 'package.json': pkg({ packageManager: 'pnpm@9.12.0' }), 'pnpm-lock.yaml': 'lockfileVersion: 9.0' }, status: 'pass' },
  { name: 'yarn.lock', files: { 'package.json': pkg(), 'yarn.lock': '# yarn lockfile v1' }, status: 'pass' },
  { name: 'bun.lock', files: { 'package.json': pkg(), 'bun.lock': '{}' }, status: 'pass' },
  { name: 'no lockfile', files: { 'package.json': pkg() }, status: 'fail', evidence: /no lockfile next to it/ },
  {
    name: 'no lockfile, and .gitignore lists it',
    files: { 'package.json': pkg(), '.gitignore': 'node_modules\npackage-lock.json\n' },
    status: 'fail',
    evidence: /\.gitignore lists package-lock\.json/,
  },
  {
    name: 'packageManager says pnpm, the lockfile is npm\'s',
    files: { 'package.json': pkg({ packageManager: 'pnpm@9.12.0' }), 'package-lock.json': LOCK },
    status: 'partial',
    evidence: /says pnpm, but the lockfile is package-lock\.json/,
  },
  {
    name: 'lockfiles of two managers and nothing says which',
    files: { 'package.json': pkg(), 'package-lock.json': LOCK, 'yarn.lock': '' },
    status: 'partial',
    evidence: /several package managers/,
  },
  {
    name: 'packageManager picks one of two lockfiles',
    files: { 'package.json': pkg({ packageManager: 'yarn@1.22.22' }), 'package-lock.json': LOCK, 'yarn.lock': '' },
    status: 'pass',
  },
  {
    name: 'a workspace lockfile at the root covers the workspaces',
    files: {
      'package.json': JSON.stringify({ private: true, workspaces: ['packages/*'] }),
      'packages/api/package.json': pkg(),
      'package-lock.json': LOCK,
    },
    status: 'pass',
  },
  {
    name: 'client/ and server/ side by side, only one with a lockfile',
    files: {
      'client/package.json': pkg({ dependencies: { react: '^19.0.0' } }),
      'server/package.json': pkg(),
      'server/package-lock.json': LOCK,
    },
    status: 'partial',
    evidence: /client\/package\.json: no lockfile/,
  },
  { name: 'a lockfile only inside a test fixture does not count', files: { 'package.json': pkg(), 'test/fixtures/app/package-lock.json': LOCK }, status: 'fail' },
  { name: 'a malformed package.json still needs a lockfile', files: { 'package.json': '{ "name": ' }, status: 'fail' },
];

describe('deps.lockfile', () => {
  it.each(cases)('$name → $status', async ({ files, status, evidence, reason }) => {
    const result = await runCheckOn(lockfileCheck, files);
    expect(result.status).toBe(status);
    if (evidence) expect(result.evidence.join('\n')).toMatch(evidence);
    if (reason) expect(result.reason).toMatch(reason);
    if (status === 'pass' || status === 'na') expect(result.findings).toEqual([]);
    else expect(result.findings.length).toBeGreaterThan(0);
  });

  function gitTree(files: Record<string, string>, untracked: string[]): RepoTree {
    const tree = memoryTree(files);
    return { ...tree, source: 'git', files: tree.files.map((file) => ({ ...file, tracked: !untracked.includes(file.path) })) };
  }

  it('fails when the lockfile exists but is not committed', async () => {
    const files = { 'package.json': pkg(), 'package-lock.json': LOCK };
    const result = await runCheckOn(lockfileCheck, files, { facts: { tree: gitTree(files, ['package-lock.json']) } });
    expect(result.status).toBe('fail');
    expect(result.evidence).toContain('package-lock.json exists but is not committed');
    expect(result.findings[0]?.location).toEqual({ file: 'package-lock.json' });
  });

  it('passes a committed lockfile in a git work tree and says so', async () => {
    const files = { 'package.json': pkg(), 'package-lock.json': LOCK };
    const result = await runCheckOn(lockfileCheck, files, { facts: { tree: gitTree(files, []) } });
    expect(result.status).toBe('pass');
    expect(result.evidence).toContain('package-lock.json (committed)');
  });

  it('outside git, a lockfile on disk counts and the evidence says why', async () => {
    const files = { 'package.json': pkg(), 'package-lock.json': LOCK };
    const tree = { ...gitTree(files, ['package.json', 'package-lock.json']), source: 'walk' as const };
    const result = await runCheckOn(lockfileCheck, files, { facts: { tree } });
    expect(result.status).toBe('pass');
    expect(result.evidence.join('\n')).toMatch(/not a git repository/);
  });
});
