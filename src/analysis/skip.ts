// Which source files the code analysis leaves out, and why: their metrics would describe a tool's
// output or someone else's code, not the team's.

export interface SkipLimits {
  /** Files above this many bytes are skipped as oversized. */
  maxBytes: number;
  /** Files above this many lines are skipped as oversized. */
  maxLines: number;
  /** A line this long (characters) marks a minified or bundled file. */
  minifiedLineLength: number;
}

export const DEFAULT_SKIP_LIMITS: SkipLimits = { maxBytes: 1024 * 1024, maxLines: 20_000, minifiedLineLength: 1_000 };

/** Markers tools put at the top of files they write. Only the first lines are searched. */
const GENERATED_MARKERS = [
  /@generated\b/,
  /\bDO NOT EDIT\b/i,
  /\bCode generated\b/i,
  /\bauto-?generated\b/i,
  /\bThis file (?:was|is) (?:automatically )?generated\b/i,
];
const HEADER_CHARS = 600;

/** Folders of third-party code copied into a repository. */
const VENDORED = /(^|\/)(vendor|vendors|third[-_]party|external|\.yarn|bower_components|node_modules)\//;
const BUNDLED_NAME = /[.-]min\.[cm]?js$|\.bundle\.[cm]?js$|(^|\/)dist\/.+\.[cm]?js$/;

function countLines(text: string): number {
  let lines = 1;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) lines++;
  return lines;
}

function looksMinified(text: string, limits: SkipLimits): boolean {
  if (text.length < limits.minifiedLineLength) return false;
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

/** Why a source file should not be analysed, or null to analyse it. */
export function skipReason(path: string, text: string, limits: SkipLimits = DEFAULT_SKIP_LIMITS): string | null {
  if (VENDORED.test(path)) return 'vendored';
  if (BUNDLED_NAME.test(path)) return 'minified or bundled';
  if (text.length * 3 > limits.maxBytes && Buffer.byteLength(text) > limits.maxBytes) return `oversized (over ${limits.maxBytes} bytes)`;
  const header = text.slice(0, HEADER_CHARS);
  if (GENERATED_MARKERS.some((marker) => marker.test(header))) return 'generated';
  if (countLines(text) > limits.maxLines) return `oversized (over ${limits.maxLines} lines)`;
  if (looksMinified(text, limits)) return 'minified';
  return null;
}
