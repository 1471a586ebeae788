import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandEnv, loadNpmrc, parseNpmrc, redactUrl } from '../../src/registry/npmrc.js';

describe('.npmrc', () => {
  it('expands ${VAR}, keeps registry settings and credentials, drops the rest', () => {
    const text = [
      '# company registry',
      'registry = https://npm.corp.example/',
      '@corp:registry=https://npm.corp.example/corp/',
      '//npm.corp.example/:_authToken=${NPM_TOKEN}',
      'fund=false',
      'strict-ssl=false',
      'save-exact = true',
    ].join('\n');
    expect(parseNpmrc(text, { NPM_TOKEN: 'tok-123' })).toEqual({
      registry: 'https://npm.corp.example/',
      '@corp:registry': 'https://npm.corp.example/corp/',
      '//npm.corp.example/:_authToken': 'tok-123',
      'strict-ssl': 'false',
    });
  });

  it('leaves an unset variable as written unless marked optional, and honours escapes', () => {
    expect(expandEnv('${MISSING}', {})).toBe('${MISSING}');
    expect(expandEnv('${MISSING?}', {})).toBe('');
    expect(expandEnv('\\${HOME}', { HOME: '/h' })).toBe('${HOME}');
  });

  it("merges the user's file and the project's, the project winning", () => {
    const home = mkdtempSync(join(tmpdir(), 'npmrc-user-'));
    const project = mkdtempSync(join(tmpdir(), 'npmrc-project-'));
    writeFileSync(join(home, '.npmrc'), 'registry=https://user.example\n//user.example/:_authToken=abc\n');
    writeFileSync(join(project, '.npmrc'), 'registry=https://project.example/\n@x:registry=https://x.example\n');
    const settings = loadNpmrc(project, { NPM_CONFIG_USERCONFIG: join(home, '.npmrc') });
    expect(settings.registry).toBe('https://project.example/');
    expect(settings.scopes).toEqual({ '@x': 'https://x.example/' });
    expect(settings.fetchOptions['//user.example/:_authToken']).toBe('abc');
    expect(settings.fetchOptions.strictSSL).toBeUndefined();
    expect(loadNpmrc('', { NPM_CONFIG_USERCONFIG: join(home, 'absent') }).registry).toBe('https://registry.npmjs.org/');
  });

  it('masks credentials in URLs', () => {
    expect(redactUrl('GET https://me:pw@registry.example/x failed')).toBe('GET https://***@registry.example/x failed');
  });
});
