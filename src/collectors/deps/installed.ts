// The `installed` fact: every declared dependency of every workspace, resolved to the version the
// lockfile pins (or, without a usable lockfile, the minimum of its range, said so), the full set of
// packages the lockfile installs, and where the lockfile and the manifests disagree.
import semver from 'semver';
import { defineCollector } from '../../core/collector.js';
import type {
  DependencyType,
  DirectDependency,
  InstalledFact,
  InstalledPackage,
  LockfileIssue,
  LockfileRef,
  LockfilesFact,
  ManifestsFact,
  RepoTree,
} from '../../core/facts.js';
import { basename, dirname } from '../../util/paths.js';
import { managerFromField } from '../lockfiles.js';
import { dependencyPaths, inferDevFlags } from './graph.js';
import type { LockedPackage, ParsedLockfile } from './locked.js';
import { parseBunLockfile } from './lockfile-bun.js';
import { parseNpmLockfile } from './lockfile-npm.js';
import { parsePnpmLockfile } from './lockfile-pnpm.js';
import { parseYarnLockfile } from './lockfile-yarn.js';
import { dependencyLines } from './manifest-lines.js';
import { isRegistrySpecifier, parseSpecifier } from './specifier.js';

const DEPENDENCY_TYPES: readonly DependencyType[] = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'];

/**
 * Parsers by lockfile name, in order of preference when one folder holds several and nothing names
 * the manager (npm-shrinkwrap before package-lock, as npm itself). The binary bun.lockb cannot be
 * read, so its packages resolve by range minimum.
 */
const PARSERS: Readonly<Record<string, ((text: string) => ParsedLockfile) | null>> = {
  'npm-shrinkwrap.json': parseNpmLockfile,
  'package-lock.json': parseNpmLockfile,
  'pnpm-lock.yaml': parsePnpmLockfile,
  'yarn.lock': parseYarnLockfile,
  'bun.lock': parseBunLockfile,
  'bun.lockb': null,
};

const PREFERENCE = Object.keys(PARSERS);

interface LoadedLockfile {
  ref: LockfileRef;
  dir: string;
  parsed: ParsedLockfile;
}

function relativeTo(dir: string, path: string): string | null {
  if (dir === '') return path;
  if (path === dir) return '';
  return path.startsWith(`${dir}/`) ? path.slice(dir.length + 1) : null;
}

function chooseLockfiles(lockfiles: LockfilesFact, issues: LockfileIssue[]): LockfileRef[] {
  const byDir = new Map<string, LockfileRef[]>();
  for (const ref of lockfiles.lockfiles) {
    const dir = dirname(ref.path);
    byDir.set(dir, [...(byDir.get(dir) ?? []), ref]);
  }
  const chosen: LockfileRef[] = [];
  for (const refs of byDir.values()) {
    const ordered = [...refs].sort((a, b) => PREFERENCE.indexOf(basename(a.path)) - PREFERENCE.indexOf(basename(b.path)));
    const pick = ordered.find((ref) => ref.manager === lockfiles.manager) ?? ordered[0];
    if (!pick) continue;
    chosen.push(pick);
    if (refs.length > 1) {
      issues.push({
        kind: 'several-lockfiles',
        path: pick.path,
        message: `${refs.map((ref) => ref.path).join(', ')} side by side; read ${pick.path}`,
      });
    }
  }
  return chosen;
}

function loadLockfiles(tree: RepoTree, refs: LockfileRef[], issues: LockfileIssue[]): LoadedLockfile[] {
  const loaded: LoadedLockfile[] = [];
  for (const ref of refs) {
    const parser = PARSERS[basename(ref.path)];
    if (!parser) {
      issues.push({ kind: 'unsupported', path: ref.path, message: `${ref.path}: this lockfile format is not read; versions fall back to the declared ranges` });
      continue;
    }
    const text = tree.read(ref.path);
    if (text === null) {
      issues.push({ kind: 'unparsable', path: ref.path, message: `${ref.path}: could not be read (${tree.unreadable.get(ref.path) ?? 'binary or too large'})` });
      continue;
    }
    try {
      loaded.push({ ref, dir: dirname(ref.path), parsed: parser(text) });
    } catch (error) {
      const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
      issues.push({ kind: 'unparsable', path: ref.path, message: `${ref.path}: not a valid lockfile (${detail})` });
    }
  }
  // Deepest first, so that a manifest finds its nearest lockfile.
  return loaded.sort((a, b) => b.dir.length - a.dir.length);
}

