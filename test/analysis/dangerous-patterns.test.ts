import { describe, expect, it } from 'vitest';
import { extractDangerousPatterns } from '../../src/analysis/extractors/dangerous-patterns.js';
import { sourceOf } from './source.js';

const patternsOf = (code: string, path = 'src/file.ts') => extractDangerousPatterns(sourceOf(code, path))?.patterns ?? [];

const invalid: { name: string; code: string; kind: string; detail?: string; dynamic?: boolean; path?: string }[] = [
  { name: 'eval of a variable', code: 'export function run(input: string) { return eval(input); }', kind: 'eval', dynamic: true },
  { name: 'eval of a literal (not dynamic)', code: "eval('1 + 1');", kind: 'eval', dynamic: false },
  { name: 'window.eval', code: 'window.eval(code);', kind: 'eval' },
  { name: 'new Function from input', code: "const f = new Function('a', body);", kind: 'new-function', detail: 'new Function', dynamic: true },
  { name: 'Function called without new', code: "const f = Function('return ' + expr);", kind: 'new-function', detail: 'Function' },
  {
    name: 'exec with a template (named import)',
    code: "import { exec } from 'child_process';\nexec(`git log ${branch}`);",
    kind: 'shell-command-from-strings',
    detail: 'exec',
  },
  {
    name: 'execSync with concatenation (node: namespace import)',
    code: "import * as cp from 'node:child_process';\ncp.execSync('convert ' + file + ' out.png');",
    kind: 'shell-command-from-strings',
    detail: 'cp.execSync',
  },
  {
    name: 'require().exec with a variable built from a template',
    code: "const cmd = `rm -rf ${dir}`;\nrequire('child_process').exec(cmd);",
    kind: 'shell-command-from-strings',
  },
  {
    name: 'promisified exec',
    code: "const { exec } = require('child_process');\nconst run = util.promisify(exec);\nawait run(`ffmpeg -i ${input}`);",
    kind: 'shell-command-from-strings',
    detail: 'run',
  },
  { name: 'SQL template passed to query', code: 'await db.query(`SELECT * FROM users WHERE id = ${req.params.id}`);', kind: 'sql-from-strings', detail: 'db.query' },
  { name: 'SQL concatenation passed to execute', code: "conn.execute('DELETE FROM orders WHERE id = ' + id);", kind: 'sql-from-strings' },
  { name: 'Prisma $queryRawUnsafe', code: 'await prisma.$queryRawUnsafe(`UPDATE users SET name = \'${name}\' WHERE id = 1`);', kind: 'sql-from-strings', detail: 'prisma.$queryRawUnsafe' },
  { name: 'knex whereRaw', code: "knex('users').whereRaw(\"name = '\" + name + \"'\");", kind: 'sql-from-strings' },
  { name: 'TypeORM where with a template condition', code: "await repo.createQueryBuilder('user').where(`user.email = '${email}'`).getOne();", kind: 'sql-from-strings', detail: "repo.createQueryBuilder('user').where" },
  { name: "the app's own query() helper", code: "import { query } from '../services/db';\nexport const get = (id) => query(`SELECT * FROM users WHERE user_id = ${id}`);", kind: 'sql-from-strings', detail: 'query' },
  { name: 'SQL built in a variable, then +=', code: "let sql = 'SELECT * FROM t';\nsql += ' WHERE owner = ' + owner;\nawait pool.query(sql);", kind: 'sql-from-strings' },
  { name: 'INSERT with values in a template', code: 'sqlite.run(`INSERT INTO logs (msg) VALUES (\'${msg}\')`);', kind: 'sql-from-strings' },
  { name: 'rejectUnauthorized: false', code: 'const agent = new https.Agent({ rejectUnauthorized: false });', kind: 'tls-verification-disabled', detail: 'rejectUnauthorized: false' },
  { name: 'ssl options of a pg pool', code: 'new Pool({ connectionString, ssl: { rejectUnauthorized: false } });', kind: 'tls-verification-disabled' },
  { name: 'strictSSL: false', code: 'request({ url, strictSSL: false });', kind: 'tls-verification-disabled', detail: 'strictSSL: false' },
  { name: 'NODE_TLS_REJECT_UNAUTHORIZED = "0"', code: "process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';", kind: 'tls-disabled-by-env' },
  { name: 'NODE_TLS_REJECT_UNAUTHORIZED by element access', code: 'process.env["NODE_TLS_REJECT_UNAUTHORIZED"] = "0";', kind: 'tls-disabled-by-env' },
  { name: 'NODE_TLS_REJECT_UNAUTHORIZED in a child env', code: "spawn('node', ['x'], { env: { ...process.env, NODE_TLS_REJECT_UNAUTHORIZED: '0' } });", kind: 'tls-disabled-by-env' },
  { name: 'dangerouslySetInnerHTML with a variable', code: 'export const A = ({ html }) => <div dangerouslySetInnerHTML={{ __html: html }} />;', kind: 'unsanitised-inner-html', path: 'src/A.tsx' },
  { name: 'dangerouslySetInnerHTML with markdown output', code: 'const B = () => <div dangerouslySetInnerHTML={{ __html: marked(post.body) }} />;', kind: 'unsanitised-inner-html', path: 'src/B.jsx' },
  { name: 'dangerouslySetInnerHTML in createElement props', code: "React.createElement('div', { dangerouslySetInnerHTML: { __html: comment.text } });", kind: 'unsanitised-inner-html' },
  { name: 'cors any origin with credentials', code: "app.use(cors({ origin: '*', credentials: true }));", kind: 'cors-any-origin-with-credentials', detail: "origin: '*'" },
  { name: 'a session secret falling back to a literal', code: "app.use(session({ secret: process.env.SESSION_SECRET || 'default-secret-change-in-production' }));", kind: 'secret-fallback-literal', detail: 'SESSION_SECRET' },
  { name: 'an API key falling back with ?? in Deno', code: "const key = Deno.env.get('OPENAI_API_KEY') ?? 'sk-placeholder';", kind: 'secret-fallback-literal', detail: 'OPENAI_API_KEY' },
  { name: 'cors reflected origin with credentials', code: 'await app.register(fastifyCors, { origin: true, credentials: true });', kind: 'cors-any-origin-with-credentials', detail: 'origin: true', dynamic: true },
];

