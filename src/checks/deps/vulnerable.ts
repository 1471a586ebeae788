// deps.vulnerable: known advisories affecting any installed package, direct or transitive, with
// the path that pulls it in and the first fixed version. Production packages weigh more than dev.
import { defineCheck } from '../../core/check.js';
import type { Advisory, AdvisorySeverity } from '../../core/facts.js';
import type { FindingInput, Severity } from '../../core/types.js';
import { plural, withoutManifest } from './support.js';

const SEVERITY_OF: Record<AdvisorySeverity, Severity> = { info: 'info', low: 'low', moderate: 'medium', high: 'high', critical: 'critical' };
const PENALTY: Record<AdvisorySeverity, number> = { info: 0, low: 0.1, moderate: 0.25, high: 0.5, critical: 1 };
const DEV_WEIGHT = 0.5;
const SEVERITY_STEPS: readonly Severity[] = ['info', 'low', 'medium', 'high', 'critical'];

function oneLower(severity: Severity): Severity {
  return SEVERITY_STEPS[Math.max(0, SEVERITY_STEPS.indexOf(severity) - 1)]!;
}

export const vulnerableCheck = defineCheck({
  id: 'deps.vulnerable',
  area: 'deps',
  title: 'No known vulnerability affects an installed package',
  failureTitle: 'Installed packages have known vulnerabilities',
  rationale:
    'Published advisories are read by attackers as well as defenders: once a vulnerability in a popular ' +
    'package is public, scanners look for sites that still run it. Most are fixed by a patch or minor ' +
    'update, which makes them the cheapest security work there is. Packages used only in development ' +
    'matter less than the ones that run in production, but they still run on your machines and CI.',
  remediation:
    'For each advisory, upgrade to the first fixed version shown (or later): for a direct dependency, ' +
    '`npm install <name>@<fixed>`; for a transitive one, upgrade the direct dependency on its path, or ' +
    'force the fixed version with `overrides` (npm), `resolutions` (yarn) or `pnpm.overrides`. `npm audit ' +
    'fix` does the safe ones automatically. If no fix exists, read the advisory to see whether your use is ' +
    'affected, and replace the package if it is.',
  severity: 'high',
  weight: 3,
  effortMinutes: 30,
  requires: ['manifests', 'installed', 'advisories'],
  run({ manifests, installed, advisories }) {
    const na = withoutManifest(manifests);
    if (na) return na;
    if (advisories.status === 'unknown') {
      return { status: 'unknown', evidence: [`advisories not checked: ${advisories.reason}`], reason: advisories.reason ?? 'no advisory source answered' };
    }
    const directNames = new Set(installed.direct.map((dependency) => dependency.packageName));
    const findings: FindingInput[] = [];
    let penalty = 0;
    const sorted = [...advisories.advisories].sort((a, b) => PENALTY[b.severity] - PENALTY[a.severity] || a.package.localeCompare(b.package));
    for (const advisory of sorted) {
      const entries = installed.packages.filter((entry) => entry.name === advisory.package && advisory.affected.includes(entry.version));
      const dev = entries.length > 0 && entries.every((entry) => entry.dev);
      const direct = directNames.has(advisory.package);
      const path = installed.paths[advisory.package]?.[0] ?? null;
      penalty += PENALTY[advisory.severity] * (dev ? DEV_WEIGHT : 1);
      findings.push(findingFor(advisory, { dev, direct, path, lockfile: installed.lockfile?.path ?? null }));
    }
    const evidence = [`${plural(advisories.queried, 'installed package version')} checked against ${advisories.source === 'osv' ? 'the offline OSV database' : 'the registry\'s advisories'}`];
    if (findings.length === 0) return { status: 'pass', evidence };
    const counts = SEVERITY_STEPS.map((severity) => [severity, findings.filter((finding) => finding.data?.severity === severity).length] as const);
    const summary = counts.filter(([, count]) => count > 0).map(([severity, count]) => `${count} ${severity}`).join(', ');
    evidence.push(`${findings.length} ${findings.length === 1 ? 'advisory affects' : 'advisories affect'} installed versions (${summary})`);
    const score = Math.max(0, 1 - penalty);
    return { status: score === 0 ? 'fail' : 'partial', score, evidence, findings, metrics: { dependencies: { advisoryCounts: Object.fromEntries(counts) } } };
  },
});

function findingFor(advisory: Advisory, where: { dev: boolean; direct: boolean; path: string[] | null; lockfile: string | null }): FindingInput {
  const severity = SEVERITY_OF[advisory.severity];
  const route = where.direct ? 'a direct dependency' : where.path ? `pulled in by ${where.path.join(' > ')}` : 'a transitive dependency';
  const fix = advisory.firstFixed ? `fixed in ${advisory.firstFixed}` : 'no fixed version is known';
  return {
    title: `${advisory.package}: ${advisory.title}`,
    message: `${advisory.package}@${advisory.affected.join(', ')} (${route}${where.dev ? ', development only' : ''}) is affected by ${advisory.id} "${advisory.title}" (${advisory.severity}, ${advisory.vulnerableVersions}); ${fix}.${advisory.url ? ` ${advisory.url}` : ''}`,
    location: where.lockfile ? { file: where.lockfile } : null,
    severity: where.dev ? oneLower(severity) : severity,
    symbol: advisory.package,
    snippet: advisory.id,
    data: {
      id: advisory.id,
      package: advisory.package,
      severity,
      versions: advisory.affected,
      vulnerableVersions: advisory.vulnerableVersions,
      firstFixed: advisory.firstFixed,
      url: advisory.url,
      direct: where.direct,
      dev: where.dev,
      path: where.path,
    },
  };
}
