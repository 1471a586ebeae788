// deps.lockfile-sync: the lockfile agrees with the manifests (every declared registry dependency is
// pinned, at a version its range accepts) and can be read. Presence, several lockfiles and the
// packageManager field are deps.lockfile's business.
import { defineCheck } from '../../core/check.js';
import type { FindingInput } from '../../core/types.js';
import { plural, withoutManifest } from './support.js';

export const lockfileSyncCheck = defineCheck({
  id: 'deps.lockfile-sync',
  area: 'deps',
  title: 'The lockfile matches package.json',
  failureTitle: 'The lockfile disagrees with package.json',
  rationale:
    'A lockfile that no longer matches package.json means someone edited one without the other. A clean ' +
    'install (`npm ci`, `pnpm install --frozen-lockfile`, `yarn install --immutable`) then refuses to run, ' +
    'or — with a plain install — quietly resolves different versions from the ones that were tested. A ' +
    'lockfile that cannot be parsed protects nothing.',
  remediation:
    'Run your package manager\'s install once (`npm install`, `pnpm install`, `yarn install`) so that it ' +
    'rewrites the lockfile from package.json, review the diff, run the tests and commit both files ' +
    'together. In CI, install with the frozen-lockfile command so a mismatch fails the build early.',
  severity: 'medium',
  weight: 1,
  effortMinutes: 10,
  requires: ['manifests', 'installed'],
  run({ manifests, installed }) {
    const na = withoutManifest(manifests);
    if (na) return na;
    const problems = installed.issues.filter((issue) => issue.kind === 'out-of-sync' || issue.kind === 'unparsable');
    const unsupported = installed.issues.find((issue) => issue.kind === 'unsupported');
    if (installed.lockfile === null && problems.length === 0 && unsupported) {
      return { status: 'unknown', evidence: [unsupported.message], reason: `${unsupported.path ?? 'the lockfile'} is in a format shipshape does not read, so it cannot be compared with package.json` };
    }
    if (installed.lockfile === null && problems.length === 0) {
      return { status: 'na', evidence: ['no lockfile was read'], reason: 'there is no lockfile to compare with package.json (deps.lockfile reports its absence)' };
    }
    const pinned = installed.direct.filter((dependency) => dependency.resolvedFrom === 'lockfile').length;
    const evidence = installed.lockfile ? [`${installed.lockfile.path} (${installed.lockfile.format}) pins ${plural(pinned, 'declared dependency')}`] : [];
    if (problems.length === 0) return { status: 'pass', evidence };
    const findings: FindingInput[] = problems.map((issue) => ({
      title: issue.kind === 'unparsable' ? 'Lockfile cannot be read' : undefined,
      message: issue.message,
      location: issue.path ? { file: issue.path } : null,
      severity: issue.kind === 'unparsable' ? 'high' : 'medium',
      snippet: issue.message,
      data: { kind: issue.kind },
    }));
    evidence.push(...problems.slice(0, 5).map((issue) => issue.message));
    const unparsable = problems.some((issue) => issue.kind === 'unparsable');
    const declared = Math.max(1, installed.direct.length);
    return unparsable ? { status: 'fail', evidence, findings } : { status: 'partial', score: Math.max(0, 1 - problems.length / declared), evidence, findings };
  },
});
