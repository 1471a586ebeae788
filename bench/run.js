// Runs the benchmarks: every bench/*.bench.js, or only those named (`node bench/run.js code-health`).
// Arguments after `--` are passed on (`node bench/run.js code-health -- ../some/repo`).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const separator = process.argv.indexOf('--');
const names = (separator === -1 ? process.argv.slice(2) : process.argv.slice(2, separator)).filter(Boolean);
const passed = separator === -1 ? [] : process.argv.slice(separator + 1);
const available = readdirSync(here).filter((file) => file.endsWith('.bench.js')).map((file) => file.slice(0, -'.bench.js'.length));
const unknown = names.filter((name) => !available.includes(name));
if (unknown.length > 0) {
  console.error(`unknown benchmark(s): ${unknown.join(', ')}; available: ${available.join(', ')}`);
  process.exit(2);
}
let failed = false;
for (const name of names.length > 0 ? names : available) {
  console.log(`\n== ${name}`);
  const result = spawnSync(process.execPath, [join(here, `${name}.bench.js`), ...passed], { stdio: 'inherit' });
  if (result.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
