// observability.structured-logging: a logging library is used in server code instead of bare console.*.
import type { ConsoleExtract } from '../../analysis/extractors/console.js';
import { isProductionCode } from '../../collectors/production-code.js';
import { defineCheck } from '../../core/check.js';
import type { FindingInput } from '../../core/types.js';
import { integrations as knownIntegrations } from '../../knowledge/integrations/index.js';
import { runsServer } from './serves-requests.js';

const LOG_METHODS = new Set(['log', 'info', 'warn', 'error', 'debug', 'trace']);

export const structuredLoggingCheck = defineCheck({
  id: 'observability.structured-logging',
  area: 'observability',
  title: 'Server code logs through a structured logger',
  failureTitle: 'Server code logs only with console.*',
  rationale:
    'When something goes wrong in production, logs are what you read. `console.log` writes unlevelled, ' +
    'unstructured text: you cannot filter errors from chatter, search by request or user, or turn the ' +
    'noise down without a deploy, and it happily prints passwords and tokens. A logger such as pino or ' +
    'winston writes JSON with levels, takes its level from the environment and can redact secrets.',
  remediation:
    'Add a logger once (`export const logger = pino({ level: process.env.LOG_LEVEL ?? "info", redact: ' +
    '["req.headers.authorization", "*.password"] })`), log through it in server code with context ' +
    '(`logger.error({ err, userId }, "payment failed")`), add request logging (pino-http), and replace ' +
    'console.* calls in server code. In NestJS, use the built-in Logger or nestjs-pino.',
  severity: 'medium',
  weight: 1,
  effortMinutes: 60,
  requires: ['project', 'routes', 'manifests', 'integrations', 'code'],
  run({ project, routes, manifests, integrations, code }) {
    const serving = runsServer(project, routes, manifests);
    if (!serving.applies) return { status: 'na', evidence: [], reason: serving.reason };
    let consoleCalls = 0;
    let consoleFiles = 0;
    let firstConsole: { file: string; line: number } | null = null;
    for (const file of code.files) {
      if (!isProductionCode(file) || /\.[jt]sx$/.test(file.path)) continue;
      const calls = ((file.extracts.console as ConsoleExtract | undefined)?.calls ?? []).filter((call) => LOG_METHODS.has(call.method));
      if (calls.length === 0) continue;
      consoleCalls += calls.length;
      consoleFiles += 1;
      firstConsole ??= { file: file.path, line: calls[0]!.line };
    }
    const loggers = integrations.found.filter((presence) => presence.category === 'logging' && presence.imports.length > 0);
    const consoleEvidence = `${consoleCalls} console.* call(s) in ${consoleFiles} server file(s)`;
    if (loggers.length === 0) {
      return {
        status: 'fail',
        evidence: [consoleEvidence, 'no logging library imported in server code'],
        findings: [{ message: consoleCalls > 0 ? `Logging is done with bare console.* only (${consoleEvidence}).` : 'Server code does not log at all: no logger and no console output.', location: firstConsole, snippet: 'console only' }],
      };
    }
    const evidence = loggers.map((presence) => `${presence.title}: imported in ${presence.imports.length} file(s), e.g. ${presence.imports[0]!.file}:${presence.imports[0]!.line}`);
    evidence.push(consoleEvidence);
    const findings: FindingInput[] = [];
    if (firstConsole) {
      findings.push({
        message: `${consoleEvidence} bypass the logger (first at ${firstConsole.file}:${firstConsole.line}): those lines have no level, no context and no redaction.`,
        location: firstConsole,
        severity: 'low',
        title: 'console.* calls beside the logger',
        snippet: 'console beside logger',
        effortMinutes: 30,
        data: { consoleCalls, files: consoleFiles },
      });
    }
    const inits = loggers.flatMap((presence) => presence.inits.map((init) => ({ presence, init, knowledge: knownIntegrations.find((entry) => entry.id === presence.id) })));
    const configurable = inits.filter(({ knowledge }) => knowledge?.evidence.levelOptions);
    const readable = configurable.filter(({ init }) => init.optionsReadable);
    if (configurable.length > readable.length) {
      const { init } = configurable.find((entry) => !entry.init.optionsReadable)!;
      evidence.push(`logger created at ${init.file}:${init.line} with options built elsewhere: level and redaction not checked`);
    } else if (readable.length > 0) {
      // A level that is not a literal comes from configuration (env, a validated config object).
      const levelConfigurable = readable.some(({ init, knowledge }) => init.optionKeys.some((key) => knowledge!.evidence.levelOptions!.includes(key) && !init.literalOptions.includes(key)));
      const redacts = readable.some(({ init, knowledge }) => init.optionKeys.some((key) => (knowledge!.evidence.redactOptions ?? []).includes(key)));
      const { init } = readable[0]!;
      evidence.push(`logger created at ${init.file}:${init.line}: level ${levelConfigurable ? 'from configuration' : 'fixed in code'}, ${redacts ? 'redacts fields' : 'no redaction'}`);
      if (!levelConfigurable) findings.push({ message: `${init.file}:${init.line}: the log level is fixed in code; read it from the environment (LOG_LEVEL) to change verbosity without a deploy.`, location: { file: init.file, line: init.line }, severity: 'low', title: 'Log level not configurable', snippet: 'level', effortMinutes: 5 });
      if (!redacts) findings.push({ message: `${init.file}:${init.line}: the logger redacts nothing; passwords and tokens in logged objects reach the logs.`, location: { file: init.file, line: init.line }, severity: 'low', title: 'Logger does not redact secrets', snippet: 'redact', effortMinutes: 10 });
    }
    const score = 1 - 0.1 * findings.length;
    return { status: 'pass', score, evidence, findings, metrics: { consoleCalls } };
  },
});
