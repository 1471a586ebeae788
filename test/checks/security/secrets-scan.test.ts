import { describe, expect, it } from 'vitest';
import { scanSecrets } from '../../../src/checks/security/scan-secrets.js';
import { isPlaceholder, shannonEntropy } from '../../../src/knowledge/secret-rules.js';
import { alnum, fake, jwt, privateKeyBlock } from './secrets-fakes.js';

const NOW = new Date('2026-11-01T00:00:00Z');
const scan = (path: string, text: string) => scanSecrets(path, text, { now: NOW });

interface Reported {
  name: string;
  path: string;
  text: string;
  rule: string;
  secret: string;
  severity?: string;
  blocker?: boolean;
}

const reported: Reported[] = [
  { name: 'Stripe live key in code', path: 'src/pay.ts', text: `const stripe = new Stripe('${fake.stripeLive}');`, rule: 'stripe-live-secret-key', secret: fake.stripeLive, severity: 'critical', blocker: true },
  { name: 'Stripe restricted key', path: 'src/pay.ts', text: `export const key = "${fake.stripeRestricted}";`, rule: 'stripe-live-secret-key', secret: fake.stripeRestricted },
  { name: 'Stripe test key (low, not a blocker)', path: 'src/pay.ts', text: `stripe(\`${fake.stripeTest}\`)`, rule: 'stripe-test-secret-key', secret: fake.stripeTest, severity: 'low', blocker: false },
  { name: 'Stripe webhook secret', path: 'src/webhook.ts', text: `stripe.webhooks.constructEvent(body, sig, '${fake.stripeWebhook}')`, rule: 'stripe-webhook-secret', secret: fake.stripeWebhook, blocker: true },
  { name: 'Hugging Face token', path: 'src/hf.py.txt', text: `HF_TOKEN=${fake.huggingface}`, rule: 'huggingface-token', secret: fake.huggingface },
  { name: 'Replicate token', path: 'src/ai.ts', text: `new Replicate({ auth: "${fake.replicate}" })`, rule: 'replicate-token', secret: fake.replicate },
  { name: 'Groq key', path: 'src/ai.ts', text: `new Groq({ apiKey: '${fake.groq}' })`, rule: 'groq-api-key', secret: fake.groq },
  { name: 'Shopify token', path: 'src/shop.ts', text: `const client = shopify({ accessToken: '${fake.shopify}' })`, rule: 'shopify-token', secret: fake.shopify },
  { name: 'DigitalOcean token', path: 'deploy/do.sh', text: `doctl auth init -t ${fake.digitalocean}`, rule: 'digitalocean-token', secret: fake.digitalocean },
  { name: 'GitHub token in .env', path: '.env', text: `NODE_ENV=production\nGITHUB_TOKEN=${fake.github}\n`, rule: 'github-token', secret: fake.github, blocker: true },
  { name: 'GitHub fine-grained token', path: 'scripts/release.sh', text: `curl -H "Authorization: Bearer ${fake.githubFineGrained}" api`, rule: 'github-fine-grained-token', secret: fake.githubFineGrained },
  { name: 'GitLab token', path: 'ci.yml', text: `token: ${fake.gitlab}`, rule: 'gitlab-token', secret: fake.gitlab },
  { name: 'Google/Gemini key (high, not a blocker)', path: 'src/ai.ts', text: `new GoogleGenerativeAI("${fake.google}")`, rule: 'google-api-key', secret: fake.google, severity: 'high', blocker: false },
  { name: 'Google key in a Firebase web config (low)', path: 'src/firebase.ts', text: `const firebaseConfig = {\n  apiKey: "${fake.google}",\n  authDomain: "acme.firebaseapp.com",\n};`, rule: 'google-api-key', secret: fake.google, severity: 'low', blocker: false },
  { name: 'OpenAI project key', path: 'src/ai.ts', text: `const openai = new OpenAI({ apiKey: '${fake.openaiProject}' })`, rule: 'openai-api-key', secret: fake.openaiProject },
  { name: 'OpenAI legacy key', path: 'src/ai.js', text: `openai.apiKey = "${fake.openaiLegacy}"`, rule: 'openai-api-key', secret: fake.openaiLegacy },
  { name: 'Anthropic key', path: 'src/ai.ts', text: `new Anthropic({ apiKey: "${fake.anthropic}" })`, rule: 'anthropic-api-key', secret: fake.anthropic },
  { name: 'Slack bot token', path: 'src/slack.ts', text: `const web = new WebClient('${fake.slackBot}')`, rule: 'slack-token', secret: fake.slackBot },
  { name: 'Slack webhook', path: 'src/notify.ts', text: `await fetch("${fake.slackWebhook}", opts)`, rule: 'slack-webhook', secret: fake.slackWebhook.split('/services/')[1]!, blocker: false },
  { name: 'Twilio API key in a Twilio file', path: 'src/sms.ts', text: `import twilio from 'twilio';\nconst client = twilio('${fake.twilioKey}', secret);`, rule: 'twilio-api-key', secret: fake.twilioKey },
  { name: 'Twilio auth token', path: 'config/sms.json', text: `{ "twilioAuthToken": "${fake.twilioToken}" }`, rule: 'twilio-auth-token', secret: fake.twilioToken },
  { name: 'SendGrid key', path: 'src/mail.ts', text: `sgMail.setApiKey('${fake.sendgrid}')`, rule: 'sendgrid-api-key', secret: fake.sendgrid },
  { name: 'Mailgun key', path: 'src/mail.ts', text: `mailgun.client({ username: 'api', key: '${fake.mailgun}' })`, rule: 'mailgun-api-key', secret: fake.mailgun },
  { name: 'npm token in .npmrc', path: '.npmrc', text: `//registry.npmjs.org/:_authToken=${fake.npm}`, rule: 'npm-token', secret: fake.npm },
  { name: 'AWS access key id (high, not a blocker)', path: 'src/s3.ts', text: `accessKeyId: "${fake.awsAccessKeyId}",`, rule: 'aws-access-key-id', secret: fake.awsAccessKeyId, severity: 'high', blocker: false },
  { name: 'AWS secret key in credentials file', path: 'deploy/credentials', text: `[default]\naws_secret_access_key = ${fake.awsSecretKey}\n`, rule: 'aws-secret-access-key', secret: fake.awsSecretKey, blocker: true },
  { name: 'private key file', path: 'certs/server.pem', text: privateKeyBlock(), rule: 'private-key', secret: privateKeyBlock(), severity: 'critical', blocker: true },
  { name: 'private key inside a service-account JSON', path: 'service-account.json', text: `{"type":"service_account","private_key":"${privateKeyBlock('', '\\n')}\\n"}`, rule: 'private-key', secret: privateKeyBlock('', '\\n') },
  { name: 'encrypted private key (high, not a blocker)', path: 'keys/id.pem', text: privateKeyBlock('ENCRYPTED '), rule: 'private-key', secret: privateKeyBlock('ENCRYPTED '), severity: 'high', blocker: false },
  { name: 'JWT', path: 'src/api.ts', text: `headers: { Authorization: 'Bearer ${fake.jwt}' }`, rule: 'jwt', secret: fake.jwt, severity: 'high' },
  { name: 'expired JWT (low)', path: 'src/api.ts', text: `const t = "${fake.expiredJwt}";`, rule: 'jwt', secret: fake.expiredJwt, severity: 'low' },
  { name: 'Supabase service-role key', path: 'src/db.ts', text: `createClient(url, "${fake.supabaseServiceRole}")`, rule: 'supabase-service-role-key', secret: fake.supabaseServiceRole, blocker: true },
  { name: 'Postgres URL with a password', path: 'src/db.ts', text: `const url = "postgres://app:${fake.databasePassword}@db.acme-prod.net:5432/app";`, rule: 'database-url-password', secret: fake.databasePassword, blocker: true },
  { name: 'MongoDB SRV URL', path: '.env.production', text: `MONGO_URL=mongodb+srv://admin:${fake.databasePassword}@cluster0.a1b2c.mongodb.net/app`, rule: 'database-url-password', secret: fake.databasePassword },
  { name: 'secret-named assignment', path: 'src/auth.ts', text: `const JWT_SECRET = "${fake.genericSecret}";`, rule: 'generic-secret-assignment', secret: fake.genericSecret, severity: 'high', blocker: false },
  { name: 'camelCase API key with a type annotation', path: 'src/maps.ts', text: `const mapboxApiKey: string = '${fake.genericSecret}';`, rule: 'generic-secret-assignment', secret: fake.genericSecret },
  { name: 'unquoted value in YAML', path: 'config/app.yaml', text: `service:\n  client_secret: ${fake.genericSecret}\n`, rule: 'generic-secret-assignment', secret: fake.genericSecret },
  { name: 'JSON key', path: 'config/prod.json', text: `{\n  "stripeWebhookSecret": "${fake.genericSecret}",\n}`, rule: 'generic-secret-assignment', secret: fake.genericSecret },
  { name: 'JSX attribute', path: 'src/App.tsx', text: `<Provider apiKey="${fake.genericSecret}" />`, rule: 'generic-secret-assignment', secret: fake.genericSecret },
  { name: 'hard-coded password', path: 'src/db.ts', text: `const pool = new Pool({ user: 'app', password: '${fake.password}' });`, rule: 'password-assignment', secret: fake.password, severity: 'medium' },
  { name: 'password in docker-compose', path: 'docker-compose.yml', text: `environment:\n  - DB_PASSWORD=${fake.password}\n`, rule: 'password-assignment', secret: fake.password },
];

