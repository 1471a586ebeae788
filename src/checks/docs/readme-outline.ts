// A light reading of a README (Markdown, reStructuredText, AsciiDoc or plain text): its headings,
// the code it shows, and how much prose it has. Enough for the docs checks; not a full parser.

export interface Heading {
  text: string;
  line: number;
  /** 1 for a title (`#`, `=` underline), 2 for `##` or a `-` underline, and so on. */
  level: number;
}

export interface CodeLine {
  text: string;
  line: number;
  /** The info string of the fenced block the line is in (`ts`, `sh`), lower-cased; null elsewhere. */
  language: string | null;
}

export interface ReadmeOutline {
  headings: Heading[];
  /** Lines of code blocks and inline code spans, with the README line they are on. */
  code: CodeLine[];
  /** Words of prose outside code, the title and badges. */
  proseWords: number;
  /** The body text under each heading (up to the next heading), by heading line. */
  sections: Map<number, string[]>;
}

const FENCE = /^\s{0,3}(```+|~~~+)/;
const ATX_HEADING = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/;
const ADOC_HEADING = /^={1,6}\s+(\S.*)$/;
/** An underline of one repeated punctuation character: Markdown setext or reStructuredText titles. */
const UNDERLINE = /^\s*([=\-~^"'`#*+_:.])\1{2,}\s*$/;
const RST_DIRECTIVE_CODE = /^\s*\.\.\s+(code-block|code|sourcecode)::/;
const ADOC_BLOCK_DELIMITER = /^(----|\.\.\.\.)\s*$/;
const INLINE_CODE = /`([^`\n]+)`/g;
/** `$ npm install` outside a code block (a `>` would be a Markdown quote, not a prompt). */
const SHELL_PROMPT = /^\s*\$\s+\S/;

/** Images, badge links, HTML tags and bare URLs carry no words a newcomer reads. */
function stripDecoration(line: string): string {
  return line
    .replace(/\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)/g, ' ')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/https?:\/\/\S+/g, ' ');
}

function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)?.length ?? 0;
}

function isIndented(line: string): boolean {
  return /^(\t| {2,})\S/.test(line);
}

export function outlineReadme(text: string): ReadmeOutline {
  const lines = text.split(/\r?\n/);
  const headings: Heading[] = [];
  const code: CodeLine[] = [];
  const prose: { text: string; line: number }[] = [];
  let fence: string | null = null;
  let language: string | null = null;
  let delimitedBlock: string | null = null;
  let literalBlock = false;

  lines.forEach((raw, index) => {
    const line = index + 1;
    if (fence !== null) {
      if (raw.trim().startsWith(fence)) fence = null;
      else code.push({ text: raw, line, language });
      return;
    }
    if (delimitedBlock !== null) {
      if (raw.trim() === delimitedBlock) delimitedBlock = null;
      else code.push({ text: raw, line, language: null });
      return;
    }
    const opening = FENCE.exec(raw);
    if (opening) {
      fence = (opening[1] as string).slice(0, 3);
      language = raw.trim().slice(fence.length).replace(/^[`~]+/, '').trim().split(/[\s{,]/)[0]?.toLowerCase() || null;
      return;
    }
    if (ADOC_BLOCK_DELIMITER.test(raw)) {
      delimitedBlock = raw.trim();
      return;
    }
    // reStructuredText literal blocks: an indented block after `::` or a code directive.
    if (literalBlock) {
      if (raw.trim() === '' || isIndented(raw)) {
        if (raw.trim() !== '') code.push({ text: raw.trim(), line, language: null });
        return;
      }
      literalBlock = false;
    }
    if (RST_DIRECTIVE_CODE.test(raw) || /::\s*$/.test(raw)) {
      literalBlock = true;
      if (!RST_DIRECTIVE_CODE.test(raw)) prose.push({ text: raw, line });
      return;
    }
    const atx = ATX_HEADING.exec(raw) ?? ADOC_HEADING.exec(raw);
    if (atx) {
      headings.push({ text: (atx[1] as string).trim(), line, level: /^\s*([#=]+)/.exec(raw)![1]!.length });
      return;
    }
    const next = lines[index + 1];
    if (raw.trim() !== '' && !UNDERLINE.test(raw) && next !== undefined && UNDERLINE.test(next) && next.trim().length >= Math.min(3, raw.trim().length)) {
      const mark = next.trim()[0];
      headings.push({ text: raw.trim(), line, level: mark === '=' ? 1 : mark === '-' ? 2 : 3 });
      return;
    }
    if (UNDERLINE.test(raw)) return;
    if (SHELL_PROMPT.test(raw)) {
      code.push({ text: raw.trim(), line, language: null });
      return;
    }
    // Indented lines may be a Markdown code block or a nested list item: offered as code for
    // command matching, and still counted as prose.
    if (/^( {4}|\t)\S/.test(raw)) code.push({ text: raw.trim(), line, language: null });
    for (const span of raw.matchAll(INLINE_CODE)) code.push({ text: span[1] as string, line, language: null });
    prose.push({ text: raw, line });
  });

  const title = headings[0];
  const proseWords = prose
    .filter((entry) => !title || entry.text.trim() !== title.text)
    .reduce((sum, entry) => sum + countWords(stripDecoration(entry.text)), 0);

  const sections = new Map<number, string[]>();
  headings.forEach((heading, index) => {
    const end = headings[index + 1]?.line ?? lines.length + 1;
    const body = lines.slice(heading.line, end - 1).filter((entry) => entry.trim() !== '' && !UNDERLINE.test(entry));
    sections.set(heading.line, body);
  });
  return { headings, code, proseWords, sections };
}

/** The body under a heading together with its subsections (up to the next heading of the same or a higher level). */
export function sectionWithSubsections(outline: ReadmeOutline, heading: Heading): string[] {
  const index = outline.headings.indexOf(heading);
  const body = [...(outline.sections.get(heading.line) ?? [])];
  for (const next of outline.headings.slice(index + 1)) {
    if (next.level <= heading.level) break;
    body.push(next.text, ...(outline.sections.get(next.line) ?? []));
  }
  return body;
}
