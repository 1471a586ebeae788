// Finds credential-shaped values in one file's text with the rules of src/knowledge/secret-rules.ts.
// Pure: text in, matches out. One case-insensitive pass over the text finds the rules' keywords;
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
}

interface CompiledRule {
  rule: SecretRule;
  pattern: RegExp;
}

interface Scanner {
  keywordPattern: RegExp;
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
    pattern: new RegExp(rule.pattern.source, `${rule.pattern.flags.replace(/[gyd]/g, '')}gd`),
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
  return { keywordPattern: new RegExp(keywords.map(escapeRegExp).join('|'), 'gi'), rulesByKeyword, compiled };
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

/** Where a rule should look: the whole text, or the lines on which its keywords occur. */
function regionsByRule(text: string, scanner: Scanner): Map<CompiledRule, [number, number][]> {
  const regions = new Map<CompiledRule, [number, number][]>();
  const lastLineStart = new Map<CompiledRule, number>();
  scanner.keywordPattern.lastIndex = 0;
  for (let hit = scanner.keywordPattern.exec(text); hit; hit = scanner.keywordPattern.exec(text)) {
    const rules = scanner.rulesByKeyword.get(hit[0].toLowerCase()) ?? [];
    if (rules.length === 0) continue;
    const lineStart = text.lastIndexOf('\n', hit.index) + 1;
    let lineEnd = -1;
    for (const compiled of rules) {
      if (compiled.rule.scope === 'file') {
        if (!regions.has(compiled)) regions.set(compiled, [[0, text.length]]);
        continue;
      }
      if (lastLineStart.get(compiled) === lineStart) continue;
      lastLineStart.set(compiled, lineStart);
      if (lineEnd === -1) {
        lineEnd = text.indexOf('\n', hit.index);
        if (lineEnd === -1) lineEnd = text.length;
      }
      const list = regions.get(compiled);
      if (list) list.push([lineStart, lineEnd]);
      else regions.set(compiled, [[lineStart, lineEnd]]);
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

function candidatesIn(text: string, compiled: CompiledRule, region: [number, number]): Candidate[] {
  const slice = region[0] === 0 && region[1] === text.length ? text : text.slice(region[0], region[1]);
  const candidates: Candidate[] = [];
  const { pattern } = compiled;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(slice); match; match = pattern.exec(slice)) {
    if (match[0].length === 0) pattern.lastIndex++;
    const groups = match.groups ?? {};
    const span = match.indices?.groups?.secret;
    let secret = groups.secret;
    if (secret === undefined || !span) continue;
    let body = groups.body ?? secret;
    if (compiled.rule.assignment && !groups.q) {
      // An unquoted value ends at the first separator of the surrounding syntax.
      const trimmed = secret.replace(/[,;)\]}]+$/, '');
      if (body === secret) body = trimmed;
      secret = trimmed;
    }
    candidates.push({ start: region[0] + span[0], end: region[0] + span[0] + secret.length, secret, body, groups });
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
export function scanSecrets(path: string, text: string, options: ScanOptions, rules?: readonly SecretRule[]): SecretMatch[] {
  const scanner = rules ? compile(rules) : (defaultScanner ??= compile(SECRET_RULES));
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
          ? rule.verify({ secret: candidate.secret, body: candidate.body, groups: candidate.groups }, options)
          : {};
        if (!verdict) continue;
        const { line, column } = lines.position(candidate.start);
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
          },
        });
      }
    }
  }
  return accepted.map((entry) => entry.match).sort((a, b) => a.line - b.line || a.column - b.column);
}