describe('scanSecrets: reports', () => {
  it.each(reported)('$name', ({ path, text, rule, secret, severity, blocker }) => {
    const matches = scan(path, text);
    expect(matches.map((match) => match.rule.id)).toEqual([rule]);
    const [match] = matches;
    expect(match!.secret).toBe(secret);
    if (severity) expect(match!.severity).toBe(severity);
    if (blocker !== undefined) expect(match!.blocker).toBe(blocker);
  });

  it('gives the 1-based line and column of the secret itself', () => {
    const [match] = scan('src/pay.ts', `import Stripe from 'stripe';\n\n  const s = new Stripe("${fake.stripeLive}");\n`);
    expect(match).toMatchObject({ line: 3, column: 25 });
  });

  it('reports each secret once, under the most specific rule', () => {
    const matches = scan('src/ai.ts', `const OPENAI_API_KEY = "${fake.openaiProject}";\nconst token = "${fake.supabaseServiceRole}";`);
    expect(matches.map((match) => match.rule.id)).toEqual(['openai-api-key', 'supabase-service-role-key']);
  });

  it('finds several secrets on one line and across lines', () => {
    const text = `A=${fake.github} B=${fake.npm}\nC=${fake.stripeLive}\n`;
    expect(scan('.env', text).map((match) => [match.rule.id, match.line])).toEqual([
      ['github-token', 1],
      ['npm-token', 1],
      ['stripe-live-secret-key', 2],
    ]);
  });
});

