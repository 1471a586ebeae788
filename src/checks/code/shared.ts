// Helpers the code-health checks share: which files count, how a share of offenders becomes a
// score, and the wording of counts.
import type { CodeFact, ParsedFile } from '../../core/facts.js';
import type { CheckOutcome } from '../../core/types.js';
import { isFixturePath } from '../../util/paths.js';

/** Source that ships: not tests, fixtures, mocks or examples. */
export function productionFiles(code: CodeFact): ParsedFile[] {
  return code.files.filter((file) => !file.isTest && !isFixturePath(file.path));
}

export function plural(count: number, word: string, pluralWord = `${word}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? word : pluralWord}`;
}

export function percent(share: number): string {
  return `${(share * 100).toFixed(share < 0.1 ? 1 : 0)}%`;
}

/** `na` for a repository with no JavaScript/TypeScript source to judge. */
export function noSource(code: CodeFact): CheckOutcome | null {
  if (productionFiles(code).length > 0) return null;
  const skipped = code.skipped.length > 0 ? ` (${plural(code.skipped.length, 'source file')} skipped as generated, vendored, minified or oversized)` : '';
  return { status: 'na', evidence: [], reason: `No JavaScript or TypeScript source outside tests${skipped}.` };
}

/**
 * Linear between a value that still passes and one that fails outright: `pass` at or below
 * `passAt`, `fail` at or above `failAt`, `partial` in between with the score falling evenly.
 */
export function graded(value: number, passAt: number, failAt: number): Pick<CheckOutcome, 'status' | 'score'> {
  if (value <= passAt) return { status: 'pass', score: 1 };
  if (value >= failAt) return { status: 'fail', score: 0 };
  return { status: 'partial', score: Math.round((1 - (value - passAt) / (failAt - passAt)) * 100) / 100 };
}

/** Per thousand lines of code. */
export function perKloc(count: number, codeLines: number): number {
  return codeLines === 0 ? 0 : (count * 1000) / codeLines;
}

/** Findings shown per check before the rest are summarised in the evidence. */
export const MAX_FINDINGS = 50;
