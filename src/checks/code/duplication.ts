// code.duplication: the same code is not written twice.
import { z } from 'zod';
import { findClones } from '../../analysis/clones.js';
import type { CloneTokensExtract } from '../../analysis/extractors/clone-tokens.js';
import { importsOf } from '../../analysis/extracts.js';
import { defineCheck } from '../../core/check.js';
import type { ParsedFile } from '../../core/facts.js';
import type { FindingInput } from '../../core/types.js';
import { isMigrationPath } from '../../util/paths.js';
import { kitFilesOf } from './unused.js';
import { graded, MAX_FINDINGS, noSource, percent, plural, productionFiles } from './shared.js';

const options = z.object({
  /** A duplicated block must span at least this many tokens… */
  minTokens: z.number().int().min(50).default(50),
  /** …and this many lines. */
  minLines: z.number().int().positive().default(5),
  /** Share of duplicated lines at or below which the check passes. */
  passShare: z.number().min(0).max(1).default(0.03),
  /** Share at or above which it fails. */
  failShare: z.number().min(0).max(1).default(0.2),
});

/** A Drizzle schema module: it imports a dialect's table builders (`drizzle-orm/pg-core`, …). */
function declaresTables(file: ParsedFile): boolean {
  return importsOf(file).imports.some((entry) => /^drizzle-orm\/[\w-]+-core$/.test(entry.specifier));
}

export const duplicationCheck = defineCheck({
  id: 'code.duplication',
  area: 'code',
  title: 'Little duplicated code',
  failureTitle: 'Blocks of code are duplicated',
  rationale:
    'When the same logic is pasted in several places, a bug fixed in one copy stays in the others, and the ' +
    'copies drift apart until nobody knows which one is right. AI assistants duplicate readily: asked for a ' +
    'feature, they write a fresh version of a helper that already exists. Blocks are compared token by token ' +
    'with names and literal values ignored, so a copy with renamed variables is still found.',
  remediation:
    'Start with the largest blocks listed. Move the shared logic into one function (or component, or hook) ' +
    'with parameters for what differs, and call it from every place. If two copies are meant to diverge, ' +
    'make the difference explicit instead of keeping near-identical code.',
  severity: 'medium',
  weight: 2,
  effortMinutes: 30,
  requires: ['code', 'tree'],
  optionsSchema: options,
  run({ code, tree }, { options: limits }) {
    const none = noSource(code);
    if (none) return none;
    // Migrations repeat their tool's boilerplate by design and are never refactored once they have
    // run; table declarations list columns alike by design; a copied UI kit is its vendor's code.
    const kit = kitFilesOf(code, tree);
    const files = productionFiles(code).filter((file) => !isMigrationPath(file.path) && !declaresTables(file) && !kit.has(file.path));
    const inputs = files.flatMap((file) => {
      const fingerprints = file.extracts['clone-tokens'] as CloneTokensExtract | undefined;
      return fingerprints ? [{ path: file.path, fingerprints }] : [];
    });
    const { clones, duplicatedLines } = findClones(inputs, limits.minTokens, limits.minLines);
    const totalLines = files.reduce((sum, file) => sum + file.lines, 0);
    const duplicated = [...duplicatedLines.values()].reduce((sum, lines) => sum + lines, 0);
    const share = totalLines === 0 ? 0 : duplicated / totalLines;
    const evidence = [
      `${plural(duplicated, 'line')} of ${totalLines.toLocaleString('en-US')} are in duplicated blocks (${percent(share)}), ${plural(clones.length, 'block')} of ${limits.minTokens}+ tokens`,
    ];
    const worst = [...duplicatedLines].sort((a, b) => b[1] - a[1]).slice(0, 3);
    if (worst.length > 0) evidence.push(`most duplicated: ${worst.map(([file, lines]) => `${file} (${lines} lines)`).join(', ')}`);
    const metrics = { code: { duplicationPercent: Math.round(share * 1000) / 10, duplicatedBlocks: clones.length } };
    const verdict = graded(share, limits.passShare, limits.failShare);
    if (verdict.status === 'pass') return { ...verdict, evidence, metrics };
    const findings: FindingInput[] = clones.slice(0, MAX_FINDINGS).map(({ copy, original, tokens }) => {
      const lines = copy.endLine - copy.startLine + 1;
      return {
        message: `${copy.file}:${copy.startLine}-${copy.endLine} repeats ${original.file}:${original.startLine}-${original.endLine} (${lines} lines, ${tokens} tokens; names and values may differ).`,
        location: { file: copy.file, line: copy.startLine },
        severity: lines >= 50 ? 'medium' : 'low',
        snippet: `${original.file}#${tokens}`,
        data: { lines, tokens, original: { file: original.file, startLine: original.startLine, endLine: original.endLine } },
      };
    });
    if (clones.length > MAX_FINDINGS) evidence.push(`${clones.length - MAX_FINDINGS} more blocks not listed as findings`);
    return { ...verdict, evidence, findings, metrics };
  },
});
