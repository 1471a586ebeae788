// security.open-db-policies: row-level-security policies in the repository's SQL that let any caller
// change every row (`USING (true)`). With Supabase (and PostgREST in general) the browser talks to the
// database with a public key, so such a policy is the whole access control for that table.
import { lineAt, stripComments } from '../../collectors/schema-columns.js';
import { defineCheck } from '../../core/check.js';
import type { RepoTree } from '../../core/facts.js';
import type { FindingInput, Severity } from '../../core/types.js';
import { sqlFilesInRunOrder } from '../../util/sql-files.js';

export interface PolicyStatement {
  file: string;
  line: number;
  name: string;
  table: string;
  command: 'all' | 'select' | 'insert' | 'update' | 'delete';
  /** Lower-cased roles after `TO`; empty when the clause is missing (PostgreSQL then means PUBLIC). */
  roles: string[];
  usingTrue: boolean;
  checkTrue: boolean;
  /** A restrictive policy narrows the permissive ones; `true` there grants nothing. */
  restrictive: boolean;
}

const CREATE_POLICY =
  /create\s+policy\s+("(?:[^"]|"")+"|[\w$]+)\s+on\s+([\w."`]+)((?:(?!;)[\s\S])*?);/gi;
const DROP_POLICY = /drop\s+policy\s+(?:if\s+exists\s+)?("(?:[^"]|"")+"|[\w$]+)\s+on\s+([\w."`]+)/gi;
const TRUE_USING = /\busing\s*\(\s*\(?\s*true\s*\)?\s*\)/i;
const TRUE_CHECK = /\bwith\s+check\s*\(\s*\(?\s*true\s*\)?\s*\)/i;

