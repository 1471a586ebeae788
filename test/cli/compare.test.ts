// `audit --compare`: the consultant's follow-up report, from a previous JSON report.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const OFFLINE = ['--offline', '--no-cache', '--no-progress'];
let scratch: string;
let repo: string;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'shipshape-compare-'));
  repo = join(scratch, 'app');
  await mkdir(repo, { recursive: true });
  await writeFile(join(repo, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0', private: true }));
  await writeFile(join(repo, 'README.md'), '# app\n');
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('audit --compare', () => {
  it('adds "Progress since last audit" with the score change and the findings fixed', async () => {
    const before = await runCli(['audit', repo, '--format', 'json', '--output', join(scratch, 'before.json'), '--now', '2026-09-01', ...OFFLINE]);
    expect(before.code).toBe(0);
    await writeFile(
      join(repo, 'README.md'),
      '# app\n\nA shop for second-hand bikes, for riders in Lyon.\n\n## Getting started\n\n```sh\nnpm ci\nnpm run dev\nnpm test\n```\n',
    );

    const markdown = await runCli(['audit', repo, '--format', 'markdown', '--compare', join(scratch, 'before.json'), '--now', '2026-11-01', ...OFFLINE]);
    expect(markdown.code).toBe(0);
    const section = markdown.stdout.slice(markdown.stdout.indexOf('## Progress since last audit'), markdown.stdout.indexOf('## Scores by area'));
    expect(section).toContain('Compared with the audit of 2026-09-01');
    expect(section).toMatch(/- Score: \d+ → \d+ \(\+\d+\)/);
    expect(section).toMatch(/- Findings fixed: [1-9]\d*; new findings: \d+/);
    expect(section).toContain('### Fixed findings');
    expect(section).toMatch(/\(`docs\.readme-setup`\) \| fail \| pass \|/);

    const terminal = await runCli(['audit', repo, '--compare', join(scratch, 'before.json'), '--now', '2026-11-01', ...OFFLINE]);
    expect(terminal.stdout).toMatch(/Progress since 2026-09-01\n {2}score \d+ → \d+ \(\+\d+\)/);

    const html = await runCli(['audit', repo, '--format', 'html', '--compare', join(scratch, 'before.json'), '--now', '2026-11-01', ...OFFLINE]);
    expect(html.stdout).toContain('<section id="progress">');
  });

  it('exits 2 when the previous report is not a shipshape report, naming the field', async () => {
    const other = join(scratch, 'other.json');
    await writeFile(other, JSON.stringify({ schemaVersion: 1, tool: { name: 'eslint', version: '9' } }));
    const result = await runCli(['audit', repo, '--compare', other, ...OFFLINE]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/other\.json: not a valid shipshape JSON report: field "tool\.name"/);
    expect(result.stdout).toBe('');
  });

  it('--explain-score shows every check\'s share and the what-if scores', async () => {
    const result = await runCli(['audit', repo, '--explain-score', '--now', '2026-11-01', ...OFFLINE]);
    expect(result.stdout).toContain('How the score is computed');
    expect(result.stdout).toMatch(/overall = weighted mean of area scores = [\d.]+/);
    expect(result.stdout).toMatch(/^ {4}docs\.readme +(pass|partial|fail) +w\d/m);
    expect(result.stdout).toMatch(/^ {2}fix +\d+ → score +\d+/m);
  });
});
