// The per-function checks (complexity, size, parameters, nesting) share one shape: go through the
// functions of production code, keep those over a limit, report each with all its numbers, and
// score by the share of functions over the limit.
import type { FunctionRecord } from '../../analysis/extractors/functions.js';
import { functionsOf } from '../../analysis/extracts.js';
import type { CodeFact } from '../../core/facts.js';
import type { CheckOutcome, FindingInput, Severity } from '../../core/types.js';
import { graded, MAX_FINDINGS, noSource, percent, plural, productionFiles } from './shared.js';

export interface Offender {
  file: string;
  fn: FunctionRecord;
}

export interface FunctionLimit {
  /** Which functions the check looks at (e.g. only those whose cognitive complexity is reported). */
  counts?(fn: FunctionRecord): boolean;
  /** Null when the function is within the limit; otherwise its severity and a sentence on what is over. */
  judge(fn: FunctionRecord): { severity: Severity; over: string } | null;
  /** Share of offending functions at which the check fails outright. */
  failShare: number;
  /** What the evidence calls an offender: "functions over 60 lines". */
  noun: string;
}

/** The numbers every per-function finding carries, for CI users and other tools. */
function functionData(fn: FunctionRecord): Record<string, unknown> {
  return {
    function: fn.name,
    cyclomatic: fn.cyclomatic,
    cognitive: fn.cognitive,
    lines: fn.loc,
    params: fn.params,
    depth: fn.depth,
  };
}

export function checkFunctions(code: CodeFact, limit: FunctionLimit): CheckOutcome {
  const none = noSource(code);
  if (none) return none;
  const offenders: (Offender & { severity: Severity; over: string })[] = [];
  let total = 0;
  for (const file of productionFiles(code)) {
    for (const fn of functionsOf(file)) {
      if (limit.counts && !limit.counts(fn)) continue;
      total++;
      const verdict = limit.judge(fn);
      if (verdict) offenders.push({ file: file.path, fn, ...verdict });
    }
  }
  if (total === 0) return { status: 'na', evidence: [], reason: 'No functions in the production source.' };
  const share = offenders.length / total;
  const evidence = [`${offenders.length} of ${plural(total, 'function')} ${offenders.length === 1 ? 'is' : 'are'} ${limit.noun} (${percent(share)})`];
  offenders.sort((a, b) => b.fn.cognitive - a.fn.cognitive || b.fn.loc - a.fn.loc || a.file.localeCompare(b.file));
  const findings: FindingInput[] = offenders.slice(0, MAX_FINDINGS).map(({ file, fn, severity, over }) => ({
    message: `${file}:${fn.line}: ${fn.name} ${over}.`,
    location: { file, line: fn.line },
    severity,
    symbol: fn.name,
    snippet: fn.signature,
    data: functionData(fn),
  }));
  if (offenders.length > MAX_FINDINGS) evidence.push(`${offenders.length - MAX_FINDINGS} more not listed as findings`);
  for (const { file, fn, over } of offenders.slice(0, 3)) evidence.push(`${file}:${fn.line} ${fn.name} ${over}`);
  return { ...graded(share, 0, limit.failShare), evidence, findings };
}
