// metrics.dependencies.packages: one row per declared dependency, for CI users to build on.
import type { AdvisoriesFact, CodeFact, InstalledFact, ManifestsFact, RegistryFact } from '../../core/facts.js';
import { indexImports } from './import-sites.js';
import { yearsBetween } from './support.js';
import { distanceTo, latestStable } from './versions.js';

export interface PackageRow {
  name: string;
  workspace: string;
  type: string;
  range: string;
  installed: string | null;
  latest: string | null;
  behind: 'major' | 'minor' | 'patch' | 'none' | null;
  libyear: number | null;
  deprecated: string | null;
  installScript: boolean | null;
  advisories: { id: string; severity: string; title: string; url: string | null; firstFixed: string | null }[];
  /** Import statements of this package in the workspace's files. */
  importSites: number;
}

interface Inputs {
  manifests: ManifestsFact;
  installed: InstalledFact;
  registry: RegistryFact;
  advisories: AdvisoriesFact;
  code: CodeFact;
}

export function packageReport({ manifests, installed, registry, advisories, code }: Inputs): PackageRow[] {
  const index = indexImports(code, manifests);
  return installed.direct.map((dependency) => {
    const info = registry.packages[dependency.packageName];
    const known = info?.status === 'ok' ? info : null;
    const latest = known ? latestStable(known) : null;
    const version = dependency.installed;
    const distance = latest && version ? distanceTo(version, latest) : null;
    const sites = dependency.workspace === ''
      ? [...index.values()].reduce((sum, packages) => sum + (packages.get(dependency.name)?.length ?? 0), 0)
      : (index.get(dependency.workspace)?.get(dependency.name)?.length ?? 0);
    return {
      name: dependency.name,
      workspace: dependency.workspace,
      type: dependency.type,
      range: dependency.range,
      installed: version,
      latest,
      behind: distance?.behind ?? null,
      libyear: known && version && latest ? yearsBetween(known.time[version], known.time[latest]) : null,
      deprecated: known && version ? (known.deprecated[version] ?? null) : null,
      installScript: known && version ? known.installScripts.includes(version) : null,
      advisories: advisories.advisories
        .filter((advisory) => advisory.package === dependency.packageName && version !== null && advisory.affected.includes(version))
        .map(({ id, severity, title, url, firstFixed }) => ({ id, severity, title, url, firstFixed })),
      importSites: sites,
    };
  });
}
