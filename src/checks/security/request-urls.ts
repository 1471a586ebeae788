// security.request-urls: the server does not fetch addresses its callers choose (server-side request
// forgery).
import type { OutboundHttpExtract } from '../../analysis/extractors/outbound-http.js';
import { defineCheck } from '../../core/check.js';
import type { FindingInput } from '../../core/types.js';
import { MAX_FINDINGS, noSource, plural, productionFiles } from '../code/shared.js';

export const requestUrlsCheck = defineCheck({
  id: 'security.request-urls',
  area: 'security',
  title: 'The server fetches only addresses it chose',
  failureTitle: 'The server fetches addresses its callers choose',
  rationale:
    'A handler that fetches a URL taken from the request ("import an image from a link", "preview this page", ' +
    '"test my webhook") lets any caller make the server request addresses only the server can reach: ' +
    '`http://localhost:…` admin ports, other services in the private network, or the cloud metadata service ' +
    '(`http://169.254.169.254/`), which hands out the server\'s own credentials. This is server-side request ' +
    'forgery (SSRF, CWE-918), one of the OWASP Top 10.',
  remediation:
    'Parse the address with `new URL()`, allow only `https:`, and check its host against a list of the hosts the ' +
    'feature needs. Where any public host must be allowed, resolve the name and refuse private, loopback and ' +
    'link-local addresses (a library such as `ssrf-req-filter` or `request-filtering-agent` does this for each ' +
    'connection, which also stops DNS rebinding), and do not follow redirects blindly.',
  severity: 'high',
  weight: 2,
  effortMinutes: 45,
  requires: ['code'],
  run({ code }) {
    const none = noSource(code);
    if (none) return none;
    const found: { file: string; line: number; call: string; input: string }[] = [];
    let calls = 0;
    for (const file of productionFiles(code)) {
      const extract = file.extracts['outbound-http'] as OutboundHttpExtract | undefined;
      for (const call of extract?.calls ?? []) {
        calls++;
        if (call.urlFromRequest) found.push({ file: file.path, line: call.line, call: call.call, input: call.urlFromRequest });
      }
    }
    if (calls === 0) return { status: 'na', evidence: [], reason: 'no outbound HTTP calls (fetch, axios, got, …) in the production code' };
    const evidence = [`${plural(calls, 'outbound HTTP call')} read`];
    if (found.length === 0) return { status: 'pass', evidence: [...evidence, 'none takes its address from the request'] };
    const findings: FindingInput[] = found.slice(0, MAX_FINDINGS).map((site) => ({
      message: `\`${site.call}()\` fetches an address taken from the request (\`${site.input}\`) and nothing checks its host: a caller can make the server request internal addresses.`,
      location: { file: site.file, line: site.line },
      snippet: `${site.call}(${site.input})`,
      data: { call: site.call, input: site.input },
    }));
    return { status: 'fail', evidence: [...evidence, `${plural(found.length, 'call')} with an address from the request`], findings };
  },
});
