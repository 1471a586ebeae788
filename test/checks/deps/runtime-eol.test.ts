// TEST_NOW is 2026-11-01: Node 20 ended 2026-04-30, Node 22 ends 2027-04-30 (180 days later), Node 24 ends 2028-04-30.
import { describe, expect, it } from 'vitest';
import { runtimeEolCheck } from '../../../src/checks/deps/runtime-eol.js';
import { readImageTag, readNodeVersion } from '../../../src/knowledge/node-runtime.js';
import { runCheckOn } from '../../helpers/run-check.js';

const pkg = (engines?: string) => JSON.stringify({ name: 'app', ...(engines ? { engines: { node: engines } } : {}) });

const workflow = `name: ci
on: [push]
jobs:
  test:
    runs-on: ubuntu-latest
    strategy:
      matrix:
        node: [20, 24]
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: \${{ matrix.node }}
      - run: npm test
`;

describe('reading Node versions', () => {
  it.each([
    ['20', 20, 'pin'],
    ['v20.11.0', 20, 'pin'],
    ['20.x', 20, 'pin'],
    ['lts/iron', 20, 'pin'],
    ['>=18', 18, 'range'],
    ['^22.12.0', 22, 'range'],
  ] as const)('%s → Node %d (%s)', (text, major, kind) => {
    expect(readNodeVersion(text)).toEqual({ major, kind });
  });

  it.each(['lts/*', 'node', 'latest', 'banana'])('%s names no fixed line', (text) => {
    expect(readNodeVersion(text)).toBeNull();
  });

  it('reads image tags', () => {
    expect(readImageTag('20.11.1-bookworm-slim')).toEqual({ major: 20, kind: 'pin' });
    expect(readImageTag('lts-alpine')).toBeNull();
  });
});

describe('deps.runtime-eol', () => {
  it('passes on a supported line', async () => {
    const result = await runCheckOn(runtimeEolCheck, { 'package.json': pkg('>=24'), '.nvmrc': '24\n' }, { facts: { ci: { configs: [] } } });
    expect(result.status).toBe('pass');
    expect(result.evidence).toEqual(['2 declarations of the Node version', 'package.json engines.node: >=24', '.nvmrc: 24']);
  });

  it('fails on an end-of-life pin and flags the disagreement with the Dockerfile', async () => {
    const files = { 'package.json': pkg(), '.nvmrc': 'v24.11.0', Dockerfile: 'ARG NODE_VERSION=20\nFROM node:${NODE_VERSION}-alpine AS build\nRUN npm ci\n' };
    const result = await runCheckOn(runtimeEolCheck, files, { facts: { ci: { configs: [] } } });
    expect(result.status).toBe('fail');
    expect(result.findings.map((finding) => finding.message)).toEqual([
      'Dockerfile FROM node selects Node 20 (Iron) ("node:${NODE_VERSION}-alpine"), which reached end of life on 2026-04-30.',
      'The declared Node versions disagree: .nvmrc → 24, Dockerfile FROM node → 20.',
    ]);
    expect(result.findings[0]?.location).toEqual({ file: 'Dockerfile', line: 2 });
  });

  it('warns before the end of life, and about engines that still admit an old line', async () => {
    const result = await runCheckOn(runtimeEolCheck, { 'package.json': pkg('>=18'), '.node-version': '22' }, { facts: { ci: { configs: [] } } });
    expect(result.status).toBe('partial');
    expect(result.findings.map((finding) => [finding.severity, finding.title])).toEqual([
      ['low', 'engines still admits an end-of-life Node'],
      ['low', 'Node.js version nears end of life'],
    ]);
    expect(result.score).toBe(0.6);
  });

  it('gives a mere reminder when the only news is an end of life months away, named once per file', async () => {
    const files = { 'package.json': pkg('>=22'), Dockerfile: 'FROM node:22-alpine AS build\nRUN npm ci\nFROM node:22-alpine\nCOPY --from=build /app /app\n' };
    const result = await runCheckOn(runtimeEolCheck, files, { facts: { ci: { configs: [] } } });
    expect(result.findings.map((finding) => finding.message)).toEqual(['Dockerfile FROM node selects Node 22 (Jod), whose support ends on 2027-04-30 (in 180 days).']);
    expect(result).toMatchObject({ status: 'partial', score: 0.9 });
  });

  it('reads .tool-versions and the CI matrix of setup-node', async () => {
    const ci = { configs: [{ provider: 'github-actions' as const, path: '.github/workflows/ci.yml', document: (await import('yaml')).parse(workflow), parseError: null, triggers: ['push'], steps: [{ uses: 'actions/setup-node@v4', with: { 'node-version': '${{ matrix.node }}' }, job: 'test', line: 11 }] }] };
    const result = await runCheckOn(runtimeEolCheck, { 'package.json': pkg(), '.tool-versions': 'python 3.12.1\nnodejs 24.11.0\n' }, { facts: { ci } });
    expect(result.evidence.slice(1)).toEqual(['.tool-versions: 24.11.0', '.github/workflows/ci.yml setup-node matrix: 20', '.github/workflows/ci.yml setup-node matrix: 24']);
    // A matrix tests several lines on purpose: an old one is a warning, and no disagreement.
    expect(result.status).toBe('partial');
    expect(result.findings.map((finding) => [finding.severity, finding.title])).toEqual([['low', 'CI still tests an end-of-life Node']]);
  });

  it('ignores version files of sample projects under fixtures/ (near miss)', async () => {
    const files = { 'package.json': pkg('>=24'), 'fixtures/old-app/.nvmrc': '16', 'fixtures/old-app/Dockerfile': 'FROM node:16\n' };
    expect((await runCheckOn(runtimeEolCheck, files, { facts: { ci: { configs: [] } } })).status).toBe('pass');
  });

  it('flags a pin outside the engines range', async () => {
    const result = await runCheckOn(runtimeEolCheck, { 'package.json': pkg('>=24'), '.nvmrc': '22' }, { facts: { ci: { configs: [] } } });
    expect(result.findings.map((finding) => finding.title)).toContain('Node.js version outside engines');
  });

  it('is unknown when nothing declares a version, n/a without package.json', async () => {
    expect((await runCheckOn(runtimeEolCheck, { 'package.json': pkg() }, { facts: { ci: { configs: [] } } })).status).toBe('unknown');
    expect((await runCheckOn(runtimeEolCheck, { 'README.md': '#' }, { facts: { ci: { configs: [] } } })).status).toBe('na');
  });
});
