// deps.lockfile: a lockfile of the package manager in use is committed.
import { LOCKFILE_MANAGERS, managerFromField } from '../../collectors/lockfiles.js';
import { defineCheck } from '../../core/check.js';
import type { LockfileRef, LockfilesFact, ManifestsFact, PackageManagerName, PackageManifest, RepoTree } from '../../core/facts.js';
import type { FindingInput } from '../../core/types.js';
import { dirname } from '../../util/paths.js';

/** A folder where `npm install` (or its peers) is run: the root, or a package nobody declared as a workspace. */
interface InstallRoot {
  dir: string;
  /** The root and its workspaces, or the one nested package; empty when its package.json is unreadable. */
  manifests: PackageManifest[];
}

interface Verdict {
  score: number;
  evidence: string[];
  finding: FindingInput | null;
}

const LOCKFILE_OF: Record<PackageManagerName, string> = {
  npm: 'package-lock.json',
  yarn: 'yarn.lock',
  pnpm: 'pnpm-lock.yaml',
  bun: 'bun.lock',
};

function installRoots(manifests: ManifestsFact, tree: RepoTree): InstallRoot[] {
  const roots: InstallRoot[] = [];
  if (tree.has('package.json')) {
    roots.push({ dir: '', manifests: manifests.root ? [manifests.root, ...manifests.workspaces] : [] });
  }
  for (const nested of manifests.nested ?? []) roots.push({ dir: nested.dir, manifests: [nested] });
  return roots;
}

function dependencyCount(root: InstallRoot): number | null {
  if (root.manifests.length === 0) return null;
  return root.manifests.reduce(
    (sum, manifest) =>
      sum +
      Object.keys(manifest.dependencies).length +
      Object.keys(manifest.devDependencies).length +
      Object.keys(manifest.optionalDependencies).length,
    0,
  );
}

function packageJsonOf(dir: string): string {
  return dir === '' ? 'package.json' : `${dir}/package.json`;
}

