// Calls that validate data against a schema: `schema.parse(req.body)`, `Schema.safeParse(data)`,
// `v.parse(Schema, input)`, Joi/Yup `validate`, Ajv validators, class-validator `validate(dto)`.
// Records where each happens and, when visible, which request input it is given. Checks match
// these to request handlers by line, so a schema used only in a browser form never counts for a route.
import type { ts as TS } from 'ts-morph';
import type { FileExtractor, SourceInput } from '../extractor.js';
import { lineOf } from '../syntax.js';
import { chainText, moduleBindings } from './module-bindings.js';

export interface ValidationCall {
  call: string;
  line: number;
  /** body, query, params, json, formData, input when the argument visibly is one; otherwise null. */
  input: string | null;
}

export interface ValidationCallsExtract {
  calls: ValidationCall[];
}

const SCHEMA_METHODS = new Set(['parse', 'safeParse', 'parseAsync', 'safeParseAsync', 'spa', 'validate', 'validateAsync', 'validateSync', 'cast', 'assert', 'decode', 'Check', 'Decode']);
/** Objects whose `parse`/`validate` read text formats, not schemas. */
const NOT_SCHEMAS = /^(JSON|Date|URL|url|path|qs|querystring|cookie|cookies|Number|YAML|yaml|toml|TOML|csv|Papa|papa|marked|parser|dayjs|moment|luxon|DateTime|xml|xml2js|chrono|semver|mime|contentType|bytes|ms|DOMParser|Intl|htmlParser|acorn|babel|esprima|ts|assert|expect|console)$/;
const VALIDATOR_FUNCTION = /^(validate|assert|check)[A-Z_]\w*$|^is\w*Valid\w*$|^validate$|^validationResult$/;
/** Checks of who is calling, not of what was sent: `validateAuth(req)`, `checkSession()`, `assertAdmin(user)`. */
const CALLER_CHECK = /^(validate|assert|check|is)(Auth\w*|Session|Token|Jwt|JWT|Permissions?|Access|Api[Kk]ey|Login|Admin|Role|Signature|Origin|Csrf|CSRF)(Valid)?$/;
const SCHEMA_MODULES = new Set(['valibot', 'class-validator', 'superstruct', 'typia', '@sinclair/typebox/value', 'arktype', 'express-validator', 'yup', 'joi', 'zod']);

function inputOf(text: string): string | null {
  if (/\.(json|text)\(\)/.test(text)) return 'json';
  if (/formData/.test(text)) return 'formData';
  if (/\b(body|payload)\b/.test(text)) return 'body';
  if (/\b(query|searchParams|querystring)\b/.test(text)) return 'query';
  if (/\bparams\b/.test(text)) return 'params';
  if (/\binput\b/.test(text)) return 'input';
  return null;
}

export function extractValidationCalls(input: SourceInput): ValidationCallsExtract {
  const { ts, sourceFile, nodes } = input;
  const bindings = moduleBindings(ts, sourceFile, nodes.ofKind(ts.SyntaxKind.VariableDeclaration));
  const calls: ValidationCall[] = [];
  for (const node of nodes.ofKind(ts.SyntaxKind.CallExpression) as TS.CallExpression[]) {
    const callee = node.expression;
    let call: string | null = null;
    if (ts.isPropertyAccessExpression(callee) && SCHEMA_METHODS.has(callee.name.text)) {
      const receiver = chainText(ts, callee.expression);
      const root = receiver.split(/[.(]/)[0] ?? '';
      if (!NOT_SCHEMAS.test(root) && !NOT_SCHEMAS.test(receiver) && node.arguments.length > 0) call = `${receiver}.${callee.name.text}`;
    } else if (ts.isIdentifier(callee)) {
      const binding = bindings.get(callee.text);
      const fromSchemaModule = binding !== undefined && SCHEMA_MODULES.has(binding.module);
      // A validator is given what it validates: `validateRequest()` with nothing to check reads a session (Lucia).
      const named = VALIDATOR_FUNCTION.test(callee.text) && !CALLER_CHECK.test(callee.text) && node.arguments.length > 0;
      if ((fromSchemaModule && /parse|valid|assert|is|check/i.test(callee.text)) || named) call = callee.text;
    }
    if (call === null) continue;
    const argumentText = node.arguments.map((argument) => argument.getText(sourceFile)).join(' ');
    calls.push({ call, line: lineOf(sourceFile, node), input: inputOf(argumentText) });
  }
  return { calls };
}

export const validationCallsExtractor: FileExtractor<ValidationCallsExtract> = {
  id: 'validation-calls',
  areas: ['data', 'observability'],
  extract(input) {
    if (input.isTest) return null;
    const result = extractValidationCalls(input);
    return result.calls.length === 0 ? null : result;
  },
};
