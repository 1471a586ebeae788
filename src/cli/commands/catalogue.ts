// `shipshape checks` and `shipshape explain <id>`: the catalogue and the reasoning behind each check.
import { checks, checksById } from '../../checks/index.js';
import type { AnyCheck } from '../../core/check.js';
import { AREAS } from '../../scoring/policy.js';
import { EXIT, UsageError } from '../errors.js';
import type { CatalogueFlags } from '../options.js';

function defaultsOf(check: AnyCheck): Record<string, unknown> | null {
  return check.optionsSchema ? (check.optionsSchema.parse({}) as Record<string, unknown>) : null;
}

function describe(check: AnyCheck) {
  return {
    id: check.id,
    area: check.area,
    title: check.title,
    failureTitle: check.failureTitle,
    severity: check.severity,
    weight: check.weight,
    effortMinutes: check.effortMinutes,
    rationale: check.rationale,
    remediation: check.remediation,
    requires: [...check.requires],
    options: defaultsOf(check),
  };
}

export function renderCatalogue(format: 'table' | 'json' | 'markdown'): string {
  const sorted = [...checks].sort((a, b) => a.id.localeCompare(b.id));
  if (format === 'json') return `${JSON.stringify(sorted.map(describe), null, 2)}\n`;
  if (format === 'markdown') {
    const out = ['# Checks', '', `shipshape runs ${sorted.length} checks. \`shipshape explain <id>\` prints one of these entries.`, ''];
    for (const check of sorted) {
      const options = defaultsOf(check);
      out.push(
        `## \`${check.id}\` — ${check.title}`,
        '',
        `Area: ${AREAS[check.area].title} · default severity: ${check.severity} · weight: ${check.weight} · typical effort: ${check.effortMinutes} min`,
        '',
        `**Why it matters.** ${check.rationale}`,
        '',
        `**How to fix.** ${check.remediation}`,
        '',
      );
      if (options && Object.keys(options).length > 0) out.push(`Options (defaults): \`${JSON.stringify(options)}\``, '');
    }
    return out.join('\n');
  }
  const idWidth = Math.max(...sorted.map((check) => check.id.length), 2);
  return `${sorted.map((check) => `${check.id.padEnd(idWidth)}  ${check.severity.padEnd(8)}  ${check.title}`).join('\n')}\n`;
}

export function renderExplanation(id: string): string {
  const check = checksById.get(id);
  if (!check) {
    const near = checks.filter((candidate) => candidate.id.startsWith(id.split('.')[0] ?? '') || candidate.id.includes(id));
    const hint = near.length > 0 ? ` Checks nearby: ${near.slice(0, 5).map((c) => c.id).join(', ')}.` : '';
    throw new UsageError(`no check "${id}".${hint} \`shipshape checks\` lists them all.`);
  }
  const options = defaultsOf(check);
  const lines = [
    `${check.id} — ${check.title}`,
    `area: ${AREAS[check.area].title}   severity: ${check.severity}   weight: ${check.weight}   effort: ~${check.effortMinutes} min`,
    `fails as: ${check.failureTitle}`,
    '',
    'Why it matters',
    `  ${check.rationale}`,
    '',
    'How to fix',
    `  ${check.remediation}`,
    '',
    `Evidence it reads: ${check.requires.join(', ')}`,
  ];
  if (options && Object.keys(options).length > 0) {
    lines.push(`Options and defaults (set in shipshape.config.json under checks["${check.id}"].options): ${JSON.stringify(options)}`);
  }
  return `${lines.join('\n')}\n`;
}

export async function checksAction(flags: CatalogueFlags): Promise<number> {
  process.stdout.write(renderCatalogue(flags.format));
  return EXIT.ok;
}

export async function explainAction(id: string): Promise<number> {
  process.stdout.write(renderExplanation(id));
  return EXIT.ok;
}
