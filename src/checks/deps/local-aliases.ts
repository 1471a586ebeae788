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

/** First segments of `compilerOptions.paths` keys (`@app/*` → `@app`, `~lib` → `~lib`) in the workspace's and the root's tsconfig. */
export function localAliases(tree: RepoTree, dir: string): Set<string> {
  const aliases = new Set<string>();
  const folders = dir === '' ? [''] : [dir, ''];
  for (const folder of folders) {
    for (const name of TSCONFIG_NAMES) {
      const text = tree.read(folder === '' ? name : `${folder}/${name}`);
      const document = text === null ? null : parseJsonc(text);
      const paths = (document as { compilerOptions?: { paths?: Record<string, unknown> } } | null)?.compilerOptions?.paths;
      for (const key of Object.keys(paths ?? {})) {
        const bare = key.replace(/\/?\*$/, '');
        aliases.add(bare);
        aliases.add(bare.split('/')[0] ?? bare);
      }
    }
  }
  return aliases;
}
