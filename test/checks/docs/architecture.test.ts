import { describe, expect, it } from 'vitest';
import { architectureCheck } from '../../../src/checks/docs/architecture.js';
import { runCheckOn } from '../../helpers/run-check.js';

const NOTES = 'The API receives uploads, a worker parses them and writes rows to Postgres through Prisma.\n';

const cases: { name: string; files: Record<string, string>; status: string; evidence?: RegExp }[] = [
  { name: 'nothing', files: { 'README.md': '# Acme\n\nAn app.\n' }, status: 'fail' },
  { name: 'ARCHITECTURE.md', files: { 'ARCHITECTURE.md': NOTES }, status: 'pass', evidence: /ARCHITECTURE\.md is present/ },
  { name: 'lower-case design.md in docs/', files: { 'docs/design.md': NOTES }, status: 'pass' },
  { name: 'docs/architecture/overview.md', files: { 'docs/architecture/overview.md': NOTES }, status: 'pass' },
  { name: 'decision records in docs/adr/', files: { 'docs/adr/0001-use-postgres.md': NOTES }, status: 'pass' },
  { name: 'a decisions folder', files: { 'decisions/001-queue.md': NOTES }, status: 'pass' },
  {
    name: 'a README section "How it works"',
    files: { 'README.md': `# Acme\n\nAn app.\n\n## How it works\n\n${NOTES}` },
    status: 'pass',
    evidence: /README\.md:5: section "How it works"/,
  },
  { name: 'a README section "Project structure"', files: { 'README.md': `# Acme\n\n## Project structure\n\n- src/api: the HTTP routes and their validation\n- src/worker: the queue consumer\n` }, status: 'pass' },
  { name: 'an empty ARCHITECTURE.md', files: { 'ARCHITECTURE.md': '' }, status: 'fail' },
  {
    name: 'a placeholder README section',
    files: { 'README.md': '# Acme\n\n## Architecture\n\nTBD\n\n## Usage\n\nRun it.\n' },
    status: 'fail',
    evidence: /section "Architecture" is almost empty/,
  },
  {
    name: 'an "Architecture" section whose text is in its subsections',
    files: { 'README.md': '# Acme\n\n## 🏗️ Architecture\n\n### Front end\n\nReact pages call the API.\n\n### API\n\nA Netlify function checks the prompt and calls the model.\n\n## Usage\n\nRun it.\n' },
    status: 'pass',
    evidence: /README\.md:3: section "🏗️ Architecture"/,
  },
  {
    name: 'a placeholder section followed by a sibling section is still a placeholder',
    files: { 'README.md': '# Acme\n\n## Architecture\n\nTBD\n\n## Deployment\n\nPush to main and the platform builds and deploys the application for you.\n' },
    status: 'fail',
    evidence: /section "Architecture" is almost empty/,
  },
  {
    name: 'an architecture section in CLAUDE.md',
    files: { 'README.md': '# Acme\n\nAn app.\n', 'CLAUDE.md': `# Guidance\n\n## Architecture\n\n${NOTES}` },
    status: 'pass',
    evidence: /CLAUDE\.md:3: section "Architecture"/,
  },
  { name: 'a design doc inside test fixtures does not count', files: { 'test/fixtures/ARCHITECTURE.md': NOTES }, status: 'fail' },
  { name: 'a source file named design.ts is not a document', files: { 'src/design.ts': 'export const x = 1;' }, status: 'fail' },
  { name: 'a "Design system" section is about visuals', files: { 'README.md': `# Acme\n\n## Design system\n\n${NOTES}` }, status: 'fail' },
  { name: 'docs/design-system.md is about visuals', files: { 'docs/design-system.md': NOTES }, status: 'fail' },
  { name: 'a "Designer" heading is not a design section', files: { 'README.md': `# Acme\n\n## Designers\n\n${NOTES}` }, status: 'fail' },
];

const library = (sourceFiles: number) => ({
  'package.json': JSON.stringify({ name: 'lib', version: '1.0.0', exports: './dist/index.js' }),
  ...Object.fromEntries(Array.from({ length: sourceFiles }, (_, index) => [`src/m${index}.ts`, 'export {};'])),
  'test/m.test.ts': 'it("x", () => {});',
});

describe('docs.architecture', () => {
  it('does not apply to a small library', async () => {
    const result = await runCheckOn(architectureCheck, library(3));
    expect(result.status).toBe('na');
    expect(result.reason).toMatch(/small library \(3 source files, fewer than 15\)/);
  });

  it('applies to a larger library, and to a small service', async () => {
    expect((await runCheckOn(architectureCheck, library(15))).status).toBe('fail');
    const service = { 'package.json': JSON.stringify({ private: true, dependencies: { express: '^4' } }), 'src/a.ts': '' };
    expect((await runCheckOn(architectureCheck, service)).status).toBe('fail');
  });

  it('takes the size limit from the options', async () => {
    expect((await runCheckOn(architectureCheck, library(3), { checkOptions: { smallPackageFiles: 2 } })).status).toBe('fail');
  });

  it.each(cases)('$name → $status', async ({ files, status, evidence }) => {
    const result = await runCheckOn(architectureCheck, files);
    expect(result.status).toBe(status);
    if (evidence) expect(result.evidence.join('\n')).toMatch(evidence);
    expect(result.findings.length).toBe(status === 'pass' ? 0 : 1);
  });
});
