import { execFile } from 'node:child_process';
import { defineCollector } from '../core/collector.js';
import type { GitFact } from '../core/facts.js';

// Git is asked only read-only questions. The audited repository's own config could otherwise make
// git run programs (core.fsmonitor), and optional index refreshes would write into its `.git`.
const SAFE_GIT_ARGS = ['-c', 'core.fsmonitor=false'];
const SAFE_GIT_ENV = { GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' };
const MAX_OUTPUT_BYTES = 512 * 1024 * 1024;

/**
 * Runs `git <args>` in `cwd` without a shell and resolves to its stdout, or null when git is missing,
 * the folder is not a work tree, or the command fails for any other reason.
 */
export function runGit(cwd: string, args: readonly string[]): Promise<string | null> {
  return new Promise((resolve) => {
    try {
      execFile(
        'git',
        [...SAFE_GIT_ARGS, ...args],
        { cwd, env: { ...process.env, ...SAFE_GIT_ENV }, maxBuffer: MAX_OUTPUT_BYTES, windowsHide: true },
        (error, stdout) => resolve(error ? null : stdout),
      );
    } catch {
      // execFile throws synchronously for some spawn failures (e.g. a cwd that is not a folder).
      resolve(null);
    }
  });
}

/** HEAD's commit and branch of the work tree containing `root`; nulls when there is none. */
export async function readGitFact(root: string): Promise<GitFact> {
  const inside = await runGit(root, ['rev-parse', '--is-inside-work-tree']);
  if (inside?.trim() !== 'true') return { isRepo: false, commit: null, branch: null };
  // Both fail harmlessly on a repository without commits (commit null) or a detached HEAD (branch null).
  const [commit, branch] = await Promise.all([
    runGit(root, ['rev-parse', '--verify', '-q', 'HEAD']),
    runGit(root, ['symbolic-ref', '--short', '-q', 'HEAD']),
  ]);
  return { isRepo: true, commit: commit?.trim() || null, branch: branch?.trim() || null };
}

export const gitCollector = defineCollector({
  key: 'git',
  description: 'The git commit and branch of the target, when it is a git work tree',
  collect: (ctx) => readGitFact(ctx.root),
});
