import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from '../helpers/cli.js';

const OFFLINE = ['--offline', '--no-cache', '--now', '2026-11-01'];
let scratch: string;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'shipshape-cli-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('exit codes', () => {
  it('0: the audit ran and there was no gate', async () => {
    const result = await runCli(['audit', 'fixtures/small-library', ...OFFLINE, '--format', 'json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ schemaVersion: 1, target: { path: 'fixtures/small-library' } });
  });

  it('1: the gate failed, with the reason on stderr', async () => {
    const result = await runCli(['audit', 'fixtures/prototype-ai', ...OFFLINE, '--fail-under', '100', '--quiet']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/gate failed: score \d+ is below --fail-under 100/);
  });

  it('1: --fail-on trips on a finding at or above the severity', async () => {
    const result = await runCli(['audit', 'fixtures/prototype-ai', ...OFFLINE, '--fail-on', 'critical', '--format', 'json']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/finding\(s\) at or above "critical"/);
  });

  it.each([
    [['audit', 'fixtures/does-not-exist'], /no such directory: fixtures\/does-not-exist/],
    [['audit', 'README.md'], /not a directory: README.md/],
    [['audit', '.', '--format', 'pdf'], /--format: .*"pdf"/],
    [['audit', '.', '--fail-under', 'lots'], /--fail-under: .*"lots"/],
    [['audit', '.', '--fail-on', 'severe'], /--fail-on: /],
    [['audit', '.', '--only', 'nonsense'], /--only: unknown check or area "nonsense"/],
    [['audit', '.', '--now', 'yesterday'], /--now: expected an ISO date/],
    [['audit', '--bogus'], /unknown option '--bogus'/],
    [['explain', 'docs.nope'], /no check "docs.nope"/],
  ])('2: usage error for %j, one clear line', async (args, message) => {
    const result = await runCli(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n').length).toBeLessThanOrEqual(2);
    expect(result.stdout).toBe('');
  });

  it('2: an invalid configuration names the file and the field, and nothing is written', async () => {
    const config = join(scratch, 'bad.json');
    const output = join(scratch, 'never.json');
    await writeFile(config, JSON.stringify({ checks: { 'docs.readme': { severity: 'urgent' } } }));
    const result = await runCli(['audit', 'fixtures/small-library', '--config', config, '--output', output, ...OFFLINE]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/invalid configuration in .*bad.json: checks.docs.readme.severity/);
    await expect(import('node:fs/promises').then((fs) => fs.access(output))).rejects.toThrow();
  });

  it('3: the report could not be written', async () => {
    const blocker = join(scratch, 'a-file');
    await writeFile(blocker, 'not a folder');
    const result = await runCli(['audit', 'fixtures/small-library', ...OFFLINE, '--output', join(blocker, 'report.json')]);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/could not complete/);
  });

  it('0: --help and --version', async () => {
    expect((await runCli(['--version'])).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const help = await runCli(['audit', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--fail-under');
  });

  it('0: a reader that closes the pipe early (`| head`) is not a crash', () => {
    const command = `"${process.execPath}" bin/shipshape.js checks --format json | head -c 100 > /dev/null; echo "exit $\{PIPESTATUS[0]}"`;
    const result = spawnSync('bash', ['-c', command], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(result.stderr).not.toContain('EPIPE');
    expect(result.stdout.trim()).toBe('exit 0');
  });
});

describe('on an end-of-life Node.js', () => {
  // The machines this runs on may still have Node 20 on the PATH beside the Node 24 from node_modules.
  const oldNode = ['/usr/local/bin/node', '/usr/bin/node'].find((path) => {
    try {
      const major = Number(execFileSync(path, ['-p', 'process.versions.node']).toString().split('.')[0]);
      return major < 22;
    } catch {
      return false;
    }
  });

  it.skipIf(!oldNode)('exits 2 with one line that names the version needed', () => {
    const result = spawnSync(oldNode!, ['bin/shipshape.js', 'audit', '.'], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^shipshape: Node\.js \d+\.\d+\.\d+ is not supported; it needs Node\.js 22\.12 or later/);
    expect(result.stdout).toBe('');
  });
});
