import { describe, expect, it } from 'vitest';
import { dependencyWeightCheck } from '../../../src/checks/simplicity/dependency-weight.js';
import { runCheckOn } from '../../helpers/run-check.js';

const deps = (count: number, prefix = 'pkg') => Object.fromEntries(Array.from({ length: count }, (_, i) => [`${prefix}-${i}`, '^1.0.0']));
/** A source file of `lines` lines of code. */
const source = (lines: number) => Array.from({ length: lines }, (_, i) => `export const value${i} = ${i};`).join('\n');
const manifest = (fields: Record<string, unknown>) => JSON.stringify({ name: 'app', private: true, ...fields });

const cases: { name: string; files: Record<string, string>; status: string; score?: number }[] = [
  { name: 'few dependencies, whatever the code size', files: { 'package.json': manifest({ dependencies: deps(15) }), 'src/a.ts': source(10) }, status: 'pass' },
  { name: 'many dependencies for much code', files: { 'package.json': manifest({ dependencies: deps(40) }), 'src/a.ts': source(2500) }, status: 'pass' },
  { name: 'forty dependencies for 1,000 lines', files: { 'package.json': manifest({ dependencies: deps(40) }), 'src/a.ts': source(1000) }, status: 'partial', score: 0.67 },
  { name: 'forty dependencies for a 300-line prototype', files: { 'package.json': manifest({ dependencies: deps(40) }), 'src/a.ts': source(300) }, status: 'fail' },
  {
    name: 'devDependencies, peer dependencies and workspace packages do not count (near miss)',
    files: {
      'package.json': manifest({ workspaces: ['packages/*'], dependencies: { ...deps(10), lib: 'workspace:*' }, devDependencies: deps(40, 'tool') }),
      'packages/lib/package.json': JSON.stringify({ name: 'lib', peerDependencies: deps(20, 'peer'), dependencies: deps(5, 'pkg') }),
      'src/a.ts': source(100),
    },
    status: 'pass',
  },
  { name: 'tests do not count as the code the dependencies serve', files: { 'package.json': manifest({ dependencies: deps(40) }), 'src/a.ts': source(300), 'src/a.test.ts': source(3000) }, status: 'fail' },
  { name: 'no package.json', files: { 'src/a.ts': source(10) }, status: 'na' },
  { name: 'no source code', files: { 'package.json': manifest({ dependencies: deps(40) }) }, status: 'na' },
];

describe('simplicity.dependency-weight', () => {
  it.each(cases)('$name → $status', async ({ files, status, score }) => {
    const result = await runCheckOn(dependencyWeightCheck, files);
    expect(result.status).toBe(status);
    if (score !== undefined) expect(result.score).toBe(score);
    if (status === 'partial' || status === 'fail') {
      expect(result.findings).toHaveLength(1);
      expect(result.findings[0]).toMatchObject({ location: { file: 'package.json' }, data: { dependencies: 40 } });
    } else {
      expect(result.findings).toEqual([]);
    }
    if (status === 'na') expect(result.reason).toBeTruthy();
  });
});
