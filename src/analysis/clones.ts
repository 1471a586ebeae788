// Project-level duplicate detection over the winnowed fingerprints of the clone-tokens extractor.
// Each fingerprint is compared with the first file that has it only (a few occurrences there), so
// the work stays linear even when hundreds of files share the same boilerplate.
import { CLONE_WINDOW_TOKENS, type CloneTokensExtract } from './extractors/clone-tokens.js';

export interface CloneSide {
  file: string;
  startLine: number;
  endLine: number;
}

export interface Clone {
  /** The copy (found later in path order). */
  copy: CloneSide;
  /** The first occurrence it repeats. */
  original: CloneSide;
  tokens: number;
}

export interface CloneReport {
  clones: Clone[];
  /** Lines inside a duplicated block (both copies count), by file. */
  duplicatedLines: Map<string, number>;
}

interface Run {
  other: number;
  /** Token offset between the copy and the original: a block continues only at the same offset. */
  offset: number;
  firstSlot: number;
  lastSlot: number;
  otherFirstSlot: number;
  otherLastSlot: number;
  /** Place in the file's list of open runs; a run that replaces another takes its place. */
  order: number;
}

const touches = (a: CloneSide, b: CloneSide): boolean => a.file === b.file && b.startLine <= a.endLine + 1 && a.startLine <= b.endLine + 1;

/** A copy found in pieces (its runs broken by repeated lines) is reported as one block. */
function mergeOverlapping(clones: Clone[]): Clone[] {
  const sorted = [...clones].sort((a, b) => a.copy.file.localeCompare(b.copy.file) || a.original.file.localeCompare(b.original.file) || a.copy.startLine - b.copy.startLine);
  const result: Clone[] = [];
  for (const clone of sorted) {
    const last = result[result.length - 1];
    if (last && touches(last.copy, clone.copy) && touches(last.original, clone.original)) {
      const added = Math.max(0, clone.copy.endLine - last.copy.endLine) / (clone.copy.endLine - clone.copy.startLine + 1);
      last.tokens += Math.round(clone.tokens * added);
      last.copy.endLine = Math.max(last.copy.endLine, clone.copy.endLine);
      last.original.startLine = Math.min(last.original.startLine, clone.original.startLine);
      last.original.endLine = Math.max(last.original.endLine, clone.original.endLine);
      continue;
    }
    result.push({ copy: { ...clone.copy }, original: { ...clone.original }, tokens: clone.tokens });
  }
  return result;
}

function lastLine(fingerprints: CloneTokensExtract): number {
  let last = 0;
  for (const line of fingerprints.endLines) if (line > last) last = line;
  return last;
}

