// Code-health pass against its floor, on a generated ~5,000-file repository and on any paths given.
// The floor is TypeScript's createSourceFile over the same files and nothing else. Each side runs in
// its own child process so that peak RSS is measured separately; both are reported with their ratio.
//   node bench/code-health.bench.js [path…]          (build first: npm run build)
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateRepo } from './generate-repo.js';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, '..', 'dist');

async function shipshapePass(root) {
  // As bin/shipshape.js does before loading the CLI, so that the bench measures what users run.
  const { enableCompileCache } = await import('node:module');
  if (typeof enableCompileCache === 'function') enableCompileCache();
  const { collectorsByKey } = await import(join(dist, 'collectors', 'index.js'));
  const { checks } = await import(join(dist, 'checks', 'index.js'));
  const { FactStore } = await import(join(dist, 'core', 'fact-store.js'));
  const { runCheck } = await import(join(dist, 'core', 'run-check.js'));
  const ctx = {
    root,
    now: new Date('2026-01-01T00:00:00Z'),
    options: { offline: true, concurrency: 4, cacheDir: null, advisoryDb: null, registry: null },
    ignorePaths: [],
    // As `shipshape audit --only code` does: the shared parse runs the extractors the code checks read.
    // SHIPSHAPE_BENCH_ALL_EXTRACTORS=1 runs those of every area too, as a full audit does.
    ...(process.env.SHIPSHAPE_BENCH_ALL_EXTRACTORS ? {} : { checkAreas: new Set(['code']) }),
    log: { debug() {}, warn() {} },
    progress: { start: () => ({ tick() {}, done() {} }) },
  };
  const store = new FactStore(ctx, collectorsByKey);
  const code = await store.get('code');
  const codeChecks = checks.filter((check) => check.area === 'code');
  const results = await Promise.all(
    codeChecks.map((check) => runCheck(check, store, { severity: check.severity, weight: check.weight, options: {} }, ctx.now)),
  );
  const errors = results.filter((result) => result.status === 'error').map((result) => `${result.id}: ${result.reason}`);
  return { files: code.files.length, skipped: code.skipped.length, checks: codeChecks.length, errors, paths: code.files.map((file) => file.path) };
}

function floorPass(root, paths) {
  // createRequire: the CommonJS load is the fast way in (see ../shared/FACTS.md).
  const ts = createRequire(import.meta.url)('typescript');
  let nodes = 0;
  for (const path of paths) {
    const text = readFileSync(join(root, path), 'utf8');
    const kind = path.endsWith('.tsx') || path.endsWith('.jsx') || path.endsWith('.js') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
    const sourceFile = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, false, kind);
    nodes += sourceFile.statements.length;
  }
  return { files: paths.length, statements: nodes };
}

/**
 * Not the target's floor, a reference beside it: the same parse split over one thread per core
 * (this one and workers, as shipshape's pool does), which shows how much the cores of this
 * machine can give a parser at all.
 */
async function floorOnEveryCore(root, paths) {
  const { Worker } = await import('node:worker_threads');
  // With the compile cache, as shipshape's pool has it: the reference is the parser's best case.
  const { enableCompileCache, getCompileCacheDir } = await import('node:module');
  enableCompileCache();
  const compileCache = dirname(getCompileCacheDir());
  const threads = os.availableParallelism();
  const shares = Array.from({ length: threads }, (_, thread) => paths.filter((_, index) => index % threads === thread));
  const workers = shares.slice(1).map(
    (share) =>
      new Promise((resolvePromise, reject) => {
        const worker = new Worker(new URL(import.meta.url), { workerData: { root, paths: share, compileCache } });
        worker.once('message', resolvePromise);
        worker.once('error', reject);
      }),
  );
  const here = floorPass(root, shares[0]);
  const others = await Promise.all(workers);
  return { files: paths.length, statements: others.reduce((sum, other) => sum + other.statements, here.statements), threads };
}

async function phase(name, root, listFile) {
  const started = performance.now();
  const paths = name === 'shipshape' ? [] : JSON.parse(readFileSync(listFile, 'utf8'));
  const result = name === 'shipshape' ? await shipshapePass(root) : name === 'floor' ? floorPass(root, paths) : await floorOnEveryCore(root, paths);
  const seconds = (performance.now() - started) / 1000;
  // maxRSS is in kilobytes and covers worker threads (same process); so does CPU time, which is
  // also reported because on a shared machine wall time mostly measures the neighbours.
  const usage = process.resourceUsage();
  const peakMb = usage.maxRSS / 1024;
  const cpu = (usage.userCPUTime + usage.systemCPUTime) / 1e6;
  process.stdout.write(JSON.stringify({ ...result, seconds, peakMb, cpu }));
}

function runPhase(name, root, listFile) {
  const started = performance.now();
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--phase', name, root, listFile ?? ''], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (child.status !== 0) throw new Error(`${name} phase failed: ${child.stderr}`);
  const wall = (performance.now() - started) / 1000;
  return { ...JSON.parse(child.stdout), wall };
}

function format(label, result) {
  const rate = Math.round(result.files / result.wall);
  return `${label.padEnd(10)} ${result.wall.toFixed(2).padStart(6)} s wall (${result.seconds.toFixed(2)} s in-process, ${result.cpu.toFixed(2)} s CPU)  ${String(rate).padStart(6)} files/s  peak RSS ${Math.round(result.peakMb)} MB`;
}

async function benchmark(root) {
  const { writeFileSync, mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const ship = runPhase('shipshape', root);
  const listFile = join(mkdtempSync(join(tmpdir(), 'shipshape-bench-')), 'files.json');
  writeFileSync(listFile, JSON.stringify(ship.paths));
  const floor = runPhase('floor', root, listFile);
  const everyCore = runPhase('floor-every-core', root, listFile);
  console.log(`\n${root}: ${ship.files} files parsed, ${ship.skipped} skipped, ${ship.checks} code checks`);
  if (ship.errors.length > 0) console.log(`  check errors: ${ship.errors.join('; ')}`);
  console.log(format('shipshape', ship));
  console.log(format('floor', floor));
  console.log(`ratio      ${(ship.wall / floor.wall).toFixed(2)}× wall (target ≤ 1.5×), ${(ship.cpu / floor.cpu).toFixed(2)}× CPU, peak RSS ${Math.round(ship.peakMb)} MB (target ≤ 1536 MB)`);
  // A reference, not the target: how much faster the floor itself gets on every core of this machine.
  console.log(`${format(`floor, ${everyCore.threads} threads`, everyCore)}  (${(floor.wall / everyCore.wall).toFixed(2)}× faster than one thread)`);
  console.log(`load       ${os.loadavg().map((value) => value.toFixed(1)).join(' ')} on ${os.availableParallelism()} cores (wall times are only comparable on an idle machine)`);
}

const { isMainThread, parentPort, workerData } = await import('node:worker_threads');
if (!isMainThread) {
  (await import('node:module')).enableCompileCache(workerData.compileCache);
  parentPort.postMessage(floorPass(workerData.root, workerData.paths));
} else if (process.argv[2] === '--phase') {
  await phase(process.argv[3], process.argv[4], process.argv[5]);
} else {
  const targets = process.argv.slice(2).map((path) => resolve(path));
  if (targets.length === 0) targets.push(generateRepo(join(here, '..', '.bench-tmp', 'generated')));
  for (const target of targets) await benchmark(target);
}
