import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SKIP_LIMITS } from '../../src/analysis/skip.js';
import { UsageError } from '../../src/cli/errors.js';
import { loadConfig, parseConfig } from '../../src/config/load.js';
import { checksById } from '../../src/checks/index.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shipshape-config-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('loadConfig', () => {
  it('uses defaults when there is no configuration', async () => {
    const loaded = await loadConfig(dir, null, dir);
    expect(loaded.source).toBeNull();
    expect(loaded.config).toMatchObject({ checks: {}, areas: {}, ignore: [] });
  });

  it('reads shipshape.config.json before package.json#shipshape', async () => {
    await writeFile(join(dir, 'package.json'), JSON.stringify({ shipshape: { ignore: ['from-manifest'] } }));
    expect((await loadConfig(dir, null, dir)).config.ignore).toEqual(['from-manifest']);
    await writeFile(join(dir, 'shipshape.config.json'), JSON.stringify({ ignore: ['from-file'] }));
    const loaded = await loadConfig(dir, null, dir);
    expect(loaded).toMatchObject({ source: 'shipshape.config.json', config: { ignore: ['from-file'] } });
  });

  it('does not treat a broken package.json as a configuration error (the audit reports it)', async () => {
    await writeFile(join(dir, 'package.json'), '{ "name": ');
    expect((await loadConfig(dir, null, dir)).source).toBeNull();
  });

  it('names the file, the field and the expectation for an invalid value', async () => {
    await writeFile(join(dir, 'shipshape.config.json'), JSON.stringify({ failUnder: 'high' }));
    await expect(loadConfig(dir, null, dir)).rejects.toThrow(UsageError);
    await expect(loadConfig(dir, null, dir)).rejects.toThrow(/shipshape.config.json: failUnder: .*number/);
  });

  it('rejects unknown keys, invalid JSON and a missing --config file', async () => {
    await writeFile(join(dir, 'shipshape.config.json'), JSON.stringify({ treshold: 3 }));
    await expect(loadConfig(dir, null, dir)).rejects.toThrow(/treshold/);
    await writeFile(join(dir, 'shipshape.config.json'), '{ nope');
    await expect(loadConfig(dir, null, dir)).rejects.toThrow(/not valid JSON/);
    await expect(loadConfig(dir, 'missing.json', dir)).rejects.toThrow('config file not found: missing.json');
  });
});

describe('parseConfig', () => {
  it('rejects a check id that does not exist', () => {
    expect(() => parseConfig({ checks: { 'docs.nope': 'off' } }, 'x.json', checksById)).toThrow(/checks.docs.nope: no such check/);
  });

  it('accepts severity, weight and areas overrides', () => {
    expect(parseConfig({ areas: { docs: { weight: 0 } }, failOn: 'high' }, 'x.json', checksById)).toMatchObject({ areas: { docs: { weight: 0 } }, failOn: 'high' });
    expect(() => parseConfig({ areas: { nope: { weight: 1 } } }, 'x.json', checksById)).toThrow(/areas/);
  });
});

describe('parseConfig: analysis (which files the code analysis reads)', () => {
  it('defaults to the built-in limits and no ignores', () => {
    expect(parseConfig({}, 'x.json', checksById).analysis).toEqual({ ...DEFAULT_SKIP_LIMITS, ignore: [] });
  });

  it('accepts each limit and an ignore list, keeping the defaults for the rest', () => {
    expect(parseConfig({ analysis: { maxFileLines: 50_000, ignore: ['src/generated/'] } }, 'x.json', checksById).analysis).toEqual({
      maxFileBytes: DEFAULT_SKIP_LIMITS.maxFileBytes,
      maxFileLines: 50_000,
      minifiedLineLength: DEFAULT_SKIP_LIMITS.minifiedLineLength,
      ignore: ['src/generated/'],
    });
    expect(parseConfig({ analysis: { maxFileBytes: 1024 * 1024, minifiedLineLength: 200 } }, 'x.json', checksById).analysis).toMatchObject({
      maxFileBytes: 1024 * 1024,
      minifiedLineLength: 200,
    });
  });

  it.each([
    [{ maxFileBytes: 1024 * 1024 + 1 }, /analysis\.maxFileBytes: at most 1048576/],
    [{ maxFileBytes: 0 }, /analysis\.maxFileBytes: expected a whole number above 0/],
    [{ maxFileBytes: '1MB' }, /analysis\.maxFileBytes: .*number/],
    [{ maxFileLines: 1.5 }, /analysis\.maxFileLines: expected a whole number$/],
    [{ maxFileLines: -1 }, /analysis\.maxFileLines: expected a whole number above 0/],
    [{ minifiedLineLength: 199 }, /analysis\.minifiedLineLength: at least 200/],
    [{ ignore: 'dist/' }, /analysis\.ignore: .*array/],
    [{ ignore: [''] }, /analysis\.ignore\.0: /],
    [{ maxLines: 10 }, /analysis: .*maxLines/],
  ])('rejects %j naming the file and the field', (analysis, message) => {
    expect(() => parseConfig({ analysis }, 'shipshape.config.json', checksById)).toThrow(UsageError);
    expect(() => parseConfig({ analysis }, 'shipshape.config.json', checksById)).toThrow(/^invalid configuration in shipshape\.config\.json: /);
    expect(() => parseConfig({ analysis }, 'shipshape.config.json', checksById)).toThrow(message);
  });

  it('rejects an analysis section that is not an object', () => {
    expect(() => parseConfig({ analysis: ['src/'] }, 'package.json#shipshape', checksById)).toThrow(/package\.json#shipshape: analysis: .*object/);
  });
});

describe('configuration examples in the documentation', () => {
  // Examples are copied into real repositories: each must be a valid configuration.
  it.each([['README.md'], ['docs/code-health.md']])('%s: every JSON example with "analysis" or "checks" is valid', async (file) => {
    const text = await readFile(new URL(`../../${file}`, import.meta.url), 'utf8');
    const examples = [...text.matchAll(/```json\n([\s\S]*?)```/g)].map((match) => match[1]!).filter((json) => /"(analysis|checks)"/.test(json));
    expect(examples.length).toBeGreaterThan(0);
    for (const example of examples) expect(() => parseConfig(JSON.parse(example), file, checksById)).not.toThrow();
  });
});
