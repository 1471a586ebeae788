// security.dangerous-patterns: code that runs strings as code, SQL or shell commands, or switches a
// safety check off. Reads the shared parse (src/analysis/extractors/dangerous-patterns.ts).
import type { ConfigValidationExtract } from '../../analysis/extractors/config-validation.js';
import { configValidationExtractor } from '../../analysis/extractors/config-validation.js';
import type { DangerousPattern, DangerousPatternKind, DangerousPatternsExtract } from '../../analysis/extractors/dangerous-patterns.js';
import { dangerousPatternsExtractor } from '../../analysis/extractors/dangerous-patterns.js';
import { defineCheck } from '../../core/check.js';
import type { FindingInput, Severity } from '../../core/types.js';
import { isFixturePath } from '../../util/paths.js';
import { findTlsEnvSettings, mayHoldTlsEnvSetting, type TlsEnvSetting } from './tls-env-settings.js';

interface KindInfo {
  title: string;
  /** Severity when the input is known only at run time, and when it is a fixed literal. */
  severity: { dynamic: Severity; fixed: Severity };
  risk: string;
  fix: string;
  effortMinutes: number;
}

const KINDS: Readonly<Record<DangerousPatternKind, KindInfo>> = {
  eval: {
    title: 'eval() runs a string as code',
    severity: { dynamic: 'high', fixed: 'low' },
    risk: 'whatever ends up in that string runs with the full power of your app; if any part comes from a user, they can run their own code',
    fix: 'Parse data instead of running it (JSON.parse, a lookup table, a small expression parser).',
    effortMinutes: 30,
  },
  'new-function': {
    title: 'new Function() builds code from a string',
    severity: { dynamic: 'high', fixed: 'low' },
    risk: 'it is eval under another name: a string that reaches it becomes code',
    fix: 'Replace the generated function with ordinary code that takes the varying part as an argument.',
    effortMinutes: 30,
  },
  'shell-command-from-strings': {
    title: 'Shell command assembled from strings',
    severity: { dynamic: 'high', fixed: 'high' },
    risk: 'a value inside a shell command line can add commands of its own (a file name such as "x; rm -rf ~")',
    fix: 'Use execFile() or spawn() with the program and an array of arguments (no shell), and check the values against what you expect.',
    effortMinutes: 30,
  },
  'sql-from-strings': {
    title: 'SQL assembled from strings (SQL injection)',
    severity: { dynamic: 'high', fixed: 'high' },
    risk: 'a value pasted into SQL text can change the query itself, to read or delete any table (SQL injection)',
    fix: 'Pass values as parameters ($1 or ? placeholders with a values array) or use the library\'s tagged template (sql`…${id}`, prisma.$queryRaw`…`), which sends them separately.',
    effortMinutes: 20,
  },
  'tls-verification-disabled': {
    title: 'TLS certificate verification turned off',
    severity: { dynamic: 'high', fixed: 'high' },
    risk: 'the connection is encrypted but no longer checks who is on the other end, so anyone on the network path can read and change the traffic',
    fix: 'Remove the option. For a database or service with its own certificate authority (RDS, Supabase, a self-signed cert), pass that CA certificate with the `ca` option instead.',
    effortMinutes: 20,
  },
  'tls-disabled-by-env': {
    title: 'NODE_TLS_REJECT_UNAUTHORIZED=0 turns off TLS checks for the whole process',
    severity: { dynamic: 'high', fixed: 'high' },
    risk: 'every HTTPS and TLS connection the process makes stops checking certificates, including payment and login providers',
    fix: 'Remove the setting; trust a specific certificate authority with NODE_EXTRA_CA_CERTS or the `ca` option of the one client that needs it.',
    effortMinutes: 20,
  },
  'unsanitised-inner-html': {
    title: 'dangerouslySetInnerHTML with unsanitised content',
    severity: { dynamic: 'medium', fixed: 'medium' },
    risk: 'HTML that contains a script tag or an onerror attribute runs in your users\' browsers with their session (cross-site scripting)',
    fix: 'Render the text as a normal React child, or sanitise the HTML first (DOMPurify.sanitize) if it must be HTML.',
    effortMinutes: 20,
  },
  'secret-fallback-literal': {
    title: 'A secret falls back to a value written in the code',
    severity: { dynamic: 'high', fixed: 'high' },
    risk: 'when the variable is missing in production the app starts anyway, with a secret anyone who can read the code knows: sessions and tokens signed with it can be forged',
    fix: 'Remove the fallback and stop at start-up when the variable is missing (see security.config-validated); set a long random value in each environment.',
    effortMinutes: 10,
  },
  'cors-any-origin-with-credentials': {
    title: 'CORS allows any origin together with credentials',
    // origin: true reflects every caller's origin: any website can make logged-in requests.
    // origin: '*' with credentials is refused by browsers: broken, and one "fix" away from the first.
    severity: { dynamic: 'high', fixed: 'medium' },
    risk: 'any website a logged-in user visits could call your API with their cookies, or the setting is rejected by browsers and invites an unsafe "fix"',
    fix: 'List the exact origins of your front ends (origin: ["https://app.example.com"]) when credentials are allowed.',
    effortMinutes: 15,
  },
};

