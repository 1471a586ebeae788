// code.complexity: functions a reader can follow — cognitive complexity (SonarSource) and
// cyclomatic complexity (ESLint's classic counting) within limits.
import { z } from 'zod';
import { defineCheck } from '../../core/check.js';
import type { Severity } from '../../core/types.js';
import { checkFunctions } from './function-limits.js';

const options = z.object({
  /** Cognitive complexity above this is reported (medium). */
  cognitive: z.number().int().positive().default(15),
  /** From this cognitive complexity on, high. */
  cognitiveHigh: z.number().int().positive().default(25),
  /** From this cognitive complexity on, critical. */
  cognitiveCritical: z.number().int().positive().default(40),
  /** Cyclomatic complexity above this is reported (medium) even when the cognitive figure is fine. */
  cyclomatic: z.number().int().positive().default(20),
  /** Share of functions over the limits at which the check fails outright. */
  failShare: z.number().positive().max(1).default(0.1),
});

export const complexityCheck = defineCheck({
  id: 'code.complexity',
  area: 'code',
  title: 'Functions are simple enough to follow',
  failureTitle: 'Some functions are too complex to follow',
  rationale:
    'A function with many branches, nested conditions and chains of && and || is where bugs hide: nobody can ' +
    'hold all its paths in their head, so a change in one place breaks a case nobody remembered, and tests ' +
    'rarely cover every path. Code written quickly with an AI assistant tends to grow this way — each prompt ' +
    'adds one more `if` to the same function. Two measures are used: cognitive complexity (how hard the code ' +
    'is to read: each branch costs more the deeper it is nested) and cyclomatic complexity (how many ' +
    'independent paths there are to test).',
  remediation:
    'Start with the most complex function in the list. Return early for the simple cases instead of nesting ' +
    'the main path inside `if`s; move each branch body into a small, well-named function; replace long ' +
    '`if/else if` or `switch` ladders over a value with a lookup table; give a complicated condition a name ' +
    '(`const canRetry = …`). Write a test for each path before you split the function, so you know the ' +
    'behaviour stayed the same. Limits (cognitive 15/25/40, cyclomatic 20) can be changed in the config.',
  severity: 'medium',
  weight: 3,
  effortMinutes: 45,
  requires: ['code'],
  optionsSchema: options,
  run({ code }, { options: limits }) {
    return checkFunctions(code, {
      noun: 'over the complexity limits',
      failShare: limits.failShare,
      judge(fn) {
        // A nested callback's cognitive figure is already part of its enclosing function's.
        const cognitive = fn.cognitiveReported ? fn.cognitive : 0;
        const overCognitive = cognitive > limits.cognitive;
        const overCyclomatic = fn.cyclomatic > limits.cyclomatic;
        if (!overCognitive && !overCyclomatic) return null;
        const severity: Severity = cognitive >= limits.cognitiveCritical ? 'critical' : cognitive >= limits.cognitiveHigh ? 'high' : 'medium';
        // Otherwise "cognitive 20, cyclomatic 1" reads as a contradiction.
        const nested = fn.cognitiveNested ? ', counting the functions nested in it' : '';
        const parts = [
          overCognitive ? `cognitive complexity ${fn.cognitive} (limit ${limits.cognitive}${nested})` : `cognitive complexity ${fn.cognitive}`,
          overCyclomatic ? `cyclomatic complexity ${fn.cyclomatic} (limit ${limits.cyclomatic})` : `cyclomatic complexity ${fn.cyclomatic}`,
        ];
        return { severity, over: `has ${parts.join(', ')} over ${fn.loc} lines` };
      },
    });
  },
});
