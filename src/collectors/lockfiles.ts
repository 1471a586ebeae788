import { defineCollector } from '../core/collector.js';
import type { LockfileRef, LockfilesFact, ManifestsFact, PackageManagerName, RepoTree } from '../core/facts.js';

/** Lockfile names and the package manager that writes each. */
export const LOCKFILE_MANAGERS: ReadonlyMap<string, PackageManagerName> = new Map([
  ['package-lock.json', 'npm'],
  ['npm-shrinkwrap.json', 'npm'],
  ['yarn.lock', 'yarn'],
  ['pnpm-lock.yaml', 'pnpm'],
  ['bun.lock', 'bun'],
  ['bun.lockb', 'bun'],
]);

/** Files other than lockfiles that only one package manager reads, so their presence names it. */
const MANAGER_MARKERS: readonly { path: string; manager: PackageManagerName }[] = [
  { path: 'pnpm-workspace.yaml', manager: 'pnpm' },
  { path: '.yarnrc.yml', manager: 'yarn' },
  { path: 'bunfig.toml', manager: 'bun' },
];

const KNOWN_MANAGERS = new Set<string>(LOCKFILE_MANAGERS.values());

/** The manager named by a `packageManager` field such as `pnpm@9.12.0+sha512.…`, or null. */
export function managerFromField(value: string | null): PackageManagerName | null {
  const name = value?.trim().split('@')[0] ?? '';
  return KNOWN_MANAGERS.has(name) ? (name as PackageManagerName) : null;
}

function lockfilesIn(tree: RepoTree, dir: string): LockfileRef[] {
  return [...LOCKFILE_MANAGERS]
    .map(([name, manager]) => ({ path: dir === '' ? name : `${dir}/${name}`, manager }))
    .filter((ref) => tree.has(ref.path));
}

export function collectLockfiles(tree: RepoTree, manifests: ManifestsFact): LockfilesFact {
  const dirs = ['', ...new Set(manifests.all.map((manifest) => manifest.dir).filter((dir) => dir !== ''))];
  const lockfiles = dirs.flatMap((dir) => lockfilesIn(tree, dir));
  const evidence: string[] = [];

  const field = manifests.root?.packageManager ?? null;
  const declared = managerFromField(field);
  if (field && !declared) evidence.push(`package.json: "packageManager" is "${field}", not a manager shipshape knows`);
  if (declared) {
    evidence.push(`package.json: "packageManager": "${field}"`);
    return { lockfiles, manager: declared, evidence: [...evidence, ...lockfiles.map(describe)] };
  }

  const rootManagers = [...new Set(lockfiles.filter((ref) => !ref.path.includes('/')).map((ref) => ref.manager))];
  const anyManagers = [...new Set(lockfiles.map((ref) => ref.manager))];
  const fromLockfiles = rootManagers.length > 0 ? rootManagers : anyManagers;
  if (fromLockfiles.length === 1) {
    return { lockfiles, manager: fromLockfiles[0] ?? null, evidence: [...evidence, ...lockfiles.map(describe)] };
  }
  if (fromLockfiles.length > 1) {
    // Several managers' lockfiles and nothing that says which one is meant: do not guess.
    evidence.push(`lockfiles of several package managers (${fromLockfiles.join(', ')}) and no "packageManager" field`);
    return { lockfiles, manager: null, evidence: [...evidence, ...lockfiles.map(describe)] };
  }
  const marker = MANAGER_MARKERS.find((candidate) => tree.has(candidate.path));
  if (marker) {
    evidence.push(`${marker.path} is present (used by ${marker.manager})`);
    return { lockfiles, manager: marker.manager, evidence };
  }
  return { lockfiles, manager: null, evidence: [...evidence, 'no lockfile and no "packageManager" field'] };
}

function describe(ref: LockfileRef): string {
  return `${ref.path} (${ref.manager})`;
}

export const lockfilesCollector = defineCollector({
  key: 'lockfiles',
  description: 'Lockfiles at the root and in package folders, and the package manager in use',
  async collect(_ctx, get) {
    const [tree, manifests] = await Promise.all([get('tree'), get('manifests')]);
    return collectLockfiles(tree, manifests);
  },
  metrics: (fact) => ({ lockfiles: { manager: fact.manager, files: fact.lockfiles.map((ref) => ref.path) } }),
});
