// What committed credentials look like, as data: one rule per provider format (in the spirit of
// gitleaks' rule set), plus two generic rules for secret-named assignments of random-looking values.
// The scanner in src/checks/security/scan-secrets.ts runs them; adding a provider is one entry here.
import type { Severity } from '../core/types.js';
import { basename, isSourceFile } from '../util/paths.js';

export interface SecretMatchGroups {
  /** The credential itself. */
  secret: string;
  /** The random part of it (without a fixed prefix) when the pattern names one. */
  body: string;
  /** Every named group of the pattern that matched. */
  groups: Readonly<Record<string, string | undefined>>;
}

export interface VerifyContext {
  now: Date;
  /** The whole text of the file the match is in. */
  text: string;
}

/** A rule's second look at a match: `null` drops it, an object may downgrade it and explain why. */
export interface SecretVerdict {
  severity?: Severity;
  blocker?: boolean;
  note?: string;
}

export interface SecretRule {
  id: string;
  /** Names the credential for a reader: "Stripe live secret key". */
  description: string;
  /**
   * Literal strings (compared case-insensitively) of which at least one must occur for the rule to
   * run: on the same line for `scope: 'line'`, anywhere in the file for `scope: 'file'`, as the last
   * word of the assigned name for `scope: 'name'` (the pattern is then tried once, where that name
   * starts; `apiKey` and `API_KEY` qualify, `keyboard`, `apiKeyId` and `key.length` do not).
   */
  keywords: readonly string[];
  scope: 'line' | 'file' | 'name';
  /** Must name the credential with a `secret` group; a `body` group marks its random part. */
  pattern: RegExp;
  /** Shannon entropy (bits per character) the body must reach. */
  minEntropy?: number;
  severity: Severity;
  /** A working credential that anyone reading the repository could use right away. */
  blocker: boolean;
  /**
   * `provider`: a format with a fixed, documented prefix or structure (high confidence).
   * `generic`: a secret-looking assignment (a guess; downgraded in prose documents).
   */
  confidence: 'provider' | 'generic';
  /** Whether the body is tested against the placeholder words and shapes (default true). */
  checkPlaceholder?: boolean;
  /** Generic assignments: `name = value`; in source code the value must be a string literal. */
  assignment?: boolean;
  verify?(match: SecretMatchGroups, context: VerifyContext): SecretVerdict | null;
}

// ---------------------------------------------------------------------------------------------
// Verifiers: facts about the formats that a regular expression cannot express.

