// Finds credential-shaped values in one file's text with the rules of src/knowledge/secret-rules.ts.
// Pure: text in, matches out. One pass over the lower-cased text finds the rules' keywords;
// a rule's pattern then runs only on the lines (or files) holding one of its keywords, which keeps
// the scan of a large repository to a fraction of a second.
import type { Severity } from '../../core/types.js';
import { isPlaceholder, SECRET_RULES, shannonEntropy, type SecretRule } from '../../knowledge/secret-rules.js';
import { isSourceFile } from '../../util/paths.js';

export interface SecretMatch {
  rule: SecretRule;
  /** The raw credential: callers must mask it before it goes anywhere. */
  secret: string;
  /** 1-based. */
  line: number;
  column: number;
  severity: Severity;
  blocker: boolean;
  /** Why the rule downgraded this match, e.g. "expired 2024-03-01". */
  note: string | null;
  /** The line reads as a comment up to the match (`//`, `*`, `#`…): documentation more than code. */
  inComment: boolean;
}

const COMMENT_START = /^\s*(\/\/|\/\*|\*|#|<!--)/;

interface CompiledRule {
  rule: SecretRule;
  pattern: RegExp;
}

interface Scanner {
  /** All keywords, lower-case, for a lower-cased text. */
  keywordPattern: RegExp;
  keywordPatternIgnoringCase: RegExp;
  /** Lower-cased keyword as matched → the rules it activates. */
  rulesByKeyword: Map<string, CompiledRule[]>;
  compiled: CompiledRule[];
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function compile(rules: readonly SecretRule[]): Scanner {
  const compiled = rules.map((rule) => ({
    rule,
    pattern: new RegExp(rule.pattern.source, `${rule.pattern.flags.replace(/[gyd]/g, '')}${rule.scope === 'name' ? 'y' : 'g'}d`),
  }));
  const keywords = [...new Set(rules.flatMap((rule) => rule.keywords.map((keyword) => keyword.toLowerCase())))];
  // Longest first, so that a keyword containing another ("key-" vs "key") is the one matched; each
  // matched keyword then activates every rule whose keyword it contains.
  keywords.sort((a, b) => b.length - a.length);
  const rulesByKeyword = new Map<string, CompiledRule[]>();
  for (const keyword of keywords) {
    rulesByKeyword.set(
      keyword,
      compiled.filter(({ rule }) => rule.keywords.some((own) => keyword.includes(own.toLowerCase()))),
    );
  }
  const alternatives = keywords.map(escapeRegExp).join('|');
  return {
    keywordPattern: new RegExp(alternatives, 'g'),
    keywordPatternIgnoringCase: new RegExp(alternatives, 'gi'),
    rulesByKeyword,
    compiled,
  };
}

let defaultScanner: Scanner | null = null;

class LineIndex {
  private starts: number[] | null = null;
  constructor(private readonly text: string) {}

  /** 1-based line and column of a character offset. */
  position(offset: number): { line: number; column: number } {
    if (!this.starts) {
      this.starts = [0];
      for (let i = this.text.indexOf('\n'); i !== -1; i = this.text.indexOf('\n', i + 1)) this.starts.push(i + 1);
    }
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - this.starts[low]! + 1 };
  }
}

/** `[A-Za-z0-9_$.-]`, by character code (this runs once per keyword hit). */
function isNameChar(code: number): boolean {
  return (
    (code >= 97 && code <= 122) ||
    (code >= 65 && code <= 90) ||
    (code >= 48 && code <= 57) ||
    code === 95 ||
    code === 36 ||
    code === 46 ||
    code === 45
  );
}

/** Start of the identifier (or dotted or dashed name) around an offset. */
function nameStart(text: string, offset: number, lineStart: number): number {
  let start = offset;
  while (start > lineStart && isNameChar(text.charCodeAt(start - 1))) start--;
  return start;
}

/**
 * Where a rule should look: the whole text, the lines on which its keywords occur, or (for
 * assignments) the names that hold a keyword, each to the end of its line.
 */
function regionsByRule(text: string, scanner: Scanner): Map<CompiledRule, [number, number][]> {
  const regions = new Map<CompiledRule, [number, number][]>();
  // Keywords are matched in a lower-cased copy, which is faster than a case-insensitive pattern;
  // the copy is only usable while lower-casing keeps every character at its offset.
  const lower = text.toLowerCase();
  const haystack = lower.length === text.length ? lower : text;
  const pattern = haystack === lower ? scanner.keywordPattern : scanner.keywordPatternIgnoringCase;
  let lineStart = -1;
  let lineEnd = -1;
  const lastLineStart = new Map<CompiledRule, number>();
  const lastNameStart = new Map<CompiledRule, number>();
  pattern.lastIndex = 0;
  for (let hit = pattern.exec(haystack); hit; hit = pattern.exec(haystack)) {
    const rules = scanner.rulesByKeyword.get(haystack === lower ? hit[0] : hit[0].toLowerCase());
    if (!rules) continue;
    if (hit.index >= lineEnd) {
      lineStart = text.lastIndexOf('\n', hit.index) + 1;
      lineEnd = text.indexOf('\n', hit.index);
      if (lineEnd === -1) lineEnd = text.length;
    }
    for (const compiled of rules) {
      if (compiled.rule.scope === 'name') {
        // The keyword must end the name: a secret's name ends in `key`, `token`, `password`…
        if (isNameChar(text.charCodeAt(hit.index + hit[0].length))) continue;
        const start = nameStart(text, hit.index, lineStart);
        if (lastNameStart.get(compiled) === start) continue;
        lastNameStart.set(compiled, start);
        const list = regions.get(compiled);
        if (list) list.push([start, lineEnd]);
        else regions.set(compiled, [[start, lineEnd]]);
        continue;
      }
      if (lastLineStart.get(compiled) === lineStart) continue;
      lastLineStart.set(compiled, lineStart);
      const list = regions.get(compiled);
      if (compiled.rule.scope === 'file') {
        if (!list) regions.set(compiled, [[0, text.length]]);
      } else if (list) {
        list.push([lineStart, lineEnd]);
      } else {
        regions.set(compiled, [[lineStart, lineEnd]]);
      }
    }
  }
  return regions;
}

interface Candidate {
  start: number;
  end: number;
  secret: string;
  body: string;
  groups: Record<string, string | undefined>;
}

function candidateOf(compiled: CompiledRule, match: RegExpExecArray, offset: number): Candidate | null {
  const groups = match.groups ?? {};
  const span = match.indices?.groups?.secret;
  let secret = groups.secret;
  if (secret === undefined || !span) return null;
  let body = groups.body ?? secret;
  if (compiled.rule.assignment && !groups.q) {
    // An unquoted value ends at the first separator of the surrounding syntax.
    const trimmed = secret.replace(/[,;)\]}]+$/, '');
    if (body === secret) body = trimmed;
    secret = trimmed;
  }
  return { start: offset + span[0], end: offset + span[0] + secret.length, secret, body, groups };
}

