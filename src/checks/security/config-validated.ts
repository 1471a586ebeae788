// security.config-validated: the configuration the code reads from the environment is checked when
// the application starts, so that a missing or malformed value stops it with a clear message.
import type { ConfigValidationExtract } from '../../analysis/extractors/config-validation.js';
import { configValidationExtractor } from '../../analysis/extractors/config-validation.js';
import { defineCheck } from '../../core/check.js';
import { isRuntimeProvided } from '../../knowledge/env-files.js';
import { isFixturePath } from '../../util/paths.js';

const isProductionPath = (path: string): boolean => !isFixturePath(path);

function listed(names: string[], limit = 5): string {
  return names.slice(0, limit).join(', ') + (names.length > limit ? ` and ${names.length - limit} more` : '');
}

export const configValidatedCheck = defineCheck({
  id: 'security.config-validated',
  area: 'security',
  title: 'Configuration is validated at start-up',
  failureTitle: 'Configuration is not validated at start-up',
  rationale:
    'An app reads its secrets and settings (database URL, API keys, ports) from environment variables. ' +
    'When one is missing or mistyped in production, an app that does not check them starts anyway and ' +
    'fails later, in the middle of a user\'s request, with an error such as "cannot read properties of ' +
    'undefined" far from the cause, or silently talks to the wrong place. Checking every variable once at ' +
    'start-up turns that into an immediate, clear failure at deploy time ("DATABASE_URL is missing"), and ' +
    'gives the rest of the code typed, trustworthy values. The check looks for a validation library ' +
    '(envalid, @t3-oss/env, znv, env-var, dotenv-safe, convict, @nestjs/config with a schema) or a schema ' +
    'applied to process.env (zod, valibot, yup, joi…), and otherwise for hand-written guards that stop the ' +
    'program when a variable is missing, or that handle its absence where it is read (answer early, or ' +
    'leave an optional feature off with a warning).',
  remediation:
    'Create one module (for example src/env.ts) that reads every environment variable the app uses, ' +
    'validates them with a schema, and exports the result; import it first thing at start-up and use it ' +
    'instead of process.env elsewhere. With zod: `export const env = z.object({ DATABASE_URL: z.string().url(), ' +
    'PORT: z.coerce.number().default(3000) }).parse(process.env);`. envalid\'s cleanEnv or @t3-oss/env ' +
    '(for Next.js) do the same. List the same variables in .env.example so a newcomer knows what to set.',
  severity: 'medium',
  weight: 1,
  effortMinutes: 45,
  requires: ['code', 'env', 'project'],
  run({ code, env, project }) {
    if (project.kind === 'library' || project.kind === 'cli') {
      const reason =
        project.kind === 'library'
          ? 'A library receives its configuration from the application that uses it.'
          : 'A command-line tool takes its settings from flags and reads the environment only for optional tweaks.';
      return { status: 'na', evidence: [], reason };
    }
    const productionReads = env.reads.filter((read) => isProductionPath(read.file));
    // What Node or the platform sets (NODE_ENV, PORT, SUPABASE_URL inside an Edge Function) cannot be missing.
    const reads = productionReads.filter((read) => read.name === null || !isRuntimeProvided(read.name, read.file));
    const readNames = [...new Set(reads.map((read) => read.name).filter((name): name is string => name !== null))].sort();
    if (reads.length === 0) {
      const reason =
        productionReads.length > 0
          ? 'The code outside tests reads only variables that Node or the hosting platform set, so there is no configuration of its own to validate.'
          : 'The code outside tests reads no environment variables, so there is no configuration to validate.';
      return { status: 'na', evidence: [], reason };
    }
    const evidence = [
      `Code reads ${readNames.length} environment variable${readNames.length === 1 ? '' : 's'} at ${reads.length} place${reads.length === 1 ? '' : 's'}` +
        (readNames.length > 0 ? ` (${listed(readNames)})` : ''),
    ];

    const validations: string[] = [];
    const guarded = new Set<string>();
    const defaultedAt = new Set<string>();
    for (const file of code.files) {
      if (file.isTest || !isProductionPath(file.path)) continue;
      const extract = file.extracts[configValidationExtractor.id] as ConfigValidationExtract | undefined;
      for (const validation of extract?.validations ?? []) validations.push(`${file.path}:${validation.line}: ${validation.how}`);
      for (const guard of [...(extract?.guards ?? []), ...(extract?.handled ?? [])]) guarded.add(guard.name);
      for (const read of extract?.defaults ?? []) defaultedAt.add(`${read.name}@${file.path}:${read.line}`);
    }
    // A variable that brings its own default wherever it is read cannot be missing.
    for (const name of readNames) {
      const sites = reads.filter((read) => read.name === name);
      if (sites.every((read) => defaultedAt.has(`${name}@${read.file}:${read.line}`))) guarded.add(name);
    }
    if (validations.length > 0) {
      return { status: 'pass', evidence: [...evidence, ...validations.slice(0, 3).map((where) => `Validated at ${where}`)] };
    }

    const covered = readNames.filter((name) => guarded.has(name));
    const unchecked = readNames.filter((name) => !guarded.has(name));
    if (readNames.length > 0 && unchecked.length === 0) {
      return { status: 'pass', evidence: [...evidence, `Every variable has a default or is checked by hand, so a missing one falls back, stops the program or is handled where it is read (${listed(covered)})`] };
    }
    const first = reads.find((read) => read.name !== null && unchecked.includes(read.name)) ?? reads[0]!;
    const finding = {
      message:
        `${first.file}:${first.line}: environment variables are read without being validated at start-up` +
        (unchecked.length > 0 ? ` (${listed(unchecked)})` : '') +
        '. A missing or mistyped value will surface later as a confusing runtime error instead of stopping the deploy.',
      location: { file: first.file, line: first.line },
      snippet: 'unvalidated-environment',
      data: { unchecked, guarded: covered },
    };
    if (covered.length > 0) {
      evidence.push(`With a default or checked by hand: ${listed(covered)}; not checked: ${listed(unchecked)}`);
      return { status: 'partial', score: 0.25 + 0.5 * (covered.length / readNames.length), evidence, findings: [finding] };
    }
    evidence.push('No validation library or schema applied to the environment, and no guard for a missing variable');
    return { status: 'fail', evidence, findings: [finding] };
  },
});
