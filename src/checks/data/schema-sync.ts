// data.schema-sync: the schema is not reshaped automatically at start-up or deploy.
import type { SchemaSyncExtract } from '../../analysis/extractors/schema-sync.js';
import { isProductionCode } from '../../collectors/production-code.js';
import { defineCheck } from '../../core/check.js';
import type { FindingInput } from '../../core/types.js';
import { databaseInUse } from './database-in-use.js';

export const schemaSyncCheck = defineCheck({
  id: 'data.schema-sync',
  area: 'data',
  title: 'The schema is never synchronised automatically in production',
  failureTitle: 'The database schema is synchronised automatically on start or deploy',
  rationale:
    'Options like Sequelize `sync({ alter: true })`, TypeORM `synchronize: true`, `prisma db push` and ' +
    '`drizzle-kit push` make the database match the code by altering or dropping tables on the spot. ' +
    'That is convenient on a laptop and dangerous in production: a renamed field becomes a dropped ' +
    'column, with its data, without review and without a way back.',
  remediation:
    'Limit schema synchronisation to development (wrap it in `if (process.env.NODE_ENV !== "production")` ' +
    'or drive the option from the environment), and in start/deploy scripts replace `prisma db push` with ' +
    '`prisma migrate deploy`, `drizzle-kit push` with `drizzle-kit migrate`, and TypeORM `synchronize` ' +
    'with `migrationsRun: true` plus committed migrations.',
  severity: 'critical',
  weight: 3,
  effortMinutes: 45,
  requires: ['project', 'integrations', 'database', 'code'],
  run({ project, integrations, database, code }) {
    const use = databaseInUse(project, integrations, database);
    if (!use.inUse) return { status: 'na', evidence: [], reason: use.reason };
    const findings: FindingInput[] = [];
    const evidence: string[] = [];
    for (const file of code.files) {
      if (!isProductionCode(file)) continue;
      for (const site of (file.extracts['schema-sync'] as SchemaSyncExtract | undefined)?.sites ?? []) {
        if (site.guarded) {
          evidence.push(`${file.path}:${site.line}: ${site.code} (limited by an environment check)`);
          continue;
        }
        findings.push({
          message: `${file.path}:${site.line}: \`${site.code}\` alters the schema on every start, with no environment guard.`,
          location: { file: file.path, line: site.line },
          snippet: site.code,
          blocker: true,
        });
      }
    }
    for (const site of [...database.schemaPush, ...database.synchronizeConfigs]) {
      findings.push({ message: `${site.file}: ${site.detail} on a start/deploy path.`, location: { file: site.file, line: site.line }, snippet: site.detail, blocker: true });
    }
    evidence.push(...findings.map((finding) => finding.message));
    if (findings.length > 0) return { status: 'fail', evidence, findings };
    return { status: 'pass', evidence: evidence.length > 0 ? evidence : ['no schema synchronisation or schema push on a start/deploy path'] };
  },
});
