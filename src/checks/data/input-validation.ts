// data.input-validation: request input that reaches a write passes a schema first.
import type { InputFlow, InputSite } from '../../analysis/extractors/input-flow.js';
import type { RoutesExtract } from '../../analysis/extractors/routes.js';
import { defineCheck } from '../../core/check.js';
import { statusOfShare } from './status-of-share.js';
import type { CodeFact, RequestBoundary, SiteRef } from '../../core/facts.js';
import type { FindingInput } from '../../core/types.js';
import { servesRequests } from '../observability/serves-requests.js';
import { PAYLOAD_INPUTS } from '../../collectors/routes.js';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE', 'ALL', 'ACTION', 'mutation']);

type Handler = NonNullable<RequestBoundary['handler']>;

interface Followed {
  boundary: RequestBoundary;
  handler: Handler;
  flow: InputFlow;
  /** Reads a body, form or procedure input, not only the path or query. */
  payload: boolean;
}

function describe(boundary: RequestBoundary): string {
  return `${boundary.method} ${boundary.path ?? '(unnamed)'} (${boundary.file}:${boundary.line})`;
}

/** Where each handler's input goes, from the routes extract of the file that defines it. */
function inputFlows(code: CodeFact): (handler: Handler, writes: SiteRef[]) => InputFlow {
  const extracts = new Map(code.files.map((file) => [file.path, file.extracts['routes'] as RoutesExtract | undefined]));
  return (handler, writes) => {
    const found = extracts.get(handler.file)?.inputs.find((entry) => entry.startLine === handler.startLine && entry.endLine === handler.endLine);
    // Every handler that reads input has an entry; should one be missing, count every write as storing input.
    return found ?? { stored: writes.map((write) => ({ call: write.detail, line: write.line })), passed: [], verified: null };
  };
}

function sites(file: string, list: InputSite[]): string {
  const named = list.slice(0, 3).map((site) => `${site.call} (${file}:${site.line})`).join(', ');
  return list.length > 3 ? `${named} and ${list.length - 3} more` : named;
}

