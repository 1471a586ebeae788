import { describe, expect, it } from 'vitest';
import { readmeCheck } from '../../../src/checks/docs/readme.js';
import { runCheckOn } from '../../helpers/run-check.js';

const INTRO =
  'Acme Invoices turns the PDF invoices our customers email us into rows in their accounting system. ' +
  'It runs as a small web service next to the main app and is used by the finance team every morning.';

const cases: { name: string; files: Record<string, string>; status: string; evidence?: RegExp }[] = [
  { name: 'no README at all', files: { 'package.json': '{}' }, status: 'fail', evidence: /no README/ },
  { name: 'README with only the title', files: { 'README.md': '# acme-invoices\n' }, status: 'fail', evidence: /0 words/ },
  { name: 'title and badges only', files: { 'README.md': '# acme\n\n[![CI](https://github.com/a/b/actions/workflows/ci.yml/badge.svg)](https://github.com/a/b)\n' }, status: 'fail' },
  { name: 'setext title only', files: { 'README.md': 'acme-invoices\n=============\n' }, status: 'fail' },
  { name: 'a one-line description', files: { 'README.md': '# acme\n\nParses invoices from email.\n' }, status: 'partial' },
  { name: 'a real introduction in README.md', files: { 'README.md': `# Acme Invoices\n\n${INTRO}\n` }, status: 'pass' },
  { name: 'lower-case readme.rst', files: { 'readme.rst': `Acme Invoices\n=============\n\n${INTRO}\n` }, status: 'pass', evidence: /readme\.rst/ },
  { name: 'README without extension', files: { README: `Acme Invoices\n\n${INTRO}\n` }, status: 'pass' },
  { name: 'README.txt', files: { 'README.txt': `${INTRO}\n` }, status: 'pass' },
  { name: 'README only in .github/', files: { '.github/README.md': `# Acme\n\n${INTRO}\n` }, status: 'pass', evidence: /\.github\/README\.md/ },
  {
    name: 'README of a nested package does not count',
    files: { 'packages/api/README.md': `# api\n\n${INTRO}\n` },
    status: 'fail',
  },
  {
    name: 'an untouched create-next-app README',
    files: {
      'README.md':
        'This is a [Next.js](https://nextjs.org) project bootstrapped with [`create-next-app`](https://nextjs.org/docs/app/api-reference/cli/create-next-app).\n\n## Getting Started\n\nFirst, run the development server:\n\n```bash\nnpm run dev\n```\n\nOpen http://localhost:3000 with your browser to see the result.\n',
    },
    status: 'partial',
    evidence: /create-next-app/,
  },
  {
    name: 'an untouched Create React App README',
    files: { 'README.md': '# Getting Started with Create React App\n\nThis project was bootstrapped with [Create React App](https://github.com/facebook/create-react-app).\n\n## Available Scripts\n\nIn the project directory, you can run:\n\n### `npm start`\n\nRuns the app in the development mode.\n' },
    status: 'partial',
  },  {
    name: 'the README an app builder (Lovable) exported with the code',
    files: {
      'README.md':
        '# Welcome to your Lovable project\n\n## Project info\n\n**URL**: https://lovable.dev/projects/abc\n\n## How can I edit this code?\n\n```sh\ngit clone <YOUR_GIT_URL>\nnpm i\nnpm run dev\n```\n\n## What technologies are used for this project?\n\n- Vite\n- TypeScript\n- React\n',
    },
    status: 'partial',
    evidence: /Lovable/,
  },
];

describe('docs.readme', () => {
  it.each(cases)('$name → $status', async ({ files, status, evidence }) => {
    const result = await runCheckOn(readmeCheck, files);
    expect(result.status).toBe(status);
    if (evidence) expect(result.evidence.join('\n')).toMatch(evidence);
    if (status === 'fail' || status === 'partial') expect(result.findings.length).toBe(1);
    else expect(result.findings).toEqual([]);
  });

  it('points the finding at the README it judged', async () => {
    const result = await runCheckOn(readmeCheck, { 'Readme.md': '# x\n' });
    expect(result.findings[0]?.location).toEqual({ file: 'Readme.md', line: 1 });
  });

  it('prefers README.md over another README at the root', async () => {
    const result = await runCheckOn(readmeCheck, { 'README.md': `# A\n\n${INTRO}\n`, README: 'x' });
    expect(result.evidence[0]).toMatch(/^README\.md:/);
  });

  it('honours a lower word threshold from the options', async () => {
    const result = await runCheckOn(readmeCheck, { 'README.md': '# acme\n\nParses invoices from email.\n' }, { checkOptions: { minWords: 3 } });
    expect(result.status).toBe('pass');
  });

  it('is unknown, not failed, when the README exists but cannot be read', async () => {
    const result = await runCheckOn(readmeCheck, { 'README.md': Buffer.from([0x89, 0x00, 0x01]) });
    expect(result.status).toBe('unknown');
    expect(result.reason).toMatch(/README\.md could not be read as text \(binary\)/);
  });
});
