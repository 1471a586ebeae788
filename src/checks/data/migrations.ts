// data.migrations: a versioned, non-empty migration set exists for the database in use.
import { defineCheck } from '../../core/check.js';
import type { FindingInput } from '../../core/types.js';
import { databaseInUse, DOCUMENT_STORES } from './database-in-use.js';

export const migrationsCheck = defineCheck({
  id: 'data.migrations',
  area: 'data',
  title: 'Schema changes are kept as versioned migrations',
  failureTitle: 'No versioned migrations for the database schema',
  rationale:
    'Migrations are the history of your database schema, kept in git next to the code that needs it. ' +
    'Without them the production schema is whatever someone last clicked or pushed: a new environment ' +
    'cannot be rebuilt, a teammate cannot tell what changed, and a bad change cannot be reviewed or ' +
    'undone. Empty placeholder files do not count: they record nothing.',
  remediation:
    'Generate migrations with the tool that matches your ORM and commit them: `npx prisma migrate dev ' +
    '--name init` (Prisma), `npx drizzle-kit generate` (Drizzle), `npx knex migrate:make init` (knex), ' +
    '`npx typeorm migration:generate` (TypeORM), `npx sequelize-cli migration:generate` (Sequelize), ' +
    '`supabase db diff -f init` (Supabase). Apply them in deploys with the matching deploy command ' +
    '(`prisma migrate deploy`, `drizzle-kit migrate`, …) instead of pushing the schema, and delete empty ' +
    'placeholder migrations.',
  severity: 'high',
  weight: 3,
  effortMinutes: 60,
  requires: ['project', 'integrations', 'database', 'tree'],
  run({ project, integrations, database, tree }) {
    const use = databaseInUse(project, integrations, database);
    if (!use.inUse) return { status: 'na', evidence: [], reason: use.reason };
    const sets = database.migrationSets;
    const relational = use.integrations.filter((presence) => !DOCUMENT_STORES.has(presence.id));
    if (sets.length === 0 && relational.length === 0 && database.schemaFiles.length === 0) {
      return {
        status: 'na',
        evidence: use.evidence,
        reason: 'the only database is a document store (MongoDB), which has no schema for migrations to version',
      };
    }
    const evidence = [...use.evidence];
    const findings: FindingInput[] = [];
    let newest: string | null = null;
    let usable = 0;
    let untracked = 0;
    for (const set of sets) {
      const full = set.files.filter((file) => !file.empty);
      const tracked = full.filter((file) => file.tracked || tree.source !== 'git');
      untracked += full.length - tracked.length;
      usable += tracked.length;
      const dates = full.map((file) => file.date).filter((date): date is string => date !== null).sort();
      const last = dates[dates.length - 1] ?? null;
      if (last && (!newest || last > newest)) newest = last;
      const empty = set.files.length - full.length;
      evidence.push(`${set.dir}: ${set.files.length} migration file(s) (${set.tool})${empty ? `, ${empty} empty` : ''}${last ? `, newest ${last}` : ''}`);
      for (const file of set.files.filter((entry) => entry.empty)) {
        findings.push({
          message: `${file.path} is an empty migration: it holds no statement, so it versions nothing.`,
          location: { file: file.path },
          severity: 'low',
          title: 'Empty migration file',
          snippet: 'empty migration',
          effortMinutes: 5,
        });
      }
      for (const file of full.filter((entry) => !entry.tracked && tree.source === 'git')) {
        findings.push({ message: `${file.path} is not committed to git.`, location: { file: file.path }, snippet: 'untracked migration', effortMinutes: 5 });
      }
    }
    const metrics = { migrationFiles: sets.reduce((sum, set) => sum + set.files.length, 0), usableMigrations: usable, newestMigration: newest };
    if (usable > 0) return { status: 'pass', evidence, findings, metrics };
    const schema = database.schemaFiles[0];
    let message: string;
    if (sets.length === 0) {
      message = schema
        ? `${schema} defines the schema but there is no migrations folder: the database is probably changed with a schema push.`
        : `${use.evidence[0] ?? 'A database is in use'}, but no migration files were found.`;
    } else if (untracked > 0) message = `Migration files exist but none is committed to git (${untracked} untracked).`;
    else message = `Every migration file is empty (${sets.map((set) => set.dir).join(', ')}).`;
    findings.unshift({ message, location: schema ? { file: schema } : sets[0] ? { file: sets[0].dir } : null, snippet: 'no usable migrations' });
    return { status: 'fail', evidence, findings, metrics };
  },
});
