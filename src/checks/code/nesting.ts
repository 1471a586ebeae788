// code.nesting: blocks are not nested deeply.
import { z } from 'zod';
import { defineCheck } from '../../core/check.js';
import { checkFunctions } from './function-limits.js';

const options = z.object({
  /** Nesting depth (if, loops, switch, try inside each other) above which a function is reported. */
  maxDepth: z.number().int().positive().default(4),
  failShare: z.number().positive().max(1).default(0.1),
});

export const nestingCheck = defineCheck({
  id: 'code.nesting',
  area: 'code',
  title: 'Code is not deeply nested',
  failureTitle: 'Some functions nest blocks too deeply',
  rationale:
    'Code inside an `if` inside a loop inside a `try` inside another `if` can only be understood by keeping ' +
    'every enclosing condition in mind. Deep nesting is the usual shape of code that grew by patching one ' +
    'more case in, and the innermost lines are the ones most likely to be wrong.',
  remediation:
    'Invert conditions and return or `continue` early (`if (!user) return;`) so the main path stays at the ' +
    'left margin; move the body of a loop into its own function; replace nested `if`s over the same value ' +
    'with a lookup table. The limit (depth 4) can be changed in the config.',
  severity: 'low',
  weight: 1,
  effortMinutes: 20,
  requires: ['code'],
  optionsSchema: options,
  run({ code }, { options: limits }) {
    return checkFunctions(code, {
      noun: `nested deeper than ${limits.maxDepth} levels`,
      failShare: limits.failShare,
      judge: (fn) => (fn.depth > limits.maxDepth ? { severity: 'low', over: `nests blocks ${fn.depth} levels deep (limit ${limits.maxDepth})` } : null),
    });
  },
});
