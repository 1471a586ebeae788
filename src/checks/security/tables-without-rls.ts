// security.tables-without-rls: tables the repository's SQL creates in a schema that Supabase's API
// serves, without `ENABLE ROW LEVEL SECURITY`. Supabase grants the public (anon) key access to such
// tables, so without row-level security anyone who opens the site can read and rewrite every row.
import { lineAt, stripComments } from '../../collectors/schema-columns.js';
import { defineCheck } from '../../core/check.js';
import type { ManifestsFact, RepoTree } from '../../core/facts.js';
import type { FindingInput } from '../../core/types.js';
import { sqlFilesInRunOrder } from '../../util/sql-files.js';

const NAME = String.raw`(?:"(?:[^"]|"")+"|[\w$]+)`;
const QUALIFIED = String.raw`${NAME}(?:\s*\.\s*${NAME})?`;
const LIST = String.raw`${QUALIFIED}(?:\s*,\s*${QUALIFIED})*`;
const ALTER = String.raw`\balter\s+table\s+(?:if\s+exists\s+)?(?:only\s+)?(${QUALIFIED})\s+`;

// Each statement the check follows, in the order it appears; group 1 names the table(s).
const STATEMENTS = {
  create: new RegExp(String.raw`\bcreate\s+(?:(?:global|local)\s+)?(?:(temp|temporary)\s+|unlogged\s+)?table\s+(?:if\s+not\s+exists\s+)?(${QUALIFIED})`, 'gi'),
  rls: new RegExp(String.raw`${ALTER}(?:[^;]*?[\s,])?(enable|disable)\s+row\s+level\s+security`, 'gi'),
  rename: new RegExp(String.raw`${ALTER}rename\s+to\s+(${NAME})`, 'gi'),
  moveSchema: new RegExp(String.raw`${ALTER}set\s+schema\s+(${NAME})`, 'gi'),
  drop: new RegExp(String.raw`\bdrop\s+table\s+(?:if\s+exists\s+)?(${LIST})`, 'gi'),
  revoke: new RegExp(String.raw`\brevoke\s+all\b[^;]*?\bon\s+(?:table\s+)?(${LIST})\s+from\s+([^;]+)`, 'gi'),
  revokeSchema: new RegExp(String.raw`\brevoke\s+all\b[^;]*?\bon\s+all\s+tables\s+in\s+schema\s+(${NAME}(?:\s*,\s*${NAME})*)\s+from\s+([^;]+)`, 'gi'),
  revokeDefault: new RegExp(String.raw`\balter\s+default\s+privileges\b[^;]*?\bin\s+schema\s+(${NAME}(?:\s*,\s*${NAME})*)\s+revoke\s+all\b[^;]*?\bon\s+tables\s+from\s+([^;]+)`, 'gi'),
  grant: new RegExp(String.raw`\bgrant\s+[^;]*?\bon\s+(?:table\s+)?(${LIST})\s+to\s+([^;]+)`, 'gi'),
} as const;

type StatementKind = keyof typeof STATEMENTS;

/** PostgreSQL folds unquoted names to lower case; quoted ones keep their case. */
function sqlName(raw: string): string {
  const trimmed = raw.trim();
  return trimmed.startsWith('"') ? trimmed.slice(1, -1).replace(/""/g, '"') : trimmed.toLowerCase();
}

function splitNames(list: string): string[] {
  return list.match(new RegExp(NAME, 'g')) ?? [];
}

/** `schema.table` with the schema PostgreSQL would use for an unqualified name (`public`). */
function qualified(raw: string): string {
  const parts = splitNames(raw).map(sqlName);
  return parts.length > 1 ? `${parts[0]}.${parts[1]}` : `public.${parts[0]}`;
}

