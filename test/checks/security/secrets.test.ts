import { describe, expect, it } from 'vitest';
import { secretsCheck } from '../../../src/checks/security/secrets.js';
import type { RepoTree } from '../../../src/core/facts.js';
import { maskSecret } from '../../../src/util/mask.js';
import { memoryTree } from '../../helpers/memory-tree.js';
import { runCheckOn } from '../../helpers/run-check.js';
import { fake, privateKeyBlock } from './secrets-fakes.js';

const clean = {
  'package.json': '{ "name": "app" }',
  'src/index.ts': "import Stripe from 'stripe';\nexport const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);\n",
};

describe('security.secrets', () => {
  it('passes a repository without credentials, saying what it scanned', async () => {
    const result = await runCheckOn(secretsCheck, clean);
    expect(result.status).toBe('pass');
    expect(result.findings).toEqual([]);
    expect(result.evidence[0]).toBe('Scanned 2 text files');
  });

  it('fails on a live key with a critical blocker finding that names file, line and column', async () => {
    const result = await runCheckOn(secretsCheck, {
      ...clean,
      'src/pay.ts': `import Stripe from 'stripe';\n\nexport const stripe = new Stripe('${fake.stripeLive}');\n`,
    });
    expect(result.status).toBe('fail');
    expect(result.score).toBe(0);
    expect(result.findings).toHaveLength(1);
    const [finding] = result.findings;
    expect(finding).toMatchObject({
      severity: 'critical',
      blocker: true,
      location: { file: 'src/pay.ts', line: 3, column: 35 },
      data: { rule: 'stripe-live-secret-key', masked: maskSecret(fake.stripeLive) },
    });
    expect(finding!.message).toContain(`src/pay.ts:3:35: Live secret key (Stripe, Clerk) ${maskSecret(fake.stripeLive)}`);
    expect(result.evidence).toContain('stripe-live-secret-key: 1 in 1 file (src/pay.ts)');
  });

  it('leaves templates, test fixtures, tests, lockfiles and snapshots out', async () => {
    const result = await runCheckOn(secretsCheck, {
      ...clean,
      '.env.example': `STRIPE_SECRET_KEY=${fake.stripeLive}\n`,
      'config/app.sample.yaml': `token: ${fake.github}\n`,
      'test/fixtures/keys.ts': `export const key = '${fake.openaiProject}';`,
      'src/__tests__/pay.test.ts': `const key = '${fake.stripeLive}';`,
      'src/pay.spec.ts': `const key = '${fake.stripeLive}';`,
      'package-lock.json': `{ "integrity": "sha512-${fake.awsSecretKey}", "resolved": "${fake.npm}" }`,
      'src/__snapshots__/pay.test.ts.snap': `exports[\`key\`] = \`${fake.stripeLive}\`;`,
    });
    expect(result.status).toBe('pass');
    expect(result.evidence[0]).toBe(
      'Scanned 2 text files; not scanned: 2 templates, 1 lockfile, 1 snapshot, 3 test fixtures',
    );
  });

  it('still scans real env files and documents: a key in a README is a leak', async () => {
    const result = await runCheckOn(secretsCheck, {
      '.env': `GITHUB_TOKEN=${fake.github}\n`,
      'README.md': `# App\n\nRun with \`STRIPE_KEY=${fake.stripeLive} npm start\`.\n`,
    });
    expect(result.status).toBe('fail');
    expect(result.findings.map((finding) => [finding.location?.file, finding.data?.rule, finding.blocker])).toEqual([
      ['.env', 'github-token', true],
      ['README.md', 'stripe-live-secret-key', true],
    ]);
  });

  it('downgrades a generic guess in a document to low, which is partial rather than fail', async () => {
    const result = await runCheckOn(secretsCheck, {
      ...clean,
      'docs/setup.md': `Set \`API_SECRET=${fake.genericSecret}\` in your shell.\n`,
    });
    expect(result.status).toBe('partial');
    expect(result.score).toBe(0.75);
    expect(result.findings[0]).toMatchObject({ severity: 'low', data: { rule: 'generic-secret-assignment' } });
  });

  it('downgrades a generic guess in a code comment to low, but not a provider key there', async () => {
    const result = await runCheckOn(secretsCheck, {
      'src/client.ts': `/**\n * @example\n *   client_secret: '${fake.genericSecret}'\n */\n// token: ${fake.github}\n`,
    });
    expect(result.findings.map((finding) => [finding.data?.rule, finding.severity])).toEqual([
      ['generic-secret-assignment', 'low'],
      ['github-token', 'critical'],
    ]);
    expect(result.findings[0]!.message).toContain('in a comment');
  });

  it('treats Stripe test keys and expired tokens as low (partial), not blockers', async () => {
    const result = await runCheckOn(secretsCheck, {
      ...clean,
      'src/pay.ts': `const key = '${fake.stripeTest}';\nconst old = '${fake.expiredJwt}';\n`,
    });
    expect(result.status).toBe('partial');
    expect(result.findings.map((finding) => [finding.severity, finding.blocker ?? false])).toEqual([
      ['low', false],
      ['low', false],
    ]);
    expect(result.findings[1]!.message).toContain('expired 2024-01-01');
  });

  it('skips binary files without failing', async () => {
    const result = await runCheckOn(secretsCheck, {
      ...clean,
      'assets/logo.png': Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0]), Buffer.from(fake.stripeLive)]),
    });
    expect(result.status).toBe('pass');
    expect(result.evidence[0]).toContain('1 binary or unreadable');
  });

  it('is not applicable to a repository with nothing to scan', async () => {
    const result = await runCheckOn(secretsCheck, {});
    expect(result.status).toBe('na');
    expect(result.reason).toMatch(/no text files/);
  });

  it('does not make a file that is not committed yet a blocker', async () => {
    const files = { ...clean, '.env.local': `OPENAI_API_KEY=${fake.openaiProject}\n` };
    const memory = memoryTree(files);
    const tree: RepoTree = {
      ...memory,
      source: 'git',
      files: memory.files.map((file) => ({ ...file, tracked: file.path !== '.env.local' })),
      read: memory.read,
      has: memory.has,
    };
    const result = await runCheckOn(secretsCheck, files, { facts: { tree } });
    expect(result.status).toBe('fail');
    expect(result.findings[0]).toMatchObject({ severity: 'critical' });
    expect(result.findings[0]!.blocker).toBeUndefined();
    expect(result.findings[0]!.message).toContain('not committed yet');
  });

  it('keeps a finding\'s fingerprint when lines are added above it, and tells two secrets apart', async () => {
    const before = await runCheckOn(secretsCheck, { 'src/a.ts': `const k = '${fake.stripeLive}';` });
    const after = await runCheckOn(secretsCheck, { 'src/a.ts': `// config\n\nconst k = '${fake.stripeLive}';` });
    const other = await runCheckOn(secretsCheck, { 'src/a.ts': `const k = '${fake.stripeRestricted}';` });
    expect(after.findings[0]!.fingerprint).toBe(before.findings[0]!.fingerprint);
    expect(other.findings[0]!.fingerprint).not.toBe(before.findings[0]!.fingerprint);
  });

  it('never lets a raw secret (or a large part of one) into its output', async () => {
    const secrets = Object.entries(fake).filter(([name]) => name !== 'supabaseAnon');
    const files: Record<string, string> = {};
    for (const [name, value] of secrets) files[`src/${name}.ts`] = `export const ${name}Token = '${value}';\n`;
    files['certs/server.pem'] = privateKeyBlock();
    files['docker-compose.yml'] = `DATABASE_URL: postgres://app:${fake.databasePassword}@db.acme-prod.net/app\n`;
    const result = await runCheckOn(secretsCheck, files);
    expect(result.status).toBe('fail');
    expect(result.findings.length).toBeGreaterThanOrEqual(secrets.length);
    const output = JSON.stringify(result);
    for (const secret of [...secrets.map(([, value]) => value), privateKeyBlock()]) {
      const middle = secret.slice(Math.floor(secret.length / 3), Math.ceil((2 * secret.length) / 3));
      expect(output).not.toContain(secret);
      expect(output).not.toContain(middle);
    }
    for (const line of privateKeyBlock().split('\n').slice(1, -1)) expect(output).not.toContain(line.slice(0, 16));
  });
});