function decodeBase64UrlJson(segment: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

interface DecodedJwt {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
}

/** A JWT is only a JWT when its header is JSON naming a signing algorithm. */
function decodeJwt(token: string): DecodedJwt | null {
  const [headerPart, payloadPart] = token.split('.');
  if (headerPart === undefined || payloadPart === undefined) return null;
  const header = decodeBase64UrlJson(headerPart);
  if (!header || typeof header.alg !== 'string') return null;
  const payload = decodeBase64UrlJson(payloadPart);
  return payload ? { header, payload } : null;
}

function verifySupabaseServiceRole(match: SecretMatchGroups): SecretVerdict | null {
  const jwt = decodeJwt(match.secret);
  return jwt?.payload.role === 'service_role' ? {} : null;
}

/** Public-by-design tokens (Supabase `anon` keys) are dropped; expired ones are only worth a note. */
function verifyJwt(match: SecretMatchGroups, context: VerifyContext): SecretVerdict | null {
  const jwt = decodeJwt(match.secret);
  if (!jwt) return null;
  if (jwt.payload.role === 'anon' || isPlaceholder(JSON.stringify(jwt.payload))) return null;
  const exp = jwt.payload.exp;
  if (typeof exp === 'number' && exp * 1000 < context.now.getTime()) {
    return { severity: 'low', note: `expired ${new Date(exp * 1000).toISOString().slice(0, 10)}` };
  }
  return {};
}

const BASE64_CHARS = /[A-Za-z0-9+/=]/g;

/**
 * A key block needs a body of real key material: documentation shows `-----BEGIN PRIVATE KEY-----
 * ... -----END PRIVATE KEY-----` with nothing (or a placeholder) between the lines.
 */
function verifyPrivateKey(match: SecretMatchGroups): SecretVerdict | null {
  const body = match.body.replace(/\\[nr]/g, '').replace(/^[A-Za-z-]+: .*$/gm, '');
  const material = (body.match(BASE64_CHARS) ?? []).join('');
  if (material.length < 64 || shannonEntropy(material) < 4.5) return null;
  const encrypted = /ENCRYPTED/.test(match.groups.kind ?? '') || /Proc-Type: 4,ENCRYPTED/.test(match.body);
  return encrypted ? { severity: 'high', blocker: false, note: 'encrypted: usable only with its passphrase' } : {};
}

const FIREBASE_CONFIG = /firebase|authDomain/i;

/**
 * A Google key beside a Firebase web config is public by design (it ships in every page); it still
 * needs restricting to your domains, but it is no leak. Gemini and Maps keys are billable secrets.
 */
function verifyGoogleApiKey(_match: SecretMatchGroups, context: VerifyContext): SecretVerdict {
  return FIREBASE_CONFIG.test(context.text)
    ? { severity: 'low', note: 'looks like a Firebase web key, public by design: restrict it to your domains in the Google Cloud console' }
    : {};
}

/** Hosts that only exist on a developer's machine or inside a compose network. */
const LOCAL_HOST = /^(localhost|127\.\d+\.\d+\.\d+|0\.0\.0\.0|\[::1\]|host\.docker\.internal|[^.]+)$/i;

/** Passwords that images and tutorials use by default: not a leak of anything. */
const DEFAULT_DATABASE_PASSWORDS = new Set([
  'password',
  'pass',
  'passwd',
  'secret',
  'postgres',
  'mysql',
  'root',
  'admin',
  'guest',
  'user',
  'mysecretpassword',
  'pw',
  'pwd',
]);

function verifyDatabaseUrl(match: SecretMatchGroups): SecretVerdict | null {
  const host = (match.groups.host ?? '').replace(/:\d+$/, '');
  if (LOCAL_HOST.test(host)) return null;
  // `u:p@`, `x:y@`: too short to be anything but a stand-in.
  if (match.secret.length < 4) return null;
  if (DEFAULT_DATABASE_PASSWORDS.has(match.secret.toLowerCase())) return null;
  return {};
}

/** Splits `stripeSecretKey`, `STRIPE_SECRET_KEY`, `stripe-secret.key` into lower-case words. */
function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
}

/** Last words that make a name hold a secret. */
const SECRET_NAME_WORDS = new Set(['secret', 'token', 'key', 'apikey', 'secretkey', 'credential', 'credentials']);
const PASSWORD_NAME_WORDS = new Set(['password', 'passwd', 'pwd', 'passphrase']);

/** Words before `key`/`token` that make it something other than a credential. */
const NON_SECRET_QUALIFIERS = new Set([
  'public',
  'publishable',
  'pub',
  'site',
  'anon',
  'primary',
  'foreign',
  'sort',
  'partition',
  'cache',
  'storage',
  'idempotency',
  'i18n',
  'translation',
  'query',
  'hot',
  'react',
  'map',
  'object',
  'lookup',
  'dedupe',
  'unique',
  'row',
  'index',
  'page',
  'next',
  'cancel',
  'cancellation',
  'continuation',
  'design',
  'color',
  'search',
]);

/** Publishable keys (Stripe `pk_live_…`, Mapbox `pk.…`) are meant for the browser. */
const PUBLIC_VALUE = /^pk[_.]/;

