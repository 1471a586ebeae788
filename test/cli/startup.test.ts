// --help, --version and usage errors must answer without loading the checks, the collectors or the
// TypeScript parser (about half a second). Which modules a run resolves is recorded by a module
// hook in a child process running the built CLI, so the test does not depend on timings.
import { spawnSync } from 'node:child_process';
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/cli.js';

const RECORDER = `
import { registerHooks } from 'node:module';
const resolved = new Set();
registerHooks({
  resolve(specifier, context, next) {
    const result = next(specifier, context);
    resolved.add(result.url);
    return result;
  },
});
const { main } = await import('./dist/cli/main.js');
await main(['node', 'shipshape', ...JSON.parse(process.env.ARGS)]);
process.stderr.write('\\nRESOLVED ' + JSON.stringify([...resolved]) + '\\n');
`;

function modulesLoadedBy(args: string[]): { code: number | null; stdout: string; modules: string[] } {
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', RECORDER], {
    cwd: REPO_ROOT,
    env: { ...process.env, ARGS: JSON.stringify(args), NO_COLOR: '1' },
    encoding: 'utf8',
  });
  const line = child.stderr.split('\n').find((text) => text.startsWith('RESOLVED '));
  if (!line) throw new Error(`the CLI did not finish: ${child.stderr}`);
  const modules = (JSON.parse(line.slice('RESOLVED '.length)) as string[]).map((url) =>
    url.startsWith('file:') ? relative(REPO_ROOT, fileURLToPath(url)).split(sep).join('/') : url,
  );
  return { code: child.status, stdout: child.stdout, modules };
}

const HEAVY = [/^dist\/checks\//, /^dist\/collectors\//, /^dist\/analysis\//, /^dist\/core\/audit\.js$/, /node_modules\/(ts-morph|typescript)\//];

function heavyIn(modules: readonly string[]): string[] {
  return modules.filter((module) => HEAVY.some((pattern) => pattern.test(module)));
}

describe('start-up', () => {
  it.each([[['--version']], [['--help']], [['audit', '--help']], [['help', 'merge']], [['audit', '--bogus']], [['explain']]])(
    '%j loads none of the checks, collectors or the parser',
    (args) => {
      const run = modulesLoadedBy(args);
      expect(run.modules).toContain('dist/cli/program.js');
      expect(heavyIn(run.modules)).toEqual([]);
    },
  );

  it('a bad flag value is a usage error before the command module loads', () => {
    const run = modulesLoadedBy(['audit', '.', '--format', 'pdf']);
    expect(run.code).toBe(2);
    expect(run.modules).toContain('dist/cli/options.js');
    expect(run.modules).not.toContain('dist/cli/commands/audit.js');
    expect(heavyIn(run.modules)).toEqual([]);
  });

  it('the recorder sees the heavy modules when a command runs (so the tests above can fail)', () => {
    const run = modulesLoadedBy(['explain', 'docs.readme']);
    expect(run.stdout).toContain('docs.readme');
    expect(run.modules).toContain('dist/cli/commands/catalogue.js');
    expect(heavyIn(run.modules).some((module) => module.startsWith('dist/checks/'))).toBe(true);
  });
});
