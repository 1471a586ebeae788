// deps.install-scripts: packages that run their own code when installed (preinstall, install,
// postinstall, or a native build), from the registry for direct dependencies and from the lockfile
// for everything it installs.
import { z } from 'zod';
import { defineCheck } from '../../core/check.js';
import type { FindingInput } from '../../core/types.js';
import { installedRegistryDependencies, locationOf, plural, passIfCovered, registryGaps, splitByRegistry, withoutManifest } from './support.js';

const optionsSchema = z.object({
  /** Packages whose install scripts have been reviewed and are accepted (e.g. esbuild, sharp). */
  allow: z.array(z.string()).default([]),
});

export const installScriptsCheck = defineCheck({
  id: 'deps.install-scripts',
  area: 'deps',
  title: 'No dependency runs code at install time',
  failureTitle: 'Dependencies run scripts when installed',
  rationale:
    'An install script runs with your permissions on every developer laptop and CI machine that installs ' +
    'the project, before any of your code runs. Most are legitimate (downloading a compiled binary, ' +
    'building a native module), but it is also how hijacked packages steal tokens and keys. Knowing which ' +
    'packages do it is the first step to trusting them deliberately.',
  remediation:
    'Review each listed package: is it well known, and does its script only fetch or build its binary? ' +
    'Accept the reviewed ones in this check\'s `allow` option. For the rest, install with scripts off ' +
    '(`npm ci --ignore-scripts`, or pnpm\'s default of running only approved build scripts via ' +
    '`onlyBuiltDependencies`) and allow only the packages that need it.',
  severity: 'low',
  weight: 1,
  effortMinutes: 15,
  requires: ['manifests', 'installed', 'registry'],
  optionsSchema,
  run({ manifests, installed, registry }, { options }) {
    const na = withoutManifest(manifests);
    if (na) return na;
    const allowed = new Set(options.allow);
    const dependencies = installedRegistryDependencies(installed.direct).filter((dependency) => dependency.installed !== null);
    const split = splitByRegistry(dependencies, registry);
    const gaps = registryGaps(split, dependencies.length);
    const findings: FindingInput[] = [];
    const named = new Set<string>();
    for (const { dependency, info } of split.known) {
      if (!dependency.installed || !info.installScripts.includes(dependency.installed) || allowed.has(dependency.packageName) || named.has(dependency.packageName)) continue;
      named.add(dependency.packageName);
      findings.push({
        message: `${dependency.name}@${dependency.installed} (declared in ${dependency.manifestPath}) runs an install script.`,
        location: locationOf(dependency),
        symbol: dependency.packageName,
        data: { name: dependency.packageName, version: dependency.installed, direct: true },
      });
    }
    for (const entry of installed.packages) {
      if (!entry.hasInstallScript || allowed.has(entry.name) || named.has(entry.name)) continue;
      named.add(entry.name);
      findings.push({
        message: `${entry.name}@${entry.version} runs an install script (recorded in ${installed.lockfile?.path ?? 'the lockfile'}).`,
        location: installed.lockfile ? { file: installed.lockfile.path } : null,
        symbol: entry.name,
        data: { name: entry.name, version: entry.version, direct: false },
      });
    }
    // npm (v2+) and pnpm (before 9) lockfiles flag every package with an install script, direct ones included.
    const lockfileTells = /^(package-lock v[23]|pnpm-lock [56])/.test(installed.lockfile?.format ?? '');
    if (gaps.outcome && !lockfileTells) return gaps.outcome;
    const sources = [`${plural(split.known.length, 'direct dependency')} checked in the registry`];
    if (installed.lockfile) sources.push(`${plural(installed.packages.length, 'installed package')} in ${installed.lockfile.path}`);
    const evidence = [sources.join('; '), ...gaps.evidence];
    if (findings.length === 0) return lockfileTells ? { status: 'pass', evidence } : passIfCovered({ status: 'pass', evidence }, split);
    evidence.push(`install scripts: ${[...named].join(', ')}`);
    return { status: 'partial', score: Math.max(0.5, 1 - 0.1 * findings.length), evidence, findings };
  },
});
