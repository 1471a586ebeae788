import { describe, expect, it } from 'vitest';
import { readmeSetupCheck } from '../../../src/checks/docs/readme-setup.js';
import { runCheckOn } from '../../helpers/run-check.js';

const readme = (body: string) => ({ 'README.md': `# Acme\n\nAcme turns invoices into ledger rows.\n\n${body}\n` });

const cases: { name: string; files: Record<string, string>; status: string; evidence?: RegExp }[] = [
  { name: 'no README', files: { 'package.json': '{}' }, status: 'fail', evidence: /no README/ },
  {
    name: 'no README, but a setup guide with install and run commands',
    files: { 'package.json': '{}', 'SETUP.md': '# Setup\n\n```bash\nnpm install\ncp .env.example .env.local\nnpm run dev\n```\n' },
    status: 'partial',
    evidence: /SETUP\.md gives install and run commands/,
  },
  { name: 'near miss: no README and a setup guide without run steps', files: { 'package.json': '{}', 'SETUP.md': '# Setup\n\nAsk the team for access.\n\n```bash\nnpm install\n```\n' }, status: 'fail', evidence: /no README/ },
  { name: 'README with only a title', files: { 'README.md': '# Acme\n' }, status: 'fail' },
  {
    name: 'install and run in a fenced block',
    files: readme('## Getting started\n\n```sh\nnpm ci\ncp .env.example .env\nnpm run dev\n```'),
    status: 'pass',
    evidence: /README\.md:8: `npm ci`/,
  },
  { name: 'shell comments are not part of the command', files: readme('```sh\nnpm ci            # exact versions\nnpm start # port 3000\n```'), status: 'pass', evidence: /`npm ci` \(npm install\)/ },
  { name: 'one line with &&', files: readme('```\n$ pnpm install && pnpm dev\n```'), status: 'pass' },
  { name: 'docker compose up is both', files: readme('Run it:\n\n```bash\ndocker compose up --build\n```'), status: 'pass' },
  { name: 'inline commands', files: readme('Install with `yarn` and start with `yarn dev`.'), status: 'pass' },
  { name: 'commands in plain text', files: readme('Run npm install, then npm start and open the browser.'), status: 'pass', evidence: /in the text/ },
  {
    name: 'a library: install and a usage example',
    files: readme("```\nnpm install acme-parse\n```\n\n```ts\nimport { parse } from 'acme-parse';\nparse('x');\n```"),
    status: 'pass',
    evidence: /usage example/,
  },
  {
    name: 'reStructuredText literal block',
    files: { 'README.rst': 'Acme\n====\n\nInstall it::\n\n    npm install\n    npm start\n\nDone.\n' },
    status: 'pass',
  },
  {
    name: 'a library: a JavaScript block is a usage example',
    files: { ...readme("```sh\nnpm install acme-parse\n```\n\n```js\nconst policy = new Policy(request);\n```"), 'package.json': JSON.stringify({ name: 'acme-parse', version: '1.0.0', exports: './index.js' }) },
    status: 'pass',
    evidence: /README\.md:10: `const policy = new Policy\(request\);` \(usage example\)/,
  },
  {
    name: 'an app: a JavaScript block is not a run step',
    files: { ...readme("```sh\nnpm install\n```\n\n```js\nmodule.exports = { port: 3000 };\n```"), 'package.json': JSON.stringify({ private: true, dependencies: { express: '4' } }) },
    status: 'partial',
  },
  { name: 'a quoted inline command', files: readme('> `npm install --save @types/ms`\n\nThen `npm test`.'), status: 'pass' },
  { name: 'install only', files: readme('```\nnpm install\n```'), status: 'partial', evidence: /how to run/ },
  { name: 'run only', files: readme('```\nnpm run dev\n```'), status: 'partial', evidence: /how to install/ },
  {
    name: 'only a link to the wiki',
    files: readme('## Setup\n\nSee the [wiki](https://github.com/acme/acme/wiki/Setup) for how to set it up.'),
    status: 'fail',
    evidence: /links to https:\/\/github\.com\/acme\/acme\/wiki\/Setup/,
  },
  { name: 'a heading without steps', files: readme('## Installation\n\nAsk Sam for access.'), status: 'fail' },
  { name: 'the word yarn alone in prose is not a step', files: readme('We use yarn\nand node.'), status: 'fail' },
  { name: 'a code block of config is not a step', files: readme('```json\n{ "port": 3000 }\n```'), status: 'fail' },
  { name: '"Node 20" is not a command', files: readme('Requires Node 20 or later.'), status: 'fail' },
];

describe('docs.readme-setup', () => {
  it.each(cases)('$name → $status', async ({ files, status, evidence }) => {
    const result = await runCheckOn(readmeSetupCheck, files);
    expect(result.status).toBe(status);
    if (evidence) expect(result.evidence.join('\n')).toMatch(evidence);
    expect(result.findings.length).toBe(status === 'pass' ? 0 : 1);
  });

  it('says where the README points instead of giving steps', async () => {
    const result = await runCheckOn(readmeSetupCheck, readme('Setup: https://notion.so/acme/setup'));
    expect(result.findings[0]?.message).toMatch(/points to https:\/\/notion\.so\/acme\/setup \(line 5\)/);
  });

  it('is unknown, not failed, when the README exists but cannot be read', async () => {
    const result = await runCheckOn(readmeSetupCheck, { 'README.md': Buffer.from([0x89, 0x00, 0x01]) });
    expect(result.status).toBe('unknown');
    expect(result.reason).toMatch(/README\.md could not be read as text \(binary\)/);
  });
});
