// code.prototype-residue: no stubs, fake data or fake latency left in shipping code.
import type { ResidueExtract, ResidueKind } from '../../analysis/extractors/residue.js';
import { defineCheck } from '../../core/check.js';
import type { FindingInput, Severity } from '../../core/types.js';
import { basename, dirname } from '../../util/paths.js';
import { MAX_FINDINGS, noSource, plural, productionFiles } from './shared.js';

const KINDS: Record<ResidueKind | 'abandoned-copy', { severity: Severity; words: string }> = {
  'not-implemented': { severity: 'high', words: 'throws a not-implemented error: a feature that looks present but fails when used' },
  'todo-implement': { severity: 'medium', words: 'a note says the real implementation is still to come' },
  'mock-data': { severity: 'medium', words: 'mock or demo data in shipping code' },
  'lorem-ipsum': { severity: 'low', words: 'placeholder text (lorem ipsum)' },
  'fake-latency': { severity: 'medium', words: 'an artificial delay where data is fetched or saved' },
  'random-id': { severity: 'medium', words: '`Math.random()` used for an identifier: collisions are likely at scale and values are guessable' },
  'commented-out-code': { severity: 'low', words: 'a block of commented-out code' },
  'abandoned-copy': { severity: 'low', words: 'looks like an abandoned copy of' },
};
const WEIGHT: Record<Severity, number> = { info: 0, low: 1, medium: 2, high: 3, critical: 5 };
/** Weighted residue at which the score reaches 0. */
const FAIL_WEIGHT = 20;

/** `*.old.ts`, `*.bak.js`, `* copy.tsx`, `route-original.ts`: names editors and people give to copies. */
const COPY_NAME = /(?:[.\-_ ](?:old|bak|backup|orig|original|copy|tmp)|[ _-]copy(?: ?\d+)?)\.[cm]?[jt]sx?$/i;
/** `Button2.tsx`, `apiV2.ts`, `form-new.ts`, `route 2.ts` (the Finder's duplicate) next to `Button.tsx`, `api.ts`, `form.ts`, `route.ts`. */
const VERSIONED_NAME = /^(.+?)(?:[-_. ]?(?:v?\d+|new|old|final|fixed))(\.[cm]?[jt]sx?)$/i;

function abandonedCopies(paths: ReadonlySet<string>): { file: string; of: string | null }[] {
  const copies: { file: string; of: string | null }[] = [];
  for (const path of paths) {
    const name = basename(path);
    if (COPY_NAME.test(name)) {
      copies.push({ file: path, of: null });
      continue;
    }
    const match = VERSIONED_NAME.exec(name);
    if (!match) continue;
    const dir = dirname(path);
    const original = `${dir === '' ? '' : `${dir}/`}${match[1]}${match[2]}`;
    if (original !== path && paths.has(original)) copies.push({ file: path, of: original });
  }
  return copies;
}

export const prototypeResidueCheck = defineCheck({
  id: 'code.prototype-residue',
  area: 'code',
  title: 'No prototype leftovers in shipping code',
  failureTitle: 'Prototype leftovers remain in shipping code',
  rationale:
    'A prototype is allowed to fake things; a product is not. Functions that throw a not-implemented error, ' +
    'to-do notes promising an implementation later, hard-coded mock users and products, lorem ipsum, `setTimeout` delays that ' +
    'imitate a network, `Math.random()` ids, `Foo2.tsx` next to `Foo.tsx` and large commented-out blocks are ' +
    'the marks of a demo that became the product. Each is a place where the app appears to work but does ' +
    'not really. Test files are not searched.',
  remediation:
    'Go through the list: implement or remove each stub (and hide the feature until it exists); load data ' +
    'from the real source and move sample data into tests or seed scripts; delete artificial delays; ' +
    'generate ids with `crypto.randomUUID()` or let the database assign them; delete abandoned copies and ' +
    'commented-out code (git keeps the history).',
  severity: 'medium',
  weight: 2,
  effortMinutes: 20,
  requires: ['code'],
  run({ code }) {
    const none = noSource(code);
    if (none) return none;
    const files = productionFiles(code);
    const findings: FindingInput[] = [];
    const counts = new Map<string, number>();
    let weight = 0;
    const add = (kind: ResidueKind | 'abandoned-copy', finding: Omit<FindingInput, 'severity'>): void => {
      const { severity } = KINDS[kind];
      counts.set(kind, (counts.get(kind) ?? 0) + 1);
      weight += WEIGHT[severity];
      findings.push({ ...finding, severity });
    };
    for (const file of files) {
      for (const item of (file.extracts['residue'] as ResidueExtract | undefined)?.items ?? []) {
        add(item.kind, {
          message: `${file.path}:${item.line}: ${KINDS[item.kind].words} (${item.text}).`,
          location: { file: file.path, line: item.line },
          snippet: `${item.kind}:${item.text}`,
          data: { kind: item.kind, text: item.text },
        });
      }
    }
    for (const copy of abandonedCopies(new Set(files.map((file) => file.path)))) {
      add('abandoned-copy', {
        message: copy.of ? `${copy.file} ${KINDS['abandoned-copy'].words} ${copy.of}.` : `${copy.file}: its name marks it as an old copy or backup.`,
        location: { file: copy.file },
        snippet: `abandoned-copy:${copy.of ?? ''}`,
        data: { kind: 'abandoned-copy', of: copy.of },
      });
    }
    const evidence = [
      findings.length === 0 ? `no prototype leftovers in ${plural(files.length, 'source file')}` : [...counts].map(([kind, count]) => `${count} ${kind}`).join(', '),
    ];
    if (findings.length === 0) return { status: 'pass', evidence };
    findings.sort((a, b) => WEIGHT[b.severity!] - WEIGHT[a.severity!]);
    const score = Math.max(0, Math.round((1 - weight / FAIL_WEIGHT) * 100) / 100);
    const shown = findings.slice(0, MAX_FINDINGS);
    if (findings.length > MAX_FINDINGS) evidence.push(`${findings.length - MAX_FINDINGS} more not listed as findings`);
    return score === 0 ? { status: 'fail', evidence, findings: shown } : { status: 'partial', score, evidence, findings: shown };
  },
});
