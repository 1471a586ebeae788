import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/errors.js';
import { configSchema } from '../../src/config/schema.js';
import { defineCheck } from '../../src/core/check.js';
import { selectChecks, settingsFor } from '../../src/core/select.js';

const make = (id: string) =>
  defineCheck({
    id,
    area: id.split('.')[0] as 'docs',
    title: id,
    failureTitle: id,
    rationale: '',
    remediation: '',
    severity: 'low',
    weight: 2,
    effortMinutes: 5,
    requires: [],
    run: () => ({ status: 'pass', evidence: [] }),
  });

const all = [make('docs.readme'), make('docs.license'), make('security.secrets')];
const config = (input: unknown = {}) => configSchema.parse(input);
const ids = (checks: { id: string }[]) => checks.map((check) => check.id);

describe('selectChecks', () => {
  it('runs everything by default', () => {
    expect(ids(selectChecks(all, config(), { only: [], skip: [] }))).toEqual(['docs.readme', 'docs.license', 'security.secrets']);
  });

  it('narrows by check id or area with --only and --skip', () => {
    expect(ids(selectChecks(all, config(), { only: ['docs'], skip: ['docs.license'] }))).toEqual(['docs.readme']);
    expect(ids(selectChecks(all, config(), { only: ['security.secrets'], skip: [] }))).toEqual(['security.secrets']);
  });

  it('honours checks and areas turned off in the config', () => {
    const off = config({ checks: { 'docs.readme': 'off', 'docs.license': { enabled: false } } });
    expect(ids(selectChecks(all, off, { only: [], skip: [] }))).toEqual(['security.secrets']);
    expect(ids(selectChecks(all, config({ areas: { docs: { enabled: false } } }), { only: [], skip: [] }))).toEqual(['security.secrets']);
  });

  it('rejects an unknown id with a usage error that suggests a near one', () => {
    expect(() => selectChecks(all, config(), { only: ['readme'], skip: [] })).toThrow(UsageError);
    expect(() => selectChecks(all, config(), { only: ['readme'], skip: [] })).toThrow(/--only: unknown check or area "readme" \(did you mean docs.readme/);
  });
});

describe('settingsFor', () => {
  it('takes severity, weight and options from the config over the check defaults', () => {
    const check = make('docs.readme');
    expect(settingsFor(check, config())).toEqual({ severity: 'low', weight: 2, options: {} });
    expect(settingsFor(check, config({ checks: { 'docs.readme': { severity: 'high', weight: 0, options: { x: 1 } } } }))).toEqual({
      severity: 'high',
      weight: 0,
      options: { x: 1 },
    });
  });
});
