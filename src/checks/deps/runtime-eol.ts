// deps.runtime-eol: the Node version the project declares (engines, .nvmrc, .node-version,
// .tool-versions, Dockerfile, CI) against the release schedule, and whether those sources agree.
import semver from 'semver';
import { z } from 'zod';
import { defineCheck } from '../../core/check.js';
import type { FindingInput } from '../../core/types.js';
import { NODE_RELEASE_LINES } from '../../knowledge/node-runtime.js';
import { nodeVersionSources, type NodeSource } from './node-sources.js';
import { plural } from './support.js';

const optionsSchema = z.object({
  /** Warn this many days before a line's end of life. */
  warnDays: z.number().int().nonnegative().default(180),
});

const DAY = 24 * 3600 * 1000;
/** An end of life months away is a reminder; an admitted or disagreeing old line is a real warning. */
const SOON_SCORE = 0.9;
const WARNING_SCORE = 0.6;

function where(source: NodeSource): { file: string; line?: number } {
  return source.line === null ? { file: source.file } : { file: source.file, line: source.line };
}

export const runtimeEolCheck = defineCheck({
  id: 'deps.runtime-eol',
  area: 'deps',
  title: 'The Node.js version is supported',
  failureTitle: 'The Node.js version has reached (or nears) end of life',
  rationale:
    'Each Node.js release line gets security fixes for a fixed period (about 30 months for even-numbered ' +
    'LTS lines, 6 months for odd ones). After its end-of-life date, vulnerabilities in Node itself are ' +
    'no longer fixed, new versions of libraries stop supporting it, and hosting platforms retire it. ' +
    'When the version files disagree, development, CI and production quietly run different Nodes.',
  remediation:
    'Move to a supported LTS line (see https://nodejs.org/en/about/previous-releases): update `.nvmrc` ' +
    '(or `.node-version` / `.tool-versions`), the `FROM node:<version>` line of the Dockerfile, the ' +
    '`node-version` of `actions/setup-node` in CI and `engines.node` in package.json together, then run ' +
    'the tests. Keep one source of truth where you can, e.g. `node-version-file: .nvmrc` in CI.',
  severity: 'high',
  weight: 2,
  effortMinutes: 60,
  requires: ['tree', 'manifests', 'ci'],
  optionsSchema,
  run({ tree, manifests, ci }, { options, now }) {
    const sources = nodeVersionSources(tree, manifests, ci);
    if (sources.length === 0) {
      const reason = manifests.all.length === 0 ? 'there is no package.json and no Node version file' : 'no Node version is declared (engines.node, .nvmrc, .node-version, .tool-versions, Dockerfile or CI setup-node)';
      return manifests.all.length === 0 ? { status: 'na', evidence: [reason], reason } : { status: 'unknown', evidence: [reason], reason };
    }
    const evidence = sources.map((source) => `${source.source}: ${source.text}`);
    const findings: FindingInput[] = [];
    let failed = false;
    let onlySoon = true;
    const reported = new Set<string>();
    for (const source of sources) {
      const line = NODE_RELEASE_LINES.get(source.major);
      // A multi-stage Dockerfile names the same line several times: once is enough.
      const key = `${source.source}:${source.major}`;
      if (!line || reported.has(key)) continue;
      reported.add(key);
      const daysLeft = Math.floor((Date.parse(line.end) - now.getTime()) / DAY);
      const name = `Node ${source.major}${line.codename ? ` (${line.codename})` : ''}`;
      if (daysLeft < 0) {
        // What the project runs on is a failure; what it merely admits or also tests is a warning.
        const runsOn = source.kind === 'pin' && !source.matrix;
        failed ||= runsOn;
        onlySoon = false;
        findings.push({
          title: runsOn ? 'Node.js version past end of life' : source.matrix ? 'CI still tests an end-of-life Node' : 'engines still admits an end-of-life Node',
          message: source.kind === 'range'
            ? `${source.source} is "${source.text}", which still admits ${name}, out of support since ${line.end}.`
            : `${source.source} selects ${name} ("${source.text}"), which reached end of life on ${line.end}.`,
          location: where(source),
          severity: runsOn ? 'high' : 'low',
          symbol: source.source,
          snippet: source.text,
          data: { source: source.source, major: source.major, end: line.end },
        });
      } else if (daysLeft <= options.warnDays && source.kind === 'pin' && !source.matrix) {
        findings.push({
          title: 'Node.js version nears end of life',
          message: `${source.source} selects ${name}, whose support ends on ${line.end} (in ${daysLeft} days).`,
          location: where(source),
          severity: 'low',
          symbol: source.source,
          snippet: source.text,
          data: { source: source.source, major: source.major, end: line.end, daysLeft },
        });
      }
    }
    const pins = sources.filter((source) => source.kind === 'pin' && !source.matrix);
    const majors = [...new Set(pins.map((source) => source.major))].sort((a, b) => a - b);
    if (majors.length > 1) {
      onlySoon = false;
      findings.push({
        title: 'Node.js version files disagree',
        message: `The declared Node versions disagree: ${pins.map((source) => `${source.source} → ${source.major}`).join(', ')}.`,
        location: where(pins[0]!),
        severity: 'medium',
        symbol: 'disagreement',
        data: { sources: pins.map((source) => ({ source: source.source, major: source.major })) },
      });
    }
    for (const range of sources.filter((source) => source.kind === 'range')) {
      const outside = pins.filter((pin) => !semver.satisfies(`${pin.major}.999.999`, range.text) && !semver.satisfies(`${pin.major}.0.0`, range.text));
      if (outside.length === 0) continue;
      onlySoon = false;
      findings.push({
        title: 'Node.js version outside engines',
        message: `${outside.map((pin) => `${pin.source} (Node ${pin.major})`).join(', ')} ${outside.length === 1 ? 'is' : 'are'} outside ${range.source} "${range.text}".`,
        location: where(range),
        severity: 'medium',
        symbol: `outside:${range.source}`,
        data: { engines: range.text, outside: outside.map((pin) => pin.source) },
      });
    }
    evidence.unshift(`${plural(sources.length, 'declaration')} of the Node version`);
    if (findings.length === 0) return { status: 'pass', evidence };
    if (failed) return { status: 'fail', evidence, findings };
    return { status: 'partial', score: onlySoon ? SOON_SCORE : WARNING_SCORE, evidence, findings };
  },
});
