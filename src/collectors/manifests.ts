import { minimatch } from 'minimatch';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { defineCollector } from '../core/collector.js';
import type { ManifestsFact, PackageManifest, RepoTree } from '../core/facts.js';
import { basename, dirname, isFixturePath } from '../util/paths.js';

type Note = { path: string; message: string };

const jsonObject = z.record(z.string(), z.unknown());

/**
 * Each field is checked on its own so that one wrong-typed field (a number where a string belongs)
 * drops only that field, with a note, instead of the whole manifest.
 */
const FIELD_SCHEMAS = {
  name: z.string(),
  version: z.string(),
  private: z.boolean(),
  main: z.string(),
  module: z.string(),
  packageManager: z.string(),
  type: z.enum(['module', 'commonjs']),
} as const;

const DEPENDENCY_FIELDS = [
  'dependencies',
  'devDependencies',
  'peerDependencies',
  'optionalDependencies',
  'scripts',
  'engines',
] as const;

const workspacesSchema = z.union([
  z.array(z.string()),
  z.object({ packages: z.array(z.string()).optional() }).transform((value) => value.packages ?? []),
]);

const binSchema = z.union([z.string(), z.record(z.string(), z.string())]);

const pnpmWorkspaceSchema = z.object({ packages: z.array(z.string()).optional() }).passthrough();

/** Where a JSON parse error sits, as "line L, column C", from the position V8 reports. */
function locateJsonError(text: string, message: string): string {
  if (/line \d+/.test(message)) return message;
  const position = /position (\d+)/.exec(message)?.[1];
  if (position === undefined) return message;
  const before = text.slice(0, Number(position));
  const line = before.split('\n').length;
  const column = Number(position) - before.lastIndexOf('\n');
  return `${message} (line ${line}, column ${column})`;
}

/** The package's command name when `bin` is a bare string: the unscoped package name. */
function commandName(packageName: string | null): string | null {
  if (!packageName) return null;
  return packageName.startsWith('@') ? (packageName.split('/')[1] ?? null) : packageName;
}

function stringEntries(field: string, value: unknown, path: string, notes: Note[]): Record<string, string> {
  if (value === undefined) return {};
  const parsed = jsonObject.safeParse(value);
  if (!parsed.success) {
    notes.push({ path, message: `"${field}" is not an object; ignored` });
    return {};
  }
  const result: Record<string, string> = {};
  for (const [key, entry] of Object.entries(parsed.data)) {
    if (typeof entry === 'string') result[key] = entry;
    else notes.push({ path, message: `"${field}.${key}" is not a string; ignored` });
  }
  return result;
}

function field<T>(name: string, schema: z.ZodType<T>, value: unknown, path: string, notes: Note[]): T | null {
  if (value === undefined) return null;
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  notes.push({ path, message: `"${name}" has an unexpected type (${Array.isArray(value) ? 'array' : typeof value}); ignored` });
  return null;
}

/** Reads one package.json into the typed view, leniently. Returns a message when it cannot be used at all. */
function readManifest(tree: RepoTree, path: string, notes: Note[]): PackageManifest | { error: string } {
  const text = tree.read(path);
  if (text === null) return { error: `cannot be read: ${tree.unreadable.get(path) ?? 'unknown reason'}` };
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    return { error: `not valid JSON: ${locateJsonError(text, (error as Error).message)}` };
  }
  const raw = jsonObject.safeParse(document);
  if (!raw.success) return { error: 'not a JSON object' };
  const data = raw.data;
  const name = field('name', FIELD_SCHEMAS.name, data.name, path, notes);
  const bin = field('bin', binSchema, data.bin, path, notes);
  const command = commandName(name);
  const records = Object.fromEntries(
    DEPENDENCY_FIELDS.map((key) => [key, stringEntries(key, data[key], path, notes)]),
  ) as Record<(typeof DEPENDENCY_FIELDS)[number], Record<string, string>>;
  return {
    path,
    dir: dirname(path),
    name,
    version: field('version', FIELD_SCHEMAS.version, data.version, path, notes),
    private: field('private', FIELD_SCHEMAS.private, data.private, path, notes) ?? false,
    ...records,
    bin: typeof bin === 'string' ? (command ? { [command]: bin } : {}) : (bin ?? {}),
    main: field('main', FIELD_SCHEMAS.main, data.main, path, notes),
    module: field('module', FIELD_SCHEMAS.module, data.module, path, notes),
    exports: data.exports ?? null,
    workspaces: field('workspaces', workspacesSchema, data.workspaces, path, notes) ?? [],
    packageManager: field('packageManager', FIELD_SCHEMAS.packageManager, data.packageManager, path, notes),
    type: field('type', FIELD_SCHEMAS.type, data.type, path, notes),
    raw: data,
  };
}

