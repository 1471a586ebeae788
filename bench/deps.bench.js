// Dependency case: ~150 direct dependencies over six workspaces, the registry phase cold (empty
// cache) and warm, at concurrency 8, 16 and 32, beside `npm outdated --json` on the same manifests.
// Both sides talk to the registry .npmrc names (the real one, or --registry <url>).
//   node bench/deps.bench.js [--registry <url>]        (build first: npm run build)
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, '..', 'dist');
const registryFlag = process.argv.indexOf('--registry');
const registry = registryFlag === -1 ? null : process.argv[registryFlag + 1];

// Long-lived, widely used packages: real names, so that both tools find them in the registry.
const PACKAGES = `
axios express lodash react react-dom vue chalk commander debug dotenv uuid moment dayjs date-fns zod joi yup
ajv semver minimist yargs glob rimraf mkdirp fs-extra chokidar ws socket.io cors helmet morgan body-parser
cookie-parser jsonwebtoken bcrypt bcryptjs passport mongoose sequelize knex pg mysql2 redis ioredis bull
nodemailer multer sharp jimp cheerio puppeteer node-fetch got superagent request qs query-string
classnames clsx immer redux react-redux zustand mobx rxjs ramda underscore bluebird async p-limit p-queue
lru-cache nanoid ms bytes prettier eslint typescript jest mocha chai sinon vitest webpack rollup vite
esbuild babel-loader @babel/core @babel/preset-env @types/node @types/react @types/express ts-node tsx
nodemon concurrently cross-env husky lint-staged winston pino bunyan morgan-body handlebars ejs pug
marked markdown-it highlight.js js-yaml yaml ini toml xml2js csv-parse papaparse xlsx pdfkit archiver
tar adm-zip jszip form-data mime mime-types content-type cookie iconv-lite he entities validator
escape-html serve-static compression http-proxy-middleware graphql apollo-server-express @apollo/client
prisma typeorm class-validator class-transformer reflect-metadata inversify stripe twilio aws-sdk
firebase @sentry/node dotenv-expand envalid convict config nconf
`.split(/\s+/).filter(Boolean);

function generateRepo(root, names) {
  rmSync(root, { recursive: true, force: true });
  const workspaces = 6;
  const per = Math.ceil(names.length / workspaces);
  mkdirSync(root, { recursive: true });
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'bench-root', private: true, workspaces: ['packages/*'] }, null, 2));
  for (let index = 0; index < workspaces; index++) {
    const dir = join(root, 'packages', `ws${index}`);
    mkdirSync(dir, { recursive: true });
    const dependencies = Object.fromEntries(names.slice(index * per, (index + 1) * per).map((name) => [name, '*']));
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `ws${index}`, version: '1.0.0', dependencies }, null, 2));
  }
  return root;
}

async function registryPhase(root, cacheDir, concurrency) {
  const { collectorsByKey } = await import(join(dist, 'collectors', 'index.js'));
  const { FactStore } = await import(join(dist, 'core', 'fact-store.js'));
  const ctx = {
    root,
    now: new Date(),
    options: { offline: false, concurrency, cacheDir, advisoryDb: null, registry },
    ignorePaths: [],
    log: { debug() {}, warn() {} },
    progress: { start: () => ({ tick() {}, done() {} }) },
  };
  const store = new FactStore(ctx, collectorsByKey);
  await store.get('installed');
  const started = performance.now();
  const fact = await store.get('registry');
  return { seconds: (performance.now() - started) / 1000, ...fact.stats };
}

// npm outdated lists nothing for workspaces that are not installed (no node_modules links), so it
// gets the same dependencies as one standalone manifest.
function npmOutdated(names) {
  const root = mkdtempSync(join(tmpdir(), 'shipshape-npm-outdated-'));
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'bench-npm', version: '1.0.0', dependencies: Object.fromEntries(names.map((name) => [name, '*'])) }));
  const started = performance.now();
  const args = ['outdated', '--json', ...(registry ? ['--registry', registry] : [])];
  const child = spawnSync('npm', args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const seconds = (performance.now() - started) / 1000;
  rmSync(root, { recursive: true, force: true });
  let rows = null;
  try {
    rows = Object.keys(JSON.parse(child.stdout || '{}')).length;
  } catch {
    rows = null;
  }
  return { seconds, rows };
}

// Each measurement in a fresh process, so that no module, socket or DNS cache carries over.
if (process.argv[2] === '--phase') {
  const [, , , root, cacheDir, concurrency] = process.argv;
  process.stdout.write(JSON.stringify(await registryPhase(root, cacheDir, Number(concurrency))));
} else {
  const names = [...new Set(PACKAGES)];
  const root = generateRepo(join(here, '..', '.bench-tmp', 'deps'), names);
  const phase = (cacheDir, concurrency) => {
    const args = [fileURLToPath(import.meta.url), '--phase', root, cacheDir, String(concurrency), ...(registry ? ['--registry', registry] : [])];
    const child = spawnSync(process.execPath, args, { encoding: 'utf8' });
    if (child.status !== 0) throw new Error(child.stderr);
    return JSON.parse(child.stdout);
  };
  console.log(`${new Set(PACKAGES).size} direct dependencies over 6 workspaces; registry ${registry ?? 'from .npmrc'}`);
  for (const concurrency of [8, 16, 32]) {
    const cacheDir = mkdtempSync(join(tmpdir(), 'shipshape-deps-bench-'));
    const cold = phase(cacheDir, concurrency);
    const warm = phase(cacheDir, concurrency);
    console.log(
      `shipshape  concurrency ${String(concurrency).padStart(2)}  cold ${cold.seconds.toFixed(2)} s (${cold.fetched} fetched, ${cold.failed} failed)  warm ${warm.seconds.toFixed(2)} s (${warm.fromCache} from cache)`,
    );
    rmSync(cacheDir, { recursive: true, force: true });
  }
  const npm = npmOutdated(names);
  console.log(`npm outdated --json      ${npm.seconds.toFixed(2)} s (${npm.rows ?? '?'} packages reported)`);
}