const unquote = (name: string): string => name.replace(/^"|"$/g, '').replace(/""/g, '"');
const tableName = (raw: string): string => raw.replace(/["`]/g, '').split('.').pop()!.toLowerCase();

/** Policies a SQL file creates, and the ones it drops (`table.name`). */
export function readPolicies(file: string, text: string): { created: PolicyStatement[]; dropped: string[] } {
  const clean = stripComments(text, true);
  const created: PolicyStatement[] = [];
  for (const match of clean.matchAll(CREATE_POLICY)) {
    const rest = match[3]!;
    const command = /\bfor\s+(all|select|insert|update|delete)\b/i.exec(rest)?.[1]?.toLowerCase() as PolicyStatement['command'] | undefined;
    const roles = /\bto\s+([\w\s,"]+?)(?=\s+(?:using|with)\b|\s*$)/i.exec(rest)?.[1];
    created.push({
      file,
      line: lineAt(clean, match.index),
      name: unquote(match[1]!),
      table: tableName(match[2]!),
      command: command ?? 'all',
      roles: roles ? roles.split(',').map((role) => unquote(role.trim()).toLowerCase()).filter(Boolean) : [],
      usingTrue: TRUE_USING.test(rest),
      checkTrue: TRUE_CHECK.test(rest),
      restrictive: /\bas\s+restrictive\b/i.test(rest),
    });
  }
  const dropped = [...clean.matchAll(DROP_POLICY)].map((match) => `${tableName(match[2]!)}.${unquote(match[1]!)}`);
  return { created, dropped };
}

/** The policies still in force after every file has run: a later DROP POLICY removes an earlier one. */
function policiesInForce(tree: RepoTree): PolicyStatement[] {
  const live = new Map<string, PolicyStatement>();
  for (const file of sqlFilesInRunOrder(tree)) {
    const text = tree.read(file);
    if (text === null || !/create\s+policy|drop\s+policy/i.test(text)) continue;
    const { created, dropped } = readPolicies(file, text);
    // Within a file a policy is usually dropped first and then created again: drops apply first.
    for (const key of dropped) live.delete(key);
    for (const policy of created) live.set(`${policy.table}.${policy.name}`, policy);
  }
  return [...live.values()];
}

type Audience = 'anyone' | 'signed-in' | null;

function audienceOf(policy: PolicyStatement): Audience {
  if (policy.roles.length === 0 || policy.roles.some((role) => role === 'anon' || role === 'public')) return 'anyone';
  return policy.roles.includes('authenticated') ? 'signed-in' : null;
}

/** What the policy opens to every row: changing or removing existing rows, or adding any row. */
function openWrite(policy: PolicyStatement): 'change' | 'insert' | null {
  if (policy.restrictive) return null;
  const changes = policy.command === 'all' || policy.command === 'update' || policy.command === 'delete';
  if (changes && policy.usingTrue) return 'change';
  if ((policy.command === 'insert' || policy.command === 'all') && policy.checkTrue) return 'insert';
  return null;
}

const VERB: Record<PolicyStatement['command'], string> = {
  all: 'read, change and delete',
  update: 'change',
  delete: 'delete',
  insert: 'add',
  select: 'read',
};

export const openDbPoliciesCheck = defineCheck({
  id: 'security.open-db-policies',
  area: 'security',
  title: 'Row-level-security policies restrict who may change which rows',
  failureTitle: 'Database policies let any caller change every row',
  rationale:
    'With Supabase, Firebase-style backends and PostgREST, the browser talks to the database directly with ' +
    'a public key, and row-level-security policies are the only thing deciding who may change which rows. ' +
    'A policy written as `USING (true)` for updates or deletes lets anyone who opens the site rewrite or ' +
    'wipe the table, and AI assistants often write such policies to make an error go away.',
  remediation:
    'Tie each write policy to the row\'s owner, for example `USING (auth.uid() = user_id) WITH CHECK ' +
    '(auth.uid() = user_id)`, or to a role (`TO service_role`) when only the backend should write. Keep ' +
    '`USING (true)` for reading public data only. Change it in a new migration (`DROP POLICY …; CREATE ' +
    'POLICY …`) and test it with the anon key.',
  severity: 'high',
  weight: 2,
  effortMinutes: 30,
  requires: ['tree'],
  run({ tree }) {
    const policies = policiesInForce(tree);
    if (policies.length === 0) {
      return { status: 'na', evidence: [], reason: 'no row-level-security policies (CREATE POLICY) in the repository\'s SQL files' };
    }
    const findings: FindingInput[] = [];
    for (const policy of policies) {
      const audience = audienceOf(policy);
      const write = openWrite(policy);
      if (audience === null || write === null) continue;
      const who = audience === 'anyone' ? 'anyone with the public key' : 'any signed-in user';
      // Adding rows is how sign-up and contact forms work; changing or deleting anyone's rows is not.
      const severity: Severity = write === 'insert' ? 'low' : audience === 'anyone' ? 'high' : 'medium';
      const action = write === 'insert' ? 'add any row to' : `${VERB[policy.command]} every row of`;
      findings.push({
        message: `Policy "${policy.name}" lets ${who} ${action} \`${policy.table}\` (${write === 'insert' ? 'WITH CHECK (true)' : 'USING (true)'}).`,
        location: { file: policy.file, line: policy.line },
        severity,
        snippet: `${policy.table}.${policy.name}`,
        data: { table: policy.table, policy: policy.name, command: policy.command, roles: policy.roles },
      });
    }
    const evidence = [`${policies.length} row-level-security polic${policies.length === 1 ? 'y' : 'ies'} in force in the repository's SQL`];
    if (findings.length === 0) return { status: 'pass', evidence: [...evidence, 'none lets every caller change every row'] };
    const serious = findings.filter((finding) => finding.severity !== 'low').length;
    evidence.push(`${findings.length} open to every row (${serious} for changes or deletes)`);
    if (serious === 0) return { status: 'partial', score: 0.8, evidence, findings };
    return { status: 'fail', evidence, findings };
  },
});
