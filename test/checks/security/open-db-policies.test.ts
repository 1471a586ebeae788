import { describe, expect, it } from 'vitest';
import { openDbPoliciesCheck, readPolicies } from '../../../src/checks/security/open-db-policies.js';
import { runCheckOn } from '../../helpers/run-check.js';

const migration = (sql: string) => ({ 'supabase/migrations/20251104130915_policies.sql': sql });
const TABLE = 'create table public.crags (id uuid primary key, user_id uuid, name text);\nalter table public.crags enable row level security;\n';

describe('security.open-db-policies', () => {
  it.each([
    ['update by anyone', `${TABLE}CREATE POLICY "Allow upsert" ON public.crags FOR UPDATE TO anon, authenticated USING (true) WITH CHECK (true);`, 'fail', ['high']],
    ['every command, no TO clause (PUBLIC)', `${TABLE}create policy "open" on crags using (true) with check (true);`, 'fail', ['high']],
    ['delete by any signed-in user', `${TABLE}create policy "del" on crags for delete to authenticated using (true);`, 'fail', ['medium']],
    ['inserts by anyone only', `${TABLE}create policy "contact" on crags for insert to anon with check (true);`, 'partial', ['low']],
  ])('%s → %s', async (_name, sql, status, severities) => {
    const result = await runCheckOn(openDbPoliciesCheck, migration(sql));
    expect(result.status).toBe(status);
    expect(result.findings.map((finding) => finding.severity)).toEqual(severities);
  });

  it.each([
    ['public reads', `${TABLE}create policy "read" on crags for select using (true);`],
    ['owner-bound writes', `${TABLE}create policy "own" on crags for update to authenticated using (auth.uid() = user_id) with check (auth.uid() = user_id);`],
    ['writes left to the backend', `${TABLE}create policy "backend" on crags for all to service_role using (true);`],
    ['a restrictive policy', `${TABLE}create policy "narrow" on crags as restrictive for update using (true);`],
    ['an open policy in a comment', `${TABLE}-- create policy "old" on crags for update using (true);\n/* create policy "older" on crags for delete using (true); */\ncreate policy "read" on crags for select using (true);`],
  ])('passes with %s', async (_name, sql) => {
    const result = await runCheckOn(openDbPoliciesCheck, migration(sql));
    expect(result.status).toBe('pass');
    expect(result.findings).toEqual([]);
  });

  it('follows later migrations that drop and replace a policy', async () => {
    const result = await runCheckOn(openDbPoliciesCheck, {
      'supabase/migrations/20250101000000_init.sql': `${TABLE}create policy "Anyone can update" on crags for update using (true);`,
      'supabase/migrations/20250201000000_fix.sql': 'drop policy if exists "Anyone can update" on public.crags;\ncreate policy "Owners update" on crags for update using (auth.uid() = user_id);',
    });
    expect(result.status).toBe('pass');
  });

  it('points at the policy with what it allows', async () => {
    const result = await runCheckOn(openDbPoliciesCheck, migration(`${TABLE}\n-- RLS\nCREATE POLICY "Allow upsert" ON public.crags\n  FOR UPDATE\n  TO anon\n  USING (true);`));
    expect(result.findings[0]).toMatchObject({
      message: 'Policy "Allow upsert" lets anyone with the public key change every row of `crags` (USING (true)).',
      location: { file: 'supabase/migrations/20251104130915_policies.sql', line: 5 },
    });
  });

  it('is not applicable without policies', async () => {
    expect((await runCheckOn(openDbPoliciesCheck, migration(TABLE))).status).toBe('na');
  });

  it('reads names with quotes, schemas and role lists', () => {
    const { created } = readPolicies('x.sql', 'create policy "a ""b""" on "public"."Items" for delete to "anon" , authenticated using ( ( true ) );');
    expect(created).toEqual([
      { file: 'x.sql', line: 1, name: 'a "b"', table: 'items', command: 'delete', roles: ['anon', 'authenticated'], usingTrue: true, checkTrue: false, restrictive: false },
    ]);
  });
});
