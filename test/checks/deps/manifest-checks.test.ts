// Table tests of the checks that read manifests and files only: risky-specifier, update-bot, overlap.
import { describe, expect, it } from 'vitest';
import { overlapCheck } from '../../../src/checks/deps/overlap.js';
import { riskySpecifierCheck } from '../../../src/checks/deps/risky-specifier.js';
import { updateBotCheck } from '../../../src/checks/deps/update-bot.js';
import { runCheckOn } from '../../helpers/run-check.js';

const pkg = (fields: Record<string, unknown>) => JSON.stringify({ name: 'app', ...fields }, null, 2);

describe('deps.risky-specifier', () => {
  it.each([
    ['*', 'medium'],
    ['', 'medium'],
    ['latest', 'medium'],
    ['>=1.2.0', 'medium'],
    ['github:user/repo', 'medium'],
    ['git+https://github.com/user/repo.git#main', 'medium'],
    ['git+https://github.com/user/repo.git#0123456789abcdef0123456789abcdef01234567', 'low'],
    ['https://example.com/pkg-1.0.0.tgz', 'medium'],
    ['file:../vendor/pkg', 'low'],
  ])('flags %j as %s', async (specifier, severity) => {
    const result = await runCheckOn(riskySpecifierCheck, { 'package.json': pkg({ dependencies: { thing: specifier } }) });
    expect(result.status).toBe('partial');
    expect(result.findings[0]?.severity).toBe(severity);
  });

  it.each(['^1.2.0', '~1.2.0', '1.2.3', '>=1.2.0 <2', '1.x', 'workspace:*', 'workspace:^', 'link:../x', 'npm:other@^1.0.0', 'catalog:'])(
    'accepts %j (near misses included)',
    async (specifier) => {
      const result = await runCheckOn(riskySpecifierCheck, { 'package.json': pkg({ dependencies: { thing: specifier } }) });
      expect(result.status).toBe('pass');
    },
  );

  it('is unknown, not n/a, when the only package.json does not parse', async () => {
    const result = await runCheckOn(riskySpecifierCheck, { 'package.json': '{ "name": "app", ' });
    expect(result.status).toBe('unknown');
    expect(result.reason).toBe('package.json could not be read, so its dependencies are not known');
  });

  it('leaves peer dependency ranges alone (they are for consumers)', async () => {
    const result = await runCheckOn(riskySpecifierCheck, { 'package.json': pkg({ peerDependencies: { react: '>=16' } }) });
    expect(result.status).toBe('pass');
  });
});

describe('deps.update-bot', () => {
  it.each([
    [{ '.github/dependabot.yml': 'version: 2\nupdates:\n  - package-ecosystem: npm\n    directory: /\n    schedule:\n      interval: weekly\n' }, 'pass'],
    [{ 'renovate.json': '{ "extends": ["config:recommended"] }' }, 'pass'],
    [{ '.github/renovate.json5': '{ extends: ["config:recommended"] }' }, 'pass'],
    [{ '.github/dependabot.yml': 'version: 2\nupdates:\n  - package-ecosystem: github-actions\n    directory: /\n' }, 'partial'],
    [{ '.github/dependabot.yml': 'updates: [\n' }, 'partial'],
    [{}, 'fail'],
  ] as const)('%j → %s', async (extra, status) => {
    const result = await runCheckOn(updateBotCheck, { 'package.json': pkg({}), ...extra });
    expect(result.status).toBe(status);
  });

  it('reads a renovate key in package.json', async () => {
    expect((await runCheckOn(updateBotCheck, { 'package.json': pkg({ renovate: { extends: ['config:base'] } }) })).status).toBe('pass');
  });
});

describe('deps.overlap', () => {
  it('flags two HTTP clients and two test runners in one package', async () => {
    const files = {
      'package.json': pkg({ dependencies: { axios: '^1', 'node-fetch': '^3' }, devDependencies: { jest: '^29', vitest: '^2' } }),
      'src/a.ts': "import axios from 'axios';\n",
      'src/b.ts': "import axios from 'axios';\nimport fetch from 'node-fetch';\n",
    };
    const result = await runCheckOn(overlapCheck, files);
    expect(result.findings.map((finding) => finding.message)).toEqual([
      'package.json declares 2 HTTP clients: axios (imported in 2 files), node-fetch (imported in 1 file).',
      'package.json declares 2 test runners: jest (imported in 0 files), vitest (imported in 0 files).',
    ]);
  });

  it('still flags two bundlers neither of which is built on the other', async () => {
    const result = await runCheckOn(overlapCheck, { 'package.json': pkg({ devDependencies: { vite: '^5', esbuild: '^0.25', webpack: '^5' } }) });
    expect(result.findings.map((finding) => finding.message)).toEqual([
      'package.json declares 2 bundlers: webpack (imported in 0 files), vite (imported in 0 files).',
    ]);
  });

  it.each([
    ['one family under several names', { dependencies: { moment: '^2', 'moment-timezone': '^0.5' } }],
    ['a runtime category counted in devDependencies', { dependencies: { axios: '^1' }, devDependencies: { got: '^14' } }],
    ['jest with its own transformer', { devDependencies: { jest: '^29', 'ts-jest': '^29' } }],
    ['Vite for the client and esbuild for the server bundle', { devDependencies: { vite: '^5', esbuild: '^0.25', rollup: '^4' } }],
  ])('passes with %s (near miss)', async (_label, fields) => {
    expect((await runCheckOn(overlapCheck, { 'package.json': pkg(fields) })).status).toBe('pass');
  });
});
