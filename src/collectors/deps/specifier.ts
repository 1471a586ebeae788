// What a dependency specifier in package.json points at. Only registry specifiers (ranges, exact
// versions, dist-tags, npm: aliases) can be looked up in the registry.
import semver from 'semver';
import type { SpecifierKind } from '../../core/facts.js';

export interface ParsedSpecifier {
  kind: SpecifierKind;
  /** The registry package it names (the alias target for `npm:other@^1`). */
  packageName: string;
  /** The range part for registry specifiers (`^1` for `npm:other@^1`), else null. */
  range: string | null;
}

// Ordered: the first matching prefix decides.
const PREFIX_KINDS: readonly { test: RegExp; kind: SpecifierKind }[] = [
  { test: /^workspace:/, kind: 'workspace' },
  { test: /^catalog:/, kind: 'catalog' },
  { test: /^link:/, kind: 'link' },
  { test: /^(file:|portal:|\.{0,2}\/|~\/)/, kind: 'file' },
  { test: /^(git\+|git:|github:|gitlab:|bitbucket:|gist:)/, kind: 'git' },
  { test: /^https?:\/\//, kind: 'url' },
  // `user/repo` and `user/repo#ref` are GitHub shorthands.
  { test: /^[\w.-]+\/[\w.-]+(#.*)?$/, kind: 'git' },
];

export function parseSpecifier(name: string, specifier: string): ParsedSpecifier {
  const spec = specifier.trim();
  if (spec.startsWith('npm:')) {
    const target = spec.slice(4);
    const at = target.lastIndexOf('@');
    const packageName = at > 0 ? target.slice(0, at) : target;
    const range = at > 0 ? target.slice(at + 1) : '*';
    return { kind: 'alias', packageName, range };
  }
  for (const { test, kind } of PREFIX_KINDS) if (test.test(spec)) return { kind, packageName: name, range: null };
  if (spec === '' || spec === '*' || spec === 'x') return { kind: 'range', packageName: name, range: '*' };
  if (semver.valid(spec)) return { kind: 'version', packageName: name, range: spec };
  if (semver.validRange(spec)) return { kind: 'range', packageName: name, range: spec };
  if (/^[a-z][\w.-]*$/i.test(spec)) return { kind: 'tag', packageName: name, range: null };
  return { kind: 'invalid', packageName: name, range: null };
}

/** Whether the registry knows this kind of specifier. */
export function isRegistrySpecifier(kind: SpecifierKind): boolean {
  return kind === 'range' || kind === 'version' || kind === 'tag' || kind === 'alias';
}
