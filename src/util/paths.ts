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
