// Bad input gets a report, not a stack trace, and the report says what could not be checked.
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/schema.js';
import { runCli } from '../helpers/cli.js';

const ARGS = ['--offline', '--no-cache', '--format', 'json'];
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shipshape-hostile-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function audit(): Promise<Report> {
  const result = await runCli(['audit', dir, ...ARGS]);
  expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as Report;
}

describe('hostile and broken repositories', () => {
  it('an empty folder gives a report', async () => {
    const report = await audit();
    expect(report.checks.find((check) => check.id === 'docs.readme')?.status).toBe('fail');
    expect(report.target.commit).toBeNull();
  });

  it('a malformed package.json is reported as not checked, and the rest still runs', async () => {
    await writeFile(join(dir, 'package.json'), '{ "name": "x", "dependencies": { "a": ');
    await writeFile(join(dir, 'README.md'), '# x\n\nA tool that does things for people.\n');
    const report = await audit();
    expect(report.errors.some((error) => /package\.json could not be read/.test(error.message))).toBe(true);
    expect(report.checks.find((check) => check.id === 'docs.readme')?.status).not.toBe('error');
  });

  it('a symlink loop, a link out of the target, binary and huge files do not stop the audit', async () => {
    await mkdir(join(dir, 'src'));
    await symlink(dir, join(dir, 'src', 'loop'));
    await symlink('/etc', join(dir, 'outside'));
    await writeFile(join(dir, 'src', 'blob.ts'), Buffer.from([0, 1, 2, 3, 0, 255]));
    await writeFile(join(dir, 'src', 'huge.ts'), `export const x = '${'a'.repeat(2 * 1024 * 1024)}';\n`);
    await writeFile(join(dir, 'src', 'broken.ts'), 'export function ( {\n');
    await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'x', version: '1.0.0' }));
    const report = await audit();
    expect(JSON.stringify(report)).not.toContain('/etc/');
    expect(report.errors.some((error) => /huge\.ts was not examined: larger than/.test(error.message))).toBe(true);
    expect(report.checks.filter((check) => check.status === 'error')).toEqual([]);
    const parseError = report.findings.find((finding) => finding.checkId === 'code.parse-error');
    expect(parseError?.location?.file).toBe('src/broken.ts');
  });
});
