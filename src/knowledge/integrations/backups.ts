// What counts as a database backup, a schedule for one and a documented restore. Words like
// "backup" in application code (a `backups` table, a "Backups" screen) are deliberately not here.

export const BACKUP_TOOLS: readonly { id: string; pattern: RegExp }[] = [
  { id: 'pg_dump', pattern: /\bpg_dump(all)?\b/ },
  { id: 'pg_basebackup', pattern: /\bpg_basebackup\b/ },
  { id: 'mysqldump', pattern: /\b(mysqldump|mariadb-dump|mydumper|xtrabackup)\b/ },
  { id: 'mongodump', pattern: /\bmongodump\b/ },
  { id: 'litestream', pattern: /\blitestream\s+replicate\b|^\s*dbs:\s*$/m },
  { id: 'wal-g', pattern: /\bwal-g\b/ },
  { id: 'pgbackrest', pattern: /\bpgbackrest\b/ },
  { id: 'restic', pattern: /\brestic\s+(backup|-r)\b/ },
  { id: 'borg', pattern: /\bborg\s+create\b/ },
  { id: 'barman', pattern: /\bbarman\s+backup\b/ },
  { id: 'sqlite .backup', pattern: /\bsqlite3\b[^\n]*\.backup\b/ },
  { id: 'cloud snapshot', pattern: /\b(aws\s+rds\s+create-db-(cluster-)?snapshot|gcloud\s+sql\s+backups\s+create|az\s+postgres\s+[\w-]+\s+backup|supabase\s+db\s+dump|neonctl\s+branches\s+create)\b/ },
];

export const RESTORE_TOOLS = /\b(pg_restore|mongorestore|litestream\s+restore|wal-g\s+backup-fetch|pgbackrest\s+restore|restic\s+restore|borg\s+extract|mysql\s+[^\n]*<\s*\S+\.sql|psql\s+[^\n]*(<|-f)\s*\S+\.(sql|dump))\b/;

/** Schedules: a cron expression, a Kubernetes CronJob, a CI `schedule` trigger. */
export const SCHEDULE_MARKERS = /kind:\s*CronJob|(^|\n)\s*-?\s*cron:\s*['"]?[\d*]|(^|\n)\s*schedule:\s*['"]?[\d*@]|(^|\n)([\d*/,-]+\s+){4}[\d*/,-]+\s+\S/;

/** Documentation headings that describe backing up or restoring the database. */
export const BACKUP_HEADING = /^#{1,6}\s.*\b(backups?|backing up|snapshots?|disaster recovery|point[- ]in[- ]time)\b/im;
export const RESTORE_HEADING = /^#{1,6}\s.*\b(restor(e|es|ing)|recovery|disaster recovery)\b/im;
/** A backup section must talk about the database to count (not a "Backup codes" 2FA section). */
export const DATABASE_WORDS = /\b(database|db|postgres(ql)?|mysql|mongo(db)?|sqlite|dump|snapshot|pitr|point[- ]in[- ]time|supabase|neon|rds)\b/i;

/** Hosts of managed databases, whose provider usually takes backups (restore still untested). */
export const MANAGED_DATABASE_HOSTS: readonly { provider: string; pattern: RegExp }[] = [
  { provider: 'Supabase', pattern: /[\w.-]*\.supabase\.(co|com)\b/ },
  { provider: 'Neon', pattern: /[\w.-]*\.neon\.tech\b/ },
  { provider: 'Amazon RDS', pattern: /[\w.-]*\.rds\.amazonaws\.com\b/ },
  { provider: 'PlanetScale', pattern: /[\w.-]*\.(psdb\.cloud|connect\.psdb\.cloud)\b|planetscale/ },
  { provider: 'MongoDB Atlas', pattern: /[\w.-]*\.mongodb\.net\b/ },
  { provider: 'Render Postgres', pattern: /dpg-[\w-]+(\.[\w-]+)?\.render\.com\b/ },
  { provider: 'Railway', pattern: /[\w.-]*\.(railway\.app|rlwy\.net|proxy\.rlwy\.net)\b/ },
  { provider: 'CockroachDB Cloud', pattern: /[\w.-]*\.cockroachlabs\.cloud\b/ },
  { provider: 'Aiven', pattern: /[\w.-]*\.aivencloud\.com\b/ },
  { provider: 'Turso', pattern: /[\w.-]*\.turso\.io\b/ },
  { provider: 'Azure Database', pattern: /[\w.-]*\.(postgres|mysql)\.database\.azure\.com\b/ },
  { provider: 'DigitalOcean Managed Database', pattern: /[\w.-]*\.db\.ondigitalocean\.com\b/ },
  { provider: 'Timescale Cloud', pattern: /[\w.-]*\.tsdb\.cloud\.timescale\.com\b/ },
  { provider: 'Xata', pattern: /[\w.-]*\.xata\.sh\b/ },
];

/** Integrations that are themselves managed databases. */
export const MANAGED_DATABASE_INTEGRATIONS: Readonly<Record<string, string>> = { supabase: 'Supabase', neon: 'Neon' };
