// Fake credentials for the secret-scanning tests, assembled at run time from a seeded generator so
// that this repository never holds a literal credential-shaped string (which would trip push
// protection and other scanners). Same seed, same values: the tests stay deterministic.

function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function randomFrom(alphabet: string, length: number, seed: number): string {
  const next = generator(seed);
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(next() * alphabet.length)];
  return out;
}

export const alnum = (length: number, seed: number): string => randomFrom(ALNUM, length, seed);
export const hex = (length: number, seed: number): string => randomFrom('0123456789abcdef', length, seed);
const base64 = (length: number, seed: number): string => randomFrom(`${ALNUM}+/`, length, seed);

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export function jwt(payload: Record<string, unknown>, seed = 7): string {
  return `${base64url({ alg: 'HS256', typ: 'JWT' })}.${base64url(payload)}.${alnum(43, seed)}`;
}

/** PEM lines of random key material between the armour lines. */
export function privateKeyBlock(kind = 'RSA ', lineBreak = '\n', seed = 11): string {
  const lines = Array.from({ length: 12 }, (_, i) => base64(64, seed + i));
  const armour = (edge: string): string => `-----${edge} ${kind}PRIV` + `ATE KEY-----`;
  return [armour('BEGIN'), ...lines, armour('END')].join(lineBreak);
}

const FUTURE = Math.floor(new Date('2030-01-01T00:00:00Z').getTime() / 1000);
const PAST = Math.floor(new Date('2024-01-01T00:00:00Z').getTime() / 1000);

/** One realistic-looking value per rule. */
export const fake = {
  stripeLive: 'sk' + '_live_' + alnum(24, 1),
  stripeRestricted: 'rk' + '_live_' + alnum(24, 2),
  stripeTest: 'sk' + '_test_' + alnum(24, 3),
  stripeWebhook: 'wh' + 'sec_' + alnum(32, 50),
  github: 'gh' + 'p_' + alnum(36, 4),
  huggingface: 'h' + 'f_' + randomFrom('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', 34, 51),
  replicate: 'r' + '8_' + alnum(37, 52),
  groq: 'gs' + 'k_' + alnum(52, 53),
  shopify: 'shp' + 'at_' + hex(32, 54),
  digitalocean: 'do' + 'p_v1_' + hex(64, 55),
  githubFineGrained: 'github' + '_pat_' + alnum(22, 5) + '_' + alnum(59, 6),
  gitlab: 'gl' + 'pat-' + alnum(20, 8),
  google: 'AI' + 'za' + randomFrom(`${ALNUM}-_`, 35, 9),
  openaiProject: 'sk-' + 'proj-' + alnum(48, 10),
  openaiLegacy: 'sk-' + alnum(20, 12) + 'T3Blbk' + 'FJ' + alnum(20, 13),
  anthropic: 'sk-' + 'ant-api03-' + randomFrom(`${ALNUM}-_`, 93, 14),
  slackBot: 'xo' + 'xb-' + randomFrom('0123456789', 12, 15) + '-' + randomFrom('0123456789', 13, 16) + '-' + alnum(24, 17),
  slackWebhook: 'https://hooks.' + 'slack.com/services/T' + randomFrom('ABCDEFGHJKLMNPQRSTUVWXYZ0123456789', 8, 18) + '/B' + randomFrom('ABCDEFGHJKLMNPQRSTUVWXYZ0123456789', 10, 19) + '/' + alnum(24, 20),
  twilioKey: 'S' + 'K' + hex(32, 21),
  twilioToken: hex(32, 22),
  sendgrid: 'S' + 'G.' + randomFrom(`${ALNUM}-_`, 22, 23) + '.' + randomFrom(`${ALNUM}-_`, 43, 24),
  mailgun: 'ke' + 'y-' + hex(32, 25),
  npm: 'np' + 'm_' + alnum(36, 26),
  awsAccessKeyId: 'AK' + 'IA' + randomFrom('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16, 27),
  awsSecretKey: base64(40, 28),
  jwt: jwt({ sub: 'usr_' + alnum(8, 29), role: 'authenticated', exp: FUTURE }),
  expiredJwt: jwt({ sub: 'usr_' + alnum(8, 30), exp: PAST }),
  supabaseServiceRole: jwt({ iss: 'supabase', ref: alnum(20, 31).toLowerCase(), role: 'service_role', iat: PAST, exp: FUTURE }),
  supabaseAnon: jwt({ iss: 'supabase', ref: alnum(20, 32).toLowerCase(), role: 'anon', iat: PAST, exp: FUTURE }),
  databasePassword: alnum(20, 33),
  genericSecret: alnum(32, 34),
  password: 'Zq8' + alnum(9, 35) + '!',
};
