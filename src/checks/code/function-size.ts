// code.function-size: functions short enough to read in one screen.
import { z } from 'zod';
import { defineCheck } from '../../core/check.js';
import { checkFunctions } from './function-limits.js';

const options = z.object({
  /** Lines of code (blank and comment-only lines not counted) above which a function is reported. */
  maxLines: z.number().int().positive().default(60),
  /** From this many lines on, the finding is medium rather than low. */
  mediumLines: z.number().int().positive().default(120),
  failShare: z.number().positive().max(1).default(0.1),
});

export const functionSizeCheck = defineCheck({
  id: 'code.function-size',
  area: 'code',
  title: 'Functions are short',
  failureTitle: 'Some functions are very long',
  rationale:
    'A function longer than a screen does several jobs at once. To change one of them a developer has to ' +
    'read and understand all of them, and a test can only check the whole. Long functions are also where ' +
    'duplicated logic and forgotten error cases accumulate.',
  remediation:
    'Split each listed function along the steps it performs (validate, load, compute, save, respond): ' +
    'give each step its own function with a name that says what it does, and keep the original function as ' +
    'a short list of calls. For React components, move data loading into a hook and repeated markup into ' +
    'child components. The limit (60 lines of code) can be changed in the config.',
  severity: 'low',
  weight: 2,
  effortMinutes: 30,
  requires: ['code'],
  optionsSchema: options,
  run({ code }, { options: limits }) {
    return checkFunctions(code, {
      // A nested function's lines are already part of its parent's: report the outermost only.
      counts: (fn) => !fn.nested,
      noun: `longer than ${limits.maxLines} lines of code`,
      failShare: limits.failShare,
      judge: (fn) =>
        fn.loc > limits.maxLines
          ? { severity: fn.loc >= limits.mediumLines ? 'medium' : 'low', over: `is ${fn.loc} lines of code long (limit ${limits.maxLines})` }
          : null,
    });
  },
});
