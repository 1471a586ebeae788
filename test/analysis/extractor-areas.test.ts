// An audit of a few areas runs only the extractors those areas' checks read (`FileExtractor.areas`).
// A missing area in that list would silently starve a check, so every fixture is audited once with
// every check and once per area, and each area's checks must come out exactly the same.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractors } from '../../src/analysis/extractors/index.js';
import { emptyConfig } from '../../src/config/schema.js';
import { runAudit } from '../../src/core/audit.js';
import { AREA_IDS, type AreaId } from '../../src/core/types.js';
import type { Report } from '../../src/report/schema.js';
import { testContext } from '../helpers/run-check.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));
// `registry` holds recorded registry documents, not a repository.
const REPOSITORIES = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== 'registry')
  .map((entry) => entry.name);

function audit(name: string, only: readonly string[]): Promise<Report> {
  return runAudit({ ctx: testContext(`${FIXTURES}${name}`), config: emptyConfig, selection: { only, skip: [] }, displayPath: name });
}

/** What a check concluded, with its findings, without timings. */
function outcomeOf(report: Report, area: AreaId): unknown {
  const checks = report.checks.filter((check) => check.category === area);
  const ids = new Set(checks.map((check) => check.id));
  return { checks, findings: report.findings.filter((finding) => ids.has(finding.checkId)) };
}

describe('extractors run per area', () => {
  it('every extractor names at least one area', () => {
    for (const extractor of extractors) expect(extractor.areas.length, extractor.id).toBeGreaterThan(0);
  });

  it.each(REPOSITORIES)('%s: each area alone gives what it gives in a full audit', async (name) => {
    const full = await audit(name, []);
    for (const area of AREA_IDS) {
      const alone = await audit(name, [area]);
      expect(outcomeOf(alone, area), `${name}, --only ${area}`).toEqual(outcomeOf(full, area));
    }
  });

  it('an audit of other areas does not report function figures it did not measure', async () => {
    const security = await audit('prototype-ai', ['security']);
    const code = security.metrics['code'] as Record<string, unknown>;
    expect(code['files']).toBeGreaterThan(0);
    expect(code).not.toHaveProperty('functions');
    expect(code).not.toHaveProperty('topComplexFunctions');
    const full = await audit('prototype-ai', []);
    expect((full.metrics['code'] as Record<string, unknown>)['functions']).toBeGreaterThan(0);
  });
});
