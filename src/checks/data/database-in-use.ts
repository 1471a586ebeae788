// Which database the repository uses, if any: the data checks apply only where there is one.
import type { DatabaseFact, IntegrationPresence, IntegrationsFact, ProjectFact } from '../../core/facts.js';

export type DatabaseUse =
  | { inUse: true; integrations: IntegrationPresence[]; evidence: string[] }
  | { inUse: false; reason: string };

/** Document stores have no schema to migrate and no SQL constraints. */
export const DOCUMENT_STORES = new Set(['mongoose', 'mongodb']);

export function databaseInUse(project: ProjectFact, integrations: IntegrationsFact, database: DatabaseFact): DatabaseUse {
  if (project.kind === 'library') return { inUse: false, reason: 'this is a library: the application that uses it owns the database' };
  const used = integrations.found.filter(
    (presence) =>
      (presence.category === 'database' || presence.category === 'orm') &&
      (presence.imports.length > 0 || presence.declared.some((entry) => !entry.dev)),
  );
  const evidence = used.map((presence) => {
    const where = presence.imports[0] ? `imported in ${presence.imports[0].file}:${presence.imports[0].line}` : `${presence.declared[0]?.name} declared in ${presence.declared[0]?.manifest}`;
    return `${presence.title}: ${where}`;
  });
  if (database.schemaFiles.length > 0) evidence.push(`schema: ${database.schemaFiles.join(', ')}`);
  if (used.length === 0 && database.schemaFiles.length === 0 && database.migrationSets.length === 0) {
    return { inUse: false, reason: 'no database found: no database client or ORM among the dependencies or imports, no schema, no migrations' };
  }
  return { inUse: true, integrations: used, evidence };
}

/** Paths whose writes are one-off scripts (seeds, migrations, fixtures) rather than application code paths. */
export function isScriptPath(path: string): boolean {
  return /(^|\/)(seeds?|seeders?|migrations?|scripts?|prisma\/seed|db\/seed)[./]/i.test(path) || /(^|\/)seed\.[cm]?[jt]s$/.test(path);
}
