// docs.readme: a README exists at the root and says more than the project's name.
import { z } from 'zod';
import { defineCheck } from '../../core/check.js';
import { outlineReadme } from './readme-outline.js';
import { readableReadme } from './readme-presence.js';
import { templateOf } from './readme-templates.js';

const options = z.object({
  /** Below this many words (outside the title), the README is only a title. */
  titleOnlyWords: z.number().int().min(0).default(3),
  /** Below this many words, it is a line or two: better than nothing, not yet an introduction. */
  minWords: z.number().int().min(1).default(25),
  /** A generator's README with fewer words than this has not been made the project's own. */
  templateWords: z.number().int().min(1).default(250),
});

function count(value: number, noun: string): string {
  return `${value} ${noun}${value === 1 ? '' : 's'}`;
}

export const readmeCheck = defineCheck({
  id: 'docs.readme',
  area: 'docs',
  title: 'A README introduces the project',
  failureTitle: 'No useful README at the root',
  rationale:
    'The README is the first thing a new developer, a client or an investor opens. Without one, nobody ' +
    'knows what the project does, who it is for or where to start, and every question lands on you.',
  remediation:
    'Add README.md at the root of the repository. In a few paragraphs say what the project does and for ' +
    'whom, then add sections for setting it up (the exact commands), running it, running the tests and ' +
    'deploying it. If a generator wrote the README (Create React App, create-next-app, Vite), replace its ' +
    'text with your own.',
  severity: 'medium',
  weight: 3,
  effortMinutes: 30,
  requires: ['docs', 'tree'],
  optionsSchema: options,
  run({ docs, tree }, { options }) {
    const found = readableReadme(docs, tree, {
      judged: 'what it says',
      missingEvidence: 'no README file at the root (README.md, README, readme.rst, README.txt, …)',
      missingMessage: 'There is no README at the root of the repository.',
    });
    if ('outcome' in found) return found.outcome;
    const { readme } = found;
    const outline = outlineReadme(readme.text);
    const codeWords = outline.code.reduce((sum, line) => sum + line.text.split(/\s+/).filter(Boolean).length, 0);
    const words = outline.proseWords + codeWords;
    const lines = readme.text.split(/\r?\n/).filter((line) => line.trim() !== '').length;
    const described = `${readme.path}: ${count(lines, 'non-empty line')}, ${count(words, 'word')} besides the title, ${count(outline.headings.length, 'heading')}`;
    const location = { file: readme.path, line: 1 };

    if (words <= options.titleOnlyWords) {
      return {
        status: 'fail',
        evidence: [described],
        findings: [{ message: `${readme.path} holds little more than the project's name (${count(words, 'word')} besides the title).`, location, snippet: 'title-only' }],
      };
    }
    const template = templateOf(readme.text);
    if (template && words < options.templateWords) {
      return {
        status: 'partial',
        score: 0.5,
        evidence: [described, `${readme.path} is still the README written by ${template.generator}`],
        findings: [
          {
            message: `${readme.path} is the text ${template.generator} generated: it explains the generator, not this project.`,
            location,
            severity: 'low',
            snippet: `template:${template.generator}`,
          },
        ],
      };
    }
    if (words < options.minWords) {
      return {
        status: 'partial',
        score: 0.5,
        evidence: [described],
        findings: [
          {
            message: `${readme.path} is only ${words} words: say what the project does, for whom, and how to set it up.`,
            location,
            severity: 'low',
            snippet: 'short',
          },
        ],
      };
    }
    return { status: 'pass', evidence: [described] };
  },
});
