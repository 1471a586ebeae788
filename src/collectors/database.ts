// Facts about the database kept in files rather than code: migration sets (and whether each file
// does anything), the schema's unique and required columns (Prisma schema, SQL migrations),
// schema-push commands on a start/deploy path, backup tooling, schedules and restore notes, and
// managed database hosts named in env templates.
import { defineCollector } from '../core/collector.js';
import type { SchemaTablesExtract } from '../analysis/extractors/schema-tables.js';
import type { CodeFact, DatabaseFact, EnvFact, ManifestsFact, MigrationFile, MigrationSet, RepoTree, SchemaField, SiteRef } from '../core/facts.js';
import {
  MIGRATION_LAYOUTS,
  MIGRATION_OPERATION,
  MIGRATION_TOOLS,
  SCHEMA_PUSH_COMMANDS,
  START_OR_DEPLOY_SCRIPTS,
} from '../knowledge/integrations/migrations.js';
import { basename, dirname, isFixturePath } from '../util/paths.js';
import { findBackups, findManagedHosts } from './backup-evidence.js';
import { isProductionCode } from './production-code.js';
import { lineAt, prismaFields, sqlFields, stripComments } from './schema-columns.js';

export function isEmptyMigration(path: string, text: string): boolean {
  const sql = path.endsWith('.sql');
  const body = stripComments(text, sql).trim();
  if (sql) return body.replace(/[;\s]/g, '') === '';
  return !MIGRATION_OPERATION.test(body);
}

