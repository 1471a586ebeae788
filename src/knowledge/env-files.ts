// What environment files are called, which of them are templates meant to be committed, how code
// reads environment variables, and which variables the runtime or the platform provides by itself.

import { platformRuntimeOf } from './platform-runtimes.js';

/** Name segments (split on `.`, `-`, `_`) that mark a file as a template with placeholder values. */
const TEMPLATE_SEGMENTS: ReadonlySet<string> = new Set([
  'example',
  'examples',
  'sample',
  'samples',
  'template',
  'tmpl',
  'tpl',
  'dist',
  'default',
  'defaults',
  'skeleton',
]);

/** Segments of a real env file that configures tests or CI: committed on purpose more often, but still real. */
export const TEST_ENV_SEGMENTS: ReadonlySet<string> = new Set(['test', 'testing', 'ci', 'e2e']);

/**
 * Prefixes that frameworks expose to the browser bundle: such values are public by design, and
 * Next.js and Vite document committing them in `.env` files.
 */
const PUBLIC_VARIABLE_PREFIXES: readonly string[] = [
  'NEXT_PUBLIC_',
  'VITE_',
  'REACT_APP_',
  'EXPO_PUBLIC_',
  'NUXT_PUBLIC_',
  'PUBLIC_',
  'GATSBY_',
  'VUE_APP_',
];

export function isPublicVariable(name: string): boolean {
  return PUBLIC_VARIABLE_PREFIXES.some((prefix) => name.startsWith(prefix));
}

/**
 * Env-looking names that are something else: `.envrc` is a direnv script; `.env.vault` (dotenv-vault)
 * and `.env.enc`/`.gpg`/`.age` (sops, gpg, age) are encrypted to be committed; code and docs named
 * after env files are code.
 */
const NOT_ENV_FILE = /^\.envrc$|\.(?:vault|enc|encrypted|gpg|age|asc)$|\.(?:[cm]?[jt]sx?|json|md|py|rb|go|sh|ya?ml|toml)$/;

/** `.env`, `.env.local`, `.env.production`, `prod.env`, `.example.env`, `env.example`, `.env-sample`… */
export function isEnvFileName(name: string): boolean {
  if (NOT_ENV_FILE.test(name)) return false;
  // `env.example` is a template name; a bare `env-something` file is usually not an env file at all.
  if (/^env[._-]\w+$/.test(name)) return isTemplateEnvName(name);
  return /^\.env$|^\.env[._-].+|^[\w.-]+\.env$/.test(name);
}

export function nameSegments(name: string): string[] {
  return name.toLowerCase().split(/[._-]/).filter((segment) => segment !== '');
}

export function isTemplateEnvName(name: string): boolean {
  return nameSegments(name).some((segment) => TEMPLATE_SEGMENTS.has(segment));
}

/**
 * Token sequences that lead to the environment object: what follows is `.NAME`, `['NAME']`, or a
 * destructuring `const { NAME } = …`.
 */
export const ENV_OBJECTS: readonly (readonly string[])[] = [
  ['process', '.', 'env'],
  ['import', '.', 'meta', '.', 'env'],
  ['Bun', '.', 'env'],
];

/** Token sequences of getter calls whose first argument names the variable. */
export const ENV_GETTERS: readonly (readonly string[])[] = [['Deno', '.', 'env', '.', 'get', '(']];

/** Variables set by Node, npm, the shell, CI services, hosting platforms or the bundler: no template needed. */
const RUNTIME_PROVIDED_VARIABLES: ReadonlySet<string> = new Set([
  'NODE_ENV',
  'CI',
  'HOME',
  'PATH',
  'PWD',
  'USER',
  'SHELL',
  'TERM',
  'TMPDIR',
  'HOSTNAME',
  'LANG',
  'LOGNAME',
  'COLUMNS',
  'EDITOR',
  'VISUAL',
  'BROWSER',
  'NO_COLOR',
  'FORCE_COLOR',
  'TERM_PROGRAM',
  'NODE_DEBUG',
  // Windows.
  'APPDATA',
  'LOCALAPPDATA',
  'USERPROFILE',
  'HOMEDRIVE',
  'HOMEPATH',
  'SYSTEMROOT',
  'ComSpec',
  'PATHEXT',
  'NODE_OPTIONS',
  'INIT_CWD',
  'VERCEL',
  'NETLIFY',
  'RENDER',
  'K_SERVICE',
  'AWS_LAMBDA_FUNCTION_NAME',
  'AWS_EXECUTION_ENV',
  'NEXT_RUNTIME',
  'NEXT_PHASE',
  'VITEST',
  'JEST_WORKER_ID',
  // Vite's built-in import.meta.env values.
  'MODE',
  'DEV',
  'PROD',
  'SSR',
  'BASE_URL',
]);

const RUNTIME_PROVIDED_PREFIXES: readonly string[] = [
  'XDG_',
  'LC_',
  'npm_',
  'GITHUB_',
  'RUNNER_',
  'VERCEL_',
  'RAILWAY_',
  'RENDER_',
  'FLY_',
  'VITEST_',
];

/** Whether nobody has to set this variable; `file` is where it is read (a platform may set it for that folder only). */
export function isRuntimeProvided(name: string, file?: string): boolean {
  if (RUNTIME_PROVIDED_VARIABLES.has(name) || RUNTIME_PROVIDED_PREFIXES.some((prefix) => name.startsWith(prefix))) return true;
  return file !== undefined && platformRuntimeOf(file)?.providedVariables.has(name) === true;
}
