// security.env-example: an environment template exists when the code reads environment variables,
// and it names every variable the code reads (one name of a `process.env.A || process.env.B` chain is enough).
import type { ConfigValidationExtract } from '../../analysis/extractors/config-validation.js';
import { configValidationExtractor } from '../../analysis/extractors/config-validation.js';
import { defineCheck } from '../../core/check.js';
import type { EnvFact } from '../../core/facts.js';
import type { ProjectKind } from '../../core/types.js';
import { isRuntimeProvided } from '../../knowledge/env-files.js';
import { isFixturePath } from '../../util/paths.js';

const MAX_LISTED = 8;

/** Packages that others install and configure; a .env template belongs to deployed applications. */
const PACKAGE_KINDS: ReadonlySet<ProjectKind> = new Set(['library', 'cli']);

type EnvRead = EnvFact['reads'][number];

/**
 * Names that must be set in production even when the code has a fallback: a secret's fallback is a
 * published secret, a connection target's usually points at a developer's machine.
 */
const MUST_BE_SET = /SECRET|TOKEN|KEY|PASSWORD|PASSWD|PRIVATE|CREDENTIAL|SALT|DSN|URL|URI|HOST|DATABASE|_DB$|^DB_/i;

function listed(names: readonly string[]): string {
  const shown = names.slice(0, MAX_LISTED).join(', ');
  return names.length > MAX_LISTED ? `${shown} and ${names.length - MAX_LISTED} more` : shown;
}

const at = (read: EnvRead): string => `${read.file}:${read.line}`;

