// security.env-committed: no real environment file is tracked; templates and test fixtures are fine.
import { defineCheck } from '../../core/check.js';
import type { EnvFileRef } from '../../core/facts.js';
import type { FindingInput } from '../../core/types.js';
import { isPublicVariable, nameSegments, TEST_ENV_SEGMENTS } from '../../knowledge/env-files.js';
import { basename } from '../../util/paths.js';

const MAX_NAMES = 5;
/** An env file that is not ignored has not leaked yet, but the next `git add -A` commits it. */
const NOT_IGNORED_SCORE = 0.5;
/** An empty committed env file leaks nothing today. */
const EMPTY_ONLY_SCORE = 0.8;
/** Browser-exposed values (`VITE_…`, `NEXT_PUBLIC_…`) are not secrets; the habit of committing the file is the risk. */
const PUBLIC_ONLY_SCORE = 0.8;

function variablesText(file: EnvFileRef): string {
  if (file.variables === null) return 'could not be read, so its variables are unknown';
  const count = file.variables.length;
  const shown = file.variables.slice(0, MAX_NAMES).join(', ');
  const more = count > MAX_NAMES ? ', …' : '';
  return `sets ${count} variable${count === 1 ? '' : 's'} (${shown}${more})`;
}

/** `.env.test`, `.env.ci`: real files, but written for tests and often committed on purpose. */
function isTestEnv(file: EnvFileRef): boolean {
  return nameSegments(basename(file.path)).some((segment) => TEST_ENV_SEGMENTS.has(segment));
}

interface Judged {
  finding: FindingInput;
  score: number;
}

function judge(file: EnvFileRef, gitTracks: boolean): Judged {
  const location = { file: file.path };
  const snippet = file.path;
  const data = { variables: file.variables?.length ?? null, tracked: file.tracked };
  if (file.variables !== null && file.variables.length === 0) {
    return {
      score: EMPTY_ONLY_SCORE,
      finding: {
        title: 'Empty environment file in the repository',
        message: `${file.path} sets no variable yet, but it is ${file.tracked ? 'committed' : 'not ignored'}: the first secret written into it will be committed.`,
        location,
        severity: 'low',
        snippet,
        data,
      },
    };
  }
  if (!file.tracked) {
    return {
      score: NOT_IGNORED_SCORE,
      finding: {
        title: 'Environment file is not ignored by git',
        message: `${file.path} ${variablesText(file)} and is not ignored: \`git add -A\` would commit it${gitTracks ? '' : ' once the folder is a git repository'}.`,
        location,
        severity: 'high',
        snippet,
        data,
      },
    };
  }
  if (file.variables !== null && file.variables.every(isPublicVariable)) {
    return {
      score: PUBLIC_ONLY_SCORE,
      finding: {
        title: 'Environment file with public values only is committed',
        message: `${file.path} is committed and ${variablesText(file)}, all public by design (sent to the browser). Fine today, but the first secret added to it will be committed too.`,
        location,
        severity: 'low',
        snippet,
        data,
      },
    };
  }
  if (isTestEnv(file)) {
    return {
      score: 0,
      finding: {
        title: 'Test environment file is committed',
        message: `${file.path} is committed and ${variablesText(file)}. Test settings are often harmless, but any real credential in it is now in the git history.`,
        location,
        severity: 'high',
        snippet,
        data,
      },
    };
  }
  return {
    score: 0,
    finding: {
      title: 'Environment file with real values is committed',
      message: `${file.path} is committed to git and ${variablesText(file)}. Everyone with access to the repository, now or later, can read them.`,
      location,
      severity: 'critical',
      blocker: true,
      snippet,
      data,
    },
  };
}

export const envCommittedCheck = defineCheck({
  id: 'security.env-committed',
  area: 'security',
  title: 'No environment file with real values is committed',
  failureTitle: 'A real environment file is committed',
  rationale:
    'A `.env` file holds the passwords, API keys and database addresses of a running system. Once it is ' +
    'committed, every clone, fork, CI log and former collaborator has them, and deleting the file later ' +
    'does not remove it from the git history. Leaked keys are found by bots within minutes on public ' +
    'repositories. Templates such as `.env.example` (names with placeholder values) and test fixtures are ' +
    'meant to be committed and are fine; a file holding only values that are public anyway (`VITE_…`, ' +
    '`NEXT_PUBLIC_…`, sent to every browser) is a small risk, graded low.',
  remediation:
    'Stop tracking the file and ignore it: `git rm --cached .env` and add `.env` and `.env*.local` (or ' +
    '`.env*` with `!.env.example`) to .gitignore, then commit. Treat every value that was in it as leaked: ' +
    'rotate each key and password at its provider, starting with payment, database and cloud credentials. ' +
    'If the repository is or was public, also purge the file from the history (git filter-repo or BFG) and ' +
    'force-push. Keep a `.env.example` with the variable names and dummy values for newcomers.',
  severity: 'critical',
  weight: 3,
  effortMinutes: 45,
  requires: ['env', 'git'],
  run({ env, git }) {
    const real = env.files.filter((file) => file.kind === 'real');
    const safe = env.files.filter((file) => file.kind !== 'real');
    const safeEvidence =
      safe.length > 0 ? [`templates and fixtures (fine to commit): ${safe.map((file) => file.path).slice(0, MAX_NAMES).join(', ')}${safe.length > MAX_NAMES ? ', …' : ''}`] : [];
    if (real.length === 0) {
      return { status: 'pass', evidence: [env.files.length === 0 ? 'no environment files in the repository' : 'no real environment file in the repository', ...safeEvidence] };
    }
    const judged = real.map((file) => judge(file, git.isRepo));
    const score = Math.min(...judged.map((entry) => entry.score));
    return {
      status: score === 0 ? 'fail' : 'partial',
      score,
      evidence: [...judged.map(({ finding }) => finding.message), ...safeEvidence],
      findings: judged.map((entry) => entry.finding),
      metrics: { env: { committedFiles: real.filter((file) => file.tracked).length } },
    };
  },
});
