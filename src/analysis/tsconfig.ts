// Reading tsconfig files from the repository: JSON with comments, `extends` followed inside the
// repository, shared configs from packages known by name. Never touches node_modules.
import { ts } from 'ts-morph';
import type { RepoTree } from '../core/facts.js';
import { dirname } from '../util/paths.js';

/** Shared configs published as packages whose `strict` we know without reading node_modules. */
const KNOWN_BASES: { prefix: string; strict: boolean }[] = [
  { prefix: '@tsconfig/', strict: true },
  { prefix: '@total-typescript/tsconfig', strict: true },
  { prefix: '@sindresorhus/tsconfig', strict: true },
  { prefix: '@vue/tsconfig', strict: true },
  { prefix: 'expo/tsconfig.base', strict: false },
];
const MAX_EXTENDS = 10;

export interface ResolvedTsconfig {
  options: Record<string, unknown>;
  /** Where each option came from (the file that set it last). */
  origin: Record<string, string>;
  notes: string[];
  unreadable: string | null;
}

function readJson(tree: RepoTree, path: string): Record<string, unknown> | null {
  const text = tree.read(path);
  if (text === null) return null;
  const parsed = ts.parseConfigFileTextToJson(path, text);
  return parsed.error || typeof parsed.config !== 'object' || parsed.config === null ? null : (parsed.config as Record<string, unknown>);
}

export function joinPath(base: string, relative: string): string {
  const parts = base === '' ? [] : base.split('/');
  for (const part of relative.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.join('/');
}

/**
 * The configs a "solution" tsconfig delegates to — `"files": []` with `references`, as Vite's
 * templates write it: it compiles nothing itself. Null for a config that compiles files.
 */
export function solutionReferences(tree: RepoTree, path: string): string[] | null {
  const config = readJson(tree, path);
  const files = config?.['files'];
  const references = config?.['references'];
  if (!Array.isArray(files) || files.length > 0 || config?.['include'] !== undefined || !Array.isArray(references)) return null;
  return references.flatMap((reference: unknown) => {
    const target = (reference as { path?: unknown } | null)?.path;
    if (typeof target !== 'string') return [];
    const joined = joinPath(dirname(path), target);
    return [joined.endsWith('.json') ? joined : joinPath(joined, 'tsconfig.json')];
  });
}

/** The compiler options of a tsconfig with its `extends` chain applied (bases first). */
export function resolveTsconfig(tree: RepoTree, path: string, depth = 0): ResolvedTsconfig {
  const config = readJson(tree, path);
  if (!config) return { options: {}, origin: {}, notes: [], unreadable: `${path} could not be read or parsed` };
  const resolved: ResolvedTsconfig = { options: {}, origin: {}, notes: [], unreadable: null };
  const bases = Array.isArray(config['extends']) ? config['extends'] : config['extends'] === undefined ? [] : [config['extends']];
  for (const base of bases) {
    if (typeof base !== 'string' || depth >= MAX_EXTENDS) continue;
    if (base.startsWith('.')) {
      const target = joinPath(dirname(path), base.endsWith('.json') ? base : `${base}.json`);
      const inner = resolveTsconfig(tree, tree.has(target) ? target : joinPath(dirname(path), `${base}/tsconfig.json`), depth + 1);
      Object.assign(resolved.options, inner.options);
      Object.assign(resolved.origin, inner.origin);
      resolved.notes.push(...inner.notes);
      resolved.unreadable ??= inner.unreadable;
      continue;
    }
    const known = KNOWN_BASES.find((candidate) => base.startsWith(candidate.prefix));
    if (known) {
      resolved.options['strict'] = known.strict;
      resolved.origin['strict'] = base;
      resolved.notes.push(`extends ${base} (strict: ${known.strict})`);
    } else {
      resolved.notes.push(`extends ${base}, a package shipshape does not read`);
      resolved.unreadable ??= `extends ${base}, which is not in the repository`;
    }
  }
  const options = config['compilerOptions'];
  if (options && typeof options === 'object') {
    for (const [key, value] of Object.entries(options)) {
      resolved.options[key] = value;
      resolved.origin[key] = path;
    }
  }
  return resolved;
}

