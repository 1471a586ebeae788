import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/types.js';
import { escapeData, escapeProperty, renderAnnotations } from '../../src/render/github.js';
import { renderGitlab } from '../../src/render/gitlab.js';
import { fixtureReport } from './fixture-report.js';
import { report } from './render-fixture.js';

describe('workflow-command escaping', () => {
  it('escapes %, CR and LF in messages', () => {
    expect(escapeData('100% done\r\nnext: a,b')).toBe('100%25 done%0D%0Anext: a,b');
  });

  it('also escapes : and , in properties', () => {
    expect(escapeProperty('src/a:b,c%.ts')).toBe('src/a%3Ab%2Cc%25.ts');
  });
});

describe('annotations', () => {
  const lines = renderAnnotations(report).trimEnd().split('\n');

  it('one per located finding, worst first, with file, line, column and title', () => {
    expect(lines).toHaveLength(4);
    expect(lines[1]).toBe(
      '::error file=src/pay%2Cment%3As.ts,line=12,col=7,title=Credentials are committed in the repository (security.secrets)::' +
        'Stripe live key sk_l…p7dc in a <script> tag & "quotes"',
    );
    expect(lines.map((line) => line.slice(0, line.indexOf(' ')))).toEqual(['::error', '::error', '::warning', '::notice']);
  });

  it('keeps a multi-line message on one command line', () => {
    expect(lines[0]).toContain('AKIA…MPLE%0Asecond line with 100%25 certainty');
  });

  it('leaves out repository-level issues, which have no line to annotate', () => {
    expect(lines.some((line) => line.includes('security.env-example'))).toBe(false);
  });

  it('prefixes paths with the audited folder inside the repository', () => {
    expect(renderAnnotations(report, { pathPrefix: 'apps/shop' })).toContain('file=apps/shop/README.md,');
  });

  it('caps the count, keeping the most severe, and says how many were left out', () => {
    const many: Finding[] = Array.from({ length: 60 }, (_, i) => ({
      checkId: 'code.complexity',
      severity: i === 59 ? 'critical' : 'low',
      title: 't',
      message: `m${i}`,
      location: { file: `src/f${i}.ts`, line: 1 },
      effortMinutes: 1,
      fingerprint: `fp${i}`,
    }));
    const capped = renderAnnotations(fixtureReport({ findings: many }), { limit: 50 }).trimEnd().split('\n');
    expect(capped).toHaveLength(51);
    expect(capped[0]).toMatch(/^::error file=src\/f59\.ts/);
    expect(capped[50]).toBe('::notice title=shipshape::10 more findings are in the report (annotations are capped at 50)');
  });

  it('prints nothing without located findings', () => {
    expect(renderAnnotations(fixtureReport({ findings: [] }))).toBe('');
  });
});

describe('GitLab code quality', () => {
  const entries = JSON.parse(renderGitlab(report)) as { fingerprint: string; severity: string; location: { path: string; lines: { begin: number } } }[];

  it('maps severities and locations, with unique fingerprints', () => {
    expect(entries[0]).toMatchObject({ severity: 'blocker', location: { path: 'config/aws.json', lines: { begin: 3 } } });
    expect(new Set(entries.map((e) => e.fingerprint)).size).toBe(entries.length);
    expect(entries.find((e) => e.location.path === 'package.json')).toBeDefined();
  });
});
