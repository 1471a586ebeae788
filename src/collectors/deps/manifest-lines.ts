// Where each dependency is declared in a package.json, so that findings can point at the line.
import type { DependencyType } from '../../core/facts.js';

const SECTION = /^\s*"(dependencies|devDependencies|peerDependencies|optionalDependencies)"\s*:\s*\{/;
const ENTRY = /^\s*"((?:[^"\\]|\\.)+)"\s*:/;

/** `type` → dependency name → 1-based line, read from the manifest's text line by line. */
export function dependencyLines(text: string | null): Map<DependencyType, Map<string, number>> {
  const lines = new Map<DependencyType, Map<string, number>>();
  if (text === null) return lines;
  let section: Map<string, number> | null = null;
  text.split(/\r?\n/).forEach((line, index) => {
    const opened = SECTION.exec(line);
    if (opened) {
      section = new Map();
      lines.set(opened[1] as DependencyType, section);
      if (line.includes('}')) section = null;
      return;
    }
    if (section === null) return;
    if (/^\s*\}/.test(line)) {
      section = null;
      return;
    }
    const entry = ENTRY.exec(line);
    if (entry && !section.has(entry[1]!)) section.set(entry[1]!, index + 1);
  });
  return lines;
}
