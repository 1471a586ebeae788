// Where migration tools keep their migrations, and what a migration that does something contains.

export interface MigrationLayout {
  tool: string;
  /** Matches a migration file; the first capture group is the set's folder. */
  file: RegExp;
}

/** Checked in order; a file belongs to the first layout that matches it. */
export const MIGRATION_LAYOUTS: readonly MigrationLayout[] = [
  { tool: 'prisma', file: /^((?:.*\/)?migrations)\/[^/]+\/migration\.sql$/ },
  { tool: 'supabase', file: /^((?:.*\/)?supabase\/migrations)\/[^/]+\.sql$/ },
  { tool: 'rails-style', file: /^((?:.*\/)?db\/migrate)\/[^/]+\.(?:sql|[cm]?[jt]s)$/ },
  { tool: 'migrations folder', file: /^((?:.*\/)?(?:migrations|migration|db-migrations|sql-migrations))\/[^/]+\.(?:sql|[cm]?[jt]s)$/ },
  { tool: 'flyway', file: /^((?:.*\/)?(?:db|sql|database)(?:\/[^/]+)?)\/V\d+(?:_\d+)*__[^/]+\.sql$/ },
];

/** Which dependency names tell the tool behind a generic migrations folder. */
export const MIGRATION_TOOLS: readonly { tool: string; packages: string[] }[] = [
  { tool: 'drizzle-kit', packages: ['drizzle-kit'] },
  { tool: 'knex', packages: ['knex'] },
  { tool: 'typeorm', packages: ['typeorm'] },
  { tool: 'sequelize', packages: ['sequelize-cli', 'sequelize', 'umzug'] },
  { tool: 'kysely', packages: ['kysely'] },
  { tool: 'node-pg-migrate', packages: ['node-pg-migrate'] },
  { tool: 'db-migrate', packages: ['db-migrate'] },
  { tool: 'migrate-mongo', packages: ['migrate-mongo'] },
  { tool: 'dbmate', packages: ['dbmate'] },
];

/** A code migration that does something calls one of these (the parameters alone do not count). */
export const MIGRATION_OPERATION =
  /(createTable|alterTable|dropTable|renameTable|addColumn|removeColumn|changeColumn|renameColumn|addIndex|removeIndex|createIndex|dropIndex|addConstraint|schema\.|\.raw\(|\.query\(|sql`|\.execute\(|queryRunner\.|queryInterface\.|knex\.|pgm\.|db\.(?:schema|exec|run|query|collection)|createCollection|\bCREATE\s|\bALTER\s|\bDROP\s|\bINSERT\s|\bUPDATE\s)/;

/** Schema-push commands that reshape a database without a migration. */
export const SCHEMA_PUSH_COMMANDS = /\b(prisma\s+db\s+push|drizzle-kit\s+push(?::\w+)?|typeorm(?:-ts-node-\w+)?\s+schema:sync|sequelize\s+db:sync)\b/;

/** Scripts that run when the app starts or deploys (as opposed to a developer's `db:push`). */
export const START_OR_DEPLOY_SCRIPTS = /^(start|prestart|poststart|start:prod|serve|build|prebuild|postbuild|vercel-build|heroku-postbuild|render-build|deploy|predeploy|release|postinstall|migrate:deploy)$/;
