// testing.tests-present: test files exist and declare at least one runnable test case.
import { defineCheck } from '../../core/check.js';
import type { TestFileInfo } from '../../core/facts.js';
import { NAMED_TEST_FILE } from '../../knowledge/test-runners.js';
import { isFixturePath, isSourceFile } from '../../util/paths.js';

const MAX_LISTED = 5;

function listed(paths: readonly string[]): string {
  const shown = paths.slice(0, MAX_LISTED).join(', ');
  return paths.length > MAX_LISTED ? `${shown} and ${paths.length - MAX_LISTED} more` : shown;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** Why a named test file declares no runnable case, in the words a reader would use. */
function emptinessOf(file: TestFileInfo): string {
  if (file.placeholders > 0) return `holds only ${plural(file.placeholders, 'skipped, to-do or empty test')}, none that runs`;
  return 'declares no test case (empty, commented out, or only `describe` blocks without `it`/`test`)';
}

export const testsPresentCheck = defineCheck({
  id: 'testing.tests-present',
  area: 'testing',
  title: 'Automated tests exist',
  failureTitle: 'No automated test runs any code',
  rationale:
    'Tests are how you find out that a change broke something before your users do. Without them every ' +
    'release is a gamble, and fixing one bug quietly creates another. Empty test files, skipped tests, ' +
    '`it.todo` placeholders and named cases with an empty body (`it("registers a user", () => {})`, as ' +
    'scaffolds generate them) look like a test suite but check nothing.',
  remediation:
    'Install a test runner (Vitest is the quickest start: `npm install -D vitest`, then add ' +
    '`"test": "vitest run"` to the scripts in package.json). Write a first test for the most important ' +
    'thing the product does, e.g. `src/pricing.test.ts` with `test("charges VAT", () => { … })`, and run ' +
    '`npm test`. Replace empty or skipped test files with real cases, or delete them so they do not give ' +
    'false comfort.',
  severity: 'high',
  weight: 3,
  effortMinutes: 120,
  requires: ['tests', 'tree'],
  run({ tests, tree }) {
    const real = tests.files.filter((file) => (file.cases ?? 0) > 0);
    const unreadable = tests.files.filter((file) => file.cases === null);
    // Helpers inside a tests folder legitimately declare no case; only files named as tests can be empty.
    const empty = tests.files.filter((file) => file.cases === 0 && NAMED_TEST_FILE.test(file.path));
    const caseCount = real.reduce((sum, file) => sum + (file.cases ?? 0), 0);
    const metrics = { tests: { filesWithCases: real.length, emptyFiles: empty.length } };
    const emptyEvidence = empty.length > 0 ? [`${plural(empty.length, 'test file')} without a runnable case: ${listed(empty.map((file) => file.path))}`] : [];

    if (real.length > 0) {
      const first = real[0]!;
      return {
        status: 'pass',
        evidence: [
          `${plural(real.length, 'test file')} ${real.length === 1 ? 'declares' : 'declare'} ${plural(caseCount, 'test case')} (e.g. ${first.path}:${first.firstCaseLine ?? 1})`,
          ...emptyEvidence,
        ],
        metrics,
      };
    }

    const hasCode = tree.files.some((file) => isSourceFile(file.path) && !isFixturePath(file.path));
    if (!hasCode && tests.files.length === 0) {
      return { status: 'na', evidence: [], reason: 'The repository holds no JavaScript or TypeScript source to test.', metrics };
    }
    if (unreadable.length > 0 && empty.length === 0) {
      return {
        status: 'unknown',
        evidence: [`could not read ${listed(unreadable.map((file) => file.path))}`],
        reason: 'The only test files could not be read (binary or too large), so their test cases cannot be counted.',
        metrics,
      };
    }
    if (empty.length > 0) {
      return {
        status: 'fail',
        evidence: emptyEvidence,
        findings: empty.map((file) => ({
          message: `${file.path} ${emptinessOf(file)}.`,
          location: { file: file.path },
          data: { placeholders: file.placeholders },
        })),
        metrics,
      };
    }
    return {
      status: 'fail',
      evidence: [
        tests.files.length > 0
          ? `files under test folders declare no test case: ${listed(tests.files.map((file) => file.path))}`
          : 'no test files (*.test.*, *.spec.*, __tests__/, test/) found',
      ],
      findings: [{ message: 'The repository has no automated test that declares a test case.', location: null }],
      metrics,
    };
  },
});
