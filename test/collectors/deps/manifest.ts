import type { LockfilesFact, ManifestsFact, PackageManifest } from '../../../src/core/facts.js';
import { LOCKFILE_MANAGERS } from '../../../src/collectors/lockfiles.js';

/** A manifest as the manifests collector would produce it, with only the fields a test sets. */
export function manifest(dir: string, fields: Partial<PackageManifest> = {}): PackageManifest {
  return {
    path: dir === '' ? 'package.json' : `${dir}/package.json`,
    dir,
    name: null,
    version: null,
    private: false,
    dependencies: {},
    devDependencies: {},
    peerDependencies: {},
    optionalDependencies: {},
    scripts: {},
    bin: {},
    main: null,
    module: null,
    exports: null,
    engines: {},
    workspaces: [],
    packageManager: null,
    type: null,
    raw: {},
    ...fields,
  };
}

export function manifestsFact(...all: PackageManifest[]): ManifestsFact {
  return { root: all.find((entry) => entry.dir === '') ?? null, workspaces: all.filter((entry) => entry.dir !== ''), all, invalid: [] };
}

/** The lockfiles fact for the given paths, the manager named when one kind is present. */
export function lockfilesFact(paths: string[], manager: LockfilesFact['manager'] = null): LockfilesFact {
  const lockfiles = paths.map((path) => ({ path, manager: LOCKFILE_MANAGERS.get(path.slice(path.lastIndexOf('/') + 1))! }));
  const managers = [...new Set(lockfiles.map((ref) => ref.manager))];
  return { lockfiles, manager: manager ?? (managers.length === 1 ? managers[0]! : null), evidence: [] };
}
