// security.error-details: failed requests are not answered with the error's own text.
import type { ErrorExposureExtract } from '../../analysis/extractors/error-exposure.js';
import { defineCheck } from '../../core/check.js';
import type { FindingInput } from '../../core/types.js';
import { MAX_FINDINGS, noSource, plural, productionFiles } from '../code/shared.js';

/** Up to this many places the check is partial; beyond, answering with error text is the habit. */
const PARTIAL_UP_TO = 3;

export const errorDetailsCheck = defineCheck({
  id: 'security.error-details',
  area: 'security',
  title: 'Failed requests are answered without internal error details',
  failureTitle: 'Failed requests are answered with internal error details',
  rationale:
    'An error\'s message is written for the developer: a database error names the table, the column and the ' +
    'constraint, sometimes the value; a file-system error gives the server\'s paths; a library error its ' +
    'version. Sent back to the client (`res.status(500).json({ error: err.message })`), it tells an attacker ' +
    'how the system is built and which input broke it (CWE-209). AI assistants write this pattern by default ' +
    'because it makes failures easy to debug.',
  remediation:
    'Log the error on the server (or send it to error tracking) with an id, and answer with a generic message ' +
    'and that id: `logger.error({ err, requestId }); res.status(500).json({ error: \'Something went wrong\', ' +
    'requestId })`. Keep specific messages for client errors (4xx) you wrote yourself, such as validation ' +
    'failures. Showing details only when `NODE_ENV` is `development` is fine.',
  severity: 'low',
  weight: 1,
  effortMinutes: 10,
  requires: ['code'],
  run({ code }) {
    const none = noSource(code);
    if (none) return none;
    const found: (ErrorExposureExtract['exposures'][number] & { file: string })[] = [];
    for (const file of productionFiles(code)) {
      const extract = file.extracts['error-exposure'] as ErrorExposureExtract | undefined;
      for (const exposure of extract?.exposures ?? []) found.push({ ...exposure, file: file.path });
    }
    if (found.length === 0) {
      return { status: 'pass', evidence: ['no response in a catch, `.catch()` or error middleware carries the error\'s message or stack'] };
    }
    const findings: FindingInput[] = found.slice(0, MAX_FINDINGS).map((exposure) => ({
      message: `${exposure.function} answers a failed request with \`${exposure.detail}\`: the error's own text reaches the client.`,
      location: { file: exposure.file, line: exposure.line },
      symbol: exposure.function,
      snippet: exposure.detail,
      data: { function: exposure.function, detail: exposure.detail },
    }));
    const evidence = [`${plural(found.length, 'response')} carrying an error's message or stack, in ${plural(new Set(found.map((exposure) => exposure.file)).size, 'file')}`];
    if (found.length > PARTIAL_UP_TO) return { status: 'fail', evidence, findings };
    return { status: 'partial', score: 0.5, evidence, findings };
  },
});
