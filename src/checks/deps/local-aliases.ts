// Import prefixes that resolve inside the repository (TypeScript `paths`), which look like package
// names but are not.
import type { RepoTree } from '../../core/facts.js';

const TSCONFIG_NAMES = ['tsconfig.json', 'jsconfig.json', 'tsconfig.base.json'];

/** JSON with comments and trailing commas, as tsconfig allows; null when it still does not parse. */
export function parseJsonc(text: string): unknown {
  const stripped = text
    .replace(/("(?:[^"\\]|\\.)*")|\/\/[^\n]*|\/\*[\s\S]*?\*\//g, (_match, string?: string) => string ?? '')
    .replace(/,(\s*[}\]])/g, '$1');
  try {
    return JSON.parse(stripped);
  } catch {
    return null;
  }
}

function joinPath(folder: string, relative: string): string {
  const parts = [...(folder === '' ? [] : folder.split('/')), ...relative.split('/')];
  const out: string[] = [];
  for (const part of parts) {
    if (part === '..') out.pop();
    else if (part !== '.' && part !== '') out.push(part);
  }
  return out.join('/');
}

/** Names of the folders and modules directly under `dir`: what a bare import resolves to under a baseUrl. */
export function entriesUnder(tree: RepoTree, dir: string): Set<string> {
  const prefix = dir === '' ? '' : `${dir}/`;
  const entries = new Set<string>();
  for (const file of tree.files) {
    if (!file.path.startsWith(prefix)) continue;
    const rest = file.path.slice(prefix.length);
    const slash = rest.indexOf('/');
    entries.add(slash > 0 ? rest.slice(0, slash) : rest.replace(/\.[cm]?[jt]sx?$/, ''));
  }
  return entries;
}

/**
 * First segments of `compilerOptions.paths` keys (`@app/*` → `@app`) and the entries under
 * `baseUrl`, from the workspace's and the root's tsconfig.
 */
export function localAliases(tree: RepoTree, dir: string): Set<string> {
  const aliases = new Set<string>();
  const folders = dir === '' ? [''] : [dir, ''];
  for (const folder of folders) {
    for (const name of TSCONFIG_NAMES) {
      const text = tree.read(folder === '' ? name : `${folder}/${name}`);
      const document = text === null ? null : parseJsonc(text);
      const options = (document as { compilerOptions?: { paths?: Record<string, unknown>; baseUrl?: unknown } } | null)?.compilerOptions;
      for (const key of Object.keys(options?.paths ?? {})) {
        const bare = key.replace(/\/?\*$/, '');
        aliases.add(bare);
        aliases.add(bare.split('/')[0] ?? bare);
      }
      if (typeof options?.baseUrl === 'string') for (const entry of entriesUnder(tree, joinPath(folder, options.baseUrl))) aliases.add(entry);
    }
  }
  return aliases;
}
