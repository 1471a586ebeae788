// Registry settings from the user's and the project's .npmrc, as npm reads them: `registry`,
// `@scope:registry` and the per-registry credentials (`//host/path/:_authToken` and friends), with
// `${ENV}` expanded. The values go to npm-registry-fetch only; nothing here is ever printed.
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

const DEFAULT_REGISTRY = 'https://registry.npmjs.org/';

export interface NpmrcSettings {
  registry: string;
  /** `@scope` → registry URL. */
  scopes: Record<string, string>;
  /** Options handed to npm-registry-fetch: scoped registries, `//host/:key` credentials, `strictSSL`. */
  fetchOptions: Record<string, string | boolean>;
  /** Which files contributed, for debugging (paths only). */
  sources: string[];
}

const KEPT_KEY = /^(registry|@[^:]+:registry|\/\/.+:(_authToken|_auth|username|_password)|strict-ssl)$/;

/** Expands `${NAME}` (and `${NAME?}`, empty when unset) like npm does. */
export function expandEnv(value: string, env: NodeJS.ProcessEnv): string {
  return value.replace(/(\\*)\$\{([^}?]+)(\?)?\}/g, (whole, escapes: string, name: string, optional?: string) => {
    if (escapes.length % 2 === 1) return whole.slice(1);
    const found = env[name];
    return escapes + (found ?? (optional ? '' : whole.slice(escapes.length)));
  });
}

/** `key = value` lines; sections, comments and array syntax ignored as they carry no registry settings. */
export function parseNpmrc(text: string, env: NodeJS.ProcessEnv): Record<string, string> {
  const settings: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';') || line.startsWith('[')) continue;
    const equals = line.indexOf('=');
    if (equals <= 0) continue;
    const key = expandEnv(line.slice(0, equals).trim(), env);
    let value = line.slice(equals + 1).trim();
    if (/^(".*"|'.*')$/.test(value)) value = value.slice(1, -1);
    if (KEPT_KEY.test(key)) settings[key] = expandEnv(value, env);
  }
  return settings;
}

function readIfPresent(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

/**
 * User settings first, then the project's (which win), then `npm_config_registry` from the
 * environment as npm gives it precedence over files.
 */
export function loadNpmrc(projectRoot: string, env: NodeJS.ProcessEnv = process.env): NpmrcSettings {
  const userFile = env.NPM_CONFIG_USERCONFIG ?? env.npm_config_userconfig ?? join(homedir(), '.npmrc');
  const files = [userFile, ...(projectRoot ? [join(projectRoot, '.npmrc')] : [])];
  const merged: Record<string, string> = {};
  const sources: string[] = [];
  for (const file of files) {
    const text = readIfPresent(file);
    if (text === null) continue;
    sources.push(file);
    Object.assign(merged, parseNpmrc(text, env));
  }
  const envRegistry = env.npm_config_registry ?? env.NPM_CONFIG_REGISTRY;
  if (envRegistry) merged.registry = envRegistry;
  const scopes: Record<string, string> = {};
  for (const [key, value] of Object.entries(merged)) {
    const scope = /^(@[^:]+):registry$/.exec(key)?.[1];
    if (scope) scopes[scope] = withSlash(value);
  }
  const { registry, 'strict-ssl': strictSsl, ...rest } = merged;
  const fetchOptions: Record<string, string | boolean> = { ...rest, ...(strictSsl === undefined ? {} : { strictSSL: strictSsl !== 'false' }) };
  return { registry: withSlash(registry ?? DEFAULT_REGISTRY), scopes, fetchOptions, sources };
}

/** A URL safe to show: credentials in it are masked. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/[^/@\s]+@/g, '//***@');
}
