import { describe, expect, it } from 'vitest';
import { licenseCheck } from '../../../src/checks/docs/license.js';
import { runCheckOn } from '../../helpers/run-check.js';

const MIT = 'MIT License\n\nCopyright (c) 2026 Acme\n\nPermission is hereby granted, free of charge, ...\n';
const manifest = (fields: Record<string, unknown>) => JSON.stringify({ name: 'acme', version: '1.0.0', ...fields });

const cases: { name: string; files: Record<string, string>; status: string; evidence?: RegExp; reason?: RegExp }[] = [
  { name: 'LICENSE', files: { LICENSE: MIT, 'package.json': manifest({ license: 'MIT' }) }, status: 'pass', evidence: /LICENSE is present/ },
  { name: 'LICENCE.md (British spelling)', files: { 'LICENCE.md': MIT }, status: 'pass' },
  { name: 'license.txt (lower case)', files: { 'license.txt': MIT }, status: 'pass' },
  { name: 'COPYING', files: { COPYING: 'GNU GENERAL PUBLIC LICENSE\nVersion 3\n' }, status: 'pass' },
  { name: 'LICENSE-MIT', files: { 'LICENSE-MIT': MIT }, status: 'pass' },
  { name: 'a private app with a licence still passes', files: { LICENSE: MIT, 'package.json': manifest({ private: true }) }, status: 'pass' },
  {
    name: 'a private app without a licence',
    files: { 'package.json': manifest({ private: true }) },
    status: 'na',
    reason: /"private": true/,
  },
  { name: 'UNLICENSED (proprietary) without a file', files: { 'package.json': manifest({ license: 'UNLICENSED' }) }, status: 'na', reason: /proprietary/ },
  { name: 'SEE LICENSE IN a file that exists', files: { 'EULA.txt': 'Terms', 'package.json': manifest({ license: 'SEE LICENSE IN EULA.txt' }) }, status: 'pass' },
  { name: 'a licence field without its text', files: { 'package.json': manifest({ license: 'MIT' }) }, status: 'partial', evidence: /"license": "MIT"/ },
  { name: 'nothing, not private', files: { 'package.json': manifest({}) }, status: 'fail' },
  { name: 'nothing, no package.json', files: { 'index.js': '' }, status: 'fail' },
  { name: '"private": "true" as a string is not private', files: { 'package.json': manifest({ private: 'true' }) }, status: 'fail' },
  { name: 'an empty LICENSE', files: { LICENSE: '\n' }, status: 'fail', evidence: /empty/ },
  { name: 'a licence in a sub-folder only', files: { 'packages/a/LICENSE': MIT }, status: 'fail' },
  {
    name: 'a private monorepo root whose published packages each have a licence',
    files: { 'package.json': manifest({ private: true, workspaces: ['packages/*'] }), 'packages/a/package.json': manifest({ name: 'a' }), 'packages/a/LICENSE': MIT, 'packages/app/package.json': manifest({ private: true }) },
    status: 'pass',
    evidence: /packages\/a\/LICENSE is present/,
  },
  {
    name: 'a private monorepo root with a published package without a licence',
    files: { 'package.json': manifest({ private: true, workspaces: ['packages/*'] }), 'packages/a/package.json': manifest({ name: 'a' }) },
    status: 'fail',
    evidence: /packages\/a\/package\.json: a published package/,
  },
  {
    name: 'a private monorepo root with only private packages',
    files: { 'package.json': manifest({ private: true, workspaces: ['apps/*'] }), 'apps/web/package.json': manifest({ private: true }) },
    status: 'na',
  },
  {
    name: 'a root licence covers the published packages',
    files: { LICENSE: MIT, 'package.json': manifest({ private: true, workspaces: ['packages/*'] }), 'packages/a/package.json': manifest({ name: 'a' }) },
    status: 'pass',
  },
];

describe('docs.license', () => {
  it.each(cases)('$name → $status', async ({ files, status, evidence, reason }) => {
    const result = await runCheckOn(licenseCheck, files);
    expect(result.status).toBe(status);
    if (evidence) expect(result.evidence.join('\n')).toMatch(evidence);
    if (reason) expect(result.reason).toMatch(reason);
    expect(result.findings.length).toBe(status === 'fail' || status === 'partial' ? 1 : 0);
  });
});
