// package-lock.json and npm-shrinkwrap.json, lockfile versions 1 (nested `dependencies`), 2 and 3
// (flat `packages` keyed by install location).
import { childNames, isRecord, LockfileFormatError, type LockedPackage, type ParsedLockfile } from './locked.js';

const NESTED = '/node_modules/';

function nameFromLocation(location: string): string {
  const at = location.lastIndexOf(NESTED);
  const tail = at >= 0 ? location.slice(at + NESTED.length) : location.replace(/^node_modules\//, '');
  return tail;
}

function parsePackages(packages: Record<string, unknown>, lockfileVersion: number): ParsedLockfile {
  const locked: LockedPackage[] = [];
  const versions = new Map<string, string>();
  for (const [location, entry] of Object.entries(packages)) {
    if (location === '' || !isRecord(entry) || !location.includes('node_modules/')) continue;
    if (entry.link === true || typeof entry.version !== 'string') continue;
    const name = typeof entry.name === 'string' ? entry.name : nameFromLocation(location);
    versions.set(location, entry.version);
    const peers = childNames(entry.peerDependencies);
    locked.push({
      name,
      version: entry.version,
      dev: entry.dev === true || entry.devOptional === true,
      hasInstallScript: entry.hasInstallScript === true,
      location,
      children: childNames(entry.dependencies, entry.optionalDependencies),
      ...(peers.length > 0 ? { peers } : {}),
    });
  }
  return {
    format: `package-lock v${lockfileVersion}`,
    packages: locked,
    // Node's resolution: the workspace's own node_modules first, then the hoisted one at the root.
    resolve(dir, name) {
      const own = dir === '' ? null : versions.get(`${dir}/node_modules/${name}`);
      return own ?? versions.get(`node_modules/${name}`) ?? null;
    },
  };
}

function versionOfV1(value: string): string {
  // An aliased entry records `npm:real-name@1.2.3`.
  const alias = /^npm:.+@([^@]+)$/.exec(value);
  return alias?.[1] ?? value;
}

function parseNested(dependencies: Record<string, unknown>): ParsedLockfile {
  const locked: LockedPackage[] = [];
  const top = new Map<string, string>();
  const walk = (deps: Record<string, unknown>, prefix: string): void => {
    for (const [name, entry] of Object.entries(deps)) {
      if (!isRecord(entry) || typeof entry.version !== 'string') continue;
      const location = `${prefix}node_modules/${name}`;
      const version = versionOfV1(entry.version);
      if (prefix === '') top.set(name, version);
      const alias = /^npm:(.+)@[^@]+$/.exec(entry.version);
      locked.push({
        name: alias?.[1] ?? name,
        version,
        dev: entry.dev === true,
        hasInstallScript: false,
        location,
        children: childNames(entry.requires),
      });
      if (isRecord(entry.dependencies)) walk(entry.dependencies, `${location}/`);
    }
  };
  walk(dependencies, '');
  return { format: 'package-lock v1', packages: locked, resolve: (_dir, name) => top.get(name) ?? null };
}

export function parseNpmLockfile(text: string): ParsedLockfile {
  const document: unknown = JSON.parse(text);
  if (!isRecord(document)) throw new LockfileFormatError('not a JSON object');
  const version = typeof document.lockfileVersion === 'number' ? document.lockfileVersion : 1;
  if (version >= 2 && isRecord(document.packages)) return parsePackages(document.packages, version);
  if (isRecord(document.dependencies)) return parseNested(document.dependencies);
  if (version >= 2) throw new LockfileFormatError(`lockfileVersion ${version} without a "packages" object`);
  return parseNested({});
}
