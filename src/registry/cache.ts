// On-disk cache of what was learned about each package (not the registry's documents, which can
// weigh megabytes): one small JSON file per registry and package, written atomically, expiring
// after a day. A corrupt or foreign file is ignored as if absent.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { PackageRegistryInfo } from '../core/facts.js';

export const CACHE_MAX_AGE_MS = 24 * 60 * 60 * 1000;
const CACHE_FORMAT = 1;

const infoSchema = z.object({
  name: z.string(),
  status: z.enum(['ok', 'nonexistent']),
  reason: z.string().nullable(),
  distTags: z.record(z.string(), z.string()),
  time: z.record(z.string(), z.string()),
  created: z.string().nullable(),
  modified: z.string().nullable(),
  deprecated: z.record(z.string(), z.string()),
  installScripts: z.array(z.string()),
  latestPeers: z.array(z.string()),
  fetchedAt: z.string(),
});

const entrySchema = z.object({ format: z.literal(CACHE_FORMAT), registry: z.string(), name: z.string(), info: infoSchema });

export class RegistryCache {
  constructor(private readonly dir: string) {}

  private fileFor(registry: string, name: string): string {
    const key = createHash('sha256').update(`${registry}\0${name}`).digest('hex').slice(0, 40);
    return join(this.dir, 'registry', key.slice(0, 2), `${key}.json`);
  }

  /** The cached facts when present, intact and younger than `maxAgeMs` (by wall-clock time). */
  async read(registry: string, name: string, maxAgeMs: number): Promise<PackageRegistryInfo | null> {
    let parsed: z.infer<typeof entrySchema>;
    try {
      parsed = entrySchema.parse(JSON.parse(await readFile(this.fileFor(registry, name), 'utf8')));
    } catch {
      return null;
    }
    if (parsed.registry !== registry || parsed.name !== name) return null;
    const age = Date.now() - Date.parse(parsed.info.fetchedAt);
    if (!(age <= maxAgeMs)) return null;
    return { ...parsed.info, fromCache: true };
  }

  /** Writes to a temporary file and renames it over the entry, so readers never see half a file. */
  async write(registry: string, info: PackageRegistryInfo): Promise<void> {
    if (info.status === 'unknown' || info.fetchedAt === null) return;
    const file = this.fileFor(registry, info.name);
    const { fromCache: _fromCache, ...stored } = info;
    const body = JSON.stringify({ format: CACHE_FORMAT, registry, name: info.name, info: stored });
    const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      await mkdir(join(file, '..'), { recursive: true });
      await writeFile(temporary, body);
      await rename(temporary, file);
    } catch {
      // A cache that cannot be written only costs speed on the next run.
      await rm(temporary, { force: true }).catch(() => {});
    }
  }
}