interface Located {
  file: string;
  pattern: DangerousPattern;
  severity: Severity;
  /** Said after the code, e.g. that a setting only applies while developing. */
  note?: string;
}

function inCode(file: string, pattern: DangerousPattern): Located {
  const severity = KINDS[pattern.kind].severity;
  return { file, pattern, severity: pattern.dynamic ? severity.dynamic : severity.fixed };
}

function inConfiguration(file: string, setting: TlsEnvSetting): Located {
  const development = setting.scope === 'development';
  return {
    file,
    pattern: { kind: 'tls-disabled-by-env', line: setting.line, column: setting.column, code: setting.code, detail: 'NODE_TLS_REJECT_UNAUTHORIZED=0', dynamic: false, symbol: null },
    severity: development ? 'low' : 'high',
    ...(development ? { note: 'development or CI only, but such settings tend to travel to production' } : {}),
  };
}

function findingOf({ file, pattern, severity, note }: Located): FindingInput {
  const info = KINDS[pattern.kind];
  const where = `${file}:${pattern.line}:${pattern.column}${pattern.symbol ? ` in ${pattern.symbol}()` : ''}`;
  return {
    title: `${info.title} in ${file}`,
    message: `${where}: \`${pattern.code}\`${note ? ` (${note})` : ''}. Why it matters: ${info.risk}. ${info.fix}`,
    location: { file, line: pattern.line, column: pattern.column },
    severity,
    effortMinutes: info.effortMinutes,
    ...(pattern.symbol ? { symbol: pattern.symbol } : {}),
    snippet: `${pattern.kind}:${pattern.code}`,
    data: { kind: pattern.kind, detail: pattern.detail, code: pattern.code, dynamic: pattern.dynamic, function: pattern.symbol },
  };
}

const PENALTY: Partial<Record<Severity, number>> = { medium: 0.15, low: 0.05, info: 0 };