export const envExampleCheck = defineCheck({
  id: 'security.env-example',
  area: 'security',
  title: 'An environment template lists the variables the code needs',
  failureTitle: 'No environment template for the variables the code reads',
  rationale:
    'The code expects configuration (database address, API keys) from environment variables. Without a ' +
    'committed template such as `.env.example`, a new developer or a new server has to read the whole ' +
    'code base to learn which variables to set, and a missing one shows up as a crash in production ' +
    'instead of a clear error at set-up. The template also documents which secrets exist, so they can be ' +
    'rotated.',
  remediation:
    'Create `.env.example` at the root with one line per variable the code reads, a dummy value and a ' +
    'comment where it helps (`DATABASE_URL=postgres://user:password@localhost:5432/app`). Never put real ' +
    'values in it. Commit it, mention it in the README set-up steps (`cp .env.example .env`), and keep it ' +
    'in step when code starts reading a new variable. Better still, validate the variables at start-up ' +
    '(zod, envalid, @t3-oss/env) so a missing one fails fast with a clear message.',
  severity: 'low',
  weight: 1,
  effortMinutes: 15,
  requires: ['code', 'env', 'project'],
  run({ code, env, project }) {
    if (PACKAGE_KINDS.has(project.kind)) {
      return {
        status: 'na',
        evidence: [],
        reason: `This is a ${project.kind}: its users configure it through its documentation, not a .env file of this repository.`,
      };
    }
    const reads = env.reads.filter((read) => !isFixturePath(read.file));
    const named = reads.filter((read): read is EnvRead & { name: string } => read.name !== null);
    const firstRead = new Map<string, EnvRead>();
    for (const read of named) if (!isRuntimeProvided(read.name, read.file) && !firstRead.has(read.name)) firstRead.set(read.name, read);
    // `process.env.PORT ?? 3000` everywhere it is read: the application runs without it.
    const withFallback = [...firstRead.keys()].filter((name) => !MUST_BE_SET.test(name) && named.every((read) => read.name !== name || read.defaulted === true)).sort();
    for (const name of withFallback) firstRead.delete(name);
    const optionalEvidence = withFallback.length > 0 ? [`not required, the code has a fallback wherever it reads them: ${listed(withFallback)}`] : [];
    const dynamic = reads.filter((read) => read.name === null);
    const needed = [...firstRead.keys()].sort();
    const runtimeOnly = [...new Set(named.filter((read) => isRuntimeProvided(read.name, read.file)).map((read) => read.name))].filter((name) => !firstRead.has(name)).sort();
    const metrics = { env: { variablesNeeded: needed.length, dynamicReads: dynamic.length } };

    if (needed.length === 0 && dynamic.length === 0) {
      return {
        status: 'na',
        evidence: [...(runtimeOnly.length > 0 ? [`reads only variables the runtime or platform sets: ${listed(runtimeOnly)}`] : []), ...optionalEvidence],
        reason:
          withFallback.length > 0
            ? 'Every variable the code reads has a fallback in the code or is set by the runtime, so none has to be configured.'
            : runtimeOnly.length > 0
              ? 'The code reads only variables that Node, the CI or the hosting platform provide, so there is nothing to document.'
              : 'The code reads no environment variables.',
        metrics,
      };
    }
    const readEvidence = [
      ...(needed.length > 0 ? [`code reads ${needed.length} variable${needed.length === 1 ? '' : 's'}: ${listed(needed)} (first at ${at(firstRead.get(needed[0]!)!)})`] : []),
      ...(dynamic.length > 0 ? [`${dynamic.length} read${dynamic.length === 1 ? '' : 's'} by a computed name or of the whole environment (e.g. ${at(dynamic[0]!)}), not compared`] : []),
      ...optionalEvidence,
    ];
    const templates = env.files.filter((file) => file.kind === 'template');
    if (templates.length === 0) {
      const first = named.find((read) => firstRead.has(read.name)) ?? dynamic[0]!;
      return {
        status: 'fail',
        evidence: [...readEvidence, 'no template (.env.example, .env.sample, .env.template, …) in the repository'],
        findings: [
          {
            message:
              needed.length > 0
                ? `The code reads ${needed.length} environment variable${needed.length === 1 ? '' : 's'} (${listed(needed)}) but no .env.example lists them.`
                : 'The code reads its configuration from the environment but no .env.example says which variables to set.',
            location: { file: first.file, line: first.line },
            data: { variables: needed },
          },
        ],
        metrics,
      };
    }

    const readable = templates.filter((file) => file.variables !== null);
    const documented = new Set(readable.flatMap((file) => file.variables ?? []));
    const templateEvidence = `template${templates.length === 1 ? '' : 's'}: ${templates.map((file) => file.path).join(', ')} (${documented.size} variable${documented.size === 1 ? '' : 's'})`;
    if (readable.length === 0) {
      return {
        status: 'unknown',
        evidence: [...readEvidence, templateEvidence],
        reason: 'The environment template could not be read, so it cannot be compared with the variables the code reads.',
        metrics,
      };
    }
    // `process.env.ACCESS_SECRET || process.env.JWT_SECRET` is one setting under either name.
    const chains = code.files.flatMap((file) =>
      ((file.extracts[configValidationExtractor.id] as ConfigValidationExtract | undefined)?.alternatives ?? []).map((chain) => ({ file: file.path, ...chain })),
    );
    const hasListedAlternative = (read: EnvRead & { name: string }): boolean =>
      chains.some((chain) => chain.file === read.file && chain.line <= read.line && read.line <= chain.endLine && chain.names.includes(read.name) && chain.names.some((name) => documented.has(name)));
    const uncoveredRead = new Map<string, EnvRead>();
    for (const read of named) {
      if (!firstRead.has(read.name) || documented.has(read.name) || uncoveredRead.has(read.name)) continue;
      if (!isRuntimeProvided(read.name, read.file) && !hasListedAlternative(read)) uncoveredRead.set(read.name, read);
    }
    const missing = needed.filter((name) => uncoveredRead.has(name));
    const alternatives = needed.filter((name) => !documented.has(name) && !uncoveredRead.has(name));
    const alternativeEvidence = alternatives.length > 0 ? [`read only as an alternative to a variable the template lists: ${listed(alternatives)}`] : [];
    const templateNames = templates.map((file) => file.path).join(', ');
    if (missing.length === 0) return { status: 'pass', evidence: [templateEvidence, ...readEvidence, ...alternativeEvidence], metrics };
    return {
      status: 'partial',
      score: (needed.length - missing.length) / needed.length,
      evidence: [templateEvidence, ...readEvidence, ...alternativeEvidence, `missing from the template: ${listed(missing)}`],
      findings: missing.map((name) => {
        const read = uncoveredRead.get(name)!;
        return {
          title: 'Environment variable missing from the template',
          message: `${name} is read at ${at(read)} but is not listed in ${templateNames}.`,
          location: { file: read.file, line: read.line },
          snippet: name,
          effortMinutes: 5,
          data: { variable: name },
        };
      }),
      metrics: { env: { ...metrics.env, variablesMissingFromTemplate: missing.length } },
    };
  },
});
