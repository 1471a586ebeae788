// Commands that, shown in a README, tell a newcomer how to get the project installed and running.
// `install` covers getting the code and its dependencies ready (including copying an env template);
// `run` covers starting, testing or using it (for a library, an import in a usage example).

export type SetupStep = 'install' | 'run';

export interface SetupCommand {
  steps: readonly SetupStep[];
  label: string;
  /** Tested against each command of a code line (split at `&&`, `;`, `||`), prompt and `sudo` removed. */
  pattern: RegExp;
}

export const SETUP_COMMANDS: readonly SetupCommand[] = [
  { steps: ['install'], label: 'npm install', pattern: /^(npm|cnpm) (install|i|ci|add)\b/ },
  { steps: ['install'], label: 'yarn install', pattern: /^yarn(\s+install\b|\s+add\b|\s*$)/ },
  { steps: ['install'], label: 'pnpm install', pattern: /^pnpm (install|i|add)\b/ },
  { steps: ['install'], label: 'bun install', pattern: /^bun (install|i|add)\b/ },
  { steps: ['install'], label: 'deno add', pattern: /^deno (install|add)\b/ },
  { steps: ['install'], label: 'git clone', pattern: /^git clone\b/ },
  { steps: ['install'], label: 'corepack', pattern: /^corepack (enable|prepare)\b/ },
  { steps: ['install'], label: 'copy the env template', pattern: /^(cp|copy|mv) \S*\.env\S*/ },
  { steps: ['install'], label: 'docker build', pattern: /^docker (build|pull)\b|^docker[- ]compose (build|pull)\b/ },
  { steps: ['install'], label: 'make install', pattern: /^make (install|setup|bootstrap|deps)\b/ },
  { steps: ['install', 'run'], label: 'docker compose up', pattern: /^docker[- ]compose (up|run)\b/ },
  { steps: ['run'], label: 'docker run', pattern: /^docker run\b/ },
  { steps: ['run'], label: 'npm script', pattern: /^(npm|pnpm|bun) (run(-script)?\s+\S+|start|test|t)\b/ },
  { steps: ['run'], label: 'yarn script', pattern: /^yarn (run\s+)?(dev|start|serve|test|build|preview|develop|watch)\b|^yarn run \S+/ },
  { steps: ['run'], label: 'pnpm script', pattern: /^pnpm (dev|serve|build|preview|develop|watch)\b/ },
  { steps: ['run'], label: 'bun script', pattern: /^bun (dev|\S+\.[cm]?[jt]sx?)\b/ },
  { steps: ['run'], label: 'npx', pattern: /^(npx|bunx|pnpm (dlx|exec)|yarn dlx) \S+/ },
  { steps: ['run'], label: 'node', pattern: /^node \S+/ },
  { steps: ['run'], label: 'deno', pattern: /^deno (run|task)\b/ },
  { steps: ['run'], label: 'make', pattern: /^make(\s+[\w-]+)?\s*$/ },
  { steps: ['run'], label: 'dev server', pattern: /^(next|vite|nest|nodemon|tsx|ts-node|remix|astro|nuxi|nuxt) \S+/ },
  { steps: ['run'], label: 'usage example', pattern: /^(import\s[\w{},*\s]+\sfrom\s+['"]|(const|let|var)\s+[\w{},\s]+=\s*require\(['"])/ },
];

/** The commands a code line shows: `$ cd app && npm install` → `cd app`, `npm install`. */
export function commandsOf(codeLine: string): string[] {
  return codeLine
    .replace(/^\s*[$>%]\s+/, '')
    .replace(/\s+#.*$/, '')
    .split(/&&|\|\||;/)
    .map((part) => part.trim().replace(/^sudo\s+/, ''))
    .filter((part) => part.length > 0);
}
