import { describe, expect, it } from 'vitest';
import { renderTerminal } from '../../src/render/terminal.js';
import { FIXTURE_CHECKS, FIXTURE_FINDINGS, fixtureCheckInfo, fixtureReport } from './fixture-report.js';

const LONG_FIX =
  '1. Rotate the key in the provider dashboard now (a new key costs minutes, see `docs/keys.md`). ' +
  '2. Move the value into an environment variable and read it with `process.env.NAME` at start-up. ' +
  '3. Purge it from the history with git filter-repo. 4. Add a scanner to CI so the next key is caught.';

function render(verbose: boolean): string {
  const checks = FIXTURE_CHECKS.map((check) => (check.id === 'security.secrets' ? { ...check, remediation: LONG_FIX } : check));
  return renderTerminal(fixtureReport({ checks }), { color: false, verbose, checkInfo: fixtureCheckInfo, previous: null });
}

describe('terminal view', () => {
  it("labels a failing check with its most severe finding's severity, which the check may have graded below its default", () => {
    const checks = FIXTURE_CHECKS.map((check) => (check.id === 'security.secrets' ? { ...check, severity: 'critical' as const } : check));
    const findings = FIXTURE_FINDINGS.map((finding) => (finding.checkId === 'security.secrets' ? { ...finding, severity: 'low' as const, blocker: false } : finding));
    const text = renderTerminal(fixtureReport({ checks, findings }), { color: false, verbose: false, checkInfo: fixtureCheckInfo, previous: null });
    expect(text).toMatch(/Credentials are committed in the repository\n\s+low security\.secrets/);
    expect(text).not.toMatch(/critical security\.secrets/);
  });

  it('keeps a long remediation to its opening sentences, whole, and points to the full text', () => {
    const text = render(false).replace(/\n\s+/g, ' ');
    expect(text).toContain('fix: 1. Rotate the key in the provider dashboard now (a new key costs minutes, see `docs/keys.md`). 2. Move the value');
    expect(text).not.toContain('Purge it from the history');
    expect(text).toContain('more: shipshape explain security.secrets');
  });

  it('shows the whole remediation with --verbose', () => {
    const text = render(true).replace(/\n\s+/g, ' ');
    expect(text).toContain('4. Add a scanner to CI so the next key is caught.');
    expect(text).not.toContain('more: shipshape explain security.secrets');
  });

  it('opens the to-do list with the fixes that gain the most points per hour', () => {
    expect(render(false)).toMatch(/Fix first \(most points per hour; all \d+ fixes ≈ [\d.]+ h\)\n  1\. /);
  });

  it('fits 80 columns', () => {
    for (const line of render(false).split('\n')) expect(line.length, line).toBeLessThanOrEqual(80);
  });
});
