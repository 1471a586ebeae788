// The Markdown views pass markdownlint (line length aside: report prose is not wrapped) and keep
// text from the audited repository from turning into HTML, links or emphasis.
import { lint } from 'markdownlint/sync';
import { describe, expect, it } from 'vitest';
import { renderGithubSummary } from '../../src/render/github.js';
import { cell, inline, renderMarkdown } from '../../src/render/markdown.js';
import { renderPortfolioMarkdown } from '../../src/render/portfolio.js';
import { buildPortfolio } from '../../src/report/portfolio.js';
import { catalogueInfo } from '../../src/render/index.js';
import { auditExample, EXAMPLE_REPOSITORIES } from './fixture-audits.js';
import { fixtureCheckInfo, fixtureReport } from './fixture-report.js';
import { previousReport, report } from './render-fixture.js';

function problems(markdown: string): string[] {
  const results = lint({ strings: { report: markdown }, config: { default: true, MD013: false } });
  return (results.report ?? []).map((p) => `${p.lineNumber}: ${p.ruleNames.join('/')} ${p.ruleDescription} ${p.errorDetail ?? ''} [${p.errorContext ?? ''}]`);
}

describe('markdownlint', () => {
  it.each([
    ['the client report', renderMarkdown(report, { checkInfo: fixtureCheckInfo })],
    ['the client report with progress', renderMarkdown(report, { checkInfo: fixtureCheckInfo, previous: previousReport })],
    ['a report of a repository that passes everything', renderMarkdown(fixtureReport({ checks: [], findings: [], errors: [], metrics: {} }))],
    ['the job summary', renderGithubSummary(report, { checkInfo: fixtureCheckInfo, previous: previousReport, gate: { passed: true, reasons: [] } })],
    ['the portfolio', renderPortfolioMarkdown(buildPortfolio([{ source: 'a.json', report }, { source: 'b.json', report: previousReport }]))],
  ])('finds no problem in %s', (_name, markdown) => {
    expect(problems(markdown)).toEqual([]);
  });

  it.each(EXAMPLE_REPOSITORIES)('finds no problem in the report of fixtures/%s', async (name) => {
    expect(problems(renderMarkdown(await auditExample(name), { checkInfo: catalogueInfo }))).toEqual([]);
  });

  it('does flag a broken document (so the tests above can fail)', () => {
    expect(problems('# One\n### Skipped a level\n')).not.toEqual([]);
  });
});

describe('escaping', () => {
  it.each([
    ['<script>alert(1)</script>', '\\<script\\>alert(1)\\</script\\>'],
    ['__init__ and *args', '\\_\\_init\\_\\_ and \\*args'],
    ['[link](http://x)', '\\[link\\](<http://x>)'],
    ['see https://wiki.example.com/a_b. Or ops@example.com', 'see <https://wiki.example.com/a_b>. Or <ops@example.com>'],
    ['keeps `code_spans` as they are', 'keeps `code_spans` as they are'],
    ['an odd ` backtick', 'an odd \\` backtick'],
    ['two\nlines', 'two lines'],
  ])('%j reads as %j', (text, expected) => {
    expect(inline(text)).toBe(expected);
  });

  it('escapes pipes in table cells', () => {
    expect(cell('a | b')).toBe('a \\| b');
  });

  it('never lets report text through as raw HTML', () => {
    const markdown = renderMarkdown(report, { checkInfo: fixtureCheckInfo });
    // Outside code spans (which Markdown shows literally) and autolinks, no `<` starts a tag.
    const prose = markdown.replace(/`[^`\n]+`/g, '').replace(/<(https?:\/\/|[\w.+-]+@)[^>\s]+>/g, '');
    expect(prose).not.toMatch(/(^|[^\\])<[a-z/]/im);
    expect(markdown).toContain('\\<script\\>');
  });
});

describe('the client report says what a reader acts on', () => {
  const markdown = renderMarkdown(report, { checkInfo: fixtureCheckInfo, previous: previousReport });

  it('has the sections in reading order', () => {
    const headings = markdown.split('\n').filter((line) => line.startsWith('## '));
    expect(headings).toEqual([
      '## Summary',
      '## Progress since last audit',
      '## Scores by area',
      '## Remediation plan',
      '## What we could not verify',
      '## Code hotspots',
      '## Dependency upgrade plan',
      '## How the score is computed',
      '## Errors',
      '## Appendix: every check',
    ]);
  });

  it('states the level, what the next one needs, the three biggest risks and the total effort', () => {
    expect(markdown).toContain('has reached the level **not yet safe to demo**');
    expect(markdown).toContain('- Credentials are committed in the repository (`security.secrets`: fail)');
    expect(markdown).toContain('- `deps.nonexistent` (not run in this audit)');
    expect(markdown).toMatch(/The 3 biggest risks:\n\n1\. \*\*Credentials are committed/);
    expect(markdown).toMatch(/takes about \*\*5 h\*\*/);
  });

  it('gives each plan item its evidence, why it matters, how to fix it and its effort', () => {
    const item = markdown.slice(markdown.indexOf('### 1. '), markdown.indexOf('### 2. '));
    expect(item).toContain('`src/pay,ment:s.ts:12:7`');
    expect(item).toContain('Why it matters: Why security.secrets matters');
    expect(item).toContain('How to fix: Revoke the keys');
    expect(item).toMatch(/effort ~1 h/);
  });

  it('shows an attested pass as attested, with who and until when', () => {
    expect(markdown).toMatch(/`data\.backups` \| data \| pass \(attested\) \| 100 \| Attested by <ops@example\.com> .*expires 2027-04-01/);
  });

  it('says so when there is nothing to fix', () => {
    const clean = renderMarkdown(fixtureReport({ checks: [], findings: [], errors: [], metrics: {} }));
    expect(clean).toContain('Nothing to fix among the checks that ran.');
    expect(clean).not.toContain('## Code hotspots');
  });
});