describe('dangerous-patterns extractor: reports', () => {
  it.each(invalid)('$name', ({ code, kind, detail, dynamic, path }) => {
    const patterns = patternsOf(code, path);
    expect(patterns.map((pattern) => pattern.kind)).toEqual([kind]);
    if (detail) expect(patterns[0]!.detail).toBe(detail);
    if (dynamic !== undefined) expect(patterns[0]!.dynamic).toBe(dynamic);
  });

  it('gives line, column, the code on one line and the enclosing function', () => {
    const [pattern] = patternsOf('import { Pool } from "pg";\n\nexport async function findUser(id: string) {\n  return pool.query(\n    `SELECT * FROM users WHERE id = ${id}`,\n  );\n}\n');
    expect(pattern).toEqual({
      kind: 'sql-from-strings',
      line: 4,
      column: 10,
      code: 'pool.query( `SELECT * FROM users WHERE id = ${id}`, )',
      detail: 'pool.query',
      dynamic: true,
      symbol: 'findUser',
    });
  });

  it('names arrow functions and methods as the enclosing symbol', () => {
    const patterns = patternsOf('const handler = async (req) => eval(req.body);\nclass Repo { find(q) { return this.db.query("SELECT * FROM t WHERE a = " + q); } }');
    expect(patterns.map((pattern) => pattern.symbol)).toEqual(['handler', 'find']);
  });
});

