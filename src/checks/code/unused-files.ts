// code.unused-files: every source file is reachable from an entry point.
import { defineCheck } from '../../core/check.js';
import type { FindingInput } from '../../core/types.js';
import { graded, MAX_FINDINGS, noSource, percent, plural, productionFiles } from './shared.js';
import { reachability } from './unused.js';

export const unusedFilesCheck = defineCheck({
  id: 'code.unused-files',
  area: 'code',
  title: 'Every source file is used',
  failureTitle: 'Some source files are not used anywhere',
  rationale:
    'A file that nothing imports is dead code that looks alive: people read it, update it, fix "bugs" in it ' +
    'and search results point to it, but it never runs. Prototypes accumulate these when a feature is ' +
    'rewritten (often by an AI assistant that writes a new file instead of changing the old one). Entry ' +
    'points are taken from package.json (main, bin, exports, scripts), HTML script tags, framework ' +
    'conventions (Next.js pages and app router, Remix, SvelteKit, Astro, Expo…), configuration files and tests.',
  remediation:
    'For each listed file, search the repository for its name (it may be loaded in a way shipshape does not ' +
    'follow, such as a dynamic `import()` of a computed path); if nothing uses it, delete it — git keeps ' +
    'the history. If it is an entry point shipshape missed, reference it from package.json (`main`, `bin` ' +
    'or a script) so that others can find it too.',
  severity: 'low',
  weight: 1,
  effortMinutes: 10,
  requires: ['code', 'tree', 'manifests'],
  run({ code, tree, manifests }) {
    const none = noSource(code);
    if (none) return none;
    const { entries, reachable, kitFiles, aliasTargets } = reachability(code, tree, manifests);
    if (entries.autoImports.length > 0) {
      return { status: 'unknown', evidence: [], reason: `${entries.autoImports.join(', ')} loads files without import statements, so unused files cannot be told from the imports.` };
    }
    if (entries.files.size === 0) {
      return { status: 'unknown', evidence: [], reason: 'No entry point found (package.json main/bin/exports/scripts, framework conventions, HTML script tags), so there is nothing to walk the imports from.' };
    }
    const files = productionFiles(code);
    const unused = files.filter((file) => !reachable.has(file.path) && !kitFiles.has(file.path));
    const share = unused.length / files.length;
    const reasons = new Map<string, number>();
    for (const why of entries.files.values()) reasons.set(why, (reasons.get(why) ?? 0) + 1);
    const evidence = [
      `${unused.length} of ${plural(files.length, 'source file')} are not reachable from an entry point (${percent(share)})`,
      `entry points: ${[...reasons].slice(0, 6).map(([why, count]) => `${count} from ${why}`).join('; ')}`,
    ];
    if (aliasTargets.size > 0) {
      const [file, via] = aliasTargets.entries().next().value!;
      evidence.push(`${plural(aliasTargets.size, 'file')} counted as used because an import alias that could not be resolved may name ${aliasTargets.size === 1 ? 'it' : 'them'} (e.g. ${file} by ${via})`);
    }
    if (kitFiles.size > 0) evidence.push(`${plural(kitFiles.size, 'file')} of a generated component kit (${[...new Set(kitFiles.values())].join(', ')}) not judged`);
    const findings: FindingInput[] = unused.slice(0, MAX_FINDINGS).map((file) => ({
      message: `${file.path} (${plural(file.codeLines, 'line')} of code) is not imported by any file reachable from an entry point.`,
      location: { file: file.path },
      snippet: 'unused-file',
      data: { lines: file.codeLines },
    }));
    return { ...graded(share, 0, 0.2), evidence, findings };
  },
});