export const inputValidationCheck = defineCheck({
  id: 'data.input-validation',
  area: 'data',
  title: 'Request input is validated with a schema before it is stored',
  failureTitle: 'Request input reaches the database without schema validation',
  rationale:
    'Anything a browser or API client sends can be wrong or hostile: missing fields, strings where ' +
    'numbers belong, extra properties such as `isAdmin: true`. Validating the body, query and params ' +
    'against a schema at the server boundary keeps bad data out of the database; checks in the browser ' +
    'form do not count, because anyone can call the API directly. Input used only to find, check or ' +
    'delete records is not counted, and a webhook payload whose provider signature the handler checks ' +
    'counts as validated.',
  remediation:
    'Declare a schema for each handler that accepts input and parse the input with it before using it: ' +
    'zod `const input = Schema.parse(await request.json())` (or `safeParse` and return 400), valibot ' +
    '`v.parse(Schema, body)`, a validation middleware (`zValidator`, `celebrate`, express-validator), ' +
    'Fastify `schema: { body }`, tRPC `.input(Schema)`, or a global Nest `ValidationPipe` with ' +
    'class-validator DTOs. Reuse the same schema in the client form if you like, but keep the server check.',
  severity: 'high',
  weight: 2,
  effortMinutes: 20,
  requires: ['project', 'routes', 'code'],
  run({ project, routes, code }) {
    const serving = servesRequests(project, routes);
    if (!serving.applies) return { status: 'na', evidence: [], reason: serving.reason };
    const reachable = routes.boundaries.filter((boundary) => boundary.mounted !== false);
    if (reachable.length === 0) return { status: 'na', evidence: [serving.evidence], reason: 'no request handlers found in the code' };
    const unresolved = reachable.filter((boundary) => boundary.handler === null && MUTATING.has(boundary.method));
    const flowOf = inputFlows(code);
    const reading = reachable.flatMap<Followed>((boundary) => {
      const { handler } = boundary;
      if (handler === null || handler.reads.length === 0) return [];
      return [{ boundary, handler, flow: flowOf(handler, boundary.writes), payload: handler.reads.some((read) => PAYLOAD_INPUTS.has(read)) }];
    });
    // A path parameter or query string picks which record to touch and counts only once a write stores
    // it; a payload also counts when it is handed to code that cannot be followed and may store it.
    const candidates = reading.filter(({ boundary, flow, payload }) => flow.stored.length > 0 || (payload && MUTATING.has(boundary.method) && flow.passed.length > 0));
    const evidence = [`${reachable.length} reachable request handler(s); ${candidates.length} take input that can be stored`];
    const lookups = reading.length - candidates.length;
    if (lookups > 0) evidence.push(`${lookups} handler(s) use their input only to find, check or remove records, or to answer: not counted`);
    if (unresolved.length > 0) evidence.push(`${unresolved.length} handler(s) defined where they cannot be followed: ${unresolved.slice(0, 3).map(describe).join(', ')}`);
    if (candidates.length === 0) {
      // A pass must rest on the handlers that change data: when half of them or more could not be read (and
      // validate nothing on the route), it would be a guess.
      const unread = unresolved.filter((boundary) => boundary.validation.length === 0);
      const settled = reachable.filter((boundary) => MUTATING.has(boundary.method)).length - unread.length;
      if (unread.length > 0 && unread.length >= settled) {
        return {
          status: 'unknown',
          evidence,
          reason: `${unread.length} of the ${unread.length + settled} handlers that change data are defined where they cannot be followed and validate nothing on the route (${unread.slice(0, 3).map(describe).join(', ')}), so whether they validate their input cannot be read`,
        };
      }
      return { status: 'pass', evidence: [...evidence, 'no handler passes request input to a write'] };
    }
    const signed = candidates.flatMap(({ boundary, flow: { verified } }) =>
      boundary.validation.length === 0 && verified !== null ? [`${describe(boundary)} by ${verified.call}() at line ${verified.line}`] : [],
    );
    if (signed.length > 0) evidence.push(`${signed.length} webhook handler(s) check the provider's signature over the payload, which counts as validation: ${signed.slice(0, 3).join(', ')}`);
    const findings: FindingInput[] = [];
    let validated = 0;
    for (const { boundary, handler, flow, payload } of candidates) {
      if (boundary.validation.length > 0 || flow.verified !== null) {
        validated += 1;
        continue;
      }
      const stored = flow.stored.length > 0;
      findings.push({
        ...(stored ? {} : { title: 'Request input is passed on without schema validation' }),
        message: stored
          ? `${describe(boundary)} reads ${handler.reads.join(', ')} without a schema and writes: ${sites(handler.file, flow.stored)}.`
          : `${describe(boundary)} reads ${handler.reads.join(', ')} without a schema and hands it to ${sites(handler.file, flow.passed)}, which this check cannot follow; no database write of it was seen.`,
        location: { file: boundary.file, line: boundary.line },
        severity: !stored ? 'medium' : payload ? 'high' : 'low',
        symbol: `${boundary.method} ${boundary.path ?? ''}`,
        snippet: handler.reads.join(','),
        data: { method: boundary.method, path: boundary.path, reads: handler.reads, writes: boundary.writes, stores: flow.stored, passes: flow.passed },
      });
    }
    const score = validated / candidates.length;
    evidence.push(`${validated} of ${candidates.length} validated with a schema`);
    for (const { boundary } of candidates.filter((entry) => entry.boundary.validation.length > 0).slice(0, 3)) evidence.push(`${describe(boundary)}: ${boundary.validation[0]}`);
    return { status: statusOfShare(score), score, evidence, findings, metrics: { boundaries: candidates.length, validated } };
  },
});
