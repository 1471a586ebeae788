import { describe, it } from 'vitest';
import { backupsCheck } from '../../../src/checks/data/backups.js';
import { expectCase, expressPrisma, manifest, type Case } from './apps.js';

const app = (files: Record<string, string>) => expressPrisma({ 'prisma/schema.prisma': 'model User {\n  id Int @id\n}\n', ...files });
const BACKUP_WORKFLOW = "name: backup\non:\n  schedule:\n    - cron: '0 3 * * *'\njobs:\n  dump:\n    runs-on: ubuntu-latest\n    steps:\n      - run: pg_dump \"$DATABASE_URL\" | gzip > backup.sql.gz\n";
const RESTORE_DOC = '# Runbook\n\n## Restore the database\n\n1. Download the latest dump from the bucket.\n2. `gunzip -c backup.sql.gz | psql "$DATABASE_URL"`\n3. Check the row counts.\n';

const cases: Case[] = [
  { name: 'a libSQL client named as what was declared', files: { 'package.json': manifest({ next: '^15.0.0', '@libsql/client': '^0.14.0' }) }, status: 'fail', says: ['SQLite or libSQL: @libsql/client declared in package.json'] },
  { name: 'scheduled pg_dump plus a restore runbook', files: app({ '.github/workflows/backup.yml': BACKUP_WORKFLOW, 'docs/runbook.md': RESTORE_DOC }), status: 'pass', says: ['pg_dump, on a schedule', 'section "Restore the database"'] },
  { name: 'scheduled pg_dump without a restore procedure', files: app({ '.github/workflows/backup.yml': BACKUP_WORKFLOW }), status: 'partial', score: 0.5, says: ['no restore procedure is written down'] },
  { name: 'a backup script and pg_restore script', files: app({ 'scripts/backup.sh': '#!/bin/sh\npg_dump -Fc "$DATABASE_URL" > db.dump\n', 'scripts/restore.sh': '#!/bin/sh\npg_restore -d "$DATABASE_URL" db.dump\n' }), status: 'pass' },
  { name: 'litestream replication config with restore notes', files: { 'package.json': manifest({ express: '^4.0.0', 'better-sqlite3': '^9.0.0' }), 'litestream.yml': 'dbs:\n  - path: /data/app.db\n    replicas:\n      - url: s3://bucket/app.db\n', 'README.md': '# App\n\n## Disaster recovery\n\nRestore the database with `litestream restore -o /data/app.db s3://bucket/app.db`.\n' }, status: 'pass' },
  {
    name: 'a "backups" table and a Backups screen are not backups',
    files: app({
      'prisma/schema.prisma': 'model Backup {\n  id Int @id\n  fileUrl String\n}\n',
      'src/app/backups/page.tsx': 'export default function BackupsPage() { return <h1>Backups</h1>; }\n',
      'src/routes/backups.ts': "router.post('/backups', async (req, res) => { await prisma.backup.create({ data: {} }); });\n",
    }),
    status: 'fail',
  },
  { name: 'a README "Backup codes" section about 2FA is not a database backup', files: app({ 'README.md': '# App\n\n## Backup codes\n\nUsers can download two-factor backup codes from settings.\n' }), status: 'fail' },
  { name: 'env template pointing at Supabase: provider backups likely, restore untested', files: app({ '.env.example': 'DATABASE_URL=postgresql://postgres:password@db.abcdefgh.supabase.co:5432/postgres\n' }), status: 'unknown', says: ['DATABASE_URL points at Supabase', 'restore is untested'] },
  { name: 'env template pointing at Neon', files: app({ '.env.example': 'DATABASE_URL="postgres://user:pass@ep-cool-1234.us-east-2.aws.neon.tech/neondb"\n' }), status: 'unknown' },
  { name: 'env template pointing at RDS plus a restore runbook', files: app({ '.env.sample': 'DATABASE_URL=postgres://u:p@mydb.abc123.eu-west-1.rds.amazonaws.com:5432/app\n', 'docs/runbook.md': '## Restoring from a snapshot\n\nRestore the RDS database from the latest automated snapshot in the console, then point DATABASE_URL at it.\n' }), status: 'pass' },
  { name: 'local database in the env template', files: app({ '.env.example': 'DATABASE_URL=postgresql://postgres:postgres@localhost:5432/app\n' }), status: 'fail' },
  { name: 'Supabase client in use counts as a managed database', files: { 'package.json': manifest({ next: '^14.0.0', '@supabase/supabase-js': '^2.0.0' }) }, status: 'unknown' },
  { name: 'no database', files: { 'package.json': manifest({ express: '^4.0.0' }) }, status: 'na', says: ['no database found'] },
];

describe('data.backups', () => {
  it.each(cases)('$name', (testCase) => expectCase(backupsCheck, testCase).then(() => undefined));
});
