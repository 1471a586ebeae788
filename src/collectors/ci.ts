// CI configurations: which services the repository configures, the commands their jobs run (with
// job names and lines, for evidence) and what triggers them. Files are read through the inventory
// only; a configuration that does not parse is recorded with its error, never thrown.
import { isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, type Document, type Node } from 'yaml';
import { defineCollector } from '../core/collector.js';
import type { CiConfig, CiProvider, CiStep, RepoTree } from '../core/facts.js';
import { CI_PROVIDERS, ciProviderFor, type CiProviderSpec } from '../knowledge/ci-providers.js';
import { isFixturePath } from '../util/paths.js';

type LineOf = (node: unknown) => number | null;

interface Walk {
  spec: CiProviderSpec;
  lineOf: LineOf;
  steps: CiStep[];
}

/** Keys whose map value is a step that uses a reusable building block, by provider. */
const USES_KEYS: Partial<Record<CiProvider, readonly string[]>> = {
  'github-actions': ['uses'],
  'bitbucket-pipelines': ['pipe'],
};

function scalarText(node: unknown): string | null {
  if (!isScalar(node)) return null;
  const value = node.value;
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : null;
}

function mapField(node: unknown, key: string): unknown {
  if (!isMap(node)) return undefined;
  return node.items.find((pair) => scalarText(pair.key) === key)?.value;
}

function toPlain(node: unknown): unknown {
  if (node === null || node === undefined) return null;
  try {
    return (node as Node).toJSON();
  } catch {
    return null;
  }
}

function matchesJobPath(spec: CiProviderSpec, path: readonly string[], key: string): boolean {
  if (spec.reservedKeys?.includes(key) || spec.commandKeys.includes(key)) return false;
  return spec.jobPaths.some(
    (pattern) => pattern.length === path.length + 1 && pattern.every((segment, i) => segment === '*' ? i === path.length : segment === path[i]),
  );
}

/** Shell commands under a command key: a string, or a list of them (lists may nest through anchors). */
function emitCommands(walk: Walk, node: unknown, job: string | null, path: readonly string[]): void {
  // GitLab's `!reference [.job, script]` points at commands defined (and walked) elsewhere.
  if ((node as { tag?: string } | null)?.tag === '!reference') return;
  const run = scalarText(node);
  if (run !== null) {
    walk.steps.push({ run, job, line: walk.lineOf(node) });
  } else if (isSeq(node)) {
    for (const item of node.items) emitCommands(walk, item, job, path);
  } else if (isMap(node)) {
    visit(walk, node, job, path);
  }
}

function visit(walk: Walk, node: unknown, job: string | null, path: readonly string[]): void {
  if (isSeq(node)) {
    for (const item of node.items) visit(walk, item, job, [...path, '#']);
    return;
  }
  if (!isMap(node)) return;
  const named = walk.spec.jobNameFields.map((field) => scalarText(mapField(node, field))).find((name) => name !== null && name !== undefined);
  const currentJob = named ?? job;
  for (const usesKey of USES_KEYS[walk.spec.provider] ?? []) {
    const usesNode = mapField(node, usesKey);
    const uses = scalarText(usesNode);
    if (uses !== null) {
      const withNode = mapField(node, 'with') ?? mapField(node, 'variables');
      const withValue = toPlain(withNode);
      walk.steps.push({
        uses,
        ...(withValue && typeof withValue === 'object' ? { with: withValue as Record<string, unknown> } : {}),
        job: currentJob,
        line: walk.lineOf(usesNode),
      });
    }
  }
  for (const pair of node.items) {
    if (!isPair(pair)) continue;
    const key = scalarText(pair.key);
    if (key === null) continue;
    if (walk.spec.commandKeys.includes(key)) {
      emitCommands(walk, pair.value, currentJob, [...path, key]);
    } else {
      visit(walk, pair.value, matchesJobPath(walk.spec, path, key) ? key : currentJob, [...path, key]);
    }
  }
}

/** Prefix of a GitLab include of a file in this repository. */
const LOCAL_INCLUDE = 'local:';