function qualifiedList(raw: string): string[] {
  return raw.split(/\s*,\s*(?=(?:[^"]*"[^"]*")*[^"]*$)/).map(qualified);
}

/** The API's own roles lose access only when both of them are named (or every role, `public`, is not enough: Supabase grants to them directly). */
const revokesApiRoles = (roles: string): boolean => {
  const named = splitNames(roles).map(sqlName);
  return named.includes('anon') && named.includes('authenticated');
};

export interface TableState {
  file: string;
  line: number;
  name: string;
  rls: boolean;
  /** `REVOKE ALL … FROM anon, authenticated`: the API cannot reach it whatever its policies. */
  hiddenFromApi: boolean;
}

export interface RlsReading {
  tables: Map<string, TableState>;
  /** `ENABLE ROW LEVEL SECURITY` written where no table name can be read (a loop, `format('… %I …')`). */
  dynamicRls: { file: string; line: number }[];
}

/** Follows every SQL file in run order: tables created, renamed, moved, dropped, and their RLS switch. */
export function readRowLevelSecurity(files: readonly { path: string; text: string }[]): RlsReading {
  const tables = new Map<string, TableState>();
  const dynamicRls: RlsReading['dynamicRls'] = [];
  const hiddenSchemas = new Set<string>();
  for (const { path, text } of files) {
    const clean = stripComments(text, true);
    const events: { index: number; kind: StatementKind; match: RegExpMatchArray }[] = [];
    for (const kind of Object.keys(STATEMENTS) as StatementKind[]) {
      for (const match of clean.matchAll(STATEMENTS[kind])) events.push({ index: match.index, kind, match });
    }
    events.sort((a, b) => a.index - b.index);
    const staticRls = events.filter((event) => event.kind === 'rls').length;
    const mentions = [...clean.matchAll(/\benable\s+row\s+level\s+security/gi)];
    if (mentions.length > staticRls) {
      const enabledStatically = new Set(events.filter((event) => event.kind === 'rls').map((event) => event.index + event.match[0].length));
      for (const mention of mentions) {
        if (!enabledStatically.has(mention.index + mention[0].length)) dynamicRls.push({ file: path, line: lineAt(clean, mention.index) });
      }
    }
    for (const { index, kind, match } of events) {
      switch (kind) {
        case 'create': {
          const key = qualified(match[2]!);
          if (match[1] || tables.has(key)) break;
          const schema = key.slice(0, key.indexOf('.'));
          tables.set(key, { file: path, line: lineAt(clean, index), name: key, rls: false, hiddenFromApi: hiddenSchemas.has(schema) });
          break;
        }
        case 'rls': {
          const table = tables.get(qualified(match[1]!));
          if (table) table.rls = match[2]!.toLowerCase() === 'enable';
          break;
        }
        case 'rename':
        case 'moveSchema': {
          const from = qualified(match[1]!);
          const table = tables.get(from);
          if (!table) break;
          const [schema, name] = from.split('.') as [string, string];
          const to = kind === 'rename' ? `${schema}.${sqlName(match[2]!)}` : `${sqlName(match[2]!)}.${name}`;
          tables.delete(from);
          tables.set(to, { ...table, name: to });
          break;
        }
        case 'drop':
          for (const key of qualifiedList(match[1]!)) tables.delete(key);
          break;
        case 'revoke':
        case 'grant': {
          const hide = kind === 'revoke' && revokesApiRoles(match[2]!);
          const reopens = kind === 'grant' && splitNames(match[2]!).some((role) => ['anon', 'authenticated', 'public'].includes(sqlName(role)));
          for (const key of qualifiedList(match[1]!)) {
            const table = tables.get(key);
            if (table && hide) table.hiddenFromApi = true;
            if (table && reopens) table.hiddenFromApi = false;
          }
          break;
        }
        case 'revokeSchema':
        case 'revokeDefault': {
          if (!revokesApiRoles(match[2]!)) break;
          const schemas = splitNames(match[1]!).map(sqlName);
          // Revoking on all tables covers those that exist; default privileges, those created later.
          if (kind === 'revokeDefault') for (const schema of schemas) hiddenSchemas.add(schema);
          else for (const table of tables.values()) if (schemas.includes(table.name.slice(0, table.name.indexOf('.')))) table.hiddenFromApi = true;
          break;
        }
      }
    }
  }
  return { tables, dynamicRls };
}

/** Schemas Supabase's API serves: `public` and `graphql_public`, or what `[api] schemas` in supabase/config.toml lists. */
function exposedSchemas(tree: RepoTree): { schemas: Set<string>; source: string } {
  const config = tree.files.find((file) => /(^|\/)supabase\/config\.toml$/.test(file.path))?.path;
  const text = config ? tree.read(config) : null;
  // One key of one TOML table: a parser would be a dependency for a line.
  const api = text ? /^\s*\[api\]\s*$([\s\S]*?)(?=^\s*\[|(?![\s\S]))/m.exec(text)?.[1] : undefined;
  const listed = api ? /^\s*schemas\s*=\s*\[([^\]]*)\]/m.exec(api)?.[1] : undefined;
  if (config && listed !== undefined) {
    return { schemas: new Set([...listed.matchAll(/"([^"]+)"|'([^']+)'/g)].map((match) => (match[1] ?? match[2]!).toLowerCase())), source: `${config} [api] schemas` };
  }
  return { schemas: new Set(['public', 'graphql_public']), source: 'Supabase\'s default API schemas (public)' };
}

/** Why this project's tables are reachable from the browser: a Supabase client package or a Supabase project folder. */
function supabaseEvidence(tree: RepoTree, manifests: ManifestsFact): string | null {
  for (const manifest of manifests.all) {
    const name = Object.keys({ ...manifest.dependencies, ...manifest.devDependencies }).find((dependency) => dependency.startsWith('@supabase/'));
    if (name) return `${manifest.path} declares ${name}`;
  }
  const folder = tree.files.find((file) => /(^|\/)supabase\/(config\.toml$|migrations\/)/.test(file.path));
  return folder ? `Supabase project files (${folder.path})` : null;
}

export const tablesWithoutRlsCheck = defineCheck({
  id: 'security.tables-without-rls',
  area: 'security',
  title: 'Every table Supabase\'s API serves has row-level security on',
  failureTitle: 'Tables served to the browser without row-level security',
  rationale:
    'Supabase serves every table of its API schemas (`public` by default) over HTTP to anyone holding the ' +
    'project\'s public (anon) key, which ships inside the web app. Row-level security is what stops that key ' +
    'from reading and rewriting every row; a table created without it is open to anyone who opens the site. ' +
    'Apps generated by AI builders have leaked their users\' data this way.',
  remediation:
    'In a new migration, run `ALTER TABLE <table> ENABLE ROW LEVEL SECURITY;` for each table listed, then add ' +
    'policies for what the app needs (for example `CREATE POLICY "own rows" ON <table> FOR ALL TO authenticated ' +
    'USING (auth.uid() = user_id) WITH CHECK (auth.uid() = user_id)`). A table only the backend uses can ' +
    'instead move to a schema the API does not serve, or have `REVOKE ALL ON <table> FROM anon, authenticated`.',
  severity: 'high',
  weight: 2,
  effortMinutes: 30,
  requires: ['tree', 'manifests'],
  run({ tree, manifests }) {
    const supabase = supabaseEvidence(tree, manifests);
    if (supabase === null) {
      return { status: 'na', evidence: [], reason: 'no Supabase client or Supabase project files: the database is not served to the browser' };
    }
    const files = sqlFilesInRunOrder(tree).flatMap((path) => {
      const text = tree.read(path);
      return text !== null && /\btable\b/i.test(text) ? [{ path, text }] : [];
    });
    const { schemas, source } = exposedSchemas(tree);
    const { tables, dynamicRls } = readRowLevelSecurity(files);
    const served = [...tables.values()].filter((table) => schemas.has(table.name.slice(0, table.name.indexOf('.'))) && !table.hiddenFromApi);
    const evidence = [supabase, `${served.length} table${served.length === 1 ? '' : 's'} created by the repository's SQL in the schemas the API serves (${source})`];
    if (served.length === 0) {
      return {
        status: 'unknown',
        evidence,
        reason: 'Supabase is used but no SQL file creates a table the API serves (tables made in the dashboard cannot be checked from the repository)',
      };
    }
    const open = served.filter((table) => !table.rls);
    if (open.length === 0) return { status: 'pass', evidence: [...evidence, 'each has ENABLE ROW LEVEL SECURITY'] };
    if (dynamicRls.length > 0) {
      const at = dynamicRls[0]!;
      return {
        status: 'unknown',
        evidence,
        reason: `row-level security is also turned on by statements built at run time (${at.file}:${at.line}), so which of ${open.length} table${open.length === 1 ? '' : 's'} without a plain ALTER TABLE … ENABLE ROW LEVEL SECURITY it covers cannot be read`,
      };
    }
    const findings: FindingInput[] = open.map((table) => ({
      message: `Table \`${table.name}\` is created without row-level security: anyone with the app's public Supabase key can read, change and delete every row.`,
      location: { file: table.file, line: table.line },
      snippet: table.name,
      data: { table: table.name },
    }));
    return { status: 'fail', evidence: [...evidence, `${open.length} without ENABLE ROW LEVEL SECURITY`], findings };
  },
});
