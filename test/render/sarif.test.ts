// SARIF output checked against the official SARIF 2.1.0 JSON Schema, and against what GitHub code
// scanning needs beyond the schema (a file for every result, relative paths, stable fingerprints).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { renderSarif } from '../../src/render/sarif.js';
import { catalogueInfo } from '../../src/render/index.js';
import { auditExample, EXAMPLE_REPOSITORIES } from './fixture-audits.js';
import { fixtureCheckInfo } from './fixture-report.js';
import { report } from './render-fixture.js';

/**
 * The schema shipped by @microsoft/jest-sarif declares draft-04, which Ajv 8 no longer reads; its
 * only draft-04 construct is the top-level `id` (other `id`s are property names), so it is read as
 * draft-07 with `$id`. Its language pattern is not valid with the u flag, so patterns run without it;
 * formats (uri, date-time) are not checked here.
 */
function sarifValidator() {
  const path = createRequire(import.meta.url).resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  const { id, $schema: _draft04, ...schema } = JSON.parse(readFileSync(path, 'utf8')) as { id: string; $schema: string };
  const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false });
  return ajv.compile({ ...schema, $id: id, $schema: 'http://json-schema.org/draft-07/schema#' });
}

const validate = sarifValidator();
const sarif = JSON.parse(renderSarif(report, { checkInfo: fixtureCheckInfo }));
const run = sarif.runs[0];

describe('SARIF 2.1.0', () => {
  it('validates against the official schema', () => {
    const valid = validate(sarif);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('the validator does reject a broken log (so the test above can fail)', () => {
    expect(validate({ ...sarif, version: '2.0.0' })).toBe(false);
    expect(validate({ ...sarif, runs: [{ ...run, results: [{ ...run.results[0], level: 'fatal' }] }] })).toBe(false);
  });

  it('has one rule per check that ran, with help text from the catalogue', () => {
    expect(run.tool.driver.rules.map((rule: { id: string }) => rule.id)).toEqual(report.checks.map((check) => check.id).sort());
    const secrets = run.tool.driver.rules.find((rule: { id: string }) => rule.id === 'security.secrets');
    expect(secrets).toMatchObject({
      name: 'SecuritySecrets',
      fullDescription: { text: 'Why security.secrets matters, in plain words.' },
      defaultConfiguration: { level: 'error' },
      properties: { tags: expect.arrayContaining(['security']), 'security-severity': '9.5' },
    });
    expect(secrets.help.text).toContain('How to fix: Revoke the keys');
  });

  it('gives each finding a file relative to the root, its line and column, and its fingerprint', () => {
    const result = run.results.find((r: { partialFingerprints: Record<string, string> }) => r.partialFingerprints['shipshape/v1'] === 'aaaaaaaaaaaaaaaaaaaa');
    expect(result).toMatchObject({
      ruleId: 'security.secrets',
      level: 'error',
      locations: [{ physicalLocation: { artifactLocation: { uri: 'src/pay,ment:s.ts', uriBaseId: '%SRCROOT%' }, region: { startLine: 12, startColumn: 7 } } }],
    });
    expect(run.tool.driver.rules[result.ruleIndex].id).toBe('security.secrets');
  });

  it('anchors repository-level results at the root manifest, since GitHub rejects results without a file', () => {
    for (const result of run.results) expect(result.locations[0].physicalLocation.artifactLocation.uri).toBeTruthy();
    const envExample = run.results.find((r: { ruleId: string }) => r.ruleId === 'security.env-example');
    expect(envExample.message.text).toMatch(/^Repository-level: /);
    expect(envExample.locations[0].physicalLocation.artifactLocation.uri).toBe('package.json');
  });

  it('prefixes paths with the audited folder inside the repository', () => {
    const nested = JSON.parse(renderSarif(report, { pathPrefix: 'packages/shop' })).runs[0];
    const uris = nested.results.map((r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => r.locations[0]!.physicalLocation.artifactLocation.uri);
    expect(uris.every((uri: string) => uri.startsWith('packages/shop/'))).toBe(true);
    expect(validate(JSON.parse(renderSarif(report, { pathPrefix: 'packages/shop' })))).toBe(true);
  });

  it('orders results worst first and keeps fingerprints unique', () => {
    const levels = run.results.map((r: { level: string }) => r.level);
    expect(levels.indexOf('note')).toBeGreaterThan(levels.lastIndexOf('error'));
    const fingerprints = run.results.map((r: { partialFingerprints: Record<string, string> }) => r.partialFingerprints['shipshape/v1']);
    expect(new Set(fingerprints).size).toBe(fingerprints.length);
  });
});

describe('SARIF of the example repositories', () => {
  it.each(EXAMPLE_REPOSITORIES)('%s validates and gives every result a relative file', async (name) => {
    const log = JSON.parse(renderSarif(await auditExample(name), { checkInfo: catalogueInfo }));
    expect(validate(log) ? [] : validate.errors).toEqual([]);
    for (const result of log.runs[0].results) {
      const uri: string = result.locations[0].physicalLocation.artifactLocation.uri;
      expect(uri).not.toMatch(/^(\/|[a-z]+:)/i);
      expect(result.partialFingerprints['shipshape/v1']).toBeTruthy();
    }
  });
});
