// Node.js release lines and their end-of-life dates, from the schedule the node-releases package
// ships (kept current by its maintainers), and the ways a repository names a Node version.
import semver from 'semver';
import { z } from 'zod';
import schedule from 'node-releases/data/release-schedule/release-schedule.json' with { type: 'json' };

const scheduleSchema = z.record(
  z.string(),
  z.object({ start: z.string().optional(), lts: z.string().optional(), maintenance: z.string().optional(), end: z.string(), codename: z.string().optional() }),
);

export interface ReleaseLine {
  major: number;
  end: string;
  lts: boolean;
  codename: string | null;
}

function loadSchedule(): ReadonlyMap<number, ReleaseLine> {
  const lines = new Map<number, ReleaseLine>();
  for (const [key, entry] of Object.entries(scheduleSchema.parse(schedule))) {
    const major = /^v(\d+)$/.exec(key)?.[1];
    if (major) lines.set(Number(major), { major: Number(major), end: entry.end, lts: entry.lts !== undefined, codename: entry.codename || null });
  }
  return lines;
}

export const NODE_RELEASE_LINES = loadSchedule();

/** Aliases that follow whatever is current, so no fixed line can be read from them. */
const MOVING = new Set(['node', 'latest', 'current', 'stable', 'lts', 'lts/*', 'lts-alpine', 'alpine', 'slim', 'lts-slim', 'current-alpine']);

export interface NodeVersionSpec {
  /** The lowest release line it allows; null for a moving alias or something unreadable. */
  major: number | null;
  /** A range (engines, `>=18`) allows several lines; a pin names one. */
  kind: 'pin' | 'range';
}

/** Reads `20`, `v20.11.0`, `20.x`, `lts/iron`, `>=18 <23`, `^20`; null when it names no version. */
export function readNodeVersion(text: string): NodeVersionSpec | null {
  const value = text.trim().toLowerCase().replace(/^v(?=\d)/, '');
  if (value === '' || MOVING.has(value)) return null;
  const codename = /^lts\/([a-z]+)$/.exec(value)?.[1];
  if (codename) {
    const line = [...NODE_RELEASE_LINES.values()].find((entry) => entry.codename?.toLowerCase() === codename);
    return line ? { major: line.major, kind: 'pin' } : null;
  }
  const pinned = /^(\d+)(\.(\d+|x|\*))?(\.(\d+|x|\*))?$/.exec(value);
  if (pinned) return { major: Number(pinned[1]), kind: 'pin' };
  try {
    const minimum = semver.minVersion(value);
    return minimum ? { major: minimum.major, kind: 'range' } : null;
  } catch {
    return null;
  }
}

/** The Node version of a Docker image tag such as `20-alpine`, `20.11.1-bookworm-slim`, `lts-alpine`. */
export function readImageTag(tag: string): NodeVersionSpec | null {
  const version = /^v?(\d+(\.\d+){0,2})/.exec(tag)?.[1];
  return version ? readNodeVersion(version) : null;
}
