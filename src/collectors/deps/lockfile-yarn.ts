// yarn.lock, classic (v1, `name@^1.0.0, name@^1.1.0:` keys) and berry (`__metadata`, keys with a
// protocol such as `name@npm:^1.0.0`), both read by Yarn's own syml parser.
import { parseSyml } from '@yarnpkg/parsers';
import { childNames, isRecord, LockfileFormatError, type LockedPackage, type ParsedLockfile } from './locked.js';

/** `name@range` → [name, range]; the name may be scoped. */
function splitDescriptor(descriptor: string): [string, string] | null {
  const at = descriptor.indexOf('@', 1);
  return at > 0 ? [descriptor.slice(0, at), descriptor.slice(at + 1)] : null;
}

/** The real package name behind a berry `resolution` (`real@npm:1.2.3`) or an alias range. */
function resolvedName(entry: Record<string, unknown>, keyName: string): string {
  if (typeof entry.resolution === 'string') return splitDescriptor(entry.resolution)?.[0] ?? keyName;
  return keyName;
}

export function parseYarnLockfile(text: string): ParsedLockfile {
  const document: unknown = parseSyml(text);
  if (!isRecord(document)) throw new LockfileFormatError('not a yarn lockfile');
  const berry = isRecord(document.__metadata);
  const byDescriptor = new Map<string, string>();
  const packages: LockedPackage[] = [];
  const seen = new Set<string>();
  for (const [key, entry] of Object.entries(document)) {
    if (key === '__metadata' || !isRecord(entry) || typeof entry.version !== 'string') continue;
    const descriptors = key.split(',').map((part) => part.trim().replace(/^"|"$/g, ''));
    const first = splitDescriptor(descriptors[0] ?? '');
    if (!first) continue;
    // Workspaces and linked folders are not installed packages.
    if (entry.linkType === 'soft' || /^(workspace|link|portal|file):/.test(first[1])) continue;
    for (const descriptor of descriptors) byDescriptor.set(descriptor, entry.version);
    const name = resolvedName(entry, first[0]);
    const identity = `${name}@${entry.version}`;
    if (seen.has(identity)) continue;
    seen.add(identity);
    packages.push({
      name,
      version: entry.version,
      dev: null,
      hasInstallScript: false,
      location: null,
      children: childNames(entry.dependencies, entry.optionalDependencies),
    });
  }
  const version = berry ? String((document.__metadata as Record<string, unknown>).version ?? '?') : null;
  return {
    format: berry ? `yarn berry ${version}` : 'yarn classic',
    packages,
    resolve(_dir, name, specifier) {
      // Berry writes `npm:` before plain ranges; classic keeps the range as declared.
      const candidates = berry && !/^[a-z]+:/.test(specifier) ? [`${name}@npm:${specifier}`, `${name}@${specifier}`] : [`${name}@${specifier}`];
      for (const candidate of candidates) {
        const found = byDescriptor.get(candidate);
        if (found !== undefined) return found;
      }
      return null;
    },
  };
}