/** Values that are names, paths, URLs or code rather than random material. */
const NOT_RANDOM = [
  /:\/\//,
  /^\.{0,2}\//,
  /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/,
  /^[a-z]+(?:[A-Z][a-z]+)+$/,
  /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+$/,
  /[(){}[\]<>]/,
];

function longestRun(value: string): number {
  let longest = 0;
  for (const run of value.split(/[-_.:/\s]+/)) longest = Math.max(longest, run.length);
  return longest;
}

function verifyAssignment(
  match: SecretMatchGroups,
  lastWords: ReadonlySet<string>,
  minRun: number,
): SecretVerdict | null {
  const words = nameWords((match.groups.name ?? '').split('.').pop() ?? '');
  const last = words[words.length - 1];
  if (last === undefined || !lastWords.has(last)) return null;
  const qualifier = words[words.length - 2];
  if ((last === 'key' || last === 'token') && (qualifier === undefined || NON_SECRET_QUALIFIERS.has(qualifier))) return null;
  if (qualifier !== undefined && NON_SECRET_QUALIFIERS.has(qualifier) && last === 'secret') return null;
  const value = match.secret;
  if (PUBLIC_VALUE.test(value) || NOT_RANDOM.some((pattern) => pattern.test(value))) return null;
  if (!/[0-9]/.test(value) || !/[A-Za-z]/.test(value)) return null;
  if (longestRun(value) < minRun) return null;
  return {};
}

// ---------------------------------------------------------------------------------------------

/** Shannon entropy in bits per character: ~4–6 for random keys, ~2–3.5 for words and names. */
export function shannonEntropy(value: string): number {
  if (value.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const char of value) counts.set(char, (counts.get(char) ?? 0) + 1);
  let entropy = 0;
  for (const count of counts.values()) {
    const p = count / value.length;
    entropy -= p * Math.log2(p);
  }
  return entropy;
}

// The name side of a generic assignment: an identifier, a dotted path or a quoted key, then an
// optional `: string` annotation, then the operator.
// The name starts where an identifier starts (the look-behind spares the engine a try at every
// character inside one).
const ASSIGNED = String.raw`(?<![\w$.-])(?<name>[A-Za-z_$][\w$.-]{0,100})["']?\s*(?::\s*string\s*)?(?::=|=>|\?\?=|=|:)\s*`;
const VALUE = (min: number): string => String.raw`(?<q>["'\x60]?)(?<secret>[^\s"'\x60\\]{${min},300})\k<q>`;

const JWT = String.raw`(?<![A-Za-z0-9_-])(?<secret>eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{16,})(?![A-Za-z0-9_-])`;

