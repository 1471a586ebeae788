#!/usr/bin/env node
// Kept to syntax every Node release understands, so that an old runtime gets a clear message
// instead of a syntax error from the real entry point.
var major = Number(process.versions.node.split('.')[0]);
var minor = Number(process.versions.node.split('.')[1]);
if (major < 22 || (major === 22 && minor < 12)) {
  process.stderr.write(
    'shipshape: Node.js ' + process.versions.node + ' is not supported; it needs Node.js 22.12 or later ' +
      '(Node 20 reached end of life in April 2026). Install a current LTS from https://nodejs.org.\n',
  );
  process.exit(2);
}
// Node's compile cache (in the system's temporary folder, never in the audited repository) saves
// about a third of a second of start-up per run and per parse worker, mostly in loading TypeScript.
import('node:module')
  .then(function (module) {
    if (typeof module.enableCompileCache === 'function') module.enableCompileCache();
  })
  .then(function () {
    return import('../dist/cli/main.js');
  })
  .then(
    function (cli) {
      return cli.main(process.argv);
    },
    function (error) {
      process.stderr.write('shipshape: could not start: ' + (error && error.message ? error.message : error) + '\n');
      process.stderr.write('If you are running from a source checkout, build it first: npm run build\n');
      process.exit(3);
    },
  );
