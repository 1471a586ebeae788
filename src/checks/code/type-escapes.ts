// code.type-escapes: TypeScript code that keeps its type checker on.
import { z } from 'zod';
import type { TypeEscapeKind, TypeEscapesExtract } from '../../analysis/extractors/type-escapes.js';
import { defineCheck } from '../../core/check.js';
import type { FindingInput } from '../../core/types.js';
import { graded, MAX_FINDINGS, noSource, perKloc, plural, productionFiles } from './shared.js';

const options = z.object({
  /** Escapes per 1,000 lines of TypeScript at or below which the check passes. */
  passPerKloc: z.number().nonnegative().default(5),
  /** Escapes per 1,000 lines at or above which it fails. */
  failPerKloc: z.number().positive().default(25),
  /** A file with at least this many escapes is listed as a finding. */
  fileThreshold: z.number().int().positive().default(5),
  /** Up to this many escapes in the whole repository pass whatever the density (small codebases swing). */
  allowedCount: z.number().int().nonnegative().default(3),
});

const TS_FILE = /\.[cm]?tsx?$/;
const LABELS: Record<TypeEscapeKind, string> = {
  any: '`any`',
  'as-unknown-as': '`as unknown as`',
  'non-null': 'non-null `!`',
  'ts-ignore': '`@ts-ignore`',
  'ts-expect-error': '`@ts-expect-error`',
  'ts-nocheck': '`@ts-nocheck`',
  'eslint-disable': '`eslint-disable`',
};

export const typeEscapesCheck = defineCheck({
  id: 'code.type-escapes',
  area: 'code',
  title: 'TypeScript code rarely escapes the type checker',
  failureTitle: 'TypeScript code often switches the type checker off',
  rationale:
    'TypeScript only protects the code it is allowed to check. Every `any`, `as unknown as`, non-null `!`, ' +
    '`@ts-ignore` or `eslint-disable` is a place where a mistake the compiler would have caught goes ' +
    'straight to production — typically a value that is sometimes undefined, or an API response that ' +
    'changed shape. AI assistants reach for these to make an error message go away.',
  remediation:
    'Start with the files listed. Replace `any` with the real type, or `unknown` plus a check (a zod schema ' +
    'for data from outside); replace `x!` with an explicit `if (!x) throw …` or a default; fix the error ' +
    'behind each `@ts-ignore` instead of silencing it (use `@ts-expect-error` with a reason if you must). ' +
    'Turn on `@typescript-eslint/no-explicit-any` so new ones need a justification.',
  severity: 'medium',
  weight: 2,
  effortMinutes: 15,
  requires: ['code'],
  optionsSchema: options,
  run({ code }, { options: limits }) {
    const none = noSource(code);
    if (none) return none;
    const files = productionFiles(code).filter((file) => TS_FILE.test(file.path));
    if (files.length === 0) return { status: 'na', evidence: [], reason: 'No TypeScript source: type escapes apply to TypeScript only.' };
    const totals = new Map<TypeEscapeKind, number>();
    const findings: FindingInput[] = [];
    let count = 0;
    let codeLines = 0;
    const perFile: { path: string; escapes: TypeEscapesExtract['escapes']; codeLines: number }[] = [];
    for (const file of files) {
      codeLines += file.codeLines;
      const escapes = (file.extracts['type-escapes'] as TypeEscapesExtract | undefined)?.escapes ?? [];
      if (escapes.length === 0) continue;
      count += escapes.length;
      for (const escape of escapes) totals.set(escape.kind, (totals.get(escape.kind) ?? 0) + 1);
      perFile.push({ path: file.path, escapes, codeLines: file.codeLines });
    }
    perFile.sort((a, b) => b.escapes.length - a.escapes.length || a.path.localeCompare(b.path));
    for (const { path, escapes, codeLines: lines } of perFile) {
      const nocheck = escapes.find((escape) => escape.kind === 'ts-nocheck');
      if (escapes.length < limits.fileThreshold && !nocheck) continue;
      const kinds = new Map<TypeEscapeKind, number>();
      for (const escape of escapes) kinds.set(escape.kind, (kinds.get(escape.kind) ?? 0) + 1);
      const summary = [...kinds].map(([kind, n]) => `${n} ${LABELS[kind]}`).join(', ');
      findings.push({
        message: nocheck
          ? `${path}: \`@ts-nocheck\` turns type checking off for the whole file (${summary}).`
          : `${path} has ${plural(escapes.length, 'type escape')} in ${lines} lines (${summary}), first at line ${escapes[0]!.line}.`,
        location: { file: path, line: (nocheck ?? escapes[0]!).line },
        severity: nocheck ? 'medium' : 'low',
        snippet: nocheck ? 'ts-nocheck' : 'type-escapes',
        data: { escapes: escapes.length, kinds: Object.fromEntries(kinds), lines },
      });
      if (findings.length >= MAX_FINDINGS) break;
    }
    const density = perKloc(count, codeLines);
    const breakdown = [...totals].sort((a, b) => b[1] - a[1]).map(([kind, n]) => `${n} ${LABELS[kind]}`).join(', ');
    const evidence = [
      `${plural(count, 'type escape')} in ${codeLines.toLocaleString('en-US')} lines of TypeScript: ${density.toFixed(1)} per 1,000 lines (passes at ${limits.passPerKloc} or fewer)`,
    ];
    if (breakdown) evidence.push(breakdown);
    const metrics = { code: { typeEscapesPerKloc: Math.round(density * 10) / 10 } };
    const verdict = count <= limits.allowedCount ? graded(0, 0, 1) : graded(density, limits.passPerKloc, limits.failPerKloc);
    if (verdict.status !== 'pass') return { ...verdict, evidence, findings, metrics };
    // A low density overall does not excuse a file with checking switched off entirely.
    const nochecks = findings.filter((finding) => finding.snippet === 'ts-nocheck');
    return nochecks.length > 0 ? { status: 'partial', score: 0.8, evidence, findings: nochecks, metrics } : { ...verdict, evidence, metrics };
  },
});
