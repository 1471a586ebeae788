// Where a repository says which Node version it runs on: `engines`, version-manager files,
// Dockerfiles and CI's setup-node steps.
import type { CiFact, ManifestsFact, RepoTree } from '../../core/facts.js';
import { readImageTag, readNodeVersion, type NodeVersionSpec } from '../../knowledge/node-runtime.js';
import { basename, isInFixtureDir } from '../../util/paths.js';

export interface NodeSource extends NodeVersionSpec {
  major: number;
  /** `package.json engines`, `.nvmrc`, `Dockerfile`, `.github/workflows/ci.yml setup-node`. */
  source: string;
  file: string;
  line: number | null;
  text: string;
  /** One entry of a CI matrix: a version tested on purpose beside others, not the one the project runs on. */
  matrix: boolean;
}

const FROM_NODE = /^\s*FROM\s+(?:--platform=\S+\s+)?(?:[\w.-]+(?::\d+)?\/)*node(?::([^\s@]+))?/i;
const ARG_DEFAULT = /^\s*ARG\s+(\w+)\s*=\s*["']?([^\s"']+)/i;
const VERSION_FILES: readonly { name: string; read: (text: string) => { text: string; line: number } | null }[] = [
  { name: '.nvmrc', read: firstLine },
  { name: '.node-version', read: firstLine },
  {
    name: '.tool-versions',
    read: (text) => {
      const lines = text.split(/\r?\n/);
      const index = lines.findIndex((line) => /^\s*(nodejs|node)\s+\S/.test(line));
      return index === -1 ? null : { text: lines[index]!.trim().split(/\s+/)[1]!, line: index + 1 };
    },
  },
];

function firstLine(text: string): { text: string; line: number } | null {
  const lines = text.split(/\r?\n/);
  const index = lines.findIndex((line) => line.trim() !== '' && !line.trim().startsWith('#'));
  return index === -1 ? null : { text: lines[index]!.trim(), line: index + 1 };
}

function push(sources: NodeSource[], spec: NodeVersionSpec | null, where: Omit<NodeSource, 'major' | 'kind' | 'matrix'>, matrix = false): void {
  if (spec?.major !== null && spec?.major !== undefined) sources.push({ ...where, major: spec.major, kind: spec.kind, matrix });
}

function dockerSources(tree: RepoTree, sources: NodeSource[]): void {
  for (const file of tree.files) {
    if (isInFixtureDir(file.path)) continue;
    if (!/^(Dockerfile|Containerfile)([.-][\w.-]+)?$|\.dockerfile$/i.test(basename(file.path))) continue;
    const lines = (tree.read(file.path) ?? '').split(/\r?\n/);
    const args = new Map<string, string>();
    lines.forEach((line, index) => {
      const arg = ARG_DEFAULT.exec(line);
      if (arg) args.set(arg[1]!, arg[2]!);
      const from = FROM_NODE.exec(line);
      if (!from) return;
      const tag = (from[1] ?? '').replace(/\$\{?(\w+)\}?/g, (_whole, name: string) => args.get(name) ?? '');
      push(sources, readImageTag(tag), { source: `${file.path} FROM node`, file: file.path, line: index + 1, text: `node:${from[1] ?? 'latest'}` });
    });
  }
}

/** The values of `jobs.<job>.strategy.matrix.<name>` in a GitHub Actions workflow. */
function matrixValues(document: unknown, job: string | null, name: string): unknown[] {
  const jobs = (document as { jobs?: Record<string, { strategy?: { matrix?: Record<string, unknown> } }> } | null)?.jobs;
  const values = job === null ? undefined : jobs?.[job]?.strategy?.matrix?.[name];
  return Array.isArray(values) ? values : [];
}

function ciSources(ci: CiFact, sources: NodeSource[]): void {
  for (const config of ci.configs) {
    for (const step of config.steps) {
      if (!step.uses?.startsWith('actions/setup-node')) continue;
      const raw = step.with?.['node-version'];
      const listed = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(/\s*[\n,]\s*/) : typeof raw === 'number' ? [String(raw)] : [];
      const values = listed.flatMap((value) => {
        const matrix = /^\$\{\{\s*matrix\.([\w-]+)\s*\}\}$/.exec(String(value).trim())?.[1];
        return matrix ? matrixValues(config.document, step.job, matrix).map((entry) => ({ value: entry, matrix: true })) : [{ value, matrix: false }];
      });
      for (const { value, matrix } of values) {
        const text = String(value);
        // Other expressions are resolved by the CI service, not here.
        if (text.includes('${{')) continue;
        const source = `${config.path} setup-node${matrix ? ' matrix' : ''}`;
        push(sources, readNodeVersion(text), { source, file: config.path, line: step.line, text }, matrix);
      }
    }
  }
}

export function nodeVersionSources(tree: RepoTree, manifests: ManifestsFact, ci: CiFact): NodeSource[] {
  const sources: NodeSource[] = [];
  for (const manifest of manifests.all) {
    if (isInFixtureDir(manifest.path)) continue;
    const engines = manifest.engines.node;
    if (engines) push(sources, readNodeVersion(engines), { source: `${manifest.path} engines.node`, file: manifest.path, line: null, text: engines });
  }
  for (const file of tree.files) {
    if (isInFixtureDir(file.path)) continue;
    const rule = VERSION_FILES.find((candidate) => basename(file.path) === candidate.name);
    const found = rule?.read(tree.read(file.path) ?? '');
    if (rule && found) push(sources, readNodeVersion(found.text), { source: file.path, file: file.path, line: found.line, text: found.text });
  }
  dockerSources(tree, sources);
  ciSources(ci, sources);
  return sources;
}
