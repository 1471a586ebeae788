// Real reports: the bundled example repositories audited in-process (offline), for checking the
// outputs against schemas and linters on data the checks actually produce.
import { fileURLToPath } from 'node:url';
import { emptyConfig } from '../../src/config/schema.js';
import { runAudit } from '../../src/core/audit.js';
import type { Report } from '../../src/report/schema.js';
import { testContext } from '../helpers/run-check.js';

export const EXAMPLE_REPOSITORIES = ['prototype-ai', 'halfway-app', 'small-library', 'well-kept-service'] as const;

export function auditExample(name: (typeof EXAMPLE_REPOSITORIES)[number]): Promise<Report> {
  const root = fileURLToPath(new URL(`../../fixtures/${name}`, import.meta.url));
  return runAudit({ ctx: testContext(root), config: emptyConfig, selection: { only: [], skip: [] }, displayPath: `fixtures/${name}` });
}
