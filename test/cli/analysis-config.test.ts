// The `analysis` section of the configuration, end to end: from shipshape.config.json to the JSON
// report's metrics.code, and a bad value stopping the audit with exit 2.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const OFFLINE = ['--offline', '--no-cache', '--now', '2026-11-01', '--only', 'code', '--format', 'json'];
let repo: string;

beforeAll(async () => {
  repo = await mkdtemp(join(tmpdir(), 'shipshape-analysis-'));
  await writeFile(join(repo, 'package.json'), JSON.stringify({ name: 'demo', version: '1.0.0' }));
  await writeFile(join(repo, 'app.ts'), 'export function app() {\n  return 1;\n}\n');
  await writeFile(join(repo, 'table.ts'), Array.from({ length: 20_001 }, (_, index) => `export const v${index} = ${index};`).join('\n'));
  await writeFile(join(repo, 'client.ts'), 'export const client = 1;\n');
});
afterAll(async () => {
  await rm(repo, { recursive: true, force: true });
});

interface CodeMetrics {
  files: number;
  skippedByReason: Record<string, number>;
  skippedFiles: { path: string; reason: string }[];
}

async function auditWith(config: unknown): Promise<{ code: number; stdout: string; stderr: string; metrics: CodeMetrics | null }> {
  await writeFile(join(repo, 'shipshape.config.json'), JSON.stringify(config));
  const result = await runCli(['audit', repo, ...OFFLINE]);
  const metrics = result.code === 0 ? (JSON.parse(result.stdout) as { metrics: { code: CodeMetrics } }).metrics.code : null;
  return { ...result, metrics };
}

describe('analysis settings in shipshape.config.json', () => {
  it('lists what the defaults skip, and follows raised limits and analysis.ignore', async () => {
    const defaults = await auditWith({});
    expect(defaults.code).toBe(0);
    expect(defaults.metrics).toMatchObject({ files: 2, skippedFiles: [{ path: 'table.ts', reason: 'oversized (over 20000 lines)' }] });

    const configured = await auditWith({ analysis: { maxFileLines: 25_000, ignore: ['client.ts'] } });
    expect(configured.code).toBe(0);
    expect(configured.metrics).toMatchObject({ files: 2, skippedFiles: [{ path: 'client.ts', reason: 'excluded by analysis.ignore' }] });
  });

  it('stops with exit 2 naming the file and the field for a bad value, writing nothing', async () => {
    const result = await auditWith({ analysis: { maxFileLines: '20k' } });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^shipshape: invalid configuration in shipshape\.config\.json: analysis\.maxFileLines: .*expected number/);
  });
});
