// Environment files (real, template or fixture, with the names of the variables they set) and the
// places where source code reads environment variables. Values are never kept.
import { scanLexemes, type Lexeme } from '../analysis/lexical-scan.js';
import { defineCollector } from '../core/collector.js';
import type { EnvFact, EnvFileKind, EnvFileRef } from '../core/facts.js';
import { ENV_GETTERS, ENV_OBJECTS, isEnvFileName, isTemplateEnvName } from '../knowledge/env-files.js';
import { basename, isFixturePath, isSourceFile } from '../util/paths.js';

type EnvRead = EnvFact['reads'][number];

export function classifyEnvFile(path: string): EnvFileKind {
  if (isFixturePath(path)) return 'fixture';
  return isTemplateEnvName(basename(path)) ? 'template' : 'real';
}

const ASSIGNMENT = /^\s*(?:export\s+)?([A-Za-z_][\w.-]*)\s*=\s*(.*)$/;
const COMMENTED_ASSIGNMENT = /^\s*#+\s*(?:export\s+)?([A-Z_][A-Z0-9_]*)\s*=/;

/**
 * Names of the variables a dotenv file sets. A quoted value may span lines (a PEM key); its inner
 * lines are skipped so that base64 padding is not mistaken for an assignment. A template documents
 * optional variables as comments (`# SENTRY_DSN=`): with `includeCommented` those count too.
 */