/** Steps that do not sit under a command key: CircleCI orb jobs, GitLab includes, Travis defaults. */
const PROVIDER_STEPS: Partial<Record<CiProvider, (root: unknown, lineOf: LineOf) => CiStep[]>> = {
  circleci(root, lineOf) {
    const steps: CiStep[] = [];
    const workflows = mapField(root, 'workflows');
    if (!isMap(workflows)) return steps;
    for (const workflow of workflows.items) {
      const jobs = mapField(workflow.value, 'jobs');
      if (!isSeq(jobs)) continue;
      for (const item of jobs.items) {
        const keyNode = isMap(item) ? item.items[0]?.key : item;
        const name = scalarText(keyNode);
        // Jobs defined in this file are walked already; `orb/job` names come from an orb.
        if (name?.includes('/')) steps.push({ uses: name, job: scalarText(workflow.key), line: lineOf(keyNode) });
      }
    }
    return steps;
  },
  'gitlab-ci'(root, lineOf) {
    const include = mapField(root, 'include');
    const entries = isSeq(include) ? include.items : include === undefined ? [] : [include];
    return entries.map((entry) => {
      // A local include (`/ci/test.yml`, `local: ci/test.yml`) is read by the collector; others stay opaque.
      const local = scalarText(entry) ?? scalarText(mapField(entry, 'local'));
      if (local !== null && !/^\w+:\/\//.test(local)) return { uses: `${LOCAL_INCLUDE}${local.replace(/^\//, '')}`, job: null, line: lineOf(entry) };
      const target = isMap(entry) ? entry.items.map((pair) => `${scalarText(pair.key)}:${scalarText(pair.value) ?? '…'}`).join(' ') : (scalarText(entry) ?? '…');
      return { uses: `include:${target}`, job: null, line: lineOf(entry) };
    });
  },
  travis(root, lineOf) {
    // Travis runs `npm test` for a Node.js build that names no `script` of its own.
    const language = scalarText(mapField(root, 'language'));
    if (language !== 'node_js' || mapField(root, 'script') !== undefined) return [];
    return [{ run: 'npm test', job: '(Travis default script for node_js)', line: lineOf(mapField(root, 'language')) }];
  },
};

function keysOrValues(node: unknown): string[] {
  const single = scalarText(node);
  if (single !== null) return [single];
  if (isSeq(node)) return node.items.map(scalarText).filter((value): value is string => value !== null);
  if (isMap(node)) return node.items.map((pair) => scalarText(pair.key)).filter((value): value is string => value !== null);
  return [];
}

/** What starts a pipeline, where the provider states it in the file. */
const PROVIDER_TRIGGERS: Partial<Record<CiProvider, (root: unknown) => string[]>> = {
  'github-actions': (root) => keysOrValues(mapField(root, 'on')),
  'bitbucket-pipelines': (root) => keysOrValues(mapField(root, 'pipelines')),
  'azure-pipelines': (root) => ['trigger', 'pr', 'schedules'].filter((key) => mapField(root, key) !== undefined),
  drone: (root) => keysOrValues(mapField(mapField(root, 'trigger'), 'event')),
  woodpecker: (root) => keysOrValues(mapField(mapField(root, 'when'), 'event')),
};

function parseYamlConfig(spec: CiProviderSpec, path: string, text: string): CiConfig {
  const lineCounter = new LineCounter();
  const base = { provider: spec.provider, path };
  let documents: Document.Parsed[];
  try {
    const parsed = parseAllDocuments(text, { lineCounter, uniqueKeys: false });
    documents = Array.isArray(parsed) ? parsed : [];
  } catch (error) {
    return { ...base, document: null, parseError: error instanceof Error ? error.message : String(error), steps: [], triggers: [] };
  }
  const error = documents.flatMap((document) => document.errors)[0];
  if (error) {
    const line = error.linePos?.[0].line;
    const message = error.message.split('\n')[0] ?? error.code;
    return { ...base, document: null, parseError: line ? `line ${line}: ${message}` : message, steps: [], triggers: [] };
  }
  const lineOf: LineOf = (node) => {
    const range = (node as { range?: [number, number, number] } | null)?.range;
    return range ? lineCounter.linePos(range[0]).line : null;
  };
  const walk: Walk = { spec, lineOf, steps: [] };
  const triggers = new Set<string>();
  for (const document of documents) {
    visit(walk, document.contents, null, []);
    walk.steps.push(...(PROVIDER_STEPS[spec.provider]?.(document.contents, lineOf) ?? []));
    for (const trigger of PROVIDER_TRIGGERS[spec.provider]?.(document.contents) ?? []) triggers.add(trigger);
  }
  walk.steps.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  const plain = documents.map((document) => toPlain(document.contents));
  return {
    ...base,
    document: plain.length === 1 ? plain[0] : plain,
    parseError: null,
    steps: walk.steps,
    triggers: [...triggers],
  };
}

/** Comments blanked (newlines kept, so lines still count right) before the Jenkinsfile is searched. */
function blankGroovyComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\/|(^|[^:'"])\/\/[^\n]*/g, (match, before: string | undefined) =>
    match.startsWith('/*') ? match.replace(/[^\n]/g, ' ') : `${before ?? ''}${' '.repeat(match.length - (before ?? '').length)}`,
  );
}

// `sh 'cmd'`, `sh "cmd"`, `sh '''…'''`, `sh(returnStdout: true, script: "cmd")`, `bat …`, `powershell …`.
const JENKINS_STEP = /\b(?:sh|bat|powershell|pwsh)\s*\(?\s*(?:\w+\s*:\s*(?:'[^'\n]*'|"[^"\n]*"|\w+)\s*,\s*)*(?:script\s*:\s*)?('''[\s\S]*?'''|"""[\s\S]*?"""|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")/g;
const JENKINS_STAGE = /\bstage\s*\(\s*(['"])(.*?)\1/g;

function parseJenkinsfile(path: string, text: string): CiConfig {
  const code = blankGroovyComments(text);
  const lineAt = (index: number): number => code.slice(0, index).split('\n').length;
  const stages = [...code.matchAll(JENKINS_STAGE)].map((match) => ({ index: match.index, name: match[2] ?? null }));
  const steps: CiStep[] = [];
  for (const match of code.matchAll(JENKINS_STEP)) {
    const literal = match[1] ?? '';
    const quote = literal.startsWith("'''") || literal.startsWith('"""') ? 3 : 1;
    const stage = stages.filter((candidate) => candidate.index < match.index).at(-1);
    steps.push({ run: literal.slice(quote, literal.length - quote).trim(), job: stage?.name ?? null, line: lineAt(match.index) });
  }
  const triggers = /\btriggers\s*\{/.test(code) ? ['triggers'] : [];
  return { provider: 'jenkins', path, document: null, parseError: null, steps, triggers };
}

/** Reads and parses one configuration; an unreadable file is recorded like a parse failure. */
function parseCiConfig(spec: CiProviderSpec, path: string, tree: RepoTree): CiConfig {
  const text = tree.read(path);
  if (text === null) {
    const reason = tree.unreadable.get(path) ?? 'unreadable';
    return { provider: spec.provider, path, document: null, parseError: `could not read the file (${reason})`, steps: [], triggers: [] };
  }
  try {
    return spec.format === 'jenkinsfile' ? parseJenkinsfile(path, text) : parseYamlConfig(spec, path, text);
  } catch (error) {
    // Hostile input (nesting deep enough to exhaust the stack) is recorded like a syntax error.
    const message = error instanceof Error ? error.message : String(error);
    return { provider: spec.provider, path, document: null, parseError: `could not be analysed: ${message}`, steps: [], triggers: [] };
  }
}

/** Repository files whose steps a step brings in: a GitLab local include, a local composite action. */
function referencedFiles(config: CiConfig, step: CiStep, tree: RepoTree): string[] {
  if (config.provider === 'gitlab-ci' && step.uses?.startsWith(LOCAL_INCLUDE)) {
    return localIncludePaths(step.uses.slice(LOCAL_INCLUDE.length), tree);
  }
  if (config.provider === 'github-actions' && step.uses?.startsWith('./')) {
    const folder = step.uses.slice(2).replace(/\/+$/, '');
    return [`${folder}/action.yml`, `${folder}/action.yaml`].filter((path) => tree.has(path));
  }
  return [];
}

/** Files a GitLab local include names; `*` and `**` globs are matched against the inventory. */
function localIncludePaths(pattern: string, tree: RepoTree): string[] {
  if (!pattern.includes('*')) return tree.has(pattern) ? [pattern] : [];
  const source = pattern
    .split(/(\*\*\/?|\*)/)
    .map((part) => (part.startsWith('**') ? '(?:.*/)?' : part === '*' ? '[^/]*' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  const glob = new RegExp(`^${source}$`);
  return tree.files.map((file) => file.path).filter((path) => glob.test(path));
}

export const ciCollector = defineCollector({
  key: 'ci',
  description: 'CI configurations (GitHub Actions, GitLab, CircleCI, Azure, Bitbucket, Jenkins, …): jobs, commands, triggers',
  async collect(_ctx, get) {
    const tree = await get('tree');
    const configs: CiConfig[] = [];
    for (const file of tree.files) {
      if (isFixturePath(file.path)) continue;
      const spec = ciProviderFor(file.path);
      if (spec) configs.push(parseCiConfig(spec, file.path, tree));
    }
    // Files referenced from a configuration hold steps too: GitLab local includes and GitHub
    // composite actions of this repository. References may nest; each file is read once.
    for (let index = 0; index < configs.length; index++) {
      const config = configs[index]!;
      const spec = CI_PROVIDERS.find((candidate) => candidate.provider === config.provider)!;
      for (const step of config.steps) {
        for (const path of referencedFiles(config, step, tree)) {
          if (!configs.some((known) => known.path === path)) configs.push(parseCiConfig(spec, path, tree));
        }
      }
    }
    return { configs };
  },
  metrics(fact) {
    return { ci: { configs: fact.configs.length, providers: [...new Set(fact.configs.map((config) => config.provider))] } };
  },
});
