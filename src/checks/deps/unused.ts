// deps.unused: declared packages that nothing uses, judged by the shared parse's imports and by
// what is known about config-only uses. When in doubt it stays silent.
import { isBuiltin } from 'node:module';
import { z } from 'zod';
import type { ImportsExtract } from '../../analysis/extractors/imports.js';
import { defineCheck } from '../../core/check.js';
import type { CodeFact, DirectDependency } from '../../core/facts.js';
import type { FindingInput } from '../../core/types.js';
import { GLOBAL_TYPE_PACKAGES } from '../../knowledge/dependency-uses.js';
import { indexImports, sitesAnywhere, type ImportIndex } from './import-sites.js';
import { locationOf, plural, withoutManifest } from './support.js';
import { usageContext, usedWithoutImport, type UsageContext } from './usage.js';

const optionsSchema = z.object({
  /** Packages never reported, e.g. ones loaded by a tool shipshape does not know. */
  ignore: z.array(z.string()).default([]),
});

const CHECKED_TYPES = new Set(['dependencies', 'devDependencies', 'optionalDependencies']);
const CHECKED_KINDS = new Set(['range', 'version', 'tag', 'alias', 'git', 'url', 'file']);

/**
 * Built-in names that browser bundlers resolve to an npm polyfill of the same name (webpack 5's
 * `resolve.fallback`, Vite's node polyfills): imported from front-end code, the package is used.
 */
const BROWSER_POLYFILLS = new Set(['assert', 'buffer', 'console', 'constants', 'domain', 'events', 'os', 'path', 'process', 'punycode', 'querystring', 'stream', 'string_decoder', 'timers', 'tty', 'url', 'util', 'vm', 'zlib']);

/** Built-in module names imported without the `node:` prefix (`fs`, `path/posix`). */
function bareBuiltinImports(code: CodeFact): Set<string> {
  const names = new Set<string>();
  for (const file of code.files) {
    for (const record of (file.extracts.imports as ImportsExtract | undefined)?.imports ?? []) {
      const name = record.specifier.split('/')[0]!;
      if (isBuiltin(name)) names.add(name);
    }
  }
  return names;
}

/** `@types/scope__name` → `@scope/name`; `@types/lodash` → `lodash`. */
function typedPackage(name: string): string | null {
  if (!name.startsWith('@types/')) return null;
  const bare = name.slice('@types/'.length);
  return bare.includes('__') ? `@${bare.replace('__', '/')}` : bare;
}

function isUsed(dependency: DirectDependency, index: ImportIndex, usage: UsageContext): boolean {
  const { name } = dependency;
  // A root manifest's packages are hoisted for every workspace.
  const sites = dependency.workspace === '' ? sitesAnywhere(index, name) : (index.get(dependency.workspace)?.get(name) ?? []);
  if (sites.length > 0) return true;
  const typed = typedPackage(name);
  if (typed !== null) {
    if (GLOBAL_TYPE_PACKAGES.test(name) || typed.includes('.')) return true;
    if (usage.declared.has(typed) || sitesAnywhere(index, typed).length > 0) return true;
  }
  return usedWithoutImport(name, dependency.workspace, usage) !== null;
}

export const unusedCheck = defineCheck({
  id: 'deps.unused',
  area: 'deps',
  title: 'Every declared dependency is used',
  failureTitle: 'Declared dependencies that nothing uses',
  rationale:
    'Each dependency is code you ship or install, keep up to date and trust with your users\' data. One ' +
    'that nothing uses still costs install time and attack surface, and it shows up in every security ' +
    'report. Unused dependencies pile up as features are removed or tried and abandoned.',
  remediation:
    'For each package listed, search the code to confirm nothing needs it, then remove it with ' +
    '`npm uninstall <name>` (or `pnpm remove` / `yarn remove`) in the package that declares it, and run ' +
    'the build and tests. If a tool loads it by name in a way shipshape cannot see, add it to this ' +
    'check\'s `ignore` option in shipshape.config.json.',
  severity: 'low',
  weight: 1,
  effortMinutes: 5,
  requires: ['manifests', 'installed', 'code', 'tree'],
  optionsSchema,
  run({ manifests, installed, code, tree }, { options }) {
    const na = withoutManifest(manifests);
    if (na) return na;
    if (code.files.length === 0) {
      return { status: 'unknown', evidence: ['no JavaScript or TypeScript files were parsed'], reason: 'without parsed source files, imports cannot be compared with the declarations' };
    }
    const index = indexImports(code, manifests);
    const usage = usageContext(tree, manifests, code, installed);
    const ignored = new Set(options.ignore);
    const candidates = installed.direct.filter(
      (dependency) => CHECKED_TYPES.has(dependency.type) && CHECKED_KINDS.has(dependency.specifierKind) && !ignored.has(dependency.name),
    );
    const builtinImports = bareBuiltinImports(code);
    // `require('fs')` loads Node's own module whatever package.json declares; only a bundler may pick a
    // polyfill package of the same name instead, and which code is bundled is not known here.
    const shadowsBuiltin = (dependency: DirectDependency): boolean => builtinImports.has(dependency.name) && !BROWSER_POLYFILLS.has(dependency.name);
    const unused = candidates.filter((dependency) => !isUsed(dependency, index, usage) && !(builtinImports.has(dependency.name) && BROWSER_POLYFILLS.has(dependency.name)));
    const evidence = [`${plural(candidates.length, 'declared dependency')} compared with the imports of ${plural(code.files.length, 'file')}`];
    if (unused.length === 0) return { status: 'pass', evidence };
    const findings: FindingInput[] = unused.map((dependency) => ({
      message: shadowsBuiltin(dependency)
        ? `${dependency.name} is declared in ${dependency.manifestPath} (${dependency.type}), but \`${dependency.name}\` is a Node.js built-in module: the code's imports of it load the built-in, never this package.`
        : `${dependency.name} is declared in ${dependency.manifestPath} (${dependency.type}) but no file imports it and no script, configuration or other package uses it.`,
      location: locationOf(dependency),
      symbol: dependency.name,
      data: { name: dependency.name, workspace: dependency.workspace, type: dependency.type },
    }));
    evidence.push(`unused: ${unused.map((dependency) => dependency.name).join(', ')}`);
    return { status: 'partial', score: Math.max(0, 1 - unused.length / Math.max(candidates.length, 1)), evidence, findings };
  },
});