export function envVariableNames(text: string, includeCommented = false): string[] {
  const names: string[] = [];
  let openQuote: string | null = null;
  for (const line of text.split(/\r?\n/)) {
    if (openQuote !== null) {
      if (line.includes(openQuote)) openQuote = null;
      continue;
    }
    const commented = includeCommented ? COMMENTED_ASSIGNMENT.exec(line) : null;
    if (commented) names.push(commented[1]!);
    if (/^\s*(#|$)/.test(line)) continue;
    const match = ASSIGNMENT.exec(line);
    if (!match) continue;
    names.push(match[1]!);
    const value = match[2] ?? '';
    const quote = value[0];
    if ((quote === '"' || quote === "'" || quote === '`') && value.indexOf(quote, 1) === -1) openQuote = quote;
  }
  return [...new Set(names)];
}

function matchesAt(lexemes: readonly Lexeme[], index: number, sequence: readonly string[]): boolean {
  return sequence.every((text, offset) => {
    const lexeme = lexemes[index + offset];
    return lexeme !== undefined && lexeme.kind !== 'string' && lexeme.text === text;
  });
}

const text = (lexeme: Lexeme | undefined): string | undefined => (lexeme?.kind === 'punctuation' ? lexeme.text : undefined);

type Read = Omit<EnvRead, 'file'>;

/** A read followed by `||` or `??` has a fallback in the code. */
const fallsBack = (lexeme: Lexeme | undefined): boolean => text(lexeme) === '||' || text(lexeme) === '??';

/**
 * A read that is a yes/no switch, off when unset: `!!process.env.X`, `process.env.X === 'true'`.
 * (`!process.env.X` alone is how a guard for a required variable starts, so it is not one.)
 */
function readAsFlag(lexemes: readonly Lexeme[], start: number, after: number): boolean {
  if (text(lexemes[start - 1]) === '!' && text(lexemes[start - 2]) === '!') return true;
  return /^[!=]==?$/.test(text(lexemes[after]) ?? '') && lexemes[after + 1]?.kind === 'string';
}

/** Names bound by `{ A, B: b, C = 1, ...rest }` whose closing brace is at `close`. */
function destructuredNames(lexemes: readonly Lexeme[], close: number): Read[] | null {
  let depth = 0;
  let open = -1;
  for (let index = close; index >= 0; index--) {
    const punctuation = text(lexemes[index]);
    if (punctuation === '}' || punctuation === ')' || punctuation === ']') depth++;
    else if (punctuation === '{' || punctuation === '(' || punctuation === '[') depth--;
    if (depth === 0) {
      open = index;
      break;
    }
  }
  if (open === -1 || text(lexemes[open]) !== '{') return null;
  const names: Read[] = [];
  let segmentStart = true;
  depth = 0;
  for (let index = open + 1; index < close; index++) {
    const lexeme = lexemes[index]!;
    const punctuation = text(lexeme);
    if (depth === 0 && segmentStart && punctuation !== ',') {
      if (punctuation !== '...') {
        // `C = 1` or `C: c = 1`: a default value.
        const defaulted = text(lexemes[index + 1]) === '=' || (text(lexemes[index + 1]) === ':' && lexemes[index + 2]?.kind === 'name' && text(lexemes[index + 3]) === '=');
        names.push({ name: lexeme.kind === 'name' || lexeme.kind === 'string' ? lexeme.text : null, line: lexeme.line, ...(defaulted ? { defaulted: true as const } : {}) });
      }
      segmentStart = false;
    }
    if (punctuation === '{' || punctuation === '(' || punctuation === '[') depth++;
    else if (punctuation === '}' || punctuation === ')' || punctuation === ']') depth--;
    else if (punctuation === ',' && depth === 0) segmentStart = true;
  }
  return names;
}

/** What follows an environment object: a property, an index, a destructuring, or a hand-over to a call. */
function readsAfterEnvObject(lexemes: readonly Lexeme[], start: number, end: number): Read[] {
  const root = lexemes[start]!;
  const optional = text(lexemes[end + 1]) === '?.';
  // `process.env.X` and `process.env?.X` name a property; `?.[` continues like `[`.
  const next = optional ? end + 2 : end + 1;
  const after = lexemes[next];
  const assigned = (index: number): boolean => text(lexemes[index]) === '=';
  const propertyIndex = optional ? next : text(after) === '.' ? next + 1 : -1;
  const property = lexemes[propertyIndex];
  if (propertyIndex !== -1 && property?.kind === 'name') {
    if (assigned(propertyIndex + 1)) return [];
    const defaulted = fallsBack(lexemes[propertyIndex + 1]) || readAsFlag(lexemes, start, propertyIndex + 1);
    return [{ name: property.text, line: property.line, ...(defaulted ? { defaulted: true as const } : {}) }];
  }
  if (text(after) === '[') {
    const key = lexemes[next + 1];
    const literal = key?.kind === 'string' && text(lexemes[next + 2]) === ']';
    if (literal && assigned(next + 3)) return [];
    const defaulted = literal && (fallsBack(lexemes[next + 3]) || readAsFlag(lexemes, start, next + 3));
    return [{ name: literal ? key.text : null, line: root.line, ...(defaulted ? { defaulted: true as const } : {}) }];
  }
  if (text(lexemes[start - 1]) === '=' && text(lexemes[start - 2]) === '}') {
    return destructuredNames(lexemes, start - 2) ?? [];
  }
  // Handed whole to a function (`cleanEnv(process.env, …)`), a default parameter or an alias
  // (`env = process.env`): read later under names this scan cannot follow. A spread into a child
  // process's environment (`{ ...process.env }`) or an object property is not a read.
  const before = text(lexemes[start - 1]);
  const handedOver = before === '(' || before === ',' || before === '=';
  const ends = after === undefined || text(after) === ')' || text(after) === ',' || text(after) === ';' || after.line > lexemes[end]!.line;
  return handedOver && ends ? [{ name: null, line: root.line }] : [];
}

/** Environment reads in one source file, found lexically (comments and strings never match). */
export function findEnvReads(file: string, source: string): EnvRead[] {
  const lexemes = scanLexemes(source);
  const reads: EnvRead[] = [];
  for (let index = 0; index < lexemes.length; index++) {
    if (lexemes[index]!.kind !== 'name') continue;
    for (const sequence of ENV_OBJECTS) {
      if (matchesAt(lexemes, index, sequence)) {
        for (const read of readsAfterEnvObject(lexemes, index, index + sequence.length - 1)) reads.push({ file, ...read });
      }
    }
    for (const sequence of ENV_GETTERS) {
      if (matchesAt(lexemes, index, sequence)) {
        const argument = lexemes[index + sequence.length];
        const literal = argument?.kind === 'string';
        const afterCall = lexemes[index + sequence.length + 2];
        const defaulted = literal && text(lexemes[index + sequence.length + 1]) === ')' && fallsBack(afterCall);
        reads.push({ file, line: (argument ?? lexemes[index]!).line, name: literal ? argument.text : null, ...(defaulted ? { defaulted: true as const } : {}) });
      }
    }
  }
  return reads;
}

/** Cheap pre-filter: a file that never mentions `env` needs no scan. */
const MENTIONS_ENV = /\benv\b/;

export const envCollector = defineCollector({
  key: 'env',
  description: 'Environment files (real, template, fixture) and environment reads in source code',
  async collect(_ctx, get) {
    const tree = await get('tree');
    const files: EnvFileRef[] = [];
    const reads: EnvRead[] = [];
    for (const entry of tree.files) {
      if (isEnvFileName(basename(entry.path))) {
        const content = tree.read(entry.path);
        const kind = classifyEnvFile(entry.path);
        files.push({
          path: entry.path,
          kind,
          tracked: entry.tracked,
          variables: content === null ? null : envVariableNames(content, kind === 'template'),
        });
      } else if (isSourceFile(entry.path)) {
        const content = tree.read(entry.path);
        if (content !== null && MENTIONS_ENV.test(content)) reads.push(...findEnvReads(entry.path, content));
      }
    }
    return { files, reads };
  },
  metrics(fact) {
    return {
      env: {
        files: fact.files.length,
        reads: fact.reads.length,
        variablesRead: new Set(fact.reads.map((read) => read.name).filter((name) => name !== null)).size,
      },
    };
  },
});
