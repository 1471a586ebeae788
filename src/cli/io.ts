// The CLI's contact with the terminal and the file system: logging and progress go to stderr,
// reports to stdout or a file, and input files (reports, baselines, attestations) are read and
// validated here so that a bad one is a usage error naming the file and the field.
import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { z } from 'zod';
import type { Logger, Progress } from '../core/context.js';
import { ATTESTATIONS_FILE, attestationsFileSchema, type Attestation } from '../report/attestations.js';
import { UsageError } from './errors.js';

export function createLogger(options: { quiet: boolean; verbose: boolean }, stream: NodeJS.WriteStream = process.stderr): Logger {
  return {
    debug(message) {
      if (options.verbose) stream.write(`shipshape: ${message}\n`);
    },
    warn(message) {
      if (!options.quiet) stream.write(`shipshape: warning: ${message}\n`);
    },
  };
}

/** Redraws at most this often: a terminal repainted on every tick slows the work it reports. */
const REDRAW_INTERVAL_MS = 100;
/** An estimate from the first second of a phase is mostly noise. */
const ETA_AFTER_MS = 1000;

export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): boolean;
}

interface Task {
  label: string;
  total: number | null;
  count: number;
  startedAt: number;
}

function seconds(ms: number): string {
  const s = Math.max(1, Math.round(ms / 1000));
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
}

function describeTask(task: Task, now: number): string {
  const count = task.count.toLocaleString('en-US');
  if (task.total === null || task.total === 0) return `${task.label} ${count}`;
  const elapsed = now - task.startedAt;
  const shown = Math.min(task.count, task.total);
  const percent = Math.floor((shown / task.total) * 100);
  const eta =
    elapsed >= ETA_AFTER_MS && shown > 0 && shown < task.total ? ` ~${seconds(((task.total - shown) * elapsed) / shown)} left` : '';
  return `${task.label} ${count}/${task.total.toLocaleString('en-US')} (${percent}%)${eta}`;
}

/**
 * Counts for the long phases (parsing, registry look-ups) on one self-rewriting line, phases that
 * run at once side by side. Only on an interactive stream: CI logs and redirected output never see
 * it, and the line is erased when the last phase ends.
 */
export function createProgress(
  enabled: boolean,
  stream: ProgressStream = process.stderr,
  clock: () => number = Date.now,
): Progress {
  if (!enabled || !stream.isTTY) return { start: () => ({ tick() {}, done() {} }) };
  const tasks = new Set<Task>();
  let drawnAt = Number.NEGATIVE_INFINITY;
  let visible = false;
  const draw = (force: boolean) => {
    const now = clock();
    if (!force && now - drawnAt < REDRAW_INTERVAL_MS) return;
    drawnAt = now;
    if (tasks.size === 0) {
      if (visible) stream.write('\r\x1b[2K');
      visible = false;
      return;
    }
    const width = Math.max(20, (stream.columns ?? 80) - 1);
    const text = [...tasks].map((task) => describeTask(task, now)).join(' · ');
    stream.write(`\r\x1b[2K${text.length > width ? `${text.slice(0, width - 1)}…` : text}`);
    visible = true;
  };
  return {
    start(label, total) {
      const task: Task = { label, total, count: 0, startedAt: clock() };
      tasks.add(task);
      draw(true);
      return {
        tick(n = 1) {
          task.count += n;
          draw(false);
        },
        done() {
          if (tasks.delete(task)) draw(true);
        },
      };
    },
  };
}

/** "checks[2].status" from a zod issue path. */
function fieldPath(path: readonly PropertyKey[]): string {
  return path.map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`)).join('');
}

/** Reads a JSON file and validates it; any problem is a usage error naming the file and the field. */
export async function readJsonFile<T extends z.ZodType>(path: string, schema: T, what: string): Promise<z.output<T>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`${path}: cannot read the ${what}${code === 'ENOENT' ? ' (no such file)' : code ? ` (${code})` : ''}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${path}: the ${what} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = fieldPath(issue.path);
  throw new UsageError(`${path}: not a valid ${what}: ${field ? `field "${field}": ` : ''}${issue.message}`);
}

/** The target's attestations file, when it has one. */
export async function readAttestations(root: string): Promise<Attestation[]> {
  const path = join(root, ATTESTATIONS_FILE);
  try {
    await access(path);
  } catch {
    return [];
  }
  return readJsonFile(path, attestationsFileSchema, 'attestations file');
}

/** The report (or baseline, or portfolio) to stdout, or to a file whose folder is created as needed. */
export async function writeOutput(text: string, output: string | undefined): Promise<void> {
  if (!output) {
    process.stdout.write(text);
    return;
  }
  await mkdir(dirname(resolve(output)), { recursive: true });
  await writeFile(resolve(output), text);
}
