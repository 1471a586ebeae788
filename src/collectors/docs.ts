import { defineCollector } from '../core/collector.js';
import type { DocsFact, RepoTree } from '../core/facts.js';
import { basename, dirname, isFixturePath } from '../util/paths.js';

/** Extensions of prose documents (a README may also have none). */
const DOC_EXTENSION = /\.(md|markdown|mdown|mkd|mdx|rst|txt|text|adoc|asciidoc|asc|org|textile|rdoc|pod|wiki)$/i;
const README_NAME = /^read[-_]?me(\.[a-z0-9]+)?$/i;
const LICENSE_NAME = /^(licen[cs]e|copying|unlicen[cs]e)([-._][\w.-]*)?$/i;
const CHANGELOG_NAME = /^(change[-_]?log|changes|history|news|releases?)(\.[a-z0-9]+)?$/i;
/** Folders whose prose is documentation, at any depth. */
const DOC_FOLDER = /(^|\/)(docs?|documentation|adrs?|decisions|architecture|design|wiki|runbooks?|handbook|guides?)\//i;

/** Where a README is looked for, in the order GitHub and npm show one: the root first. */
const README_FOLDERS = ['', '.github', 'docs'] as const;

function isProse(path: string): boolean {
  return DOC_EXTENSION.test(path);
}

function rootFile(tree: RepoTree, name: RegExp, folder = ''): string[] {
  return tree.files
    .map((file) => file.path)
    .filter((path) => dirname(path) === folder && name.test(basename(path)) && (isProse(path) || !basename(path).includes('.')));
}

/** Markdown first (it is what hosting sites render), then other prose formats, then plain names. */
function byPreference(a: string, b: string): number {
  const rank = (path: string) => (/\.(md|markdown)$/i.test(path) ? 0 : isProse(path) ? 1 : 2);
  return rank(a) - rank(b) || a.localeCompare(b);
}

function findReadme(tree: RepoTree): DocsFact['readme'] {
  for (const folder of README_FOLDERS) {
    const candidates = rootFile(tree, README_NAME, folder).sort(byPreference);
    for (const path of candidates) {
      const text = tree.read(path);
      if (text !== null) return { path, text };
    }
  }
  return null;
}

/**
 * A README that exists but could not be read (binary, above the size cap): checks then say they could
 * not judge it rather than that it is missing.
 */
export function unreadableReadme(tree: RepoTree): { path: string; reason: string } | null {
  for (const folder of README_FOLDERS) {
    for (const path of rootFile(tree, README_NAME, folder).sort(byPreference)) {
      if (tree.read(path) === null) return { path, reason: tree.unreadable.get(path) ?? 'cannot be read' };
    }
  }
  return null;
}

/** The licence file directly in `dir` ('' for the root), or null. */
export function licenseFileIn(tree: RepoTree, dir: string): string | null {
  const candidates = tree.files
    .map((file) => file.path)
    .filter((path) => dirname(path) === dir && LICENSE_NAME.test(basename(path)))
    .sort(byPreference);
  return candidates[0] ?? null;
}

export function collectDocs(tree: RepoTree): DocsFact {
  const readme = findReadme(tree);
  const changelog = rootFile(tree, CHANGELOG_NAME).sort(byPreference)[0] ?? null;
  const docFiles = tree.files
    .map((file) => file.path)
    .filter((path) => isProse(path) && path !== readme?.path && !isFixturePath(path))
    .filter((path) => DOC_FOLDER.test(path) || (!path.includes('/') && !/\.txt$/i.test(path)))
    .filter((path) => !LICENSE_NAME.test(basename(path)));
  return { readme, docFiles, license: licenseFileIn(tree, ''), changelog };
}

export const docsCollector = defineCollector({
  key: 'docs',
  description: 'README, documentation files, licence and changelog',
  async collect(_ctx, get) {
    return collectDocs(await get('tree'));
  },
});