/** A hint when .gitignore names the lockfile: the usual reason one is missing from git. */
function ignoredHint(tree: RepoTree, dir: string, manager: PackageManagerName | null): string {
  const gitignore = tree.read(dir === '' ? '.gitignore' : `${dir}/.gitignore`) ?? (dir === '' ? null : tree.read('.gitignore'));
  const names = manager ? [LOCKFILE_OF[manager]] : [...LOCKFILE_MANAGERS.keys()];
  const listed = names.find((name) => gitignore?.split(/\r?\n/).some((line) => line.trim().replace(/^\//, '') === name));
  return listed ? ` (.gitignore lists ${listed}: remove that line)` : '';
}

function judge(root: InstallRoot, lockfiles: LockfilesFact, tree: RepoTree): Verdict {
  const where = packageJsonOf(root.dir);
  const here = lockfiles.lockfiles.filter((ref) => dirname(ref.path) === root.dir);
  const declared = managerFromField(root.manifests[0]?.packageManager ?? null);
  const presentManagers = [...new Set(here.map((ref) => ref.manager))];
  const manager = declared ?? (root.dir === '' ? lockfiles.manager : presentManagers.length === 1 ? (presentManagers[0] ?? null) : null);
  const location = { file: where };

  if (here.length === 0) {
    const hint = ignoredHint(tree, root.dir, manager);
    return {
      score: 0,
      evidence: [`${where}: no lockfile next to it${hint}`],
      finding: {
        message: `No lockfile next to ${where}${hint}: every install resolves versions afresh, so two machines (or two deploys) can run different code.`,
        location,
        snippet: `missing:${root.dir}`,
      },
    };
  }
  const matching = manager ? here.filter((ref) => ref.manager === manager) : [];
  if (manager === null && presentManagers.length > 1) {
    return {
      score: 0.5,
      evidence: [`${here.map((ref) => ref.path).join(', ')}: lockfiles of several package managers, and no "packageManager" field says which is meant`],
      finding: {
        message: `Lockfiles of several package managers (${here.map((ref) => ref.path).join(', ')}): installs differ depending on who runs them. Keep one and set "packageManager" in ${where}.`,
        location,
        snippet: `several:${root.dir}`,
      },
    };
  }
  if (matching.length === 0) {
    const others = here.map((ref) => ref.path).join(', ');
    return {
      score: 0.5,
      evidence: [`${where}: "packageManager" says ${manager}, but the lockfile is ${others}`],
      finding: {
        message: `${where} says the project uses ${manager}, but the committed lockfile is ${others}: ${manager} ignores it and resolves versions afresh. Run \`${manager} install\`, commit ${LOCKFILE_OF[manager as PackageManagerName]}, and delete the other lockfile.`,
        location,
        snippet: `mismatch:${root.dir}`,
      },
    };
  }
  return judgeTracked(matching, tree);
}

function judgeTracked(matching: LockfileRef[], tree: RepoTree): Verdict {
  const entries = matching.map((ref) => ({ ref, entry: tree.files.find((file) => file.path === ref.path) }));
  const committed = entries.filter(({ entry }) => tree.source !== 'git' || entry?.tracked);
  if (committed.length > 0) {
    const note = tree.source === 'walk' ? ' (not a git repository: present on disk)' : tree.source === 'git' ? ' (committed)' : '';
    return { score: 1, evidence: committed.map(({ ref }) => `${ref.path}${note}`), finding: null };
  }
  const path = matching[0]?.path ?? '';
  return {
    score: 0,
    evidence: [`${path} exists but is not committed`],
    finding: {
      message: `${path} exists but is not committed: CI, teammates and deploys install without it. Run \`git add ${path}\` and commit it.`,
      location: { file: path },
      snippet: `untracked:${path}`,
    },
  };
}

export const lockfileCheck = defineCheck({
  id: 'deps.lockfile',
  area: 'deps',
  title: 'A lockfile of the package manager in use is committed',
  failureTitle: 'No committed lockfile',
  rationale:
    'package.json allows ranges of versions ("^4.18.0"); the lockfile records the exact versions that were ' +
    'installed and tested. Without it in git, every install may pick newer versions: the build that worked ' +
    'on your laptop breaks in CI or in production, and a compromised release of a dependency gets in ' +
    'without anyone choosing it.',
  remediation:
    'Run your package manager\'s install once (`npm install`, `pnpm install`, `yarn install` or `bun install`), ' +
    'commit the lockfile it writes (package-lock.json, pnpm-lock.yaml, yarn.lock or bun.lock) and make sure ' +
    '.gitignore does not exclude it. Use one package manager: set "packageManager" in package.json and delete ' +
    'lockfiles of the others. In CI, install with `npm ci` / `pnpm install --frozen-lockfile` so that a ' +
    'lockfile out of date fails the build.',
  severity: 'high',
  weight: 3,
  effortMinutes: 10,
  requires: ['manifests', 'lockfiles', 'tree'],
  run({ manifests, lockfiles, tree }) {
    const roots = installRoots(manifests, tree);
    if (roots.length === 0) {
      return { status: 'na', evidence: ['no package.json'], reason: 'there is no package.json, so there are no npm dependencies to lock' };
    }
    const needing = roots.filter((root) => dependencyCount(root) !== 0);
    if (needing.length === 0) {
      return {
        status: 'na',
        evidence: roots.map((root) => `${packageJsonOf(root.dir)}: no dependencies`),
        reason: 'package.json declares no dependencies, so there is nothing to lock',
      };
    }
    const verdicts = needing.map((root) => judge(root, lockfiles, tree));
    const score = verdicts.reduce((sum, verdict) => sum + verdict.score, 0) / verdicts.length;
    const evidence = [...lockfiles.evidence.filter((line) => line.startsWith('package.json:')), ...verdicts.flatMap((verdict) => verdict.evidence)];
    const findings = verdicts.flatMap((verdict) => (verdict.finding ? [verdict.finding] : []));
    const status = score === 1 ? 'pass' : score === 0 ? 'fail' : 'partial';
    return { status, score, evidence, findings };
  },
});
