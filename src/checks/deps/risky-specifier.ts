// deps.risky-specifier: dependency specifiers that let an install pick up anything: `*`, dist-tags
// such as `latest`, ranges without an upper bound, git and URL sources, local files.
import semver from 'semver';
import { defineCheck } from '../../core/check.js';
import type { DirectDependency, SpecifierKind } from '../../core/facts.js';
import type { FindingInput, Severity } from '../../core/types.js';
import { labelOf, locationOf, plural, withoutManifest } from './support.js';

interface Risk {
  severity: Severity;
  why: string;
}

const FULL_COMMIT = /#[0-9a-f]{40}$/i;

/** Kinds that are risky whatever their text; ranges and git sources need a closer look. */
const KIND_RISKS: Partial<Record<SpecifierKind, Risk>> = {
  tag: { severity: 'medium', why: 'a dist-tag installs whatever is published under it next' },
  url: { severity: 'medium', why: 'a tarball URL is not checked against the registry and can change or disappear' },
  file: { severity: 'low', why: 'a local path works only where that folder exists' },
  invalid: { severity: 'medium', why: 'the specifier is not a valid version, range or source' },
};

function unbounded(range: string): boolean {
  try {
    // A comparator set without `<`/`<=` (and not pinned by `=`) accepts every future major.
    return new semver.Range(range).set.some((set) => set.every((comparator) => comparator.operator === '>' || comparator.operator === '>=' || comparator.value === ''));
  } catch {
    return false;
  }
}

function riskOf(dependency: DirectDependency): Risk | null {
  const kindRisk = KIND_RISKS[dependency.specifierKind];
  if (kindRisk) return kindRisk;
  const range = dependency.specifierKind === 'alias' ? dependency.range.replace(/^npm:.+@/, '') : dependency.range;
  if (dependency.specifierKind === 'git') {
    return FULL_COMMIT.test(dependency.range)
      ? { severity: 'low', why: 'a git source pinned to a commit bypasses the registry and its integrity checks' }
      : { severity: 'medium', why: 'a git source without a pinned commit installs whatever the branch holds at install time' };
  }
  if ((dependency.specifierKind === 'range' || dependency.specifierKind === 'alias') && unbounded(range)) {
    return { severity: 'medium', why: range.trim() === '*' || range.trim() === '' ? '`*` accepts any version, including future majors' : 'a range without an upper bound accepts future majors' };
  }
  return null;
}

export const riskySpecifierCheck = defineCheck({
  id: 'deps.risky-specifier',
  area: 'deps',
  title: 'Dependency versions are pinned to safe ranges',
  failureTitle: 'Dependencies with specifiers that accept anything',
  rationale:
    'A specifier such as `*`, `latest` or `>=2` lets the next install pick up a new major version, with ' +
    'breaking changes, without anyone deciding to; a git branch or a URL changes under you and skips the ' +
    'registry\'s integrity checks. The lockfile hides this until it is regenerated, and then the app ' +
    'breaks on a change nobody made.',
  remediation:
    'Replace each listed specifier with a caret range on the version you use today (`npm install ' +
    '<name>@^<version>`). For git dependencies, publish the package (privately if needed) or pin a full ' +
    'commit hash; for local paths inside a monorepo, use your package manager\'s `workspace:` protocol.',
  severity: 'medium',
  weight: 1,
  effortMinutes: 10,
  requires: ['manifests', 'installed'],
  run({ manifests, installed }) {
    const na = withoutManifest(manifests);
    if (na) return na;
    const declared = installed.direct.filter((dependency) => dependency.type !== 'peerDependencies');
    const findings: FindingInput[] = [];
    for (const dependency of declared) {
      const risk = riskOf(dependency);
      if (!risk) continue;
      findings.push({
        message: `${labelOf(dependency)}: ${risk.why}.`,
        location: locationOf(dependency),
        severity: risk.severity,
        symbol: `${dependency.workspace}:${dependency.name}`,
        snippet: dependency.range,
        data: { name: dependency.name, specifier: dependency.range, kind: dependency.specifierKind },
      });
    }
    const evidence = [`${plural(declared.length, 'declared dependency')} in ${plural(manifests.all.length, 'manifest')}`];
    if (findings.length === 0) return { status: 'pass', evidence };
    evidence.push(`risky: ${findings.map((finding) => `${(finding.data as { name: string }).name}@${finding.snippet}`).join(', ')}`);
    const weight = findings.reduce((sum, finding) => sum + (finding.severity === 'medium' ? 1 : 0.3), 0);
    return { status: 'partial', score: Math.max(0, 1 - 0.15 * weight), evidence, findings };
  },
});