function checkPackageManager(manifests: ManifestsFact, loaded: LoadedLockfile[], issues: LockfileIssue[]): void {
  const field = manifests.root?.packageManager ?? null;
  const declared = managerFromField(field);
  const rootLockfile = loaded.find((entry) => entry.dir === '');
  if (declared && rootLockfile && rootLockfile.ref.manager !== declared) {
    issues.push({
      kind: 'package-manager-mismatch',
      path: rootLockfile.ref.path,
      message: `package.json says "packageManager": "${field}" but the lockfile is ${rootLockfile.ref.path} (${rootLockfile.ref.manager})`,
    });
  }
}

function resolveDependency(
  manifestDir: string,
  name: string,
  range: string,
  type: DependencyType,
  manifestPath: string,
  line: number | null,
  loaded: LoadedLockfile[],
  workspaceNames: ReadonlySet<string>,
  issues: LockfileIssue[],
): DirectDependency {
  const specifier = parseSpecifier(name, range);
  const base = { name, packageName: specifier.packageName, workspace: manifestDir, manifestPath, line, type, range, specifierKind: specifier.kind };
  if (!isRegistrySpecifier(specifier.kind)) return { ...base, installed: null, resolvedFrom: null };
  const lockfile = loaded.find((entry) => relativeTo(entry.dir, manifestDir) !== null);
  const pinned = lockfile ? lockfile.parsed.resolve(relativeTo(lockfile.dir, manifestDir) ?? '', name, range) : null;
  // A sibling workspace declared with a plain range is linked, not fetched from the registry.
  if (pinned === null && workspaceNames.has(name)) return { ...base, specifierKind: 'workspace', installed: null, resolvedFrom: null };
  if (lockfile) {
    // Peer dependencies are the consumer's to install; their absence is not a disagreement.
    if (pinned === null && type !== 'peerDependencies') {
      issues.push({ kind: 'out-of-sync', path: lockfile.ref.path, message: `${manifestPath}: ${name}@${range} is declared but ${lockfile.ref.path} does not pin it` });
    }
    if (pinned !== null && specifier.range !== null && semver.valid(pinned) && !semver.satisfies(pinned, specifier.range, { includePrerelease: true })) {
      issues.push({ kind: 'out-of-sync', path: lockfile.ref.path, message: `${manifestPath}: ${name}@${range} is declared but ${lockfile.ref.path} pins ${pinned}` });
    }
    if (pinned !== null) return { ...base, installed: pinned, resolvedFrom: 'lockfile' };
  }
  const minimum = specifier.range === null ? null : safeMinVersion(specifier.range);
  return { ...base, installed: minimum, resolvedFrom: minimum === null ? null : 'range-minimum' };
}

function safeMinVersion(range: string): string | null {
  try {
    return semver.minVersion(range)?.version ?? null;
  } catch {
    return null;
  }
}

export function collectInstalled(tree: RepoTree, manifests: ManifestsFact, lockfiles: LockfilesFact): InstalledFact {
  const issues: LockfileIssue[] = [];
  const loaded = loadLockfiles(tree, chooseLockfiles(lockfiles, issues), issues);
  checkPackageManager(manifests, loaded, issues);

  const workspaceNames = new Set(manifests.all.map((manifest) => manifest.name).filter((name): name is string => name !== null));
  const direct: DirectDependency[] = [];
  for (const manifest of manifests.all) {
    const lines = dependencyLines(tree.read(manifest.path));
    for (const type of DEPENDENCY_TYPES) {
      for (const [name, range] of Object.entries(manifest[type])) {
        const line = lines.get(type)?.get(name) ?? null;
        direct.push(resolveDependency(manifest.dir, name, range, type, manifest.path, line, loaded, workspaceNames, issues));
      }
    }
  }

  const locked: LockedPackage[] = loaded.flatMap((entry) => entry.parsed.packages);
  const roots = direct.filter((dependency) => dependency.resolvedFrom === 'lockfile');
  const dev = inferDevFlags(locked, roots);
  const packages: InstalledPackage[] = locked.map((entry, index) => ({
    name: entry.name,
    version: entry.version,
    dev: dev[index] ?? false,
    hasInstallScript: entry.hasInstallScript,
    location: entry.location,
    ...(entry.peers ? { peers: entry.peers } : {}),
  }));
  const primary = loaded.find((entry) => entry.dir === '') ?? loaded[loaded.length - 1];
  return {
    lockfile: primary ? { path: primary.ref.path, manager: primary.ref.manager, format: primary.parsed.format } : null,
    direct,
    packages,
    paths: dependencyPaths(locked, roots),
    issues,
  };
}

export const installedCollector = defineCollector({
  key: 'installed',
  description: 'Declared dependencies resolved to the versions the lockfile pins, and every package it installs',
  async collect(_ctx, get) {
    const [tree, manifests, lockfiles] = await Promise.all([get('tree'), get('manifests'), get('lockfiles')]);
    return collectInstalled(tree, manifests, lockfiles);
  },
});
