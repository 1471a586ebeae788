import { defineCollector } from '../core/collector.js';
import type { ManifestsFact, PackageManifest, ProjectFact, RepoTree } from '../core/facts.js';
import type { ProjectKind } from '../core/types.js';
import {
  ENTRY_POINT_FIELDS,
  NPM_INIT_DEFAULT_MAIN,
  PROJECT_KIND_RULES,
  PUBLISHING_FIELDS,
  PUBLISHING_SCRIPTS,
  type KindCondition,
  type PackagePattern,
} from '../knowledge/project-kinds.js';
import { dirname } from '../util/paths.js';

interface Verdict {
  kind: ProjectKind;
  evidence: string[];
}

function matchesPattern(name: string, pattern: PackagePattern): boolean {
  return pattern.endsWith('/') ? name.startsWith(pattern) : name === pattern;
}

/** Dependencies that say what the package is (see the note on published packages in the rules). */
function telling(manifest: PackageManifest): string[] {
  const names = Object.keys(manifest.dependencies);
  return manifest.private || !isPublishable(manifest) ? [...names, ...Object.keys(manifest.devDependencies)] : names;
}

/** Signs that a package is meant to be installed by others (see PUBLISHING_FIELDS). */
function isPublishable(manifest: PackageManifest): boolean {
  const keywords = manifest.raw.keywords;
  return (
    PUBLISHING_FIELDS.some((key) => manifest.raw[key] !== undefined) ||
    PUBLISHING_SCRIPTS.some((script) => manifest.scripts[script] !== undefined) ||
    (Array.isArray(keywords) && keywords.length > 0)
  );
}

/** Evidence that the condition holds for the package, or null when it does not. */
function evaluate(condition: KindCondition, manifest: PackageManifest, tree: RepoTree): string | null {
  const where = manifest.path;
  switch (condition.type) {
    case 'workspaces':
      return manifest.workspaces.length > 0 ? `${where} declares workspaces: ${manifest.workspaces.join(', ')}` : null;
    case 'depends-on': {
      const found = telling(manifest).filter((name) => condition.group.packages.some((p) => matchesPattern(name, p)));
      return found.length > 0 ? `${where} depends on ${found.join(', ')} (${condition.group.label})` : null;
    }
    case 'has-bin': {
      const commands = Object.keys(manifest.bin);
      return commands.length > 0 ? `${where} declares commands in "bin": ${commands.join(', ')}` : null;
    }
    case 'published':
      return manifest.private ? null : `${where} is not marked "private"`;
    case 'entry-point': {
      const fields: string[] = ENTRY_POINT_FIELDS.filter((key) => manifest.raw[key] !== undefined);
      if (manifest.main && (manifest.main.replace(/^\.\//, '') !== NPM_INIT_DEFAULT_MAIN || isPublishable(manifest))) fields.unshift('main');
      return fields.length > 0 ? `${where} declares an entry point (${fields.join(', ')})` : null;
    }
    case 'start-script':
      return manifest.scripts.start ? `${where} has a "start" script: ${manifest.scripts.start}` : null;
    case 'file': {
      const found = tree.files.find(
        (file) => dirname(file.path) === manifest.dir && condition.pattern.test(file.path.slice(manifest.dir ? manifest.dir.length + 1 : 0)),
      );
      return found ? `${found.path} is present (${condition.label})` : null;
    }
  }
}

/** The kind of one package, by the first rule whose conditions all hold. */
function classifyPackage(manifest: PackageManifest, tree: RepoTree): Verdict {
  for (const rule of PROJECT_KIND_RULES) {
    const evidence: string[] = [];
    for (const condition of rule.when) {
      const seen = evaluate(condition, manifest, tree);
      if (seen === null) break;
      evidence.push(seen);
    }
    if (evidence.length === rule.when.length) return { kind: rule.kind, evidence };
  }
  return { kind: 'unknown', evidence: [`${manifest.path}: no framework, command, workspace or library entry point that tells the kind`] };
}

function describePackages(packages: NonNullable<ProjectFact['packages']>): string {
  return packages.map((entry) => `${entry.dir} (${entry.kind})`).join(', ');
}

export function detectProject(tree: RepoTree, manifests: ManifestsFact): ProjectFact {
  const root = manifests.root;
  const base = { private: root?.private ?? false, name: root?.name ?? null };
  const members = [...manifests.workspaces, ...(manifests.nested ?? [])];
  const packages = members.map((manifest) => ({ dir: manifest.dir, name: manifest.name, ...classifyPackage(manifest, tree) }));
  const rootVerdict = root ? classifyPackage(root, tree) : null;

  // A root that tells its kind decides; an undecided root with packages beside it is judged by them.
  if (rootVerdict && (rootVerdict.kind !== 'unknown' || packages.length === 0)) {
    const withPackages = rootVerdict.kind === 'monorepo' && packages.length > 0;
    const evidence = withPackages ? [...rootVerdict.evidence, `packages: ${describePackages(packages)}`] : rootVerdict.evidence;
    return { kind: rootVerdict.kind, evidence, ...base, ...(packages.length > 0 ? { packages } : {}) };
  }
  if (packages.length === 1) {
    const only = packages[0] as (typeof packages)[number];
    const lead = root ? `${root.path} tells no kind; the one package is in ${only.dir}/` : `no package.json at the root; the one package is in ${only.dir}/`;
    return { kind: only.kind, evidence: [lead, ...only.evidence], ...base, name: base.name ?? only.name, packages };
  }
  if (packages.length > 1) {
    const lead = root ? `${root.path} declares no workspaces, but the repository holds several packages` : 'no package.json at the root, but several packages';
    return { kind: 'monorepo', evidence: [lead, `packages: ${describePackages(packages)}`], ...base, packages };
  }
  const broken = manifests.invalid.find((entry) => entry.path === 'package.json');
  return {
    kind: 'unknown',
    evidence: [broken ? `package.json could not be read: ${broken.message}` : 'no package.json in the repository'],
    ...base,
  };
}

export const projectCollector = defineCollector({
  key: 'project',
  description: 'What kind of project this is (service, web app, library, CLI, monorepo) and why',
  async collect(_ctx, get) {
    const [tree, manifests] = await Promise.all([get('tree'), get('manifests')]);
    return detectProject(tree, manifests);
  },
});
