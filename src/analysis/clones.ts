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
  firstSlot: number;
  lastSlot: number;
  otherFirstSlot: number;
  otherLastSlot: number;
}

/** Token offsets between two copies fit in 32 bits; the file index goes above them (exact below 2^53). */
const OFFSET_SPAN = 2 ** 32;
const OFFSET_BIAS = 2 ** 31;

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

export function findClones(
  files: readonly { path: string; fingerprints: CloneTokensExtract }[],
  minTokens: number,
  minLines: number,
): CloneReport {
  // hash → occurrences in the first file that has it (a few, so that periodic code — a run of
  // similar lines — still lines up with its copy at a constant offset).
  const first = new Map<number, number[]>();
  const SLOT_BITS = 2 ** 20;
  const MAX_OCCURRENCES = 64;
  const clones: Clone[] = [];
  const marked = files.map(() => new Set<number>());
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
    for (let line = copy.startLine; line <= copy.endLine; line++) marked[fileIndex]!.add(line);
    for (let line = original.startLine; line <= original.endLine; line++) marked[run.other]!.add(line);
  };
  files.forEach(({ fingerprints }, fileIndex) => {
    // Open runs by (other file, token offset between the copies), the pair packed in one number:
    // this loop runs once per fingerprint of the repository.
    const open = new Map<number, Run>();
    const { hashes, starts } = fingerprints;
    for (let slot = 0; slot < hashes.length; slot++) {
      const hash = hashes[slot]!;
      const start = starts[slot]!;
      const seen = first.get(hash);
      if (seen === undefined) {
        first.set(hash, [fileIndex * SLOT_BITS + slot]);
        continue;
      }
      // Prefer the occurrence that continues a block already open; else, within one file, the
      // nearest earlier occurrence: a run of similar lines then matches itself one period back,
      // overlaps, and is not mistaken for a copy.
      let chosenOther = -1;
      let chosenSlot = 0;
      let chosenKey = 0;
      let chosenRun: Run | undefined;
      for (const occurrence of seen) {
        const other = Math.floor(occurrence / SLOT_BITS);
        const otherSlot = occurrence % SLOT_BITS;
        if (other === fileIndex && otherSlot >= slot) continue;
        const key = other * OFFSET_SPAN + (start - files[other]!.fingerprints.starts[otherSlot]! + OFFSET_BIAS);
        const run = open.get(key);
        const continues = run !== undefined && start - starts[run.lastSlot]! <= CLONE_WINDOW_TOKENS;
        if (continues || chosenOther === -1 || (other === fileIndex && otherSlot > chosenSlot)) {
          chosenOther = other;
          chosenSlot = otherSlot;
          chosenKey = key;
          chosenRun = run;
        }
        if (continues) break;
      }
      const firstOwner = Math.floor(seen[0]! / SLOT_BITS);
      if (firstOwner === fileIndex) {
        seen.push(fileIndex * SLOT_BITS + slot);
        if (seen.length > MAX_OCCURRENCES) seen.splice(1, 1);
      }
      if (chosenOther === -1) continue;
      if (chosenRun && start - starts[chosenRun.lastSlot]! <= CLONE_WINDOW_TOKENS) {
        chosenRun.lastSlot = slot;
        chosenRun.otherLastSlot = chosenSlot;
        continue;
      }
      if (chosenRun) close(fileIndex, chosenRun);
      open.set(chosenKey, { other: chosenOther, firstSlot: slot, lastSlot: slot, otherFirstSlot: chosenSlot, otherLastSlot: chosenSlot });
    }
    for (const run of open.values()) close(fileIndex, run);
  });
  const merged = mergeOverlapping(clones);
  const duplicatedLines = new Map<string, number>();
  marked.forEach((lines, index) => {
    if (lines.size > 0) duplicatedLines.set(files[index]!.path, lines.size);
  });
  merged.sort((a, b) => b.tokens - a.tokens || a.copy.file.localeCompare(b.copy.file) || a.copy.startLine - b.copy.startLine);
  return { clones: merged, duplicatedLines };
}
