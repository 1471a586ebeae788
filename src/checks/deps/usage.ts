// Whether a declared package is used without being imported: by a command in a script, by a tool
// that loads it from its configuration, because another package needs it, or by name in a config file.
import type { CodeFact, InstalledFact, ManifestsFact, RepoTree } from '../../core/facts.js';
import { BIN_NAMES, IMPLIED_BY, IMPLIED_BY_FILES, LOADED_BY_TOOL, NAMING_FILE } from '../../knowledge/dependency-uses.js';
import { isInFixtureDir } from '../../util/paths.js';
import { packageOfSpecifier, workspaceOf } from './import-sites.js';

const DEPENDENCY_SECTIONS = new Set(['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies']);
const MAX_CONFIG_BYTES = 256 * 1024;

export interface UsageContext {
  /** Every package declared anywhere in the repository. */
  declared: ReadonlySet<string>;
  /** Words of every script in every manifest. */
  scriptWords: ReadonlySet<string>;
  /** Text of configuration files and of manifest fields other than dependency lists. */
  configText: string;
  /** Packages implied by files that exist (a tsconfig implies typescript). */
  impliedByFiles: ReadonlySet<string>;
  /** Workspace folder → package names quoted in its code (`jest.mock('x')`, `require.resolve('x')`, `'view engine', 'ejs'`). */
  quotedInCode: ReadonlyMap<string, ReadonlySet<string>>;
  /** Package name → declared packages that list it as a peer dependency in the lockfile. */
  peerOf: ReadonlyMap<string, readonly string[]>;
}

const QUOTED = /["'`](@?[a-z0-9][\w.~-]*(?:\/[\w.~-]+)*)["'`]/gi;

function quotedPackageNames(tree: RepoTree, code: CodeFact, manifests: ManifestsFact): Map<string, Set<string>> {
  const dirs = manifests.all.map((manifest) => manifest.dir);
  const byWorkspace = new Map<string, Set<string>>();
  for (const file of code.files) {
    const text = isInFixtureDir(file.path) ? null : tree.read(file.path);
    if (text === null) continue;
    const workspace = workspaceOf(file.path, dirs);
    const names = byWorkspace.get(workspace) ?? new Set<string>();
    byWorkspace.set(workspace, names);
    for (const match of text.matchAll(QUOTED)) {
      const name = packageOfSpecifier(match[1]!);
      if (name !== null) names.add(name);
    }
  }
  return byWorkspace;
}

const STYLESHEET = /\.(css|scss|sass|less|pcss|styl)$/;
/** `@import "tw-animate-css";`, `@plugin "@tailwindcss/typography";`, `@use "~bootstrap/scss/grid";`. */
const STYLE_AT_RULE = /@(?:import|use|forward|plugin|config|reference)\s+(?:url\(\s*)?["']~?([^"'\s]+)["']/g;

/** The packages a stylesheet loads, quoted as a configuration file would name them. */
function styleImports(text: string): string[] {
  return [...text.matchAll(STYLE_AT_RULE)].map((match) => `"${match[1]!}"`);
}

export function usageContext(tree: RepoTree, manifests: ManifestsFact, code: CodeFact, installed: InstalledFact): UsageContext {
  const declared = new Set<string>();
  const scriptWords = new Set<string>();
  const texts: string[] = [];
  for (const manifest of manifests.all) {
    for (const section of ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'] as const) {
      for (const name of Object.keys(manifest[section])) declared.add(name);
    }
    for (const script of Object.values(manifest.scripts)) for (const word of script.split(/[\s;&|()'"`=<>]+/)) if (word) scriptWords.add(word);
    const rest = Object.fromEntries(Object.entries(manifest.raw).filter(([key]) => !DEPENDENCY_SECTIONS.has(key) && key !== 'name'));
    texts.push(JSON.stringify(rest));
  }
  const impliedByFiles = new Set<string>();
  for (const file of tree.files) {
    for (const rule of IMPLIED_BY_FILES) if (rule.pattern.test(file.path)) for (const name of rule.packages) impliedByFiles.add(name);
    if (NAMING_FILE.test(file.path) && file.size <= MAX_CONFIG_BYTES) texts.push(tree.read(file.path) ?? '');
    else if (STYLESHEET.test(file.path) && file.size <= MAX_CONFIG_BYTES && !isInFixtureDir(file.path)) texts.push(...styleImports(tree.read(file.path) ?? ''));
  }
  const peerOf = new Map<string, string[]>();
  for (const installedPackage of installed.packages) {
    if (!declared.has(installedPackage.name)) continue;
    for (const peer of installedPackage.peers ?? []) peerOf.set(peer, [...(peerOf.get(peer) ?? []), installedPackage.name]);
  }
  return { declared, scriptWords, configText: texts.join('\n'), impliedByFiles, quotedInCode: quotedPackageNames(tree, code, manifests), peerOf };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Why `name`, declared in the workspace in `workspace` ('' for the root), counts as used without an import, or null. */
export function usedWithoutImport(name: string, workspace: string, context: UsageContext): string | null {
  const bins = BIN_NAMES[name] ?? [name, name.replace(/^@[^/]+\//, '')];
  const words = [...context.scriptWords];
  // `tsc`, `node_modules/.bin/tsc`, a module path such as `node -r dotenv/config`, or one of a
  // family of commands named after the package (`template-oss-apply` from @npmcli/template-oss).
  const command = bins.find(
    (bin) => context.scriptWords.has(bin) || words.some((word) => word.endsWith(`/${bin}`) || word.startsWith(`${name}/`) || (bin.length >= 4 && word.startsWith(`${bin}-`))),
  );
  if (command) return `run as \`${command}\` in a script`;
  const tool = LOADED_BY_TOOL.find((rule) => rule.pattern.test(name) && rule.loadedBy.some((loader) => context.declared.has(loader)));
  if (tool) return `loaded by ${tool.loadedBy.find((loader) => context.declared.has(loader))} from its configuration`;
  // A tool whose plugins or configs are declared is configured, even when it runs through a wrapper (`next lint`).
  const plugin = LOADED_BY_TOOL.find((rule) => rule.loadedBy.includes(name) && [...context.declared].some((other) => other !== name && rule.pattern.test(other)));
  if (plugin) return `configured through ${[...context.declared].find((other) => other !== name && plugin.pattern.test(other))}`;
  const needer = IMPLIED_BY[name]?.find((other) => context.declared.has(other));
  if (needer) return `needed by ${needer}`;
  // The lockfile's record of what a declared package expects beside it, for pairs no table lists.
  const peer = context.peerOf.get(name)?.find((other) => other !== name);
  if (peer) return `a peer dependency of ${peer}`;
  if (context.impliedByFiles.has(name)) return 'implied by the files present';
  // `"@nx/esbuild:esbuild"`: Angular builders and Nx executors are named `package:target`.
  if (new RegExp(`["'\`]${escapeRegExp(name)}(["'\`/:]|$)`, 'm').test(context.configText)) return 'named in a configuration file';
  // A root manifest's packages serve every workspace; a workspace's only its own files.
  const quoted = workspace === '' ? [...context.quotedInCode.values()].some((names) => names.has(name)) : context.quotedInCode.get(workspace)?.has(name);
  if (quoted) return 'named in a string in the code';
  return null;
}
