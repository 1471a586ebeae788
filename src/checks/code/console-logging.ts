// code.console-logging: server code logs through a logger, not console.*.
import { z } from 'zod';
import type { ConsoleExtract } from '../../analysis/extractors/console.js';
import { resolvePackageFile } from '../../analysis/import-graph.js';
import { defineCheck } from '../../core/check.js';
import type { ManifestsFact, ParsedFile, ProjectFact, RepoTree } from '../../core/facts.js';
import type { FindingInput } from '../../core/types.js';
import { COMMAND_PATH } from '../../knowledge/entry-points.js';
import { loggingIntegrations } from '../../knowledge/integrations/logging.js';
import { platformRuntimeOf } from '../../knowledge/platform-runtimes.js';
import { graded, MAX_FINDINGS, noSource, perKloc, plural, productionFiles } from './shared.js';

const options = z.object({
  /** console.* calls per 1,000 lines of server code at or below which the check passes. */
  passPerKloc: z.number().nonnegative().default(2),
  /** At or above which it fails. */
  failPerKloc: z.number().positive().default(10),
});

/** Code that runs on a server, by path convention. */
// Server folders (`routes/`, `services/`, `db/`, `api/`…) count at the root or inside a server part,
// not directly under `src/` of a web app, where single-page apps keep their fetch wrappers and
// client-side services; `index.ts`/`main.ts` name entry points of any kind, so only `server.*` says
// server by name.
const SERVER_PATH = /(^|\/)(pages\/api|server)\/|(^|\/)(?<!src\/)(api|routes?|controllers?|handlers?|middlewares?|services?|workers?|jobs|queues?|db|database|repositories|lambdas?|functions)\/|(^|\/)app\/(.+\/)?route\.[cm]?[jt]s$|\.server\.[cm]?[jt]sx?$|(^|\/)server\.[cm]?[jt]s$/;
/** Code that runs in a browser, by path convention. */
const BROWSER_PATH = /\.[jt]sx$|(^|\/)(components?|hooks|pages|app|public|static|client|views|ui|styles|browser|frontend|web)\//;

function isServerFile(file: ParsedFile, kind: ProjectFact['kind']): boolean {
  const { path } = file;
  const runsOn = (file.extracts['console'] as ConsoleExtract | undefined)?.runsOn;
  if (runsOn !== undefined) return runsOn === 'server';
  if (SERVER_PATH.test(path)) return true;
  // In a service or library everything not visibly browser code runs on the server; in a web app only
  // what the conventions above mark does.
  return kind !== 'web-app' && !BROWSER_PATH.test(path);
}

function loggerInstalled(manifests: ManifestsFact): string | null {
  for (const manifest of manifests.all) {
    const names = new Set([...Object.keys(manifest.dependencies), ...Object.keys(manifest.devDependencies)]);
    const found = loggingIntegrations.find((integration) => integration.enablers.some((name) => names.has(name)));
    if (found) return found.title;
  }
  return null;
}

function callsOf(file: ParsedFile): ConsoleExtract['calls'] {
  return (file.extracts['console'] as ConsoleExtract | undefined)?.calls ?? [];
}

/** Scripts that start the app, whose console is the server's log. */
const SERVER_SCRIPT = /^(start|dev|serve|server|prod|production|preview|watch)(:|$)/;
/** A command that runs a file (not one that builds or checks it: `esbuild server/index.ts`, `tsc`). */
const RUNNER = /^(?:[A-Z_]+=\S*\s+)*(?:npx\s+)?(?:tsx|ts-node|node|bun|bun\s+run|deno\s+run(?:\s+-\S+)*)\s/;

/**
 * Files a package script runs as a command (`"db:seed": "tsx lib/db/seed.ts"`): the terminal is
 * their interface, as it is a CLI's. A file a start script also names stays server code.
 */