const ignored: { name: string; path: string; text: string }[] = [
  { name: 'environment variable read', path: 'src/pay.ts', text: 'const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);' },
  { name: 'placeholder Stripe key', path: 'README.md', text: 'STRIPE_SECRET_KEY=sk_live_xxxxxxxxxxxxxxxxxxxxxxxx' },
  { name: 'your-key-here Stripe key', path: 'src/pay.ts', text: `new Stripe('sk_live_' + 'YourKeyHere')` },
  { name: "AWS's documented example key id", path: 'src/s3.ts', text: "accessKeyId: 'AKIAIOSFODNN7EXAMPLE'" },
  { name: "AWS's documented example secret", path: 'deploy/credentials', text: 'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
  { name: 'AWS-like id inside a longer word', path: 'src/a.ts', text: `const id = "X${fake.awsAccessKeyId}";` },
  { name: 'unquoted identifier in code', path: 'src/ai.ts', text: 'const apiKey = settings.openaiApiKeyValue9;' },
  { name: 'template reference in YAML', path: 'deploy.yaml', text: 'API_SECRET: ${API_SECRET}\nDB_PASSWORD: ${{ secrets.DB_PASSWORD }}' },
  { name: 'shell variable', path: 'scripts/deploy.sh', text: 'export CLIENT_SECRET=$CLIENT_SECRET_FROM_VAULT' },
  { name: 'angle-bracket placeholder', path: 'docs/setup.md', text: 'OPENAI_API_KEY=<your-openai-key-goes-here>' },
  { name: 'local Postgres with a default password', path: 'src/db.ts', text: 'const url = "postgres://user:password@localhost:5432/app";' },
  { name: 'compose-network Postgres host', path: 'docker-compose.yml', text: `DATABASE_URL: postgres://app:${fake.databasePassword}@db:5432/app` },
  { name: 'database URL with an interpolated password', path: 'src/db.ts', text: 'const url = `postgres://app:${process.env.DB_PASSWORD}@db.acme-prod.net/app`;' },
  { name: 'database URL without a password', path: 'src/db.ts', text: 'const url = "postgres://db.acme-prod.net:5432/app";' },
  { name: 'default password on a remote host', path: 'src/db.ts', text: 'const url = "mysql://root:root@db.acme-prod.net/app";' },
  { name: 'publishable key name', path: 'src/pay.ts', text: `const publishableKey = "${fake.genericSecret}";` },
  { name: 'public key name', path: 'src/crypto.ts', text: `const PUBLIC_KEY = "${fake.genericSecret}";` },
  { name: 'bare React/i18n key', path: 'src/List.tsx', text: `<Item key="${fake.genericSecret}" />` },
  { name: 'Stripe publishable key under a key name', path: 'src/pay.ts', text: `const STRIPE_KEY = "pk_live_${fake.genericSecret}";` },
  { name: 'Algolia search-only key', path: '.env', text: `ALGOLIA_SEARCH_KEY=${fake.genericSecret}` },
  { name: 'a key id is not a key', path: 'src/s3.ts', text: `const apiKeyId = "${fake.genericSecret}";` },
  { name: 'name that only contains a secret word', path: 'src/auth.ts', text: `const secretName = "${fake.genericSecret}";` },
  { name: 'pagination token', path: 'src/list.ts', text: `const nextPageToken = "${fake.genericSecret}";` },
  { name: 'low-entropy token', path: 'src/auth.ts', text: 'const API_TOKEN = "aaaaaaaaaaaaaaaaaaaaaaaa";' },
  { name: 'counting sequence', path: 'src/auth.ts', text: 'const API_TOKEN = "1234567890abcdef12";' },
  { name: 'URL assigned to a token name', path: 'src/auth.ts', text: 'const TOKEN_ENDPOINT_SECRET = "https://auth.acme.net/oauth2/v1/token";' },
  { name: 'constant name as a value', path: 'src/env.ts', text: "const secretKey = 'STRIPE_SECRET_KEY_NAME_V2';" },
  { name: 'words, not a value', path: 'src/form.ts', text: "errors.password = 'Password must be 8 characters';" },
  { name: 'password placeholder', path: 'src/seed.ts', text: "const adminPassword = 'password123';" },
  { name: 'autocomplete hint', path: 'src/Login.tsx', text: '<input name="password" autoComplete="current-password" />' },
  { name: 'password field name, not value', path: 'src/form.ts', text: "const passwordField = 'x8Kq2mPz91';" },
  { name: 'Supabase anon key (public by design)', path: 'src/supabase.ts', text: `createClient(url, "${fake.supabaseAnon}")` },
  { name: "jwt.io's example token", path: 'docs/auth.md', text: jwt({ sub: '1234567890', name: 'John Doe', iat: 1516239022 }) },
  { name: 'three segments that are not a JWT', path: 'src/a.ts', text: `const v = "eyJ${alnum(20, 40)}.eyJ${alnum(20, 41)}.${alnum(30, 42)}";` },
  { name: 'private key armour without a body', path: 'docs/tls.md', text: '-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----' },
  { name: 'private key armour with a placeholder body', path: 'src/tls.ts', text: 'const key = `-----BEGIN RSA PRIVATE KEY-----\n${process.env.TLS_KEY}\n-----END RSA PRIVATE KEY-----`;' },
  { name: 'public key block', path: 'keys/server.pub', text: privateKeyBlock().replaceAll('PRIVATE', 'PUBLIC') },
  { name: 'Twilio-shaped value outside a Twilio context', path: 'src/ids.ts', text: `const row = "${fake.twilioKey}";` },
  { name: 'hex digest assigned to a non-secret name', path: 'src/cache.ts', text: `const checksum = "${alnum(40, 43)}";` },
  { name: 'a call as an unquoted value (transpiled code)', path: 'cache/abc123', text: 'secret: (0,__vite_ssr_import_3__.privateKeyBlock)(),\npassword: alnum(20, 33),' },
  { name: 'a member path as an unquoted value', path: 'notes/snippet', text: 'apiKey = settings.openaiApiKeyValue9;' },
  { name: 'a one-letter database password', path: 'docs/db.md', text: 'postgres://u:p@mydb.abc123.eu-west-1.rds.amazonaws.com:5432/app' },
  { name: 'integrity hash', path: 'src/sri.ts', text: `integrity: "sha512-${alnum(86, 44)}=="` },
];

describe('scanSecrets: ignores', () => {
  it.each(ignored)('$name', ({ path, text }) => {
    expect(scan(path, text).map((match) => `${match.rule.id}: ${match.secret}`)).toEqual([]);
  });

  it('ignores empty, binary-looking and unrelated text', () => {
    expect(scan('a.txt', '')).toEqual([]);
    expect(scan('a.txt', '\u0000\u0001key-secret-token')).toEqual([]);
  });
});

describe('placeholders and entropy', () => {
  it.each(['your-api-key', 'XXXXXXXXXXXX', 'changeme', '${STRIPE_KEY}', '<token>', 'abcdefghij', '000000000000', 'my-test-key'])(
    '%s is a placeholder',
    (value) => expect(isPlaceholder(value)).toBe(true),
  );

  it('random material is not a placeholder', () => {
    for (const value of [fake.genericSecret, fake.password, fake.awsSecretKey]) expect(isPlaceholder(value)).toBe(false);
  });

  it('measures entropy in bits per character', () => {
    expect(shannonEntropy('aaaa')).toBe(0);
    expect(shannonEntropy('abcd')).toBe(2);
    expect(shannonEntropy(fake.genericSecret)).toBeGreaterThan(4);
  });
});