function candidatesIn(text: string, compiled: CompiledRule, region: [number, number]): Candidate[] {
  const { pattern } = compiled;
  if (pattern.sticky) {
    // One try, where the name starts.
    pattern.lastIndex = region[0];
    const match = pattern.exec(text);
    const candidate = match ? candidateOf(compiled, match, 0) : null;
    return candidate ? [candidate] : [];
  }
  const whole = region[0] === 0 && region[1] === text.length;
  const slice = whole ? text : text.slice(region[0], region[1]);
  const candidates: Candidate[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(slice); match; match = pattern.exec(slice)) {
    if (match[0].length === 0) pattern.lastIndex++;
    const candidate = candidateOf(compiled, match, region[0]);
    if (candidate) candidates.push(candidate);
  }
  return candidates;
}

export interface ScanOptions {
  now: Date;
}

/**
 * The credential-shaped values in one file, most specific rule first, each reported once.
 * `path` decides only how strict assignment rules are (in source code a value must be quoted: an
 * unquoted one is a variable, not a literal).
 */
export function scanSecrets(path: string, text: string, options: ScanOptions): SecretMatch[] {
  const scanner = (defaultScanner ??= compile(SECRET_RULES));
  const regions = regionsByRule(text, scanner);
  if (regions.size === 0) return [];
  const source = isSourceFile(path);
  const lines = new LineIndex(text);
  const accepted: { start: number; end: number; match: SecretMatch }[] = [];
  for (const compiled of scanner.compiled) {
    const { rule } = compiled;
    for (const region of regions.get(compiled) ?? []) {
      for (const candidate of candidatesIn(text, compiled, region)) {
        if (rule.assignment && source && !candidate.groups.q) continue;
        if (rule.minEntropy !== undefined && shannonEntropy(candidate.body) < rule.minEntropy) continue;
        if (rule.checkPlaceholder !== false && isPlaceholder(candidate.body)) continue;
        if (accepted.some((other) => candidate.start < other.end && other.start < candidate.end)) continue;
        const verdict = rule.verify
          ? rule.verify({ secret: candidate.secret, body: candidate.body, groups: candidate.groups }, { now: options.now, text })
          : {};
        if (!verdict) continue;
        const { line, column } = lines.position(candidate.start);
        const before = text.slice(candidate.start - column + 1, candidate.start);
        accepted.push({
          start: candidate.start,
          end: candidate.end,
          match: {
            rule,
            secret: candidate.secret,
            line,
            column,
            severity: verdict.severity ?? rule.severity,
            blocker: verdict.blocker ?? rule.blocker,
            note: verdict.note ?? null,
            inComment: COMMENT_START.test(before),
          },
        });
      }
    }
  }
  return accepted.map((entry) => entry.match).sort((a, b) => a.line - b.line || a.column - b.column);
}
