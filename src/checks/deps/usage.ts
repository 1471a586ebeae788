// Whether a declared package is used without being imported: by a command in a script, by a tool
// that loads it from its configuration, because another package needs it, or by name in a config file.
import type { ManifestsFact, RepoTree } from '../../core/facts.js';
import { BIN_NAMES, CONFIG_FILE, IMPLIED_BY, IMPLIED_BY_FILES, LOADED_BY_TOOL } from '../../knowledge/dependency-uses.js';

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
}

export function usageContext(tree: RepoTree, manifests: ManifestsFact): UsageContext {
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
    if (CONFIG_FILE.test(file.path) && file.size <= MAX_CONFIG_BYTES) texts.push(tree.read(file.path) ?? '');
  }
  return { declared, scriptWords, configText: texts.join('\n'), impliedByFiles };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Why `name` counts as used without an import, or null. */
export function usedWithoutImport(name: string, context: UsageContext): string | null {
  const bins = BIN_NAMES[name] ?? [name, name.replace(/^@[^/]+\//, '')];
  const words = [...context.scriptWords];
  // `tsc`, `node_modules/.bin/tsc`, or a module path such as `node -r dotenv/config`.
  const command = bins.find((bin) => context.scriptWords.has(bin) || words.some((word) => word.endsWith(`/${bin}`) || word.startsWith(`${name}/`)));
  if (command) return `run as \`${command}\` in a script`;
  const tool = LOADED_BY_TOOL.find((rule) => rule.pattern.test(name) && rule.loadedBy.some((loader) => context.declared.has(loader)));
  if (tool) return `loaded by ${tool.loadedBy.find((loader) => context.declared.has(loader))} from its configuration`;
  // A tool whose plugins or configs are declared is configured, even when it runs through a wrapper (`next lint`).
  const plugin = LOADED_BY_TOOL.find((rule) => rule.loadedBy.includes(name) && [...context.declared].some((other) => other !== name && rule.pattern.test(other)));
  if (plugin) return `configured through ${[...context.declared].find((other) => other !== name && plugin.pattern.test(other))}`;
  const needer = IMPLIED_BY[name]?.find((other) => context.declared.has(other));
  if (needer) return `needed by ${needer}`;
  if (context.impliedByFiles.has(name)) return 'implied by the files present';
  if (new RegExp(`["'\`]${escapeRegExp(name)}(["'\`/]|$)`, 'm').test(context.configText)) return 'named in a configuration file';
  return null;
}
