// Path conventions several collectors and checks agree on. Paths are repository-relative with `/`.

const TEST_FILE = /(^|\/)[^/]+\.(test|spec|e2e|cy)\.[cm]?[jt]sx?$/;
const TEST_DIR = /(^|\/)(__tests__|__test__|tests?|spec|e2e|cypress|playwright)\//;
const FIXTURE_DIR = /(^|\/)(__fixtures__|__mocks__|fixtures?|testdata|test-data|mocks?|stubs?|examples?|samples?)\//;

/** A file whose purpose is testing: `*.test.ts`, `*.spec.js`, or anything under a tests folder. */
export function isTestFile(path: string): boolean {
  return TEST_FILE.test(path) || TEST_DIR.test(path);
}

/**
 * Under a fixtures, mocks, samples or examples folder: files there belong to a sample project (a
 * test file there is fixture data too), not to this one.
 */
export function isInFixtureDir(path: string): boolean {
  return FIXTURE_DIR.test(path);
}

/** Data that exists for tests or examples (fixtures, mocks, samples): not production content. */
export function isFixturePath(path: string): boolean {
  return isInFixtureDir(path) || isTestFile(path);
}


const MIGRATION_DIR = /(^|\/)(migrations?|db\/migrate|seeders|seeds?)\//;

/**
 * A migration or seed script: history written once and never refactored, with a name and a shape
 * its tool dictates (`20250120000001-create-users.cjs`, `module.exports = { up, down }`).
 */
export function isMigrationPath(path: string): boolean {
  return MIGRATION_DIR.test(path);
}

const VENDOR_NAMES = new Set(['vendor', 'vendors', 'third_party', 'third-party']);
/**
 * Where copied third-party code lives: at the top of the repository or of a source or asset folder.
 * Deeper, the same names are the app's own words: `app/vendor/` is a marketplace's seller pages.
 */
const VENDOR_PARENTS = new Set(['', 'src', 'lib', 'libs', 'js', 'public', 'static', 'assets', 'www', 'web', 'resources']);
const WORKSPACE_FOLDERS = new Set(['packages', 'apps', 'services', 'libs', 'modules']);

/**
 * A folder of copied third-party code, judged by its name and the folder it sits in. `external/`
 * counts at the top only (checked-out submodules): inside `src/` it is the app's clients for
 * outside services.
 */
export function isVendorFolder(folderPath: string): boolean {
  const slash = folderPath.lastIndexOf('/');
  const name = folderPath.slice(slash + 1);
  if (slash === -1 && name === 'external') return true;
  if (!VENDOR_NAMES.has(name)) return false;
  const folders = folderPath.split('/');
  const parent = folders.at(-2) ?? '';
  // `packages/ui/vendor/`: the top of a workspace package.
  return VENDOR_PARENTS.has(parent) || (folders.length === 3 && WORKSPACE_FOLDERS.has(folders[0]!));
}

/** Inside a folder of copied third-party code at any depth. */
export function isInVendorFolder(path: string): boolean {
  for (let slash = path.indexOf('/'); slash !== -1; slash = path.indexOf('/', slash + 1)) {
    if (isVendorFolder(path.slice(0, slash))) return true;
  }
  return false;
}

export const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'] as const;

/** JavaScript or TypeScript source (declaration files excluded: they hold no behaviour). */
export function isSourceFile(path: string): boolean {
  if (path.endsWith('.d.ts') || path.endsWith('.d.mts') || path.endsWith('.d.cts')) return false;
  return SOURCE_EXTENSIONS.some((extension) => path.endsWith(extension));
}

export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export function dirname(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '' : path.slice(0, slash);
}
