// code.file-size: source files of a size one can hold in mind.
import { z } from 'zod';
import { functionsOf } from '../../analysis/extracts.js';
import { defineCheck } from '../../core/check.js';
import type { FindingInput } from '../../core/types.js';
import { graded, MAX_FINDINGS, noSource, percent, plural, productionFiles } from './shared.js';

const options = z.object({
  /** Lines of code (not blank, not only comments) above which a file is reported. */
  maxLines: z.number().int().positive().default(500),
  /** From this many lines of code on, medium rather than low. */
  mediumLines: z.number().int().positive().default(1000),
  failShare: z.number().positive().max(1).default(0.1),
});

export const fileSizeCheck = defineCheck({
  id: 'code.file-size',
  area: 'code',
  title: 'Source files are of a manageable size',
  failureTitle: 'Some source files are very large',
  rationale:
    'A file of a thousand lines usually holds several unrelated responsibilities. Every change to it risks ' +
    'merge conflicts with teammates, it is hard to find one\'s way around, and an AI assistant editing it ' +
    'sees only part of it at a time — which is how duplicated and contradictory code gets in.',
  remediation:
    'Split each listed file by responsibility: one module per feature or per kind of thing (routes, data ' +
    'access, validation, formatting), each exporting a small surface. Move shared helpers into their own ' +
    'module rather than copying them. The limit (500 lines of code) can be changed in the config.',
  severity: 'low',
  weight: 1,
  effortMinutes: 60,
  requires: ['code'],
  optionsSchema: options,
  run({ code }, { options: limits }) {
    const none = noSource(code);
    if (none) return none;
    const files = productionFiles(code);
    const large = files.filter((file) => file.codeLines > limits.maxLines).sort((a, b) => b.codeLines - a.codeLines);
    const share = large.length / files.length;
    const evidence = [`${large.length} of ${plural(files.length, 'source file')} exceed ${limits.maxLines} lines of code (${percent(share)})`];
    for (const file of large.slice(0, 3)) evidence.push(`${file.path}: ${file.codeLines} lines of code, ${plural(functionsOf(file).length, 'function')}`);
    const findings: FindingInput[] = large.slice(0, MAX_FINDINGS).map((file) => ({
      message: `${file.path} has ${file.codeLines} lines of code (limit ${limits.maxLines}) and ${plural(functionsOf(file).length, 'function')}.`,
      location: { file: file.path },
      severity: file.codeLines >= limits.mediumLines ? 'medium' : 'low',
      snippet: 'file-size',
      data: { lines: file.codeLines, functions: functionsOf(file).length },
    }));
    return { ...graded(share, 0, limits.failShare), evidence, findings };
  },
});
