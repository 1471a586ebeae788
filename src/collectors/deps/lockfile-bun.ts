// bun.lock, Bun's text lockfile (JSON with trailing commas, read here with the YAML parser, of which
// that is a subset): `workspaces` by folder, and `packages` keyed by install path (`ms`, or
// `parent/child` and `workspace-name/dep` for copies that are not hoisted), each
// `[ "name@version", registry, { dependencies… }, integrity ]`. The binary bun.lockb is not read.
import { parse } from 'yaml';
import { childNames, isRecord, LockfileFormatError, type LockedPackage, type ParsedLockfile } from './locked.js';

export function parseBunLockfile(text: string): ParsedLockfile {
  const document: unknown = parse(text, { uniqueKeys: false });
  if (!isRecord(document) || !isRecord(document.packages)) throw new LockfileFormatError('no "packages" object');
  const workspaceNames = new Map<string, string>();
  for (const [dir, workspace] of Object.entries(isRecord(document.workspaces) ? document.workspaces : {})) {
    if (isRecord(workspace) && typeof workspace.name === 'string') workspaceNames.set(dir, workspace.name);
  }
  const byKey = new Map<string, string>();
  const packages: LockedPackage[] = [];
  const seen = new Set<string>();
  for (const [key, entry] of Object.entries(document.packages)) {
    if (!Array.isArray(entry) || typeof entry[0] !== 'string') continue;
    const identity = entry[0];
    const at = identity.lastIndexOf('@');
    if (at <= 0) continue;
    const name = identity.slice(0, at);
    const version = identity.slice(at + 1);
    // Workspaces, links, folders and git sources carry a protocol instead of a version.
    if (!/^\d/.test(version)) continue;
    byKey.set(key, version);
    if (seen.has(identity)) continue;
    seen.add(identity);
    const meta: unknown = entry[2];
    packages.push({
      name,
      version,
      dev: null,
      hasInstallScript: false,
      location: key,
      children: isRecord(meta) ? childNames(meta.dependencies, meta.optionalDependencies) : [],
    });
  }
  return {
    format: `bun.lock v${String(document.lockfileVersion ?? '?')}`,
    packages,
    resolve(dir, name) {
      const workspace = workspaceNames.get(dir);
      return (workspace === undefined ? undefined : byKey.get(`${workspace}/${name}`)) ?? byKey.get(name) ?? null;
    },
  };
}
