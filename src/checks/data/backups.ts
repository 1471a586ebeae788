// data.backups: a backup exists (script, schedule or documented procedure) and so does a restore.
import { defineCheck } from '../../core/check.js';
import { MANAGED_DATABASE_INTEGRATIONS } from '../../knowledge/integrations/backups.js';
import { databaseInUse } from './database-in-use.js';

export const backupsCheck = defineCheck({
  id: 'data.backups',
  area: 'data',
  title: 'Database backups and a restore procedure are in place',
  failureTitle: 'No database backup or restore procedure',
  rationale:
    'Data lost to a bad migration, a deleted table or a compromised account is gone for good without a ' +
    'backup. A backup nobody has restored is a hope, not a plan: restores fail on missing extensions, ' +
    'wrong versions, forgotten credentials, and you find out on the worst day. Managed databases usually ' +
    'back up for you, but only within a retention window, and restoring is still your job.',
  remediation:
    'Turn on automated backups (and point-in-time recovery) with your provider, or schedule a dump ' +
    '(`pg_dump`, `mysqldump`, `mongodump`, litestream for SQLite) to storage outside the database host. ' +
    'Then write down the restore procedure in the repository (docs/runbooks/restore.md: where backups ' +
    'are, the exact commands, how long it takes) and rehearse it into a scratch database.',
  severity: 'high',
  weight: 2,
  effortMinutes: 120,
  requires: ['project', 'integrations', 'database'],
  run({ project, integrations, database }) {
    const use = databaseInUse(project, integrations, database);
    if (!use.inUse) return { status: 'na', evidence: [], reason: use.reason };
    const describe = (site: { file: string; line: number; detail: string }) => `${site.file}:${site.line}: ${site.detail}`;
    const backups = database.backups.filter((site) => site.kind !== 'restore-doc');
    const restores = database.backups.filter((site) => site.kind === 'restore-doc');
    const managed = [
      ...database.managedHosts.map(describe),
      ...use.integrations.filter((presence) => MANAGED_DATABASE_INTEGRATIONS[presence.id]).map((presence) => `uses ${MANAGED_DATABASE_INTEGRATIONS[presence.id]} (a managed database)`),
    ];
    const evidence = [...new Set([...backups.map(describe), ...restores.map(describe), ...managed])];
    if ((backups.length > 0 || managed.length > 0) && restores.length > 0) return { status: 'pass', evidence };
    if (backups.length > 0) {
      return {
        status: 'partial',
        score: 0.5,
        evidence,
        findings: [{ message: `Backups are taken (${describe(backups[0]!)}) but no restore procedure is written down.`, location: { file: backups[0]!.file, line: backups[0]!.line }, title: 'Backups without a documented restore', snippet: 'no restore', effortMinutes: 60 }],
      };
    }
    if (managed.length > 0) {
      return {
        status: 'unknown',
        evidence,
        reason:
          'the database is managed by a provider, so provider backups are likely, but the restore is untested and undocumented. ' +
          'Verify by hand: automated backups and point-in-time recovery are on, the retention is long enough, and a restore into a scratch database has been tried and written down',
      };
    }
    if (restores.length > 0) return { status: 'partial', score: 0.5, evidence, findings: [{ message: `A restore is documented (${describe(restores[0]!)}) but nothing shows how backups are taken.`, location: { file: restores[0]!.file, line: restores[0]!.line }, snippet: 'no backup' }] };
    return {
      status: 'fail',
      evidence: [...use.evidence, 'no backup tool, schedule, managed database host or backup/restore documentation found'],
      findings: [{ message: `${use.evidence[0] ?? 'A database is in use'}, but nothing in the repository takes, schedules or documents a backup or a restore.`, location: null, snippet: 'no backups' }],
    };
  },
});
