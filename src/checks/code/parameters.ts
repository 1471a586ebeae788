// code.parameters: functions take few parameters.
import { z } from 'zod';
import { defineCheck } from '../../core/check.js';
import { checkFunctions } from './function-limits.js';

const options = z.object({
  /** Parameters above this are reported; a destructured object counts as one. */
  maxParams: z.number().int().positive().default(4),
  failShare: z.number().positive().max(1).default(0.1),
});

export const parametersCheck = defineCheck({
  id: 'code.parameters',
  area: 'code',
  title: 'Functions take few parameters',
  failureTitle: 'Some functions take too many parameters',
  rationale:
    'A call like `createUser(name, email, true, false, null, 3)` is easy to get wrong: arguments of the same ' +
    'type can be swapped without any error, and every new option changes every caller. Many parameters ' +
    'also hint that a function does more than one thing.',
  remediation:
    'Pass one object with named fields instead (`createUser({ name, email, isAdmin: true })`) and give it a ' +
    'type; group values that always travel together into their own type; split a function whose boolean ' +
    'flags select between different behaviours. The limit (4 parameters) can be changed in the config.',
  severity: 'low',
  weight: 1,
  effortMinutes: 20,
  requires: ['code'],
  optionsSchema: options,
  run({ code }, { options: limits }) {
    return checkFunctions(code, {
      // A callback's parameters are chosen by the function that calls it (`str.replace(re, (m, a, b, c, d) => …)`).
      counts: (fn) => !fn.callback,
      noun: `taking more than ${limits.maxParams} parameters`,
      failShare: limits.failShare,
      judge: (fn) => (fn.params > limits.maxParams ? { severity: 'low', over: `takes ${fn.params} parameters (limit ${limits.maxParams})` } : null),
    });
  },
});
