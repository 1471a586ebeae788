// docs.readme-setup: the README itself gives concrete install and run steps.
import { defineCheck } from '../../core/check.js';
import type { RepoTree } from '../../core/facts.js';
import type { CheckOutcome } from '../../core/types.js';
import { outlineReadme, type CodeLine } from './readme-outline.js';
import { readableReadme } from './readme-presence.js';
import { SETUP_COMMANDS, commandsOf, type SetupCommand, type SetupStep } from './setup-commands.js';

interface SeenCommand {
  command: string;
  line: number;
  rule: SetupCommand;
  inProse: boolean;
}

/** Tools whose commands are recognised in running text too ("run npm install, then npm start"). */
const PROSE_TOOLS = /(?<![\w-])(npm|npx|yarn|pnpm|bunx?|docker(-compose)?|git|deno|corepack) /g;
const MAX_EVIDENCE = 4;
/** Fenced blocks in these languages are a library's usage example even without an import line. */
const USAGE_LANGUAGES = new Set(['js', 'javascript', 'ts', 'typescript', 'jsx', 'tsx', 'mjs', 'cjs']);
const USAGE_EXAMPLE: SetupCommand = { steps: ['run'], label: 'usage example', pattern: /./ };

function matchCommand(command: string): SetupCommand | null {
  return SETUP_COMMANDS.find((rule) => rule.pattern.test(command)) ?? null;
}

function commandsInCode(code: readonly CodeLine[]): SeenCommand[] {
  return code.flatMap(({ text, line }) =>
    commandsOf(text).flatMap((command) => {
      const rule = matchCommand(command);
      return rule ? [{ command, line, rule, inProse: false }] : [];
    }),
  );
}

/** Commands written in sentences; one-word matches (`yarn`) are too likely to be a mere mention. */
function commandsInProse(text: string, codeLines: ReadonlySet<number>): SeenCommand[] {
  return text.split(/\r?\n/).flatMap((raw, index) =>
    (codeLines.has(index + 1) ? [] : [...raw.matchAll(PROSE_TOOLS)]).flatMap((match) => {
      const command = (raw.slice(match.index).split(/[`,;:.)(]|\s(then|and|or)\s/)[0] ?? '').trim();
      const rule = command.split(/\s+/).length >= 2 ? matchCommand(command) : null;
      return rule ? [{ command, line: index + 1, rule, inProse: true }] : [];
    }),
  );
}

/** For a library, a JavaScript/TypeScript block shows how to use it: its first line is the evidence. */
function usageBlock(code: readonly CodeLine[]): SeenCommand[] {
  const first = code.find((entry) => entry.language !== null && USAGE_LANGUAGES.has(entry.language) && entry.text.trim() !== '');
  return first ? [{ command: first.text.trim(), line: first.line, rule: USAGE_EXAMPLE, inProse: false }] : [];
}

function firstLink(text: string): { url: string; line: number } | null {
  const lines = text.split(/\r?\n/);
  for (const [index, line] of lines.entries()) {
    const url = /https?:\/\/[^\s)>\]]+/.exec(line)?.[0];
    if (url && !/shields\.io|badge/i.test(line)) return { url, line: index + 1 };
  }
  return null;
}

function commandsSeen(text: string, library: boolean): SeenCommand[] {
  const outline = outlineReadme(text);
  return [...commandsInCode(outline.code), ...commandsInProse(text, new Set(outline.code.map((entry) => entry.line))), ...(library ? usageBlock(outline.code) : [])];
}

const SETUP_GUIDE = /^(docs\/)?(setup|install(ation)?|getting[-_ ]started|quickstart)\.md$/i;

/**
 * Without a README, a setup guide beside it (SETUP.md, INSTALL.md, docs/getting-started.md) that
 * gives both install and run commands: the steps exist, only not where a newcomer looks first.
 */
function setupGuideInstead(tree: RepoTree): CheckOutcome | null {
  for (const file of tree.files) {
    if (!SETUP_GUIDE.test(file.path)) continue;
    const seen = commandsSeen(tree.read(file.path) ?? '', false);
    const steps = (step: SetupStep) => seen.some((entry) => entry.rule.steps.includes(step));
    if (!steps('install') || !steps('run')) continue;
    return {
      status: 'partial',
      score: 0.5,
      evidence: ['no README at the root', `${file.path} gives install and run commands`],
      findings: [{ message: `There is no README; ${file.path} gives the install and run steps, but a newcomer looks in the README first.`, location: { file: file.path, line: 1 }, severity: 'low', snippet: 'setup-guide-only' }],
    };
  }
  return null;
}

export const readmeSetupCheck = defineCheck({
  id: 'docs.readme-setup',
  area: 'docs',
  title: 'The README gives install and run steps',
  failureTitle: 'The README does not say how to install and run the project',
  rationale:
    'A newcomer (a new hire, a contractor, you in six months) should get the project running by copying ' +
    'commands from the README. Steps that live only in someone\'s head, a chat thread or an outdated wiki ' +
    'cost hours on every onboarding and make an emergency fix slower.',
  remediation:
    'Add a "Getting started" section to the README with the exact commands, in a code block, from a fresh ' +
    'clone to a running app: for example `npm ci`, `cp .env.example .env` (and which values to fill in), ' +
    '`npx prisma migrate dev`, `npm run dev`, and `npm test`. For a library, show `npm install <name>` and a ' +
    'short usage example. Keep links for background, not for the steps themselves.',
  severity: 'medium',
  weight: 2,
  effortMinutes: 20,
  requires: ['docs', 'project', 'tree'],
  run({ docs, project, tree }) {
    const found = readableReadme(docs, tree, {
      judged: 'its setup steps',
      missingEvidence: 'no README at the root, so no setup steps',
      missingMessage: 'There is no README, so nothing tells a newcomer how to install and run the project.',
    });
    if ('outcome' in found) return found.outcome.status === 'fail' ? (setupGuideInstead(tree) ?? found.outcome) : found.outcome;
    const { readme } = found;
    const seen = commandsSeen(readme.text, project.kind === 'library');
    const has = (step: SetupStep) => seen.filter((entry) => entry.rule.steps.includes(step));
    const install = has('install');
    const run = has('run');
    const describe = (entry: SeenCommand) =>
      `${readme.path}:${entry.line}: \`${entry.command}\` (${entry.rule.label}${entry.inProse ? ', in the text' : ''})`;
    const evidence = [...new Map([...install, ...run].map((entry) => [describe(entry), entry])).keys()].slice(0, MAX_EVIDENCE);
    const location = { file: readme.path, line: 1 };

    if (install.length > 0 && run.length > 0) return { status: 'pass', evidence };
    if (install.length > 0 || run.length > 0) {
      const missing = install.length > 0 ? 'how to run, test or use it' : 'how to install it';
      return {
        status: 'partial',
        score: 0.5,
        evidence: [...evidence, `${readme.path}: no command for ${missing}`],
        findings: [{ message: `${readme.path} shows some commands but not ${missing}.`, location, severity: 'low', snippet: missing }],
      };
    }
    const link = firstLink(readme.text);
    const pointer = link ? ` It points to ${link.url} (line ${link.line}) instead.` : '';
    return {
      status: 'fail',
      evidence: [`${readme.path}: no install or run command in a code block or in the text`, ...(link ? [`${readme.path}:${link.line}: links to ${link.url}`] : [])],
      findings: [{ message: `${readme.path} gives no commands to install and run the project.${pointer}`, location, snippet: 'no-commands' }],
    };
  },
});
