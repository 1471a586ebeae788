import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/errors.js';
import { loadConfig, parseConfig } from '../../src/config/load.js';

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
    expect(() => parseConfig({ checks: { 'docs.nope': 'off' } }, 'x.json')).toThrow(/checks.docs.nope: no such check/);
  });

  it('accepts severity, weight and areas overrides', () => {
    expect(parseConfig({ areas: { docs: { weight: 0 } }, failOn: 'high' }, 'x.json')).toMatchObject({ areas: { docs: { weight: 0 } }, failOn: 'high' });
    expect(() => parseConfig({ areas: { nope: { weight: 1 } } }, 'x.json')).toThrow(/areas/);
  });
});
