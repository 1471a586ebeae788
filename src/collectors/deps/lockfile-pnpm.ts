// pnpm-lock.yaml, lockfile versions 5.x (`/name/1.0.0_peer` keys, flat specifiers), 6.x
// (`/name@1.0.0(peer)` keys, `{ specifier, version }` importers) and 9.x (`name@1.0.0` keys,
// dependency edges moved to `snapshots`).
import { parse } from 'yaml';
import { childNames, isRecord, LockfileFormatError, type LockedPackage, type ParsedLockfile } from './locked.js';

const IMPORTER_SECTIONS = ['dependencies', 'devDependencies', 'optionalDependencies'] as const;

/** `1.2.3(react@18.0.0)` or `1.2.3_react@18.0.0` → `1.2.3`; `npm-alias@1.2.3` → `1.2.3`; links stay null. */
export function pnpmVersion(value: string): string | null {
  if (value.startsWith('link:') || value.startsWith('file:')) return null;
  const bare = value.replace(/\(.*$/, '').replace(/_.*$/, '');
  if (bare.startsWith('/')) return splitKey(bare)?.version ?? null;
  const at = bare.lastIndexOf('@');
  return at > 0 ? bare.slice(at + 1) : bare;
}

const V5_KEY = /^\/?((?:@[^/]+\/)?[^/@]+)\/(\d[^/]*)$/;

/** A package key of any version → name and version, or null. */
function splitKey(key: string): { name: string; version: string } | null {
  // 5.x: `/@scope/name/1.0.0_peer@2.0.0` (peers after `_`, their slashes written as `+`)
  const v5 = V5_KEY.exec(key);
  if (v5) return { name: v5[1]!, version: v5[2]!.replace(/_.*$/, '') };
  const bare = key.replace(/^\//, '').replace(/\(.*$/, '');
  const at = bare.lastIndexOf('@');
  return at > 0 ? { name: bare.slice(0, at), version: bare.slice(at + 1) } : null;
}

function importerVersions(importer: Record<string, unknown>): Map<string, string> {
  const versions = new Map<string, string>();
  for (const section of IMPORTER_SECTIONS) {
    const deps = importer[section];
    if (!isRecord(deps)) continue;
    for (const [name, entry] of Object.entries(deps)) {
      const raw = typeof entry === 'string' ? entry : isRecord(entry) && typeof entry.version === 'string' ? entry.version : null;
      const version = raw === null ? null : pnpmVersion(raw);
      if (version !== null) versions.set(name, version);
    }
  }
  return versions;
}

export function parsePnpmLockfile(text: string): ParsedLockfile {
  const document: unknown = parse(text, { uniqueKeys: false, maxAliasCount: -1 });
  if (!isRecord(document)) throw new LockfileFormatError('not a YAML mapping');
  const lockfileVersion = String(document.lockfileVersion ?? 'unknown');
  // 5.x without workspaces keeps the root importer's sections at the top level.
  const importers = isRecord(document.importers) ? document.importers : { '.': document };
  const byDir = new Map<string, Map<string, string>>();
  for (const [dir, importer] of Object.entries(importers)) {
    if (isRecord(importer)) byDir.set(dir === '.' ? '' : dir.replace(/^\.\//, ''), importerVersions(importer));
  }

  const snapshots = isRecord(document.snapshots) ? document.snapshots : {};
  const children = new Map<string, string[]>();
  for (const [key, entry] of Object.entries(snapshots)) {
    const id = splitKey(key);
    if (id && isRecord(entry)) {
      const identity = `${id.name}@${id.version}`;
      const names = [...(children.get(identity) ?? []), ...childNames(entry.dependencies, entry.optionalDependencies)];
      children.set(identity, [...new Set(names)]);
    }
  }
  const packages: LockedPackage[] = [];
  const seen = new Set<string>();
  for (const [key, entry] of Object.entries(isRecord(document.packages) ? document.packages : {})) {
    const id = splitKey(key);
    if (!id || !isRecord(entry)) continue;
    const version = typeof entry.version === 'string' ? entry.version : id.version;
    const name = typeof entry.name === 'string' ? entry.name : id.name;
    // 6.x and earlier list one key per peer-dependency variant; one package@version is enough here.
    const identity = `${name}@${version}`;
    if (seen.has(identity)) continue;
    seen.add(identity);
    const peers = childNames(entry.peerDependencies);
    packages.push({
      name,
      version,
      dev: typeof entry.dev === 'boolean' ? entry.dev : null,
      hasInstallScript: entry.requiresBuild === true,
      location: null,
      children: children.get(`${id.name}@${id.version}`) ?? childNames(entry.dependencies, entry.optionalDependencies),
      ...(peers.length > 0 ? { peers } : {}),
    });
  }
  return {
    format: `pnpm-lock ${lockfileVersion}`,
    packages,
    resolve: (dir, name) => byDir.get(dir)?.get(name) ?? null,
  };
}