function isoDay(year: number, month: number, day: number): string | null {
  if (year < 2000 || year > 2100 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The date a migration's name carries: `20240115093000_init`, `20240115_x`, `1705312345678-Init`, `2024-01-15-x`. */
export function migrationDate(name: string): string | null {
  const compact = /^(\d{4})(\d{2})(\d{2})(\d{6})?(?!\d)/.exec(name) ?? /(?:^|[^\d])(\d{4})(\d{2})(\d{2})\d{6}(?!\d)/.exec(name);
  if (compact) return isoDay(Number(compact[1]), Number(compact[2]), Number(compact[3]));
  const dashed = /(\d{4})[-_.](\d{2})[-_.](\d{2})/.exec(name);
  if (dashed) return isoDay(Number(dashed[1]), Number(dashed[2]), Number(dashed[3]));
  const epoch = /^(\d{13}|\d{10})(?=[-_.])/.exec(name);
  if (epoch) {
    const ms = Number(epoch[1]) * (epoch[1]!.length === 10 ? 1000 : 1);
    const date = new Date(ms);
    return date.getUTCFullYear() >= 2000 && date.getUTCFullYear() <= 2100 ? date.toISOString().slice(0, 10) : null;
  }
  return null;
}

/** Drizzle keeps migration times in `meta/_journal.json` (`entries[].when`, epoch ms, by `tag`). */
function drizzleJournal(tree: RepoTree, dir: string): Map<string, string> {
  const dates = new Map<string, string>();
  const text = tree.read(`${dir}/meta/_journal.json`);
  if (text === null) return dates;
  try {
    const journal = JSON.parse(text) as { entries?: { tag?: unknown; when?: unknown }[] };
    for (const entry of journal.entries ?? []) {
      if (typeof entry.tag === 'string' && typeof entry.when === 'number') dates.set(entry.tag, new Date(entry.when).toISOString().slice(0, 10));
    }
  } catch {
    // A broken journal only costs the dates.
  }
  return dates;
}

function genericTool(manifests: ManifestsFact): string | null {
  const names = new Set(manifests.all.flatMap((manifest) => [...Object.keys(manifest.dependencies), ...Object.keys(manifest.devDependencies)]));
  return MIGRATION_TOOLS.find((entry) => entry.packages.some((name) => names.has(name)))?.tool ?? null;
}

function findMigrationSets(tree: RepoTree, manifests: ManifestsFact): MigrationSet[] {
  const sets = new Map<string, MigrationSet>();
  const drizzleDirs = new Set(tree.files.filter((file) => file.path.endsWith('/meta/_journal.json')).map((file) => dirname(dirname(file.path))));
  const fallbackTool = genericTool(manifests);
  for (const file of tree.files) {
    if (isFixturePath(file.path)) continue;
    let dir: string | null = null;
    let tool = '';
    if (file.path.endsWith('.sql') && drizzleDirs.has(dirname(file.path))) {
      dir = dirname(file.path);
      tool = 'drizzle-kit';
    } else {
      for (const layout of MIGRATION_LAYOUTS) {
        const match = layout.file.exec(file.path);
        if (match) {
          dir = match[1] ?? dirname(file.path);
          tool = layout.tool === 'migrations folder' ? (fallbackTool ?? (file.path.endsWith('.sql') ? 'sql' : 'migration scripts')) : layout.tool;
          break;
        }
      }
    }
    if (dir === null) continue;
    const text = tree.read(file.path);
    const name = file.path.slice(dir.length + 1);
    const set = sets.get(dir) ?? { dir, tool, files: [] };
    sets.set(dir, set);
    const journal = tool === 'drizzle-kit' ? drizzleJournal(tree, dir) : null;
    const entry: MigrationFile = {
      path: file.path,
      tracked: file.tracked,
      empty: text === null ? false : isEmptyMigration(file.path, text),
      date: journal?.get(basename(file.path).replace(/\.sql$/, '')) ?? migrationDate(name),
    };
    set.files.push(entry);
  }
  return [...sets.values()];
}

/** `prisma db push` and friends on a start/deploy script (following one `npm run x` hop) or in a Dockerfile/Procfile. */
function findSchemaPush(tree: RepoTree, manifests: ManifestsFact): SiteRef[] {
  const sites: SiteRef[] = [];
  for (const manifest of manifests.all) {
    for (const [name, command] of Object.entries(manifest.scripts)) {
      if (!START_OR_DEPLOY_SCRIPTS.test(name)) continue;
      const hops = [command, ...[...command.matchAll(/\b(?:npm run|yarn|pnpm(?: run)?|bun run)\s+([\w:.-]+)/g)].map((hop) => manifest.scripts[hop[1]!] ?? '')];
      const push = hops.map((text) => SCHEMA_PUSH_COMMANDS.exec(text)).find(Boolean);
      if (!push) continue;
      const text = tree.read(manifest.path) ?? '';
      const at = text.indexOf(`"${name}"`);
      sites.push({ file: manifest.path, line: at === -1 ? 1 : lineAt(text, at), detail: `script "${name}" runs \`${push[1]}\`` });
    }
  }
  for (const file of tree.files) {
    if (!/(^|\/)(Dockerfile|Containerfile|Procfile|fly\.toml|render\.ya?ml|railway\.(json|toml))$/.test(file.path) || isFixturePath(file.path)) continue;
    const text = tree.read(file.path) ?? '';
    const match = SCHEMA_PUSH_COMMANDS.exec(text);
    if (match) sites.push({ file: file.path, line: lineAt(text, match.index), detail: `runs \`${match[1]}\`` });
  }
  return sites;
}

function findSynchronizeConfigs(tree: RepoTree): SiteRef[] {
  const sites: SiteRef[] = [];
  for (const file of tree.files) {
    if (!/(^|\/)ormconfig\.(json|ya?ml)$/.test(file.path) || isFixturePath(file.path)) continue;
    const text = tree.read(file.path) ?? '';
    const match = /["']?synchronize["']?\s*:\s*true\b/.exec(text);
    if (match) sites.push({ file: file.path, line: lineAt(text, match.index), detail: 'synchronize: true' });
  }
  return sites;
}

/** Columns of tables defined in code (Drizzle tables, Mongoose schemas), from the shared parse. */
function codeFields(code: CodeFact): SchemaField[] {
  return code.files.filter(isProductionCode).flatMap((file) =>
    ((file.extracts['schema-tables'] as SchemaTablesExtract | undefined)?.columns ?? []).map((column) => ({ file: file.path, ...column })),
  );
}

function collectDatabase(tree: RepoTree, manifests: ManifestsFact, env: EnvFact, code: CodeFact): DatabaseFact {
  const migrationSets = findMigrationSets(tree, manifests);
  const schemaFiles: string[] = [];
  const fields: SchemaField[] = [];
  for (const file of tree.files) {
    if (isFixturePath(file.path)) continue;
    if (file.path.endsWith('.prisma')) {
      schemaFiles.push(file.path);
      const text = tree.read(file.path);
      if (text !== null) fields.push(...prismaFields(file.path, text));
    }
  }
  fields.push(...codeFields(code));
  for (const set of migrationSets) {
    for (const file of set.files) {
      if (!file.path.endsWith('.sql')) continue;
      const text = tree.read(file.path);
      if (text !== null) fields.push(...sqlFields(file.path, text));
    }
  }
  return {
    migrationSets,
    schemaFiles,
    fields,
    schemaPush: findSchemaPush(tree, manifests),
    synchronizeConfigs: findSynchronizeConfigs(tree),
    backups: findBackups(tree),
    managedHosts: findManagedHosts(tree, env),
  };
}

export const databaseCollector = defineCollector({
  key: 'database',
  description: 'Migrations, schema constraints, schema-push commands, backup tooling and managed database hosts, from files',
  async collect(_ctx, get) {
    const [tree, manifests, env, code] = await Promise.all([get('tree'), get('manifests'), get('env'), get('code')]);
    return collectDatabase(tree, manifests, env, code);
  },
  metrics(fact) {
    return {
      database: {
        migrationSets: fact.migrationSets.map((set) => ({ dir: set.dir, tool: set.tool, files: set.files.length, empty: set.files.filter((file) => file.empty).length })),
        backupEvidence: fact.backups.length,
      },
    };
  },
});
