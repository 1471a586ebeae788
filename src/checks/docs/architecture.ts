// docs.architecture: architecture or design notes exist (a file, a docs folder entry, or a section of the
// README or of a coding agent's guide such as CLAUDE.md).
import { z } from 'zod';
import { defineCheck } from '../../core/check.js';
import type { FileEntry } from '../../core/facts.js';
import { basename, isFixturePath, isSourceFile, isTestFile } from '../../util/paths.js';
import { outlineReadme, sectionWithSubsections, type ReadmeOutline } from './readme-outline.js';

const PROSE = /\.(md|markdown|mdx|rst|txt|adoc|asciidoc|org)$/i;

/** Names of documents that describe how a system is built. */
const DESIGN_DOCUMENT = /^(architecture|design|system[-_ ]?design|tech(nical)?[-_ ]?design|design[-_ ]?doc|internals|how[-_ ]?it[-_ ]?works|codebase([-_ ]?(overview|map|tour|guide))?|(code|project|repo(sitory)?)[-_ ]?structure)([-_. ][\w.-]*)?$/i;

/** Folders of decision records or design notes; any document inside counts. */
const DESIGN_FOLDER = /(^|\/)(adrs?|decisions|decision[-_]records|architecture|design[-_]?docs|designs|rfcs?)\//i;

/** README headings that introduce an explanation of the system's structure. */
const DESIGN_HEADING = /\b(architecture|design|how (it|this|the \w+) works|(project|folder|directory|code|repo(sitory)?|source) (structure|layout|organi[sz]ation)|codebase|internals|under the hood)\b/i;

/** Visual design (a UI design system, brand assets) is not the design of the software. */
const VISUAL_DESIGN = /design[-_ ]?(system|tokens?|assets|guide(lines)?|mock-?ups?|files)/i;

/** A heading with less than this under it ("## Architecture\nTBD") is a placeholder. */
const MIN_SECTION_WORDS = 10;
const MAX_EVIDENCE = 3;

/** Guidance written for coding agents, which often holds the project's only architecture overview. */
const AGENT_GUIDES = ['CLAUDE.md', 'AGENTS.md', '.cursorrules', '.github/copilot-instructions.md'];

/** Kinds of package that can be small enough for their code and README to explain themselves. */
const SELF_EXPLAINING_KINDS = new Set(['library', 'cli']);

const options = z.object({
  /** A library or CLI with fewer source files than this (tests left out) needs no separate design notes. */
  smallPackageFiles: z.number().int().min(0).default(15),
});

function designFiles(files: readonly FileEntry[]): string[] {
  return files
    .filter((file) => file.size > 0 && PROSE.test(file.path) && !isFixturePath(file.path))
    .filter((file) => DESIGN_DOCUMENT.test(basename(file.path).replace(PROSE, '')) || DESIGN_FOLDER.test(file.path))
    .filter((file) => !VISUAL_DESIGN.test(file.path))
    .map((file) => file.path);
}

export const architectureCheck = defineCheck({
  id: 'docs.architecture',
  area: 'docs',
  title: 'Architecture notes explain how the system fits together',
  failureTitle: 'No architecture or design notes',
  rationale:
    'Code shows what each piece does, not why the pieces are arranged the way they are. A short note on ' +
    'the main parts, how data flows between them and the decisions behind them lets a new developer make ' +
    'a change without breaking an assumption nobody wrote down, and lets an auditor judge the design.',
  remediation:
    'Write ARCHITECTURE.md at the root (or an "Architecture" section in the README): one paragraph on what ' +
    'the system does, a list of its main parts (folders, services, the database, external APIs) with one ' +
    'line each, how a typical request flows through them, and where configuration and secrets come from. ' +
    'Record important choices as short decision records in docs/adr/ (context, decision, consequences).',
  severity: 'low',
  weight: 1,
  effortMinutes: 60,
  requires: ['docs', 'tree', 'project'],
  optionsSchema: options,
  run({ docs, tree, project }, { options }) {
    const files = designFiles(tree.files);
    const readme = docs.readme;
    const documents = [
      ...(readme ? [{ path: readme.path, outline: outlineReadme(readme.text) }] : []),
      ...AGENT_GUIDES.flatMap((path) => {
        const text = tree.read(path);
        return text === null ? [] : [{ path, outline: outlineReadme(text) }];
      }),
    ];
    const designSections = (outline: ReadmeOutline) => outline.headings.filter((heading) => DESIGN_HEADING.test(heading.text) && !VISUAL_DESIGN.test(heading.text));
    const sections = documents.flatMap(({ path, outline }) => designSections(outline).map((heading) => ({ path, heading, outline })));
    // A section runs on through its subsections: "## Architecture" followed by "### Front end", "### API".
    const isSubstantial = ({ heading, outline }: (typeof sections)[number]) =>
      sectionWithSubsections(outline, heading).join(' ').split(/\s+/).filter(Boolean).length >= MIN_SECTION_WORDS;
    const substantial = sections.filter(isSubstantial);
    const evidence = [
      ...files.slice(0, MAX_EVIDENCE).map((path) => `${path} is present`),
      ...(files.length > MAX_EVIDENCE ? [`and ${files.length - MAX_EVIDENCE} more design documents`] : []),
      ...substantial.map(({ path, heading }) => `${path}:${heading.line}: section "${heading.text}"`),
    ];
    if (evidence.length > 0) return { status: 'pass', evidence };

    const sourceFiles = tree.files.filter((file) => isSourceFile(file.path) && !isFixturePath(file.path) && !isTestFile(file.path)).length;
    if (SELF_EXPLAINING_KINDS.has(project.kind) && sourceFiles < options.smallPackageFiles) {
      return {
        status: 'na',
        evidence: [`a ${project.kind} with ${sourceFiles} source files (tests left out)`],
        reason: `a small ${project.kind} (${sourceFiles} source files, fewer than ${options.smallPackageFiles}) is explained by its README and code; design notes pay off once there are several parts`,
      };
    }

    const placeholders = sections.map(({ path, heading }) => `${path}:${heading.line}: section "${heading.text}" is almost empty`);
    return {
      status: 'fail',
      evidence: [
        'no ARCHITECTURE.md, DESIGN.md, docs/architecture*, decision records (docs/adr/), or section on the design in the README or an agent guide (CLAUDE.md, AGENTS.md)',
        ...placeholders,
      ],
      findings: [
        {
          message: 'Nothing in the repository describes how the system is put together or why.',
          location: null,
        },
      ],
    };
  },
});
