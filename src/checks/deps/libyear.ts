// deps.libyear: how old the installed versions are, as the time between each installed release and
// the latest stable one ("libyears"), per dependency and in total.
import { z } from 'zod';
import { defineCheck } from '../../core/check.js';
import type { FindingInput } from '../../core/types.js';
import { labelOf, locationOf, passIfCovered, pinnedRegistryDependencies, plural, withoutManifest, yearsBetween } from './support.js';
import { latestStable } from './versions.js';

const optionsSchema = z.object({
  /** Average libyears per dependency at which the check stops passing. */
  maxAverage: z.number().positive().default(1),
  /** A single dependency this many libyears behind gets its own finding. */
  perDependency: z.number().positive().default(2),
});

export const libyearCheck = defineCheck({
  id: 'deps.libyear',
  area: 'deps',
  title: 'Dependencies are reasonably fresh (libyear)',
  failureTitle: 'Dependencies have drifted years behind (libyear)',
  rationale:
    '"Libyear" measures drift in time rather than version numbers: for each dependency, how long before ' +
    'the newest release the installed one came out. A total of 10 libyears over 20 packages means the ' +
    'code runs on libraries that are, on average, half a year out of date; the longer the drift, the ' +
    'harder and riskier the catch-up, and the more known bugs stay in production.',
  remediation:
    'Start with the dependencies listed as the furthest behind. Update minors and patches in one batch ' +
    '(`npm update`, then run the tests), then plan the majors with the upgrade plan. Keep the figure low ' +
    'with a weekly update routine or a bot such as Renovate or Dependabot.',
  severity: 'low',
  weight: 1,
  effortMinutes: 30,
  requires: ['manifests', 'installed', 'registry'],
  optionsSchema,
  run({ manifests, installed, registry }, { options }) {
    const na = withoutManifest(manifests);
    if (na) return na;
    const lookup = pinnedRegistryDependencies(installed, registry);
    if ('outcome' in lookup) return lookup.outcome;
    const { dependencies, split, gaps } = lookup;

    const rows: { label: string; years: number; dependency: (typeof dependencies)[number]; latest: string }[] = [];
    let undated = 0;
    for (const { dependency, info } of split.known) {
      const latest = latestStable(info);
      const years = latest && dependency.installed ? yearsBetween(info.time[dependency.installed], info.time[latest]) : null;
      if (years === null || latest === null) undated += 1;
      else rows.push({ label: labelOf(dependency), years, dependency, latest });
    }
    if (rows.length === 0) return { status: 'unknown', evidence: gaps.evidence, reason: 'the registry gave no publish dates for the installed versions' };
    const total = Math.round(rows.reduce((sum, row) => sum + row.years, 0) * 100) / 100;
    const average = total / rows.length;
    const worst = [...rows].sort((a, b) => b.years - a.years);
    const evidence = [
      `${total} libyears over ${plural(rows.length, 'dependency')} (average ${average.toFixed(2)})`,
      ...worst.slice(0, 3).filter((row) => row.years > 0).map((row) => `${row.label}: ${row.years} libyears`),
      ...(undated > 0 ? [`${plural(undated, 'dependency')} without publish dates for the installed or latest version`] : []),
      ...gaps.evidence,
    ];
    const metrics = { dependencies: { libyears: total } };
    const findings: FindingInput[] = worst
      .filter((row) => row.years >= options.perDependency)
      .map((row) => ({
        message: `${row.label} is ${row.years} libyears behind: ${row.dependency.installed} was released that long before ${row.latest}.`,
        location: locationOf(row.dependency),
        symbol: `${row.dependency.workspace}:${row.dependency.name}`,
        data: { name: row.dependency.name, libyear: row.years, installed: row.dependency.installed, latest: row.latest },
      }));
    if (average <= options.maxAverage) return passIfCovered({ status: 'pass', evidence, findings, metrics }, split);
    return { status: 'partial', score: Math.max(0, Math.min(1, options.maxAverage / average)), evidence, findings, metrics };
  },
});
