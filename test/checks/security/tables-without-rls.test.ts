import { describe, expect, it } from 'vitest';
import { readRowLevelSecurity, tablesWithoutRlsCheck } from '../../../src/checks/security/tables-without-rls.js';
import { runCheckOn } from '../../helpers/run-check.js';

const MANIFEST = JSON.stringify({ name: 'app', dependencies: { '@supabase/supabase-js': '^2.45.0' } });
const repo = (migrations: Record<string, string>, extra: Record<string, string> = {}) => ({ 'package.json': MANIFEST, ...migrations, ...extra });
const one = (sql: string) => repo({ 'supabase/migrations/20250101000000_init.sql': sql });

const tablesOf = (sql: string) =>
  Object.fromEntries([...readRowLevelSecurity([{ path: 'a.sql', text: sql }]).tables.values()].map((table) => [table.name, { rls: table.rls, hidden: table.hiddenFromApi }]));

describe('security.tables-without-rls', () => {
  it('reports each served table created without row-level security, at its CREATE TABLE', async () => {
    const result = await runCheckOn(
      tablesWithoutRlsCheck,
      one('-- tickets\ncreate table public.events (id uuid primary key);\nalter table public.events enable row level security;\n\nCREATE TABLE IF NOT EXISTS "Tickets" (\n  id uuid primary key\n);\ncreate table orders (id int);\n'),
    );
    expect(result.status).toBe('fail');
    expect(result.findings.map((finding) => [finding.location?.line, finding.data])).toEqual([
      [5, { table: 'public.Tickets' }],
      [8, { table: 'public.orders' }],
    ]);
    expect(result.findings[0]!.severity).toBe('high');
    expect(result.findings[0]!.message).toContain('anyone with the app\'s public Supabase key');
  });

  it.each([
    ['RLS enabled in a later migration', { 'supabase/migrations/20250101000000_init.sql': 'create table todos (id int);', 'supabase/migrations/20250102000000_rls.sql': 'ALTER TABLE ONLY public.todos ENABLE ROW LEVEL SECURITY;' }],
    ['RLS enabled among other actions', { 'supabase/migrations/1_init.sql': 'create table todos (id int);\nalter table todos add column done boolean, enable row level security;' }],
    ['a table in a schema the API does not serve', { 'supabase/migrations/1_init.sql': 'create schema private;\ncreate table private.jobs (id int);\ncreate table public.todos (id int);\nalter table public.todos enable row level security;' }],
    ['a temporary table', { 'supabase/migrations/1_init.sql': 'create temp table scratch (id int);\ncreate table todos (id int);\nalter table todos enable row level security;' }],
    ['a dropped table', { 'supabase/migrations/1_init.sql': 'create table old_todos (id int);\ncreate table todos (id int);\nalter table todos enable row level security;', 'supabase/migrations/2_drop.sql': 'drop table if exists public.old_todos, other;' }],
    ['a table the API roles lost access to', { 'supabase/migrations/1_init.sql': 'create table audit_log (id int);\nrevoke all on table audit_log from anon, authenticated;\ncreate table todos (id int);\nalter table todos enable row level security;' }],
    ['a table moved out of the served schema', { 'supabase/migrations/1_init.sql': 'create table jobs (id int);\nalter table jobs set schema internal;\ncreate table todos (id int);\nalter table todos enable row level security;' }],
    ['a CREATE TABLE in a comment', { 'supabase/migrations/1_init.sql': '-- create table todos_v0 (id int);\n/* create table drafts (id int); */\ncreate table todos (id int);\nalter table todos enable row level security;' }],
  ])('passes with %s', async (_name, migrations) => {
    const result = await runCheckOn(tablesWithoutRlsCheck, repo(migrations));
    expect(result.findings).toEqual([]);
    expect(result.status).toBe('pass');
  });

  it('follows renames: RLS enabled on the new name counts', async () => {
    const result = await runCheckOn(tablesWithoutRlsCheck, one('create table todo (id int);\nalter table todo rename to todos;\nalter table todos enable row level security;'));
    expect(result.status).toBe('pass');
  });

  it('a later DISABLE turns it off again', async () => {
    const result = await runCheckOn(tablesWithoutRlsCheck, one('create table todos (id int);\nalter table todos enable row level security;\nalter table todos disable row level security;'));
    expect(result.findings.map((finding) => finding.data)).toEqual([{ table: 'public.todos' }]);
  });

  it('is unknown, not failing, when RLS is also turned on by statements built at run time', async () => {
    const result = await runCheckOn(
      tablesWithoutRlsCheck,
      one("create table todos (id int);\ndo $$ declare t text; begin\n  for t in select tablename from pg_tables where schemaname = 'public' loop\n    execute format('alter table %I enable row level security', t);\n  end loop;\nend $$;"),
    );
    expect(result.status).toBe('unknown');
    expect(result.reason).toContain('supabase/migrations/20250101000000_init.sql:4');
  });

  it('reads the served schemas from supabase/config.toml', async () => {
    const config = '[db]\nport = 54322\n\n[api]\nenabled = true\nschemas = ["public", "api"]\n\n[auth]\nsite_url = "http://localhost:3000"\n';
    const result = await runCheckOn(tablesWithoutRlsCheck, repo({ 'supabase/migrations/1_init.sql': 'create table api.orders (id int);\ncreate table internal.jobs (id int);' }, { 'supabase/config.toml': config }));
    expect(result.findings.map((finding) => finding.data)).toEqual([{ table: 'api.orders' }]);
  });

  it('is not applicable without Supabase, and unknown when Supabase has no tables in the repository', async () => {
    const plain = await runCheckOn(tablesWithoutRlsCheck, { 'package.json': JSON.stringify({ name: 'app', dependencies: { pg: '^8.0.0' } }), 'db/init.sql': 'create table todos (id int);' });
    expect(plain.status).toBe('na');
    const dashboardOnly = await runCheckOn(tablesWithoutRlsCheck, { 'package.json': MANIFEST, 'src/db.ts': 'export {};' });
    expect(dashboardOnly.status).toBe('unknown');
  });

  it('counts a Supabase project folder as Supabase even without the client package', async () => {
    const result = await runCheckOn(tablesWithoutRlsCheck, { 'supabase/migrations/1_init.sql': 'create table todos (id int);' });
    expect(result.status).toBe('fail');
  });

  it('reads quoted names, schemas and lists', () => {
    expect(
      tablesOf('create table "Public"."A b" (id int);\ncreate table public.c (id int); create table d (id int);\nrevoke all privileges on "Public"."A b", c from "anon", authenticated;\nrevoke all on d from anon;'),
    ).toEqual({
      'Public.A b': { rls: false, hidden: true },
      'public.c': { rls: false, hidden: true },
      // Revoking from anon alone leaves signed-in users the whole table.
      'public.d': { rls: false, hidden: false },
    });
  });

  it('follows default privileges and grants that give access back', () => {
    expect(
      tablesOf('alter default privileges in schema public revoke all on tables from anon, authenticated;\ncreate table a (id int);\ncreate table b (id int);\ngrant select on b to anon;'),
    ).toEqual({ 'public.a': { rls: false, hidden: true }, 'public.b': { rls: false, hidden: false } });
  });
});
