// The registry client: package documents and bulk advisories through npm-registry-fetch (which
// applies the registry, scoped registries and credentials from .npmrc), with timeouts and retries.
// Every failure becomes a reason a reader can act on; credentials never appear in one.
import fetch from 'npm-registry-fetch';
import type { PackageRegistryInfo } from '../core/facts.js';
import { redactUrl, type NpmrcSettings } from './npmrc.js';
import { derivePackageInfo, packageWithoutInfo, packumentSchema } from './packument.js';

export interface RegistryClientOptions {
  npmrc: NpmrcSettings;
  /** Overrides the default registry of .npmrc (scoped registries still apply). */
  registry: string | null;
  timeoutMs?: number;
  retries?: number;
}

export type BulkAnswer = { ok: true; body: unknown } | { ok: false; reason: string };

const BULK_ADVISORY_PATH = '/-/npm/v1/security/advisories/bulk';

function escapedName(name: string): string {
  return name.startsWith('@') ? name.replace('/', '%2f') : name;
}

export interface Failure {
  reason: string;
  /** The registry itself could not be reached (no answer at all), as opposed to one bad answer. */
  unreachable: boolean;
}

/** Why a request failed, in words, without URLs carrying credentials. */
function describeFailure(error: unknown): Failure {
  const { statusCode, code, type } = (typeof error === 'object' && error !== null ? error : {}) as { statusCode?: number; code?: string; type?: string };
  if (typeof statusCode === 'number') return { reason: `the registry answered HTTP ${statusCode}`, unreachable: false };
  const message = error instanceof Error ? error.message : String(error);
  if (type === 'request-timeout' || /timeout/i.test(message)) return { reason: 'the registry did not answer in time', unreachable: true };
  if (typeof code === 'string' && /^E[A-Z_]+$/.test(code) && code !== 'FETCH_ERROR') return { reason: `network error ${code}`, unreachable: true };
  return { reason: redactUrl(message), unreachable: true };
}

export interface Lookup {
  info: PackageRegistryInfo;
  /** True when the failure says the registry is out of reach, so asking for more is pointless. */
  unreachable: boolean;
}

/** A shorter leash for the first request, which tells whether the registry answers at all. */
export interface RequestLimits {
  timeoutMs: number;
  retries: number;
}

export class RegistryClient {
  private readonly options: Record<string, unknown>;
  readonly registry: string;

  constructor(private readonly settings: RegistryClientOptions) {
    this.registry = settings.registry ? (settings.registry.endsWith('/') ? settings.registry : `${settings.registry}/`) : settings.npmrc.registry;
    const retries = settings.retries ?? 2;
    this.options = {
      ...settings.npmrc.fetchOptions,
      registry: this.registry,
      timeout: settings.timeoutMs ?? 30_000,
      retry: { retries, factor: 2, minTimeout: 200, maxTimeout: 2_000 },
      // The only cache is ours, of derived facts; npm's HTTP cache would store whole documents.
      cache: undefined,
    };
  }

  /** The registry that serves `name` (its scope's, or the default). */
  registryFor(name: string): string {
    const scope = name.startsWith('@') ? name.slice(0, name.indexOf('/')) : null;
    return (scope && this.settings.npmrc.scopes[scope]) || this.registry;
  }

  /** Everything the checks need about one package; never throws. */
  async packageInfo(name: string): Promise<PackageRegistryInfo> {
    return (await this.lookup(name)).info;
  }

  async lookup(name: string, limits?: RequestLimits): Promise<Lookup> {
    const options = limits ? { ...this.options, timeout: limits.timeoutMs, retry: { ...(this.options.retry as object), retries: limits.retries } } : this.options;
    let text: string;
    try {
      const response = await fetch(`/${escapedName(name)}`, { ...options, spec: name, fullMetadata: true });
      text = await response.text();
    } catch (error) {
      const status = (error as { statusCode?: number }).statusCode;
      if (status === 404) return { info: packageWithoutInfo(name, 'nonexistent', 'the registry has no package of this name (HTTP 404)', new Date()), unreachable: false };
      const failure = describeFailure(error);
      return { info: packageWithoutInfo(name, 'unknown', failure.reason, null), unreachable: failure.unreachable };
    }
    return { info: this.derive(name, text), unreachable: false };
  }

  private derive(name: string, text: string): PackageRegistryInfo {
    let document: unknown;
    try {
      document = JSON.parse(text);
    } catch {
      return packageWithoutInfo(name, 'unknown', 'the registry sent a malformed document (not JSON)', null);
    }
    const parsed = packumentSchema.safeParse(document);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return packageWithoutInfo(name, 'unknown', `the registry sent an unexpected document (${issue?.path.join('.') || 'top level'}: ${issue?.message ?? 'invalid'})`, null);
    }
    return derivePackageInfo(name, parsed.data, new Date());
  }

  /** `POST /-/npm/v1/security/advisories/bulk`, as npm audit sends it. */
  async bulkAdvisories(query: Record<string, string[]>): Promise<BulkAnswer> {
    try {
      const response = await fetch(BULK_ADVISORY_PATH, { ...this.options, method: 'POST', gzip: true, body: query });
      const text = await response.text();
      try {
        return { ok: true, body: JSON.parse(text) };
      } catch {
        return { ok: false, reason: 'the advisory endpoint sent a malformed answer (not JSON)' };
      }
    } catch (error) {
      const status = (error as { statusCode?: number }).statusCode;
      if (status === 404 || status === 405 || status === 501) {
        return { ok: false, reason: `the registry does not offer the bulk advisory endpoint npm audit uses (HTTP ${status})` };
      }
      return { ok: false, reason: `the advisory request failed: ${describeFailure(error).reason}` };
    }
  }
}