function commandScripts(tree: RepoTree, manifests: ManifestsFact): Set<string> {
  const commands = new Set<string>();
  const servers = new Set<string>();
  for (const manifest of manifests.all) {
    for (const [name, command] of Object.entries(manifest.scripts)) {
      const server = SERVER_SCRIPT.test(name);
      for (const part of command.split(/&&|\|\||;/)) {
        if (!server && !RUNNER.test(part.trim())) continue;
        for (const match of part.matchAll(COMMAND_PATH)) {
          const file = resolvePackageFile(tree, manifest.dir, match[1]!);
          if (file) (server ? servers : commands).add(file);
        }
      }
    }
  }
  for (const file of servers) commands.delete(file);
  return commands;
}

export const consoleLoggingCheck = defineCheck({
  id: 'code.console-logging',
  area: 'code',
  title: 'Server code logs through a logger',
  failureTitle: 'Server code logs with console.*',
  rationale:
    '`console.log` in a server writes unstructured lines with no level, no timestamp, no request id and no ' +
    'way to turn noise down or send errors to an alerting tool; secrets and personal data slip into logs ' +
    'unnoticed. In production you then search text by hand when something breaks. It is not counted in a ' +
    'command-line tool (where the console is the interface), in browser code, in tests, or in functions ' +
    'run by a platform that collects console output as its log (Supabase Edge Functions).',
  remediation:
    'Use one logger for the whole server (pino or winston; NestJS has its own), created in one module and ' +
    'imported everywhere: `logger.info({ orderId }, "order created")`, `logger.error({ err }, "payment ' +
    'failed")`. Replace the listed `console.*` calls, then add the ESLint rule `no-console` so new ones need ' +
    'a reason.',
  severity: 'low',
  weight: 1,
  effortMinutes: 10,
  requires: ['code', 'project', 'manifests', 'tree'],
  optionsSchema: options,
  run({ code, project, manifests, tree }, { options: limits }) {
    const none = noSource(code);
    if (none) return none;
    if (project.kind === 'cli') return { status: 'na', evidence: [], reason: 'A command-line tool: the console is its interface.' };
    const scripts = commandScripts(tree, manifests);
    const allServer = productionFiles(code).filter((file) => isServerFile(file, project.kind) && !scripts.has(file.path));
    // Where the platform collects console output per invocation, with its level, console is the logger.
    const server = allServer.filter((file) => platformRuntimeOf(file.path)?.consoleIsLog !== true);
    if (server.length === 0) {
      const platforms = [...new Set(allServer.map((file) => platformRuntimeOf(file.path)?.title))];
      const reason =
        allServer.length > 0
          ? `The server code runs as ${platforms.join(' and ')}, whose console output is the platform's log.`
          : 'No server code found: browser code may use the console.';
      return { status: 'na', evidence: [], reason };
    }
    const codeLines = server.reduce((sum, file) => sum + file.codeLines, 0);
    const withCalls = server.map((file) => ({ file, calls: callsOf(file) })).filter(({ calls }) => calls.length > 0);
    const total = withCalls.reduce((sum, { calls }) => sum + calls.length, 0);
    const density = perKloc(total, codeLines);
    const logger = loggerInstalled(manifests);
    const evidence = [
      `${plural(total, 'console call')} in ${codeLines.toLocaleString('en-US')} lines of server code (${plural(server.length, 'file')}): ${density.toFixed(1)} per 1,000 lines`,
      logger ? `a logger is installed (${logger}) but console is still used` : 'no logging library among the dependencies',
    ];
    const verdict = graded(density, limits.passPerKloc, limits.failPerKloc);
    if (verdict.status === 'pass') return { ...verdict, evidence };
    withCalls.sort((a, b) => b.calls.length - a.calls.length || a.file.path.localeCompare(b.file.path));
    const findings: FindingInput[] = withCalls.slice(0, MAX_FINDINGS).map(({ file, calls }) => {
      const methods = [...new Set(calls.map((call) => `console.${call.method}`))].join(', ');
      return {
        message: `${file.path}: ${plural(calls.length, 'call')} to ${methods} (lines ${calls.slice(0, 8).map((call) => call.line).join(', ')}${calls.length > 8 ? ', …' : ''})${logger ? `; use the ${logger} logger instead` : ''}.`,
        location: { file: file.path, line: calls[0]!.line },
        snippet: 'console',
        data: { calls: calls.length, methods: [...new Set(calls.map((call) => call.method))] },
      };
    });
    return { ...verdict, evidence, findings };
  },
});
