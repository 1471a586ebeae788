// data.transactions: writes that belong together run in one transaction, and updates computed
// from an earlier read are not left to race.
import type { DataWrite, DataWritesExtract } from '../../analysis/extractors/data-writes.js';
import { isProductionCode } from '../../collectors/production-code.js';
import { defineCheck } from '../../core/check.js';
import { statusOfShare } from './status-of-share.js';
import type { FindingInput } from '../../core/types.js';
import { databaseInUse, isScriptPath } from './database-in-use.js';

/** ORMs whose models are PascalCase classes with static write methods (`User.create`). */
const MODEL_ORMS = new Set(['sequelize', 'mongoose', 'typeorm']);

/** The `if`s around the two writes pin one value to literals they do not share (`type === 'created'` and `type === 'deleted'`). */
function exclusiveGuards(a: DataWrite, b: DataWrite): boolean {
  return a.guards.some((guard) => b.guards.some((other) => other.subject === guard.subject && !other.values.some((value) => guard.values.includes(value))));
}

/**
 * Two writes can run in one call of the function: not in different branches, not under conditions
 * that exclude each other, and the first's path does not exit before the second.
 */
function runTogether(a: DataWrite, b: DataWrite): boolean {
  const [first, second] = a.line <= b.line ? [a, b] : [b, a];
  if (first.exitLine !== null && second.line > first.exitLine) return false;
  if (exclusiveGuards(first, second)) return false;
  const sides = new Map(first.branches.map((key) => [key.slice(0, key.lastIndexOf(':')), key]));
  return !second.branches.some((key) => {
    const other = sides.get(key.slice(0, key.lastIndexOf(':')));
    return other !== undefined && other !== key;
  });
}

export const transactionsCheck = defineCheck({
  id: 'data.transactions',
  area: 'data',
  title: 'Related writes run in transactions',
  failureTitle: 'Related database writes run without a transaction',
  rationale:
    'When one request writes twice (create an order, then its items; debit one account, credit another) ' +
    'and the second write fails, the first stays: the data is now half-changed and nothing says so. A ' +
    'transaction makes the writes succeed or fail together. The same goes for reading a value and ' +
    'writing back a number computed from it: two requests at once both read the old value and one ' +
    'update is lost.',
  remediation:
    'Group the writes of one operation in a transaction: `prisma.$transaction([...])` or ' +
    '`prisma.$transaction(async (tx) => { ... })`, `db.transaction(async (tx) => ...)` (Drizzle, Kysely), ' +
    '`knex.transaction(async (trx) => ...)`, `sequelize.transaction(async (t) => ...)`, ' +
    '`session.withTransaction(...)` (MongoDB), or BEGIN/COMMIT in raw SQL. With Supabase from the browser, ' +
    'move the writes into a Postgres function and call it with `supabase.rpc(...)`. For counters and balances use ' +
    'an atomic update (`{ increment: 1 }`, `$inc`, `SET x = x + 1`) or optimistic locking with a version column.',
  severity: 'high',
  weight: 2,
  effortMinutes: 30,
  requires: ['project', 'integrations', 'database', 'code'],
  run({ project, integrations, database, code }) {
    const use = databaseInUse(project, integrations, database);
    if (!use.inUse) return { status: 'na', evidence: [], reason: use.reason };
    const modelWritesCount = use.integrations.some((presence) => MODEL_ORMS.has(presence.id));
    const groups = new Map<string, { file: string; writes: DataWrite[] }>();
    let total = 0;
    for (const file of code.files) {
      if (!isProductionCode(file) || isScriptPath(file.path)) continue;
      for (const write of (file.extracts['data-writes'] as DataWritesExtract | undefined)?.writes ?? []) {
        if (write.via === 'model' && !modelWritesCount) continue;
        total += 1;
        const key = `${file.path}#${write.functionLine}`;
        const group = groups.get(key) ?? { file: file.path, writes: [] };
        group.writes.push(write);
        groups.set(key, group);
      }
    }
    if (total === 0) {
      return { status: 'unknown', evidence: use.evidence, reason: 'no database writes were recognised in the code (writes through a custom data layer are not followed)' };
    }
    const findings: FindingInput[] = [];
    let needing = 0;
    let safe = 0;
    for (const { file, writes } of groups.values()) {
      const first = writes[0]!;
      const together = writes.filter((write) => writes.some((other) => other !== write && runTogether(write, other)));
      const loose = together.filter((write) => !write.inTransaction);
      if (together.length >= 2) {
        needing += 1;
        if (loose.length === 0) safe += 1;
        else {
          const sites = loose.map((write) => `${write.call} (line ${write.line})`).join(', ');
          findings.push({
            message: `${file}:${first.functionLine}: ${first.function} writes ${together.length} times outside one transaction: ${sites}.`,
            location: { file, line: loose[0]!.line },
            symbol: first.function,
            snippet: loose.map((write) => write.call).join(','),
            data: { function: first.function, writes: loose.map((write) => ({ call: write.call, line: write.line })) },
          });
        }
      }
      for (const write of writes.filter((entry) => entry.raceField && !entry.inTransaction)) {
        needing += 1;
        findings.push({
          title: 'Read-modify-write without a transaction or atomic update',
          message: `${file}:${write.line}: ${write.call} sets \`${write.raceField}\` from a value read earlier; concurrent requests lose updates.`,
          location: { file, line: write.line },
          symbol: write.function,
          snippet: `race:${write.raceField}`,
          data: { function: write.function, field: write.raceField },
        });
      }
    }
    const evidence = [`${total} database write(s) in ${groups.size} function(s); ${needing} place(s) need atomicity, ${safe} of them in a transaction`];
    if (needing === 0) return { status: 'pass', evidence: [...evidence, 'no function writes more than once'] };
    const score = Math.max(0, (needing - findings.length) / needing);
    return { status: findings.length === 0 ? 'pass' : statusOfShare(score), score, evidence, findings };
  },
});
