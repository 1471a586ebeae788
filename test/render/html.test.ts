// The HTML client report: self-contained, escaped, and rendered for real in headless Chromium
// (Debian's `chromium`; .ci/run installs it) — on screen and in print.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { areaChart, escapeHtml, histogramChart, renderHtml } from '../../src/render/html.js';
import { renderPortfolioHtml } from '../../src/render/portfolio.js';
import { buildPortfolio } from '../../src/report/portfolio.js';
import { catalogueInfo } from '../../src/render/index.js';
import { auditExample } from './fixture-audits.js';
import { fixtureCheckInfo, fixtureReport } from './fixture-report.js';
import { previousReport, report } from './render-fixture.js';

const CHROMIUM = '/usr/bin/chromium';
const html = renderHtml(report, { checkInfo: fixtureCheckInfo, previous: previousReport });

describe('HTML report, as text', () => {
  it('escapes everything that comes from the report', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&#60;a href=&#34;x&#34;&#62;&#39;&#38;&#39;&#60;/a&#62;');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<unexpected');
    expect(html).not.toContain('<admin>');
    expect(html).toContain('&#60;script&#62; tag &#38; &#34;quotes&#34;');
  });

  it('needs nothing from outside: no scripts, stylesheets, images, fonts or frames', () => {
    expect(html).not.toMatch(/<(script|link|img|iframe|object|embed)\b/i);
    expect(html).not.toMatch(/\b(src|href)\s*=\s*["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/url\(|@import/i);
  });

  it('shows `code spans` in prose as code, still escaped', () => {
    const withCode = renderHtml(fixtureReport({ errors: [{ source: 'x.y', message: 'run `a <b> c` first' }] }));
    expect(withCode).toContain('run <code>a &#60;b&#62; c</code> first');
    expect(html).toContain('To check by hand: Run <code>npm outdated</code>');
  });

  it('has a print stylesheet', () => {
    expect(html).toContain('@media print');
  });

  it('draws one bar per area and one column per complexity band', () => {
    expect(areaChart(report.categories).match(/<rect /g)).toHaveLength(report.categories.length * 2);
    expect(histogramChart([{ label: '1–5', count: 3 }, { label: '<6>', count: 1 }])).toContain('&#60;6&#62;');
  });
});

const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(`skipping the Chromium rendering tests: ${CHROMIUM} is missing (apt-get install chromium; .ci/run does this)`);
}

describe.skipIf(!hasChromium)('HTML report, rendered in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  async function open(content: string) {
    const page = await browser.newPage({ viewport: { width: 1024, height: 800 } });
    const requests: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith('data:') && request.url() !== 'about:blank') requests.push(request.url());
    });
    await page.setContent(content, { waitUntil: 'load' });
    return { page, requests };
  }

  it('shows the summary, the sections and the charts, and asks for nothing over the network', async () => {
    const { page, requests } = await open(html);
    expect(await page.title()).toBe('Production readiness: acme-shop');
    expect(await page.locator('.score .big').textContent()).toBe('59');
    expect(await page.locator('h2').allTextContents()).toEqual([
      'Summary',
      'Progress since last audit',
      'Scores by area',
      'Remediation plan',
      'What we could not verify',
      'Code hotspots',
      'Dependency upgrade plan',
      'How the score is computed',
      'Errors',
      'Appendix: every check',
    ]);
    expect(await page.locator('ol.risks > li').count()).toBe(3);
    expect(await page.locator('nav a').count()).toBe(10);
    expect(await page.locator('nav a').first().getAttribute('href')).toBe('#summary');
    expect(await page.locator('article.item').count()).toBe(5);
    expect(await page.locator('#areas svg rect').count()).toBe(report.categories.length * 2);
    expect(await page.locator('#hotspots svg rect').count()).toBe(6);
    // Escaped text reads as text, not markup.
    expect(await page.locator('article.item').first().textContent()).toContain('in a <script> tag & "quotes"');
    expect(await page.locator('script').count()).toBe(0);
    // The area chart is laid out at its size, not collapsed.
    const box = await page.locator('#areas svg').boundingBox();
    expect(box!.width).toBeGreaterThan(500);
    expect(box!.height).toBeGreaterThan(report.categories.length * 20);
    expect(requests).toEqual([]);
    await page.close();
  });

  it('takes a full-page screenshot of a real, long page', async () => {
    const { page } = await open(html);
    const png = await page.screenshot({ fullPage: true });
    // PNG header: width and height are big-endian at bytes 16 and 20.
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(1024);
    expect(png.readUInt32BE(20)).toBeGreaterThan(3000);
    expect(png.length).toBeGreaterThan(100_000);
    await page.close();
  });

  it('prints: print styles apply and the PDF has several pages', async () => {
    const { page } = await open(html);
    await page.emulateMedia({ media: 'print' });
    // A string expression: the test project compiles without the DOM library.
    expect(await page.evaluate("getComputedStyle(document.querySelector('main')).maxWidth")).toBe('none');
    expect(await page.locator('nav').isVisible()).toBe(false);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length).toBeGreaterThan(2);
    await page.close();
  });

  it('renders a report with nothing to fix and no metrics', async () => {
    const { page } = await open(renderHtml(fixtureReport({ checks: [], findings: [], errors: [], metrics: {} })));
    expect(await page.locator('#plan').textContent()).toContain('Nothing to fix');
    expect(await page.locator('#hotspots').count()).toBe(0);
    await page.close();
  });

  it('renders the report of a real prototype (fixtures/prototype-ai)', async () => {
    const { page, requests } = await open(renderHtml(await auditExample('prototype-ai'), { checkInfo: catalogueInfo }));
    expect(await page.locator('article.item').count()).toBeGreaterThan(3);
    expect(await page.locator('ol.risks > li').count()).toBe(3);
    expect(requests).toEqual([]);
    await page.close();
  });

  it('renders the portfolio', async () => {
    const portfolio = buildPortfolio([
      { source: 'a.json', report },
      { source: 'b.json', report: previousReport },
    ]);
    const { page, requests } = await open(renderPortfolioHtml(portfolio));
    expect(await page.locator('tbody').first().locator('tr').count()).toBe(2);
    expect(requests).toEqual([]);
    await page.close();
  });
});
