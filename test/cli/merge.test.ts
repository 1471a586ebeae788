// `shipshape merge`: the CI matrix pattern — one JSON report per repository, downloaded into one
// folder (each artifact in its own subfolder), merged into a portfolio.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderJson } from '../../src/render/json.js';
import { runCli } from '../helpers/cli.js';
import { previousReport, report } from '../render/render-fixture.js';

let scratch: string;
let folder: string;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'shipshape-merge-'));
  folder = join(scratch, 'reports');
  await mkdir(join(folder, 'shop'), { recursive: true });
  await mkdir(join(folder, 'api'), { recursive: true });
  await writeFile(join(folder, 'shop', 'shipshape.json'), renderJson(report));
  await writeFile(join(folder, 'api', 'shipshape.json'), renderJson({ ...previousReport, target: { ...previousReport.target, name: 'acme-api' } }));
  await writeFile(join(folder, 'api', 'baseline.json'), JSON.stringify({ version: 1 }));
  await writeFile(join(folder, 'notes.txt'), 'not json');
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('shipshape merge', () => {
  it('merges a folder of reports into a JSON portfolio, passing over other JSON files with a note', async () => {
    const result = await runCli(['merge', folder, '--format', 'json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/skipped .*baseline\.json: not a valid shipshape JSON report/);
    const portfolio = JSON.parse(result.stdout);
    expect(portfolio.portfolioVersion).toBe(1);
    expect(portfolio.ranking.map((entry: { name: string }) => entry.name)).toEqual(['acme-shop', 'acme-api']);
    expect(portfolio.totals.repositories).toBe(2);
    expect([...portfolio.commonFailures[0].repositories].sort()).toEqual(['acme-api', 'acme-shop']);
  });

  it('writes Markdown and HTML views to a file', async () => {
    const markdown = await runCli(['merge', join(folder, 'shop', 'shipshape.json'), join(folder, 'api', 'shipshape.json'), '-o', join(scratch, 'p.md')]);
    expect(markdown.code).toBe(0);
    expect(markdown.stderr).toMatch(/portfolio of 2 report\(s\) written to /);
    const html = await runCli(['merge', folder, '--format', 'html', '--quiet']);
    expect(html.stdout).toMatch(/^<!doctype html>/);
    expect(html.stderr).toBe('');
  });

  it.each([
    [[join('reports', 'api', 'baseline.json')], /baseline\.json: not a valid shipshape JSON report: field "schemaVersion"/],
    [['missing.json'], /missing\.json: no such file or folder/],
    [['empty'], /no shipshape JSON reports in empty/],
  ])('exits 2 on %j', async (args, message) => {
    await mkdir(join(scratch, 'empty'), { recursive: true });
    const result = await runCli(['merge', ...args], { cwd: scratch });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
  });
});
