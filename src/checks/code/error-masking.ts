// code.error-masking: errors are passed on or dealt with, not swallowed.
import { z } from 'zod';
import type { ErrorHandlingExtract, ErrorSite, MaskKind } from '../../analysis/extractors/error-handling.js';
import { defineCheck } from '../../core/check.js';
import type { FindingInput } from '../../core/types.js';
import { graded, MAX_FINDINGS, noSource, percent, plural, productionFiles } from './shared.js';

const options = z.object({
  /** Share of masked error sites at or below which the check passes. */
  passShare: z.number().min(0).max(1).default(0.1),
  /** Share at or above which it fails. */
  failShare: z.number().min(0).max(1).default(0.5),
});

/** Functions whose name promises to swallow errors (`tryParse`, `safeJson`): masking is their contract. */
const SWALLOWING_BY_NAME = /(^|\.)(try|safe|maybe|optional|attempt)[A-Z_]/;

const MASK_WORDS: Record<MaskKind, string> = {
  empty: 'an empty handler swallows the error',
  'log-and-continue': 'the error is logged and the code carries on as if nothing happened',
  'returns-default': 'the error is replaced by a default value, so the caller cannot tell that it failed',
  'success-status': 'the request is answered with a success status, so the client cannot tell that it failed',
  ignored: 'the error argument is never looked at',
};

const SITE_WORDS: Record<ErrorSite['kind'], string> = {
  catch: '`catch`',
  'promise-catch': '`.catch()`',
  'then-rejection': '`.then()` rejection handler',
  callback: 'error callback',
};

export const errorMaskingCheck = defineCheck({
  id: 'code.error-masking',
  area: 'code',
  title: 'Errors are passed on or handled, not swallowed',
  failureTitle: 'Errors are swallowed',
  rationale:
    'A `catch` that is empty, only logs, or returns a default value turns a failure into wrong behaviour: the ' +
    'payment "succeeds", the order is saved half-way, the page shows an empty list instead of an error — and ' +
    'nobody is alerted. This is the most common way prototype code fails quietly in production. Each ' +
    '`catch`, `.catch()`, rejection handler and `(err, …)` callback is classified as passing the error on ' +
    '(rethrow, reject, `next(err)`), handling it (responding with an error status, retrying, …) or masking ' +
    'it; masked errors inside request handlers and around writes are listed one by one.',
  remediation:
    'For each listed place: if the caller needs to know, let the error propagate (remove the `try`, or ' +
    'rethrow after logging: `logger.error(e); throw e;`). In a request handler, respond with an error ' +
    'status (`res.status(500)`) or pass it to the framework (`next(err)`) so it reaches your error tracking. ' +
    'Around writes, fail the whole operation (ideally in a transaction) rather than continuing with partial ' +
    'data. Where swallowing is really intended, say why in a comment inside the `catch`.',
  severity: 'high',
  weight: 3,
  effortMinutes: 20,
  requires: ['code'],
  optionsSchema: options,
  run({ code }, { options: limits }) {
    const none = noSource(code);
    if (none) return none;
    const sites: (ErrorSite & { file: string })[] = [];
    for (const file of productionFiles(code)) {
      const extract = file.extracts['error-handling'] as ErrorHandlingExtract | undefined;
      for (const site of extract?.sites ?? []) {
        if (site.outcome === 'masked' && SWALLOWING_BY_NAME.test(site.function)) continue;
        sites.push({ ...site, file: file.path });
      }
    }
    if (sites.length === 0) return { status: 'na', evidence: [], reason: 'No catch clauses, .catch() calls or error callbacks in the production source.' };
    const masked = sites.filter((site) => site.outcome === 'masked');
    const propagating = sites.filter((site) => site.outcome === 'propagates').length;
    const share = masked.length / sites.length;
    const critical = masked.filter((site) => site.inRequestHandler || site.writePath);
    const evidence = [
      `${masked.length} of ${plural(sites.length, 'error handler')} mask the error (${percent(share)}); ${propagating} pass it on, ${sites.length - masked.length - propagating} handle it`,
      `${plural(critical.length, 'masked error')} in request handlers or around writes`,
    ];
    for (const site of masked.filter((candidate) => !candidate.inRequestHandler && !candidate.writePath).slice(0, 3)) {
      evidence.push(`${site.file}:${site.line} ${site.function}: ${SITE_WORDS[site.kind]} (${site.mask})`);
    }
    const findings: FindingInput[] = critical.slice(0, MAX_FINDINGS).map((site) => {
      const where = [site.inRequestHandler ? 'in a request handler' : null, site.writePath ? 'around a write' : null].filter(Boolean).join(' and ');
      return {
        message: `${site.file}:${site.line}: ${SITE_WORDS[site.kind]} in ${site.function === '<anonymous>' ? 'an anonymous function' : site.function} ${where}: ${MASK_WORDS[site.mask ?? 'empty']}.`,
        location: { file: site.file, line: site.line },
        severity: site.inRequestHandler && site.writePath ? 'high' : 'medium',
        symbol: site.function,
        snippet: `${site.kind}:${site.mask}`,
        data: { kind: site.kind, mask: site.mask, function: site.function, inRequestHandler: site.inRequestHandler, writePath: site.writePath },
      };
    });
    const metrics = { code: { errorSites: sites.length, maskedErrorSites: masked.length } };
    const verdict = graded(share, limits.passShare, limits.failShare);
    // Even a low overall share does not excuse a swallowed error where data or a response is at stake.
    if (verdict.status === 'pass' && findings.length > 0) return { status: 'partial', score: 0.7, evidence, findings, metrics };
    return { ...verdict, evidence, findings, metrics };
  },
});
