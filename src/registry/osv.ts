// An offline advisory database in the OSV format (one JSON file per advisory, as published by
// osv.dev and the GitHub Advisory Database), for machines that cannot reach an advisory service.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import semver from 'semver';
import { z } from 'zod';
import type { Advisory } from '../core/facts.js';
import { normaliseSeverity } from './advisories.js';

const eventSchema = z.object({
  introduced: z.string().optional(),
  fixed: z.string().optional(),
  last_affected: z.string().optional(),
});

const osvSchema = z.object({
  id: z.string(),
  summary: z.string().optional(),
  withdrawn: z.string().optional(),
  affected: z
    .array(
      z.object({
        package: z.object({ ecosystem: z.string(), name: z.string() }),
        ranges: z.array(z.object({ type: z.string(), events: z.array(eventSchema) })).optional(),
        versions: z.array(z.string()).optional(),
      }),
    )
    .default([]),
  database_specific: z.object({ severity: z.string().optional() }).loose().optional(),
  references: z.array(z.object({ url: z.string() })).optional(),
});

type OsvRecord = z.infer<typeof osvSchema>;
type OsvRange = NonNullable<OsvRecord['affected'][number]['ranges']>[number];

/** An OSV range as a semver range: `>=1.0.0 <1.2.3 || >=2.0.0 <2.0.5`. */
function describeRange(range: OsvRange): string {
  const parts: string[] = [];
  let lower: string | null = null;
  for (const event of range.events) {
    if (event.introduced !== undefined) lower = event.introduced === '0' ? '>=0.0.0' : `>=${event.introduced}`;
    else if (event.fixed !== undefined) {
      parts.push(`${lower ?? '>=0.0.0'} <${event.fixed}`);
      lower = null;
    } else if (event.last_affected !== undefined) {
      parts.push(`${lower ?? '>=0.0.0'} <=${event.last_affected}`);
      lower = null;
    }
  }
  if (lower !== null) parts.push(lower);
  return parts.join(' || ');
}

function firstFixed(range: OsvRange, version: string): string | null {
  const fixes = range.events.flatMap((event) => (event.fixed && semver.valid(event.fixed) ? [event.fixed] : []));
  return fixes.filter((fixed) => semver.gt(fixed, version)).sort(semver.compare)[0] ?? null;
}

function matchRecord(record: OsvRecord, query: Record<string, string[]>): Advisory[] {
  const advisories: Advisory[] = [];
  for (const affected of record.affected) {
    if (affected.package.ecosystem !== 'npm') continue;
    const installed = query[affected.package.name];
    if (!installed) continue;
    const ranges = (affected.ranges ?? []).filter((range) => range.type === 'SEMVER' || range.type === 'ECOSYSTEM');
    const described = ranges.map(describeRange).filter(Boolean).join(' || ');
    const hits = installed.filter(
      (version) =>
        (affected.versions ?? []).includes(version) ||
        (described !== '' && semver.valid(version) !== null && semver.satisfies(version, described, { includePrerelease: true })),
    );
    if (hits.length === 0) continue;
    const fixes = ranges.map((range) => firstFixed(range, hits[0]!)).filter((fix): fix is string => fix !== null).sort(semver.compare);
    advisories.push({
      id: record.id,
      package: affected.package.name,
      title: record.summary ?? record.id,
      url: record.references?.[0]?.url ?? `https://osv.dev/vulnerability/${record.id}`,
      severity: normaliseSeverity(record.database_specific?.severity),
      vulnerableVersions: described || (affected.versions ?? []).join(' || '),
      affected: hits,
      firstFixed: fixes[0] ?? null,
    });
  }
  return advisories;
}

export interface OsvResult {
  advisories: Advisory[];
  /** Files that were not OSV records (skipped, counted for the evidence). */
  unreadable: number;
  files: number;
}

/** Reads every `*.json` under `dir` (recursively) and keeps the advisories affecting `query`. */
export async function advisoriesFromOsv(dir: string, query: Record<string, string[]>): Promise<OsvResult> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile() && entry.name.endsWith('.json')).map((entry) => join(entry.parentPath, entry.name));
  const advisories: Advisory[] = [];
  let unreadable = 0;
  for (const file of files) {
    try {
      const record = osvSchema.parse(JSON.parse(await readFile(file, 'utf8')));
      if (record.withdrawn === undefined) advisories.push(...matchRecord(record, query));
    } catch {
      unreadable += 1;
    }
  }
  return { advisories, unreadable, files: files.length };
}
