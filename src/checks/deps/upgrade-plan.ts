// metrics.dependencies.upgradePlan: the outdated majors grouped into waves of packages that must
// move together (same scope, a package and its types, peer dependencies, a tool and its plugins),
// least risky first so that a team can schedule them one per sprint.
import type { CodeFact, InstalledFact, ManifestsFact, RegistryFact } from '../../core/facts.js';
import { LOADED_BY_TOOL } from '../../knowledge/dependency-uses.js';
import { indexImports, sitesAnywhere } from './import-sites.js';
import { installedRegistryDependencies } from './support.js';
import { distanceTo, latestStable } from './versions.js';

export type Risk = 'low' | 'medium' | 'high';

export interface PlannedUpgrade {
  name: string;
  installed: string;
  latest: string;
  majorsBehind: number;
  /** Publish date of the target version (ISO), when the registry says. */
  releaseDate: string | null;
  /** Files that import it. */
  importingFiles: number;
}

export interface UpgradeWave {
  wave: number;
  packages: PlannedUpgrade[];
  risk: Risk;
  importingFiles: number;
  /** The most recent release date in the wave. */
  releaseDate: string | null;
  effortMinutes: number;
  /** Why these packages move together. */
  reason: string;
}

const RISK_ORDER: Record<Risk, number> = { low: 0, medium: 1, high: 2 };
const MINUTES_PER_PACKAGE = 30;
const MINUTES_PER_EXTRA_MAJOR = 30;
const MINUTES_PER_IMPORTING_FILE = 5;

class Groups {
  private readonly parent = new Map<string, string>();
  find(name: string): string {
    const parent = this.parent.get(name) ?? name;
    if (parent === name) return name;
    const root = this.find(parent);
    this.parent.set(name, root);
    return root;
  }
  join(a: string, b: string): void {
    const [ra, rb] = [this.find(a), this.find(b)];
    if (ra !== rb) this.parent.set(rb, ra);
  }
}

function scopeOf(name: string): string | null {
  return name.startsWith('@') && name !== '@types' ? name.slice(0, name.indexOf('/')) : null;
}

function riskOf(packages: PlannedUpgrade[], files: number): Risk {
  const majors = Math.max(...packages.map((entry) => entry.majorsBehind));
  if (majors >= 3 || files >= 20 || packages.length >= 4) return 'high';
  if (majors >= 2 || files >= 5 || packages.length >= 2) return 'medium';
  return 'low';
}

interface Inputs {
  manifests: ManifestsFact;
  installed: InstalledFact;
  registry: RegistryFact;
  code: CodeFact;
}

export function upgradePlan({ manifests, installed, registry, code }: Inputs): UpgradeWave[] {
  const index = indexImports(code, manifests);
  const upgrades = new Map<string, PlannedUpgrade & { peers: string[] }>();
  for (const dependency of installedRegistryDependencies(installed.direct)) {
    const info = registry.packages[dependency.packageName];
    const latest = info?.status === 'ok' ? latestStable(info) : null;
    if (!info || !latest || !dependency.installed) continue;
    const distance = distanceTo(dependency.installed, latest);
    if (distance?.behind !== 'major') continue;
    const previous = upgrades.get(dependency.packageName);
    if (previous && previous.majorsBehind >= distance.majors) continue;
    upgrades.set(dependency.packageName, {
      name: dependency.packageName,
      installed: dependency.installed,
      latest,
      majorsBehind: distance.majors,
      releaseDate: info.time[latest] ?? null,
      importingFiles: new Set(sitesAnywhere(index, dependency.name).map((site) => site.file)).size,
      peers: info.latestPeers,
    });
  }

  const groups = new Groups();
  const reasons = new Map<string, Set<string>>();
  const link = (a: string, b: string, why: string): void => {
    if (!upgrades.has(b) || a === b) return;
    groups.join(a, b);
    reasons.set(a, (reasons.get(a) ?? new Set()).add(why));
  };
  const names = [...upgrades.keys()].sort();
  for (const name of names) {
    const upgrade = upgrades.get(name)!;
    for (const peer of upgrade.peers) link(name, peer, `${name} requires ${peer} as a peer`);
    if (name.startsWith('@types/')) link(name, name.slice('@types/'.length).replace(/^(.+)__/, '@$1/'), 'types follow their package');
    const scope = scopeOf(name);
    for (const other of names) if (scope && other !== name && scopeOf(other) === scope) link(name, other, `${scope}/* packages are released together`);
    for (const rule of LOADED_BY_TOOL) if (rule.pattern.test(name)) for (const tool of rule.loadedBy) link(name, tool, `${tool} loads ${name}`);
  }

  const byGroup = new Map<string, PlannedUpgrade[]>();
  const whyByGroup = new Map<string, Set<string>>();
  for (const name of names) {
    const { peers: _peers, ...upgrade } = upgrades.get(name)!;
    const root = groups.find(name);
    byGroup.set(root, [...(byGroup.get(root) ?? []), upgrade]);
    for (const why of reasons.get(name) ?? []) whyByGroup.set(root, (whyByGroup.get(root) ?? new Set()).add(why));
  }
  const waves = [...byGroup].map(([root, packages]) => {
    const files = packages.reduce((sum, entry) => sum + entry.importingFiles, 0);
    const effort = packages.reduce(
      (sum, entry) => sum + MINUTES_PER_PACKAGE + MINUTES_PER_EXTRA_MAJOR * (entry.majorsBehind - 1) + MINUTES_PER_IMPORTING_FILE * entry.importingFiles,
      0,
    );
    const dates = packages.map((entry) => entry.releaseDate).filter((date): date is string => date !== null).sort();
    return {
      wave: 0,
      packages,
      risk: riskOf(packages, files),
      importingFiles: files,
      releaseDate: dates[dates.length - 1] ?? null,
      effortMinutes: effort,
      reason: [...(whyByGroup.get(root) ?? [])].join('; ') || 'independent upgrade',
    };
  });
  waves.sort((a, b) => RISK_ORDER[a.risk] - RISK_ORDER[b.risk] || a.importingFiles - b.importingFiles || a.packages[0]!.name.localeCompare(b.packages[0]!.name));
  return waves.map((wave, position) => ({ ...wave, wave: position + 1 }));
}