export function findClones(
  files: readonly { path: string; fingerprints: CloneTokensExtract }[],
  minTokens: number,
  minLines: number,
): CloneReport {
  // hash → occurrences in the first file that has it, as (file, slot) pairs (a few, so that
  // periodic code — a run of similar lines — still lines up with its copy at a constant offset).
  const first = new Map<number, number[]>();
  const MAX_OCCURRENCES = 64;
  const clones: Clone[] = [];
  // Lines inside a reported block, per file: a byte per line, allocated for files that have any.
  const marked: (Uint8Array | undefined)[] = new Array<Uint8Array | undefined>(files.length);
  const markedCount = new Uint32Array(files.length);
  const mark = (fileIndex: number, from: number, to: number): void => {
    let lines = marked[fileIndex];
    if (lines === undefined) {
      lines = new Uint8Array(lastLine(files[fileIndex]!.fingerprints) + 1);
      marked[fileIndex] = lines;
    }
    for (let line = from; line <= to; line++) {
      if (lines[line] === 1) continue;
      lines[line] = 1;
      markedCount[fileIndex]!++;
    }
  };
  const close = (fileIndex: number, run: Run): void => {
    const self = files[fileIndex]!.fingerprints;
    const other = files[run.other]!.fingerprints;
    const tokens = self.starts[run.lastSlot]! + CLONE_WINDOW_TOKENS - self.starts[run.firstSlot]!;
    const copy = { file: files[fileIndex]!.path, startLine: self.startLines[run.firstSlot]!, endLine: self.endLines[run.lastSlot]! };
    const original = { file: files[run.other]!.path, startLine: other.startLines[run.otherFirstSlot]!, endLine: other.endLines[run.otherLastSlot]! };
    if (tokens < minTokens || copy.endLine - copy.startLine + 1 < minLines) return;
    // A block repeating itself within its own span (a long run of similar lines) is not a copy.
    if (copy.file === original.file && copy.startLine <= original.endLine) return;
    clones.push({ copy, original, tokens });
    mark(fileIndex, copy.startLine, copy.endLine);
    mark(run.other, original.startLine, original.endLine);
  };
  files.forEach(({ fingerprints }, fileIndex) => {
    // Open runs by the other file and the offset (two lookups by small integers are cheaper than one
    // by a packed key beyond 32 bits; this loop runs once per fingerprint of the repository), and in
    // the order they were opened, for closing.
    const open = new Map<number, Map<number, Run>>();
    const opened: Run[] = [];
    const { hashes, starts } = fingerprints;
    for (let slot = 0; slot < hashes.length; slot++) {
      // As a signed 32-bit value the hash is a small integer to V8, not a boxed number: a faster Map key.
      const hash = hashes[slot]! | 0;
      const start = starts[slot]!;
      const seen = first.get(hash);
      if (seen === undefined) {
        first.set(hash, [fileIndex, slot]);
        continue;
      }
      // Prefer the occurrence that continues a block already open; else, within one file, the
      // nearest earlier occurrence: a run of similar lines then matches itself one period back,
      // overlaps, and is not mistaken for a copy.
      let chosenOther = -1;
      let chosenSlot = 0;
      let chosenOffset = 0;
      let chosenRun: Run | undefined;
      for (let pair = 0; pair < seen.length; pair += 2) {
        const other = seen[pair]!;
        const otherSlot = seen[pair + 1]!;
        if (other === fileIndex && otherSlot >= slot) continue;
        const offset = start - files[other]!.fingerprints.starts[otherSlot]!;
        const run = open.get(other)?.get(offset);
        const continues = run !== undefined && start - starts[run.lastSlot]! <= CLONE_WINDOW_TOKENS;
        if (continues || chosenOther === -1 || (other === fileIndex && otherSlot > chosenSlot)) {
          chosenOther = other;
          chosenSlot = otherSlot;
          chosenOffset = offset;
          chosenRun = run;
        }
        if (continues) break;
      }
      if (seen[0] === fileIndex) {
        seen.push(fileIndex, slot);
        if (seen.length > 2 * MAX_OCCURRENCES) seen.splice(2, 2);
      }
      if (chosenOther === -1) continue;
      if (chosenRun && start - starts[chosenRun.lastSlot]! <= CLONE_WINDOW_TOKENS) {
        chosenRun.lastSlot = slot;
        chosenRun.otherLastSlot = chosenSlot;
        continue;
      }
      const run: Run = { other: chosenOther, offset: chosenOffset, firstSlot: slot, lastSlot: slot, otherFirstSlot: chosenSlot, otherLastSlot: chosenSlot, order: opened.length };
      if (chosenRun) {
        close(fileIndex, chosenRun);
        run.order = chosenRun.order;
        opened[run.order] = run;
      } else {
        opened.push(run);
      }
      const runs = open.get(chosenOther);
      if (runs) runs.set(chosenOffset, run);
      else open.set(chosenOther, new Map([[chosenOffset, run]]));
    }
    for (const run of opened) close(fileIndex, run);
  });
  const merged = mergeOverlapping(clones);
  const duplicatedLines = new Map<string, number>();
  markedCount.forEach((count, index) => {
    if (count > 0) duplicatedLines.set(files[index]!.path, count);
  });
  merged.sort((a, b) => b.tokens - a.tokens || a.copy.file.localeCompare(b.copy.file) || a.copy.startLine - b.copy.startLine);
  return { clones: merged, duplicatedLines };
}