/** Most specific first: where two rules match the same text, the earlier one reports it. */
export const SECRET_RULES: readonly SecretRule[] = [
  {
    id: 'private-key',
    description: 'Private key',
    keywords: ['PRIVATE KEY'],
    scope: 'file',
    pattern:
      /(?<secret>-----BEGIN (?<kind>[A-Z0-9 ]{0,40}?)PRIVATE KEY(?: BLOCK)?-----(?<body>[\s\S]{0,20000}?)-----END [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----)/,
    severity: 'critical',
    blocker: true,
    confidence: 'provider',
    checkPlaceholder: false,
    verify: verifyPrivateKey,
  },
  {
    id: 'aws-access-key-id',
    description: 'AWS access key ID',
    keywords: ['AKIA', 'ASIA', 'ABIA', 'ACCA', 'A3T'],
    scope: 'line',
    pattern: /(?<![A-Za-z0-9])(?<secret>(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z2-7]{16})(?![A-Za-z0-9])/,
    minEntropy: 3,
    severity: 'high',
    blocker: false,
    confidence: 'provider',
  },
  {
    id: 'aws-secret-access-key',
    description: 'AWS secret access key',
    keywords: ['secret'],
    scope: 'line',
    pattern:
      /(?<name>aws[\w.-]{0,20}secret[\w.-]{0,20}|secret[_-]?access[_-]?key)["']?\s*(?::=|=>|=|:)\s*["'\x60]?(?<secret>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])/i,
    minEntropy: 4,
    severity: 'critical',
    blocker: true,
    confidence: 'provider',
  },
  {
    id: 'stripe-live-secret-key',
    description: 'Live secret key (Stripe, Clerk)',
    keywords: ['sk_live_', 'rk_live_'],
    scope: 'line',
    pattern: /(?<![A-Za-z0-9_])(?<secret>[sr]k_live_(?<body>[A-Za-z0-9]{20,247}))(?![A-Za-z0-9])/,
    minEntropy: 3.5,
    severity: 'critical',
    blocker: true,
    confidence: 'provider',
  },
  {
    id: 'stripe-test-secret-key',
    description: 'Test-mode secret key (Stripe, Clerk): no real money or users, but it controls your test account',
    keywords: ['sk_test_', 'rk_test_'],
    scope: 'line',
    pattern: /(?<![A-Za-z0-9_])(?<secret>[sr]k_test_(?<body>[A-Za-z0-9]{20,247}))(?![A-Za-z0-9])/,
    minEntropy: 3.5,
    severity: 'low',
    blocker: false,
    confidence: 'provider',
  },
  {
    id: 'stripe-webhook-secret',
    description: 'Stripe webhook signing secret (lets anyone forge payment events)',
    keywords: ['whsec_'],
    scope: 'line',
    pattern: /(?<![A-Za-z0-9_])(?<secret>whsec_(?<body>[A-Za-z0-9+/=]{24,}))(?![A-Za-z0-9])/,
    minEntropy: 3.5,
    severity: 'critical',
    blocker: true,
    confidence: 'provider',
  },
  {
    id: 'github-token',
    description: 'GitHub token',
    keywords: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'],
    scope: 'line',
    pattern: /(?<![A-Za-z0-9_])(?<secret>gh[pousr]_(?<body>[A-Za-z0-9]{36,251}))(?![A-Za-z0-9_])/,
    minEntropy: 3.5,
    severity: 'critical',
    blocker: true,
    confidence: 'provider',
  },
  {
    id: 'github-fine-grained-token',
    description: 'GitHub fine-grained personal access token',
    keywords: ['github_pat_'],
    scope: 'line',
    pattern: /(?<![A-Za-z0-9_])(?<secret>github_pat_(?<body>[A-Za-z0-9_]{50,255}))(?![A-Za-z0-9_])/,
    minEntropy: 3.5,
    severity: 'critical',
    blocker: true,
    confidence: 'provider',
  },
  {
    id: 'gitlab-token',
    description: 'GitLab personal access token',
    keywords: ['glpat-'],
    scope: 'line',
    pattern: /(?<![A-Za-z0-9_-])(?<secret>glpat-(?<body>[A-Za-z0-9_-]{20,}))(?![A-Za-z0-9_-])/,
    minEntropy: 3.5,
    severity: 'critical',
    blocker: true,
    confidence: 'provider',
  },
  {
    id: 'anthropic-api-key',
    description: 'Anthropic API key',
    keywords: ['sk-ant-'],
    scope: 'line',
    pattern: /(?<![A-Za-z0-9_-])(?<secret>sk-ant-[a-z]{2,10}\d{0,3}-(?<body>[A-Za-z0-9_-]{32,}))(?![A-Za-z0-9_-])/,
    minEntropy: 4,
    severity: 'critical',
    blocker: true,
    confidence: 'provider',
  },
  {
    id: 'openai-api-key',
    description: 'OpenAI API key',
    keywords: ['sk-proj-', 'sk-svcacct-', 'sk-admin-', 'T3BlbkFJ'],
    scope: 'line',
    pattern:
      /(?<![A-Za-z0-9_-])(?<secret>sk-(?:(?:proj|svcacct|admin)-(?<body>[A-Za-z0-9_-]{20,})|[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}))(?![A-Za-z0-9_-])/,
    minEntropy: 4,
    severity: 'critical',
    blocker: true,
    confidence: 'provider',
  },
  {
    id: 'huggingface-token',
    description: 'Hugging Face access token',
    keywords: ['hf_'],
    scope: 'line',
    pattern: /(?<![A-Za-z0-9_])(?<secret>hf_(?<body>[A-Za-z]{34}))(?![A-Za-z0-9_])/,
    minEntropy: 3.5,
    severity: 'critical',
    blocker: true,
    confidence: 'provider',
  },
  {
    id: 'replicate-token',
    description: 'Replicate API token',
    keywords: ['r8_'],
    scope: 'line',
    pattern: /(?<![A-Za-z0-9_])(?<secret>r8_(?<body>[A-Za-z0-9]{37}))(?![A-Za-z0-9_])/,
    minEntropy: 3.5,
    severity: 'critical',
    blocker: true,
    confidence: 'provider',
  },
  {
    id: 'groq-api-key',
    description: 'Groq API key',
    keywords: ['gsk_'],
    scope: 'line',
    pattern: /(?<![A-Za-z0-9_])(?<secret>gsk_(?<body>[A-Za-z0-9]{48,}))(?![A-Za-z0-9_])/,
    minEntropy: 4,
    severity: 'critical',
    blocker: true,
    confidence: 'provider',
  },
  {
    id: 'shopify-token',
    description: 'Shopify access token or shared secret',
    keywords: ['shpat_', 'shpca_', 'shppa_', 'shpss_'],
    scope: 'line',
    pattern: /(?<![A-Za-z0-9_])(?<secret>shp(?:at|ca|pa|ss)_(?<body>[a-fA-F0-9]{32}))(?![A-Za-z0-9_])/,
    minEntropy: 3,
    severity: 'critical',
    blocker: true,
    confidence: 'provider',
  },
  {
    id: 'digitalocean-token',
    description: 'DigitalOcean token',
    keywords: ['dop_v1_', 'doo_v1_', 'dor_v1_'],
    scope: 'line',
    pattern: /(?<![A-Za-z0-9_])(?<secret>do[opr]_v1_(?<body>[a-f0-9]{64}))(?![A-Za-z0-9_])/,
    minEntropy: 3,
    severity: 'critical',
    blocker: true,
    confidence: 'provider',
  },
  {
    id: 'google-api-key',
    description: 'Google API key (Gemini, Maps, Firebase…)',
    keywords: ['AIza'],
    scope: 'line',
    pattern: /(?<![A-Za-z0-9_-])(?<secret>AIza(?<body>[0-9A-Za-z_-]{35}))(?![A-Za-z0-9_-])/,
    minEntropy: 3.5,
    // The format cannot tell a billable Gemini or Maps key from a public Firebase web key: high,
    // not a blocker, and low next to a Firebase config.
    severity: 'high',
    blocker: false,
    confidence: 'provider',
    verify: verifyGoogleApiKey,
  },
  {
    id: 'slack-token',
    description: 'Slack token',
    keywords: ['xoxb-', 'xoxa-', 'xoxp-', 'xoxr-', 'xoxs-', 'xoxe-'],
    scope: 'line',
    pattern: /(?<![A-Za-z0-9_-])(?<secret>xox[abeprs]-(?<body>[0-9A-Za-z-]{10,250}))(?![A-Za-z0-9_-])/,
    minEntropy: 3,
    severity: 'critical',
    blocker: true,
    confidence: 'provider',
  },
  {
    id: 'slack-webhook',
    description: 'Slack incoming webhook URL',
    keywords: ['hooks.slack.com'],
    scope: 'line',
    pattern: /hooks\.slack\.com\/(?:services|workflows|triggers)\/(?<secret>T[A-Za-z0-9_]{6,}\/[A-Za-z0-9_]{6,}\/[A-Za-z0-9_]{16,})/,
    minEntropy: 3.5,
    severity: 'high',
    blocker: false,
    confidence: 'provider',
  },
  {
    id: 'twilio-api-key',
    description: 'Twilio API key',
    keywords: ['twilio'],
    scope: 'file',
    pattern: /(?<![A-Za-z0-9])(?<secret>SK(?<body>[0-9a-fA-F]{32}))(?![A-Za-z0-9])/,
    minEntropy: 3,
    severity: 'critical',
    blocker: true,
    confidence: 'provider',
  },
  {
    id: 'twilio-auth-token',
    description: 'Twilio auth token',
    keywords: ['twilio'],
    scope: 'line',
    pattern:
      /(?<name>twilio[\w.-]{0,30}(?:auth|token|secret)[\w.-]{0,20})["']?\s*(?::=|=>|=|:)\s*["'\x60]?(?<secret>[0-9a-f]{32})(?![0-9a-f])/i,
    minEntropy: 3,
    severity: 'critical',
    blocker: true,
    confidence: 'provider',
  },
  {
    id: 'sendgrid-api-key',
    description: 'SendGrid API key',
    keywords: ['SG.'],
    scope: 'line',
    pattern: /(?<![A-Za-z0-9_-])(?<secret>SG\.(?<body>[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}))(?![A-Za-z0-9_-])/,
    minEntropy: 4,
    severity: 'critical',
    blocker: true,
    confidence: 'provider',
  },
  {
    id: 'mailgun-api-key',
    description: 'Mailgun private API key',
    keywords: ['key-'],
    scope: 'line',
    pattern: /(?<![A-Za-z0-9_-])(?<secret>key-(?<body>[0-9a-f]{32}))(?![A-Za-z0-9_-])/,
    minEntropy: 3,
    severity: 'critical',
    blocker: true,
    confidence: 'provider',
  },
  {
    id: 'npm-token',
    description: 'npm access token',
    keywords: ['npm_'],
    scope: 'line',
    pattern: /(?<![A-Za-z0-9_])(?<secret>npm_(?<body>[A-Za-z0-9]{36}))(?![A-Za-z0-9_])/,
    minEntropy: 3.5,
    severity: 'critical',
    blocker: true,
    confidence: 'provider',
  },
  {
    id: 'supabase-service-role-key',
    description: 'Supabase service-role key (bypasses row-level security)',
    keywords: ['eyJ'],
    scope: 'line',
    pattern: new RegExp(JWT),
    severity: 'critical',
    blocker: true,
    confidence: 'provider',
    checkPlaceholder: false,
    verify: verifySupabaseServiceRole,
  },
  {
    id: 'jwt',
    description: 'JSON Web Token',
    keywords: ['eyJ'],
    scope: 'line',
    pattern: new RegExp(JWT),
    severity: 'high',
    blocker: false,
    confidence: 'provider',
    checkPlaceholder: false,
    verify: verifyJwt,
  },
  {
    id: 'database-url-password',
    description: 'Database URL with an inline password',
    keywords: ['postgres', 'mysql', 'mariadb', 'mongodb', 'redis', 'amqp', 'mssql', 'sqlserver', 'cockroachdb'],
    scope: 'line',
    pattern:
      /(?<![A-Za-z0-9+])(?:postgres(?:ql)?|mysql2?|mariadb|mongodb(?:\+srv)?|rediss?|amqps?|mssql|sqlserver|cockroachdb):\/\/(?<user>[^:/\s'"@]{1,100}):(?<secret>[^@\s'"/]{1,200})@(?<host>[^/\s'"?,]{1,200})/,
    severity: 'critical',
    blocker: true,
    confidence: 'provider',
    verify: verifyDatabaseUrl,
  },
  {
    id: 'generic-secret-assignment',
    description: 'Random-looking value assigned to a secret-named variable',
    keywords: ['secret', 'token', 'key', 'apikey', 'secretkey', 'credential', 'credentials'],
    scope: 'name',
    pattern: new RegExp(ASSIGNED + VALUE(16)),
    minEntropy: 3.5,
    severity: 'high',
    blocker: false,
    confidence: 'generic',
    assignment: true,
    verify: (match) => verifyAssignment(match, SECRET_NAME_WORDS, 12),
  },
  {
    id: 'password-assignment',
    description: 'Hard-coded password',
    keywords: ['password', 'passwd', 'pwd', 'passphrase'],
    scope: 'name',
    pattern: new RegExp(ASSIGNED + VALUE(8)),
    minEntropy: 2.8,
    severity: 'medium',
    blocker: false,
    confidence: 'generic',
    assignment: true,
    verify: (match) => verifyAssignment(match, PASSWORD_NAME_WORDS, 6),
  },
];

/** Words and shapes that mark a value as a stand-in rather than a credential. */
const PLACEHOLDER_WORDS: readonly string[] = [
  'xxxx',
  'your',
  'example',
  'sample',
  'dummy',
  'placeholder',
  'changeme',
  'change_me',
  'change-me',
  'replace',
  'insert',
  'redacted',
  'fake',
  'test',
  'mock',
  'demo',
  'todo',
  'fixme',
  'password',
  '****',
  '....',
  '•',
];

/** Template references that put the real value in at run time. */
const PLACEHOLDER_SHAPES: readonly RegExp[] = [
  /<[^>]*>/,
  /\$\{/,
  /\{\{/,
  /%s|%\([a-z_]+\)s/i,
  /^\$[A-Za-z_]/,
  /process\.env|import\.meta\.env/,
  /^(.)\1+$/,
];

/** Six or more characters counting up by one (`123456`, `abcdef`): typed by a person, not random. */
function hasCountingRun(value: string): boolean {
  let run = 1;
  for (let i = 1; i < value.length; i++) {
    run = value.charCodeAt(i) === value.charCodeAt(i - 1) + 1 ? run + 1 : 1;
    if (run >= 6) return true;
  }
  return false;
}

/** A stand-in for a credential: `your-api-key`, `sk_live_xxxx…`, `${STRIPE_KEY}`, `1234567890abcdef`. */
export function isPlaceholder(value: string): boolean {
  const lower = value.toLowerCase();
  return (
    PLACEHOLDER_WORDS.some((word) => lower.includes(word)) ||
    PLACEHOLDER_SHAPES.some((shape) => shape.test(value)) ||
    hasCountingRun(lower)
  );
}

const TEMPLATE_NAME = /(^|[._-])(example|sample|template|tmpl|dist)([._-]|$)/i;

/**
 * Paths whose content is not the application's own: stand-in values (`.env.example`,
 * `config.sample.yaml`; source files named `template.ts` are code and stay in), generated hashes,
 * recordings.
 */
export const SECRET_SCAN_EXCLUSIONS: readonly { reason: string; test(path: string): boolean }[] = [
  { reason: 'template', test: (path) => TEMPLATE_NAME.test(basename(path)) && !isSourceFile(path) },
  {
    reason: 'lockfile',
    test: (path) =>
      /(^|\/)(package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|bun\.lockb?|deno\.lock|composer\.lock|Gemfile\.lock|Cargo\.lock|poetry\.lock|Pipfile\.lock|go\.sum)$/.test(path),
  },
  { reason: 'snapshot', test: (path) => /(\.snap$|(^|\/)__snapshots__\/)/.test(path) },
  { reason: 'generated', test: (path) => /(\.map$|(^|\/)\.pnp\.c?js$|(^|\/)\.yarn\/)/.test(path) },
];

/** Prose documents: a generic match there is usually an illustration, so it is downgraded. */
export const PROSE_FILE = /\.(md|mdx|markdown|rst|txt|adoc)$/i;
