// The repository's own SQL files in the order migrations run: their names start with a timestamp or
// a number, so path order is run order within a folder. Fixtures and installed packages are not the
// repository's schema.
import type { RepoTree } from '../core/facts.js';
import { isFixturePath } from './paths.js';

export function sqlFilesInRunOrder(tree: RepoTree): string[] {
  return tree.files
    .map((file) => file.path)
    .filter((path) => path.endsWith('.sql') && !isFixturePath(path) && !/(^|\/)node_modules\//.test(path))
    .sort();
}
