// data.input-validation: request input that reaches a write passes a schema first.
import { defineCheck } from '../../core/check.js';
import { statusOfShare } from './status-of-share.js';
import type { RequestBoundary } from '../../core/facts.js';
import type { FindingInput } from '../../core/types.js';
import { servesRequests } from '../observability/serves-requests.js';
import { PAYLOAD_INPUTS } from '../../collectors/routes.js';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE', 'ALL', 'ACTION', 'mutation']);

function describe(boundary: RequestBoundary): string {
  return `${boundary.method} ${boundary.path ?? '(unnamed)'} (${boundary.file}:${boundary.line})`;
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
    'form do not count, because anyone can call the API directly.',
  remediation:
    'Declare a schema for each handler that accepts input and parse the input with it before using it: ' +
    'zod `const input = Schema.parse(await request.json())` (or `safeParse` and return 400), valibot ' +
    '`v.parse(Schema, body)`, a validation middleware (`zValidator`, `celebrate`, express-validator), ' +
    'Fastify `schema: { body }`, tRPC `.input(Schema)`, or a global Nest `ValidationPipe` with ' +
    'class-validator DTOs. Reuse the same schema in the client form if you like, but keep the server check.',
  severity: 'high',
  weight: 2,
  effortMinutes: 20,
  requires: ['project', 'routes'],
  run({ project, routes }) {
    const serving = servesRequests(project, routes);
    if (!serving.applies) return { status: 'na', evidence: [], reason: serving.reason };
    const reachable = routes.boundaries.filter((boundary) => boundary.mounted !== false);
    if (reachable.length === 0) return { status: 'na', evidence: [serving.evidence], reason: 'no request handlers found in the code' };
    const unresolved = reachable.filter((boundary) => boundary.handler === null && MUTATING.has(boundary.method));
    const candidates = reachable.filter(
      (boundary) => boundary.handler !== null && boundary.handler.reads.length > 0 && (boundary.writes.length > 0 || MUTATING.has(boundary.method)),
    );
    const evidence = [`${reachable.length} reachable request handler(s); ${candidates.length} take input that can be stored`];
    if (unresolved.length > 0) evidence.push(`${unresolved.length} handler(s) defined where they cannot be followed: ${unresolved.slice(0, 3).map(describe).join(', ')}`);
    if (candidates.length === 0) return { status: 'pass', evidence: [...evidence, 'no handler passes request input to a write'] };
    const findings: FindingInput[] = [];
    let validated = 0;
    for (const boundary of candidates) {
      if (boundary.validation.length > 0) {
        validated += 1;
        continue;
      }
      const writes = boundary.writes.map((write) => `${write.detail} (${write.file}:${write.line})`);
      // A path parameter or query string picks which record to touch; it does not become the record.
      const payload = boundary.handler!.reads.some((read) => PAYLOAD_INPUTS.has(read));
      findings.push({
        message: `${describe(boundary)} reads ${boundary.handler!.reads.join(', ')} without a schema${writes.length ? ` and writes: ${writes.join(', ')}` : ''}.`,
        location: { file: boundary.file, line: boundary.line },
        severity: !payload ? 'low' : writes.length > 0 ? 'high' : 'medium',
        symbol: `${boundary.method} ${boundary.path ?? ''}`,
        snippet: boundary.handler!.reads.join(','),
        data: { method: boundary.method, path: boundary.path, reads: boundary.handler!.reads, writes: boundary.writes },
      });
    }
    const score = validated / candidates.length;
    evidence.push(`${validated} of ${candidates.length} validated with a schema`);
    for (const boundary of candidates.filter((entry) => entry.validation.length > 0).slice(0, 3)) evidence.push(`${describe(boundary)}: ${boundary.validation[0]}`);
    return { status: statusOfShare(score), score, evidence, findings, metrics: { boundaries: candidates.length, validated } };
  },
});
