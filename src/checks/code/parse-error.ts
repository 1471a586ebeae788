// code.parse-error: every source file parses.
import { defineCheck } from '../../core/check.js';
import type { FindingInput } from '../../core/types.js';
import { isFixturePath } from '../../util/paths.js';
import { MAX_FINDINGS, plural } from './shared.js';

export const parseErrorCheck = defineCheck({
  id: 'code.parse-error',
  area: 'code',
  title: 'All source files parse',
  failureTitle: 'Some source files have syntax errors',
  rationale:
    'A file with a syntax error cannot run: if it is imported anywhere, the build or the server start fails, ' +
    'and if it is not imported, it is dead code that looks alive. Either way the repository does not say ' +
    'what actually runs in production. (Files that are meant to be broken, such as test fixtures, are not counted.)',
  remediation:
    'Open each listed file at the given line and column and fix the syntax (an unclosed bracket, a stray ' +
    'character, a merge-conflict marker). Run the type checker (`npx tsc --noEmit`) or the build in CI so ' +
    'a broken file cannot be merged again. Delete the file if nothing uses it.',
  severity: 'high',
  weight: 2,
  effortMinutes: 10,
  requires: ['code'],
  run({ code }) {
    if (code.files.length === 0) return { status: 'na', evidence: [], reason: 'No JavaScript or TypeScript source files to parse.' };
    const considered = code.files.filter((file) => !isFixturePath(file.path));
    const broken = considered.filter((file) => file.parseErrors.length > 0);
    const crashed = code.skipped.filter((entry) => entry.reason.startsWith('parser failed'));
    const evidence = [`${broken.length + crashed.length} of ${plural(considered.length + crashed.length, 'source file')} do not parse`];
    const findings: FindingInput[] = broken.slice(0, MAX_FINDINGS).map((file) => {
      const first = file.parseErrors[0]!;
      return {
        message: `${file.path}:${first.line}:${first.column}: ${first.message.replace(/\.$/, '')}${file.parseErrors.length > 1 ? ` (and ${plural(file.parseErrors.length - 1, 'more error')})` : ''}.`,
        location: { file: file.path, line: first.line, column: first.column },
        snippet: first.message,
        data: { errors: file.parseErrors.length, line: first.line, column: first.column, message: first.message },
      };
    });
    for (const entry of crashed) {
      findings.push({ message: `${entry.path}: the parser gave up (${entry.reason}).`, location: { file: entry.path }, snippet: 'parser failed' });
    }
    if (findings.length === 0) return { status: 'pass', evidence };
    return { status: 'fail', evidence, findings };
  },
});
