// Import prefixes that resolve inside the repository (TypeScript `paths` and `baseUrl`), which look
// like package names but are not.
import { joinPath, resolveTsconfig } from '../../analysis/tsconfig.js';
import type { RepoTree } from '../../core/facts.js';
import { dirname } from '../../util/paths.js';

const TSCONFIG_NAMES = ['tsconfig.json', 'jsconfig.json'];

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
 * `baseUrl`, from the workspace's and the root's tsconfig (with what they extend).
 */
export function localAliases(tree: RepoTree, dir: string): Set<string> {
  const aliases = new Set<string>();
  for (const folder of dir === '' ? [''] : [dir, '']) {
    for (const name of TSCONFIG_NAMES) {
      const path = folder === '' ? name : `${folder}/${name}`;
      if (!tree.has(path)) continue;
      const { options, origin } = resolveTsconfig(tree, path);
      const paths = options.paths;
      for (const key of Object.keys(typeof paths === 'object' && paths !== null ? paths : {})) {
        const bare = key.replace(/\/?\*$/, '');
        aliases.add(bare);
        aliases.add(bare.split('/')[0] ?? bare);
      }
      // baseUrl is relative to the file that sets it.
      if (typeof options.baseUrl === 'string') {
        for (const entry of entriesUnder(tree, joinPath(dirname(origin.baseUrl ?? path), options.baseUrl))) aliases.add(entry);
      }
    }
  }
  return aliases;
}
