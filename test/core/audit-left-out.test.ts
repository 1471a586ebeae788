// The report names what the audit left out by its own judgement, so that a folder taken for vendored
// code by its name (`vendor/`) can be seen to have been the team's own.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyConfig } from '../../src/config/schema.js';
import { runAudit } from '../../src/core/audit.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { renderTerminal } from '../../src/render/terminal.js';
import { testContext } from '../helpers/run-check.js';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function repo(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'shipshape-left-out-'));
  roots.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const audit = (root: string) => runAudit({ ctx: testContext(root), config: emptyConfig, selection: { only: ['docs'], skip: [] }, displayPath: 'app' });

describe('left out of the audit', () => {
  it('lists folders taken for vendored code, in the report and its views', async () => {
    const report = await audit(repo({ 'package.json': '{"name":"app"}', 'vendor/jquery.js': 'x', 'public/vendor/chart.js': 'x', 'src/app/vendor/page.tsx': 'export {};', 'node_modules/a/index.js': 'x' }));
    expect(report.target.leftOut).toEqual([
      { path: 'public/vendor', reason: 'vendored code' },
      { path: 'vendor', reason: 'vendored code' },
    ]);
    expect(renderMarkdown(report)).toContain(
      "Left out of the audit: `public/vendor` (vendored code), `vendor` (vendored code). If any of it is the team's own code, this report says nothing about it.",
    );
    expect(renderTerminal(report, { color: false, verbose: false })).toContain('Left out of the audit: public/vendor (vendored code), vendor (vendored code).');
  });

  it('says nothing when only build output and installed packages were left out', async () => {
    const report = await audit(repo({ 'package.json': '{"name":"app"}', 'dist/index.js': 'x', 'node_modules/a/index.js': 'x', 'src/index.ts': 'export {};' }));
    expect(report.target.leftOut).toEqual([]);
    expect(renderMarkdown(report)).not.toContain('Left out of the audit');
  });
});
