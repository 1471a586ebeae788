// Project-level duplicate detection over the winnowed fingerprints of the clone-tokens extractor.
// Each fingerprint is compared with its first occurrence only, so the work stays linear even when
// hundreds of files share the same boilerplate.
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
  delta: number;
  firstSlot: number;
  lastSlot: number;
  otherFirstSlot: number;
  otherLastSlot: number;
}

export function findClones(
  files: readonly { path: string; fingerprints: CloneTokensExtract }[],
  minTokens: number,
  minLines: number,
): CloneReport {
  const first = new Map<number, number>(); // hash → file index * 2^20 + slot
  const SLOT_BITS = 2 ** 20;
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
    const open = new Map<string, Run>();
    for (let slot = 0; slot < fingerprints.hashes.length; slot++) {
      const hash = fingerprints.hashes[slot]!;
      const seen = first.get(hash);
      if (seen === undefined) {
        first.set(hash, fileIndex * SLOT_BITS + slot);
        continue;
      }
      const other = Math.floor(seen / SLOT_BITS);
      const otherSlot = seen % SLOT_BITS;
      const delta = fingerprints.starts[slot]! - files[other]!.fingerprints.starts[otherSlot]!;
      const key = `${other}:${delta}`;
      const run = open.get(key);
      if (run && fingerprints.starts[slot]! - fingerprints.starts[run.lastSlot]! <= CLONE_WINDOW_TOKENS) {
        run.lastSlot = slot;
        run.otherLastSlot = otherSlot;
        continue;
      }
      if (run) close(fileIndex, run);
      open.set(key, { other, delta, firstSlot: slot, lastSlot: slot, otherFirstSlot: otherSlot, otherLastSlot: otherSlot });
    }
    for (const run of open.values()) close(fileIndex, run);
  });
  const duplicatedLines = new Map<string, number>();
  marked.forEach((lines, index) => {
    if (lines.size > 0) duplicatedLines.set(files[index]!.path, lines.size);
  });
  clones.sort((a, b) => b.tokens - a.tokens || a.copy.file.localeCompare(b.copy.file) || a.copy.startLine - b.copy.startLine);
  return { clones, duplicatedLines };
}