export const dangerousPatternsCheck = defineCheck({
  id: 'security.dangerous-patterns',
  area: 'security',
  title: 'No dangerous code patterns',
  failureTitle: 'Dangerous code patterns found',
  rationale:
    'A few lines of code cause most break-ins of young apps: SQL or shell commands glued together from ' +
    'strings (so a user\'s input can rewrite the command), eval() and new Function() (which run a string ' +
    'as code), TLS certificate checks switched off in code or with NODE_TLS_REJECT_UNAUTHORIZED=0 in ' +
    'scripts, Dockerfiles and env files (usually to get past an error once, then forgotten), ' +
    'HTML inserted into a page without cleaning (cross-site scripting), CORS settings that let any ' +
    'website make requests with your users\' cookies, and secrets that fall back to a value written in the code ' +
    '(`process.env.JWT_SECRET || "change-me"`). Each one is easy to write, especially with an AI ' +
    'assistant, and easy to fix once found. The check reads the parsed code, so words in comments and ' +
    'strings do not count, and safe forms are recognised: parameterised queries ($1, ?), tagged sql`` ' +
    'templates, execFile with an argument array, sanitised HTML. Test files are left out.',
  remediation:
    'Fix each finding as its message says: pass values to SQL as parameters instead of pasting them into ' +
    'the text; run programs with execFile/spawn and an argument array instead of a shell string; replace ' +
    'eval/new Function with parsing; delete rejectUnauthorized: false, strictSSL: false and ' +
    'NODE_TLS_REJECT_UNAUTHORIZED=0 and trust the specific certificate authority instead (`ca` option, ' +
    'NODE_EXTRA_CA_CERTS); sanitise HTML with DOMPurify before dangerouslySetInnerHTML; list the exact ' +
    'origins allowed to send credentials in your CORS settings. Start with SQL and shell commands that ' +
    'handle request data: those are the ones attackers look for first.',
  severity: 'high',
  weight: 2,
  effortMinutes: 20,
  requires: ['code', 'tree'],
  run({ code, tree }) {
    const sources = code.files.filter((file) => !file.isTest && !isFixturePath(file.path));
    if (sources.length === 0) {
      return {
        status: 'na',
        evidence: [],
        reason: 'No JavaScript or TypeScript source files outside tests were parsed, so there is no code to inspect.',
      };
    }
    // A fallback that only applies where a guard has already stopped a production start is a development default.
    const guarded = new Set(
      sources.flatMap((file) => ((file.extracts[configValidationExtractor.id] as ConfigValidationExtract | undefined)?.guards ?? []).map((guard) => guard.name)),
    );
    const found: Located[] = [];
    for (const file of sources) {
      const extract = file.extracts[dangerousPatternsExtractor.id] as DangerousPatternsExtract | undefined;
      for (const pattern of extract?.patterns ?? []) {
        if (pattern.kind === 'secret-fallback-literal' && guarded.has(pattern.detail)) continue;
        found.push(inCode(file.path, pattern));
      }
    }
    for (const { path } of tree.files) {
      if (isFixturePath(path) || !mayHoldTlsEnvSetting(path)) continue;
      const text = tree.read(path);
      for (const setting of text === null ? [] : findTlsEnvSettings(path, text)) found.push(inConfiguration(path, setting));
    }
    const evidence = [
      `Inspected ${sources.length} source file${sources.length === 1 ? '' : 's'} (tests and fixtures left out) and the configuration files beside them`,
    ];
    const byKind = new Map<DangerousPatternKind, Located[]>();
    for (const located of found) byKind.set(located.pattern.kind, [...(byKind.get(located.pattern.kind) ?? []), located]);
    const metrics = { filesInspected: sources.length, patternsByKind: Object.fromEntries([...byKind].map(([kind, list]) => [kind, list.length])) };
    if (found.length === 0) return { status: 'pass', evidence: [...evidence, 'No dangerous pattern found'], metrics };

    for (const [kind, list] of byKind) {
      const places = list.slice(0, 3).map(({ file, pattern }) => `${file}:${pattern.line}`);
      evidence.push(`${kind}: ${list.length} (${places.join(', ')}${list.length > 3 ? `, +${list.length - 3} more` : ''})`);
    }
    const findings = found.map(findingOf);
    const severities = found.map((located) => located.severity);
    if (severities.some((severity) => severity === 'high' || severity === 'critical')) {
      return { status: 'fail', evidence, findings, metrics };
    }
    const score = Math.max(0.25, 1 - severities.reduce((sum, severity) => sum + (PENALTY[severity] ?? 0), 0));
    return { status: 'partial', score, evidence, findings, metrics };
  },
});
