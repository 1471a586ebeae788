// observability.timeouts: outbound HTTP calls in server code carry a timeout or an abort signal.
import type { OutboundHttpExtract } from '../../analysis/extractors/outbound-http.js';
import { isProductionCode } from '../../collectors/production-code.js';
import { defineCheck } from '../../core/check.js';
import { statusOfShare } from '../data/status-of-share.js';
import type { FindingInput } from '../../core/types.js';
import { platformFunctionFiles, runsServer } from './serves-requests.js';

export const timeoutsCheck = defineCheck({
  id: 'observability.timeouts',
  area: 'observability',
  title: 'Outbound HTTP calls have timeouts',
  failureTitle: 'Outbound HTTP calls can hang without a timeout',
  rationale:
    '`fetch`, axios and got wait forever by default. When a payment provider, an AI API or any other ' +
    'remote service stalls, every request that calls it hangs too, connections pile up and the whole ' +
    'service stops answering, although nothing is "down". A timeout turns a slow dependency into a ' +
    'fast, handled error.',
  remediation:
    'Give every outbound call a deadline: `fetch(url, { signal: AbortSignal.timeout(5000) })`, ' +
    '`axios.create({ timeout: 5000 })` (or `axios.defaults.timeout`), got `{ timeout: { request: 5000 } }`. ' +
    'Choose the value from what the caller can wait for, and handle the timeout error (retry with backoff ' +
    'or return a clear failure).',
  severity: 'medium',
  weight: 1,
  effortMinutes: 10,
  requires: ['project', 'routes', 'manifests', 'code'],
  run({ project, routes, manifests, code }) {
    const serving = runsServer(project, routes, manifests);
    // Edge and serverless functions have no process to watch, but their outbound calls can hang all the same.
    const functionFiles = new Set(platformFunctionFiles(routes));
    if (!serving.applies && functionFiles.size === 0) return { status: 'na', evidence: [], reason: serving.reason };
    const inScope = (path: string): boolean => serving.applies || functionFiles.has(path);
    const extracts = code.files
      .filter((file) => isProductionCode(file) && inScope(file.path))
      .map((file) => ({ file: file.path, extract: file.extracts['outbound-http'] as OutboundHttpExtract | undefined }))
      .filter((entry): entry is { file: string; extract: OutboundHttpExtract } => entry.extract !== undefined);
    const defaults = new Set(extracts.flatMap((entry) => entry.extract.defaultTimeouts));
    const calls = extracts
      .filter((entry) => !entry.extract.clientSide)
      .flatMap((entry) => entry.extract.calls.map((call) => ({ ...call, file: entry.file, timeout: defaults.has(call.client) ? 'yes' : call.timeout })));
    const browserCalls = extracts.filter((entry) => entry.extract.clientSide).reduce((sum, entry) => sum + entry.extract.calls.length, 0);
    if (calls.length === 0) {
      return { status: 'na', evidence: browserCalls ? [`${browserCalls} call(s) in browser code, not counted`] : [], reason: 'no outbound HTTP calls in server code' };
    }
    const known = calls.filter((call) => call.timeout !== 'unknown');
    const withTimeout = known.filter((call) => call.timeout === 'yes').length;
    const evidence = [`${calls.length} outbound call(s) in server code: ${withTimeout} with a timeout or signal, ${known.length - withTimeout} without, ${calls.length - known.length} with options that cannot be read`];
    if (defaults.size > 0) evidence.push(`default timeout set for: ${[...defaults].join(', ')}`);
    if (browserCalls > 0) evidence.push(`${browserCalls} call(s) in browser code, not counted`);
    if (known.length === 0) return { status: 'unknown', evidence, reason: 'every outbound call passes its options through a variable, so whether it sets a timeout cannot be read' };
    const findings: FindingInput[] = known
      .filter((call) => call.timeout === 'no')
      .map((call) => ({
        message: `${call.file}:${call.line}: ${call.call}() has no timeout or abort signal.`,
        location: { file: call.file, line: call.line },
        snippet: call.call,
        data: { client: call.client },
      }));
    const score = withTimeout / known.length;
    return { status: statusOfShare(score), score, evidence, findings };
  },
});
