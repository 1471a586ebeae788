// Which source files the code analysis leaves out, and why: their metrics would describe a tool's
// output or someone else's code, not the team's.
import ignore from 'ignore';
import { isInVendorFolder } from '../util/paths.js';

export interface SkipLimits {
  /** Files above this many bytes are skipped as oversized. */
  maxFileBytes: number;
  /** Files above this many lines are skipped as oversized. */
  maxFileLines: number;
  /** A line longer than this (characters) of dense code marks a minified or bundled file. */
  minifiedLineLength: number;
}

/** What the user's configuration (`analysis`) decides about the files of the code analysis. */
export interface CodeAnalysisSettings extends SkipLimits {
  /** Paths (gitignore syntax) left out of the code analysis only; other checks still see them. */
  ignore: readonly string[];
}

export const DEFAULT_SKIP_LIMITS: SkipLimits = { maxFileBytes: 1024 * 1024, maxFileLines: 20_000, minifiedLineLength: 1_000 };

export const DEFAULT_CODE_ANALYSIS: CodeAnalysisSettings = { ...DEFAULT_SKIP_LIMITS, ignore: [] };

/** The reason given for a file the configuration's `analysis.ignore` leaves out. */
export const IGNORED_BY_CONFIG = 'excluded by analysis.ignore';

/** Markers tools put at the top of files they write. Only the first lines are searched. */
const GENERATED_MARKERS = [
  /@generated\b/,
  /\bDO NOT EDIT\b/i,
  /\bCode generated\b/i,
  /\bauto-?generated\b/i,
  /\bThis file (?:was|is) (?:automatically )?generated\b/i,
];
const HEADER_CHARS = 600;

/** Folders of installed packages, wherever they sit. */
const INSTALLED = /(^|\/)(\.yarn|bower_components|node_modules)\//;
const BUNDLED_NAME = /[.-]min\.[cm]?js$|\.bundle\.[cm]?js$|(^|\/)dist\/.+\.[cm]?js$/;

function countLines(text: string): number {
  let lines = 1;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) lines++;
  return lines;
}

function looksMinified(text: string, limits: SkipLimits): boolean {
  if (text.length <= limits.minifiedLineLength) return false;
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    if (end - start > limits.minifiedLineLength) {
      const line = text.slice(start, end);
      // A long line of data (a base64 string, a long literal) is not minified code; dense code is.
      const spaces = line.length - line.replace(/\s/g, '').length;
      if (spaces / line.length < 0.05) return true;
    }
    start = end + 1;
  }
  return false;
}

/** Why a file should not be analysed judging by its path alone, or null; checked before reading it. */
type PathSkipRule = (path: string) => string | null;

/** The path rules: the configured `analysis.ignore` first, then vendored folders and bundle names. */
export function pathSkipRule(patterns: readonly string[]): PathSkipRule {
  const ignored = patterns.length > 0 ? ignore().add([...patterns]) : null;
  return (path) => {
    if (ignored?.ignores(path)) return IGNORED_BY_CONFIG;
    if (INSTALLED.test(path) || isInVendorFolder(path)) return 'vendored';
    if (BUNDLED_NAME.test(path)) return 'minified or bundled';
    return null;
  };
}

/** Why a source file should not be analysed judging by its text (size, header, line length), or null. */
export function contentSkipReason(text: string, limits: SkipLimits = DEFAULT_SKIP_LIMITS): string | null {
  // Every UTF-16 unit is at most 3 UTF-8 bytes, so short texts need no byte count.
  if (text.length * 3 > limits.maxFileBytes && Buffer.byteLength(text) > limits.maxFileBytes) {
    return `oversized (over ${limits.maxFileBytes} bytes)`;
  }
  const header = text.slice(0, HEADER_CHARS);
  if (GENERATED_MARKERS.some((marker) => marker.test(header))) return 'generated';
  if (countLines(text) > limits.maxFileLines) return `oversized (over ${limits.maxFileLines} lines)`;
  if (looksMinified(text, limits)) return 'minified';
  return null;
}
