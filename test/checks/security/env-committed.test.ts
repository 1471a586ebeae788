import { describe, expect, it } from 'vitest';
import { envCommittedCheck } from '../../../src/checks/security/env-committed.js';
import type { RepoTree } from '../../../src/core/facts.js';
import { memoryTree } from '../../helpers/memory-tree.js';
import { runCheckOn } from '../../helpers/run-check.js';

/** An in-memory git work tree where the given paths exist but are not committed (and not ignored). */
function gitTree(files: Record<string, string>, untracked: string[]): RepoTree {
  const tree = memoryTree(files);
  return { ...tree, source: 'git', files: tree.files.map((file) => ({ ...file, tracked: !untracked.includes(file.path) })) };
}

const git = { isRepo: true, commit: 'abc', branch: 'main' };

describe('security.env-committed', () => {
  it.each([
    ['no env files', { 'src/index.ts': '' }, 'no environment files in the repository'],
    ['only a template', { '.env.example': 'DATABASE_URL=\nSTRIPE_KEY=sk_test_xxx\n' }, 'no real environment file in the repository'],
    ['a .env under test/fixtures', { 'test/fixtures/app/.env': 'SECRET=1' }, 'no real environment file in the repository'],
    ['templates with other names', { '.env.sample': 'A=', 'env.example': 'B=', '.example.env': 'C=' }, 'no real environment file in the repository'],
  ])('passes with %s', async (_name, files, evidence) => {
    const result = await runCheckOn(envCommittedCheck, files);
    expect(result.status).toBe('pass');
    expect(result.evidence[0]).toBe(evidence);
    expect(result.findings).toEqual([]);
  });

  it('fails with a critical blocker for a committed .env, counting variables without printing values', async () => {
    const result = await runCheckOn(envCommittedCheck, {
      '.env': 'DATABASE_URL=postgres://admin:hunter2@db/prod\nSTRIPE_SECRET_KEY=sk_live_51abcdef\n# comment\n',
      '.env.example': 'DATABASE_URL=\n',
    }, { facts: { git } });
    expect(result.status).toBe('fail');
    expect(result.findings).toHaveLength(1);
    const [finding] = result.findings;
    expect(finding).toMatchObject({ severity: 'critical', blocker: true, location: { file: '.env' } });
    expect(finding!.message).toBe('.env is committed to git and sets 2 variables (DATABASE_URL, STRIPE_SECRET_KEY). Everyone with access to the repository, now or later, can read them.');
    expect(JSON.stringify(result)).not.toMatch(/hunter2|sk_live/);
    expect(result.evidence.at(-1)).toBe('templates and fixtures (fine to commit): .env.example');
  });

  it('treats .env.local and .env.production like .env', async () => {
    const result = await runCheckOn(envCommittedCheck, { '.env.local': 'A=1', 'apps/web/.env.production': 'B=2' });
    expect(result.findings.map((finding) => [finding.location?.file, finding.severity, finding.blocker])).toEqual([
      ['.env.local', 'critical', true],
      ['apps/web/.env.production', 'critical', true],
    ]);
  });

  it('flags a committed .env.test as high, not as a blocker', async () => {
    const result = await runCheckOn(envCommittedCheck, { '.env.test': 'DATABASE_URL=postgres://localhost/test' });
    expect(result.status).toBe('fail');
    expect(result.findings[0]).toMatchObject({ severity: 'high', title: 'Test environment file is committed' });
    expect(result.findings[0]!.blocker).toBeUndefined();
  });

  it('is partial with a high finding for a .env that is present but not ignored', async () => {
    const result = await runCheckOn(envCommittedCheck, { '.env': 'API_KEY=abc\n', 'src/a.ts': '' }, { facts: { git, tree: gitTree({ '.env': 'API_KEY=abc\n', 'src/a.ts': '' }, ['.env']) } });
    expect(result.status).toBe('partial');
    expect(result.score).toBe(0.5);
    expect(result.findings[0]).toMatchObject({ severity: 'high', title: 'Environment file is not ignored by git' });
    expect(result.findings[0]!.message).toBe('.env sets 1 variable (API_KEY) and is not ignored: `git add -A` would commit it.');
  });

  it('says "once the folder is a git repository" outside git', async () => {
    const tree = gitTree({ '.env': 'API_KEY=abc\n' }, ['.env']);
    const result = await runCheckOn(envCommittedCheck, {}, { facts: { tree: { ...tree, source: 'walk' } } });
    expect(result.findings[0]!.message).toMatch(/would commit it once the folder is a git repository\.$/);
  });

  it('grades a committed .env with only browser-public variables as low', async () => {
    const result = await runCheckOn(envCommittedCheck, { '.env': 'VITE_API_URL=https://api.example.com\nNEXT_PUBLIC_SITE=x\n' });
    expect(result.status).toBe('partial');
    expect(result.findings[0]).toMatchObject({ severity: 'low', title: 'Environment file with public values only is committed' });
    const mixed = await runCheckOn(envCommittedCheck, { '.env': 'VITE_API_URL=https://api.example.com\nDATABASE_URL=postgres://x\n' });
    expect(mixed.findings[0]).toMatchObject({ severity: 'critical', blocker: true });
  });

  it('reports an empty or comment-only .env as low', async () => {
    const result = await runCheckOn(envCommittedCheck, { '.env': '# fill in\n\n' });
    expect(result.status).toBe('partial');
    expect(result.score).toBe(0.8);
    expect(result.findings[0]).toMatchObject({ severity: 'low', title: 'Empty environment file in the repository' });
  });

  it('reports an unreadable committed .env as a blocker with unknown variables', async () => {
    const result = await runCheckOn(envCommittedCheck, { '.env': Buffer.from([0, 1, 2]) });
    expect(result.findings[0]).toMatchObject({ severity: 'critical', blocker: true });
    expect(result.findings[0]!.message).toMatch(/could not be read, so its variables are unknown/);
  });

  it('keeps the fingerprint when the number of variables changes', async () => {
    const before = await runCheckOn(envCommittedCheck, { '.env': 'A=1' });
    const after = await runCheckOn(envCommittedCheck, { '.env': 'A=1\nB=2\nC=3' });
    expect(after.findings[0]!.fingerprint).toBe(before.findings[0]!.fingerprint);
  });
});