/** `packages` of pnpm-workspace.yaml at the root, or null without that file. */
function pnpmWorkspaceGlobs(tree: RepoTree, notes: Note[]): string[] | null {
  const path = 'pnpm-workspace.yaml';
  if (!tree.has(path)) return null;
  const text = tree.read(path);
  if (text === null) return null;
  try {
    const parsed = pnpmWorkspaceSchema.safeParse(parseYaml(text) ?? {});
    if (parsed.success) return parsed.data.packages ?? [];
    notes.push({ path, message: '"packages" is not a list of globs; ignored' });
  } catch (error) {
    notes.push({ path, message: `not valid YAML: ${(error as Error).message.split('\n')[0]}` });
  }
  return [];
}

function normaliseGlob(glob: string): string {
  return glob.trim().replace(/^\.\//, '').replace(/\/+$/, '');
}

/** Folders (holding a package.json) that the workspace globs select; `!` globs exclude. */
export function matchWorkspaceDirs(globs: readonly string[], packageDirs: readonly string[]): string[] {
  const include = globs.filter((glob) => !glob.trim().startsWith('!')).map(normaliseGlob);
  const exclude = globs.filter((glob) => glob.trim().startsWith('!')).map((glob) => normaliseGlob(glob.trim().slice(1)));
  const matches = (dir: string, patterns: string[]) => patterns.some((pattern) => minimatch(dir, pattern, { dot: false }));
  return packageDirs.filter((dir) => matches(dir, include) && !matches(dir, exclude));
}

/** Package folders at most this deep are taken as packages of an undeclared multi-package repo. */
const MAX_NESTED_DEPTH = 3;

export function collectManifests(tree: RepoTree): ManifestsFact {
  const notes: Note[] = [];
  const invalid: Note[] = [];
  const load = (path: string): PackageManifest | null => {
    const result = readManifest(tree, path, notes);
    if ('error' in result) {
      invalid.push({ path, message: result.error });
      return null;
    }
    return result;
  };

  const root = tree.has('package.json') ? load('package.json') : null;
  const pnpmGlobs = pnpmWorkspaceGlobs(tree, notes);
  if (root && pnpmGlobs && root.workspaces.length === 0) root.workspaces = pnpmGlobs;
  const globs = root?.workspaces.length ? root.workspaces : (pnpmGlobs ?? []);

  const packageDirs = tree.files
    .filter((file) => basename(file.path) === 'package.json' && file.path !== 'package.json')
    .map((file) => dirname(file.path));
  const workspaceDirs = new Set(matchWorkspaceDirs(globs, packageDirs));
  const workspaces = [...workspaceDirs].map((dir) => load(`${dir}/package.json`)).filter((m) => m !== null);

  // Without declared workspaces, packages side by side (`client/`, `server/`) are part of the project
  // all the same, unless they are test fixtures, examples or deep inside other folders. A repository
  // that declares workspaces has said which packages it is made of.
  const nested = (globs.length > 0 ? [] : packageDirs)
    .filter((dir) => !isFixturePath(`${dir}/`) && dir.split('/').length <= MAX_NESTED_DEPTH)
    .map((dir) => load(`${dir}/package.json`))
    .filter((m) => m !== null);

  return {
    root,
    workspaces,
    nested,
    all: [...(root ? [root] : []), ...workspaces, ...nested],
    invalid,
    notes,
  };
}

export const manifestsCollector = defineCollector({
  key: 'manifests',
  description: 'package.json at the root, of workspace packages and of other packages in the repository',
  async collect(_ctx, get) {
    return collectManifests(await get('tree'));
  },
  problems: (fact) => fact.invalid.map((invalid) => `${invalid.path} could not be read, so its dependencies and scripts were not checked: ${invalid.message}`),
  metrics: (fact) => ({
    manifests: { packages: fact.all.length, invalid: fact.invalid.length, fieldsIgnored: fact.notes?.length ?? 0 },
  }),
});
