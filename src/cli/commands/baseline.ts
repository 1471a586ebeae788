// `shipshape baseline [path]`: record today's findings by identity so that CI fails only on new ones.
import { createBaseline } from '../../report/baseline.js';
import { EXIT } from '../errors.js';
import { writeOutput } from '../io.js';
import type { AuditFlags } from '../options.js';
import { produceReport } from './audit.js';

/** `flags.output` is always set: the command line gives it a default. */
export async function baselineAction(path: string, flags: AuditFlags): Promise<number> {
  const { report } = await produceReport(path, flags);
  const baseline = createBaseline(report);
  const toStdout = flags.output === '-';
  await writeOutput(`${JSON.stringify(baseline, null, 2)}\n`, toStdout ? undefined : flags.output);
  if (!flags.quiet && !toStdout) {
    process.stderr.write(
      `shipshape: baseline of ${baseline.findings.length} finding(s), score ${report.score ?? '—'}, written to ${flags.output}\n`,
    );
  }
  return EXIT.ok;
}
