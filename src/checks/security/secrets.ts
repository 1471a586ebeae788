// security.secrets: no credential-looking literal is tracked outside templates and test fixtures.
import { createHash } from 'node:crypto';
import { defineCheck } from '../../core/check.js';
import type { FileEntry, RepoTree } from '../../core/facts.js';
import type { FindingInput, Severity } from '../../core/types.js';
import { PROSE_FILE, SECRET_SCAN_EXCLUSIONS } from '../../knowledge/secret-rules.js';
import { maskSecret } from '../../util/mask.js';
import { isFixturePath } from '../../util/paths.js';
import { scanSecrets, type SecretMatch } from './scan-secrets.js';

/** Why a file was left out of the scan, or null when it is scanned. */
function exclusionOf(path: string): string | null {
  if (isFixturePath(path)) return 'test fixture';
  return SECRET_SCAN_EXCLUSIONS.find((exclusion) => exclusion.test(path))?.reason ?? null;
}

/** The identity of a secret for baselines, without the secret: a short hash of it. */
function secretDigest(secret: string): string {
  return createHash('sha256').update(secret).digest('hex').slice(0, 16);
}

interface Located {
  file: FileEntry;
  match: SecretMatch;
}

/** A guess in a document or a comment is usually an illustration; a value not yet committed cannot leak yet. */
function adjusted({ file, match }: Located, tree: RepoTree): { severity: Severity; blocker: boolean; notes: string[] } {
  const notes = match.note ? [match.note] : [];
  let { severity, blocker } = match;
  if (match.rule.confidence === 'generic' && (PROSE_FILE.test(file.path) || match.inComment)) {
    severity = 'low';
    notes.push(`in a ${match.inComment ? 'comment' : 'document'}: check whether it is a real value`);
  }
  if (tree.source === 'git' && !file.tracked) {
    blocker = false;
    notes.push('not committed yet: add the file to .gitignore before it is');
  }
  return { severity, blocker, notes };
}

function findingOf(located: Located, tree: RepoTree): FindingInput {
  const { file, match } = located;
  const { severity, blocker, notes } = adjusted(located, tree);
  const masked = maskSecret(match.secret);
  const where = `${file.path}:${match.line}:${match.column}`;
  const note = notes.length > 0 ? ` (${notes.join('; ')})` : '';
  return {
    title: `${match.rule.description} in ${file.path}`,
    message:
      `${where}: ${match.rule.description} ${masked}${note}. Anyone who can read this repository, or any copy ` +
      'of it, can use it. Revoke it at the provider, issue a new one, and load it from the environment.',
    location: { file: file.path, line: match.line, column: match.column },
    severity,
    blocker,
    snippet: `${match.rule.id}:${secretDigest(match.secret)}`,
    data: { rule: match.rule.id, masked, line: match.line, column: match.column, ...(notes.length > 0 ? { notes } : {}) },
  };
}

function countsByKey(keys: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

export const secretsCheck = defineCheck({
  id: 'security.secrets',
  area: 'security',
  title: 'No credentials committed in the repository',
  failureTitle: 'Credentials are committed in the repository',
  rationale:
    'An API key, token, password or private key written into the code is readable by everyone who can see ' +
    'the repository: every collaborator, every CI service, every laptop with a clone, and the whole world if ' +
    'the repository is ever made public. Bots scan public code for keys within minutes, and a leaked Stripe, ' +
    'cloud or AI key is turned into real charges or a data breach quickly. Deleting the line is not enough: ' +
    'the key stays in the git history. The scan looks for the formats of well-known providers (AWS, Stripe, ' +
    'Clerk, GitHub, GitLab, Google/Gemini, OpenAI, Anthropic, Hugging Face, Replicate, Groq, Slack, Twilio, ' +
    'SendGrid, Mailgun, npm, Supabase, Shopify, DigitalOcean), ' +
    'private key blocks, JSON Web Tokens, database URLs with a password, and random-looking values assigned ' +
    'to names such as API_KEY, SECRET or password. Templates (.env.example), test fixtures and lockfiles are ' +
    'not scanned, and obvious placeholders (your-key-here, xxxx, ${VAR}) are ignored. Values are always shown ' +
    'masked.',
  remediation:
    '1. Treat every reported key as compromised: revoke or rotate it in the provider\'s dashboard now (a new ' +
    'key costs minutes; a leaked one can cost a lot more). ' +
    '2. Move the value into an environment variable (read it with process.env.NAME), put the real value in ' +
    'your hosting platform\'s secret settings or in a local .env file listed in .gitignore, and document the ' +
    'variable name in .env.example with a placeholder. ' +
    '3. If the repository was ever shared or public, remove the value from the git history as well (git ' +
    'filter-repo or BFG), knowing that copies may already exist. ' +
    '4. Add a secret scanner to CI or a pre-commit hook (for example gitleaks) so the next key is stopped ' +
    'before it is pushed. A false alarm (a documented example key) can be silenced by making the placeholder ' +
    'obvious (sk_live_xxxx…) or moving the file under a fixtures folder.',
  severity: 'critical',
  weight: 3,
  effortMinutes: 30,
  requires: ['tree'],
  run({ tree }, ctx) {
    const skipped: string[] = [];
    let scanned = 0;
    const found: Located[] = [];
    for (const file of tree.files) {
      const exclusion = exclusionOf(file.path);
      if (exclusion) {
        skipped.push(exclusion);
        continue;
      }
      const text = tree.read(file.path);
      if (text === null) {
        skipped.push('binary or unreadable');
        continue;
      }
      scanned++;
      for (const match of scanSecrets(file.path, text, { now: ctx.now })) found.push({ file, match });
    }

    const skippedCounts = countsByKey(skipped);
    const skippedText = [...skippedCounts].map(([reason, count]) => plural(count, reason)).join(', ');
    const evidence = [`Scanned ${plural(scanned, 'text file')}${skippedText ? `; not scanned: ${skippedText}` : ''}`];
    const byRule = countsByKey(found.map(({ match }) => match.rule.id));
    const metrics = {
      scannedFiles: scanned,
      skippedFiles: Object.fromEntries(skippedCounts),
      findingsByRule: Object.fromEntries(byRule),
    };
    if (scanned === 0) {
      return { status: 'na', evidence, reason: 'The repository has no text files outside templates and fixtures to scan.', metrics };
    }
    if (found.length === 0) {
      return { status: 'pass', evidence: [...evidence, 'No credential-shaped value found'], metrics };
    }

    for (const [rule, count] of byRule) {
      const files = [...new Set(found.filter(({ match }) => match.rule.id === rule).map(({ file }) => file.path))];
      const shown = files.slice(0, 3).join(', ') + (files.length > 3 ? `, +${files.length - 3} more` : '');
      evidence.push(`${rule}: ${count} in ${plural(files.length, 'file')} (${shown})`);
    }
    const findings = found.map((located) => findingOf(located, tree));
    const onlyLow = findings.every((finding) => finding.severity === 'low' || finding.severity === 'info');
    // Low findings (Stripe test keys, expired tokens, examples in documents) deserve a look, not a fail.
    return onlyLow
      ? { status: 'partial', score: 0.75, evidence, findings, metrics }
      : { status: 'fail', evidence, findings, metrics };
  },
});