const valid: { name: string; code: string; path?: string }[] = [
  { name: 'eval as a property name', code: 'const options = { eval: true }; config.eval = false;' },
  { name: 'a method called eval (Redis Lua, Puppeteer)', code: 'await redis.eval(script, 1, key); await page.eval(fn);' },
  { name: 'eval in a comment or a string', code: '// never eval(input)\nconst s = "eval(input)";' },
  { name: 'parameterised query with $1', code: "await db.query('SELECT * FROM users WHERE id = $1', [id]);" },
  { name: 'parameterised query in a plain template', code: 'await db.query(`SELECT * FROM users WHERE id = $1`, [id]);' },
  { name: 'tagged sql template (postgres.js, slonik, drizzle)', code: 'await sql`SELECT * FROM users WHERE id = ${id}`; await db.execute(sql`DELETE FROM t WHERE id = ${id}`);' },
  { name: 'Prisma $queryRaw tagged template', code: 'await prisma.$queryRaw`SELECT * FROM users WHERE id = ${id}`;' },
  { name: 'template of constants only', code: "const TABLE = 'users';\nawait db.query(`SELECT * FROM ${TABLE} WHERE id = $1`, [id]);" },
  { name: 'SQL built from literals only', code: "let sql = 'SELECT * FROM t';\nsql += ' LIMIT 10';\nawait db.query(sql);" },
  { name: 'a template that is not SQL', code: 'await api.get(`/users/${id}`); await client.query(`${base}/search?q=${term}`);' },
  { name: 'TypeORM where with a parameter', code: "await repo.createQueryBuilder('user').where('user.email = :email', { email }).getOne();" },
  { name: 'a where on a column name template without a condition (Firestore, knex)', code: "await db.collection('users').where(`${field}`, '==', value).get();" },
  { name: 'a bare helper with a template that is not SQL', code: 'const r = await run(`npm test -- ${pattern}`); get(`/api/${id}`);' },
  { name: 'regex exec', code: 'const m = /a(b)/.exec(input + suffix);' },
  { name: 'exec from another module', code: "import { exec } from './shell-safe';\nexec(`ls ${dir}`);" },
  { name: 'execFile with an argument array', code: "import { execFile } from 'child_process';\nexecFile('git', ['log', branch]);" },
  { name: 'exec of a literal command', code: "import { exec } from 'child_process';\nexec('npm run build');" },
  { name: 'rejectUnauthorized: true', code: 'new https.Agent({ rejectUnauthorized: true });' },
  { name: 'rejectUnauthorized decided at run time', code: "new Pool({ ssl: { rejectUnauthorized: process.env.NODE_ENV === 'production' } });" },
  { name: 'NODE_TLS_REJECT_UNAUTHORIZED = "1"', code: "process.env.NODE_TLS_REJECT_UNAUTHORIZED = '1';" },
  { name: 'reading NODE_TLS_REJECT_UNAUTHORIZED', code: "if (process.env.NODE_TLS_REJECT_UNAUTHORIZED === '0') warn();" },
  { name: 'dangerouslySetInnerHTML with a literal', code: 'const A = () => <div dangerouslySetInnerHTML={{ __html: "<b>hi</b>" }} />;', path: 'src/A.tsx' },
  { name: 'dangerouslySetInnerHTML with a sanitiser', code: 'const A = ({ h }) => <div dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(h) }} />;', path: 'src/A.tsx' },
  { name: 'dangerouslySetInnerHTML with JSON-LD', code: 'const A = () => <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: JSON.stringify(ld) }} />;', path: 'src/A.tsx' },
  { name: 'cors any origin without credentials (a public API)', code: "app.use(cors({ origin: '*' }));" },
  { name: 'cors with an allow-list and credentials', code: "app.use(cors({ origin: ['https://app.acme.com'], credentials: true }));" },
  { name: 'a syntax error does not throw', code: 'function ( { eval(' },
  { name: 'a port or a URL with a default', code: "const port = process.env.PORT || '3000';\nconst api = process.env.API_URL ?? 'http://localhost:4000';" },
  { name: 'a secret with an empty fallback or a computed one', code: "const a = process.env.JWT_SECRET || '';\nconst b = process.env.JWT_SECRET || crypto.randomBytes(32).toString('hex');" },
  { name: 'a public key exposed to the browser on purpose', code: "const k = import.meta.env.VITE_STRIPE_PUBLISHABLE_KEY || 'pk_test_123';\nconst t = process.env.NEXT_PUBLIC_MAPBOX_TOKEN || 'pk.demo';" },
  { name: 'a secret name read from something else', code: "const s = config.SESSION_SECRET || 'dev';" },
];

describe('dangerous-patterns extractor: ignores', () => {
  it.each(valid)('$name', ({ code, path }) => {
    expect(patternsOf(code, path)).toEqual([]);
  });

  it('follows a variable built from itself without looping', () => {
    const patterns = patternsOf("let s = 'SELECT * FROM t WHERE a = ';\ns += s + id;\nawait db.query(s);");
    expect(patterns.map((pattern) => pattern.kind)).toEqual(['sql-from-strings']);
  });

  it('does not follow a name assigned in many places (minified bundles would make it exponential)', () => {
    const bundle = Array.from({ length: 400 }, (_, i) => `var e = a${i} + "${i}"; r.get(e + b${i});`).join('\n');
    expect(patternsOf(bundle, 'dist/bundle.js')).toEqual([]);
  });

  it('returns null for a file with nothing of interest', () => {
    expect(extractDangerousPatterns(sourceOf('export const a = 1;'))).toBeNull();
  });
});
