// The shape of what shipshape knows about one third-party integration (knip-style plugin data):
// which dependencies switch it on and what in the code counts as it being used or initialised.

export type IntegrationCategory =
  | 'database'
  | 'orm'
  | 'error-tracking'
  | 'logging'
  | 'metrics'
  | 'health'
  | 'validation';

/**
 * A call that sets the integration up. `module` is a package name or a prefix ending in `/`
 * (`@sentry/` matches every Sentry SDK); `name` is the imported binding or member called
 * (`init`, `PrismaClient`, `default` for the module's default export called directly).
 */
export interface InitCall {
  module: string;
  name: string;
  /** `new X()` rather than `X()`; undefined accepts both. */
  construct?: boolean;
}

export interface Integration {
  id: string;
  title: string;
  category: IntegrationCategory;
  /** Dependency names (or `@scope/` prefixes) whose presence in a manifest means the integration is installed. */
  enablers: string[];
  evidence: {
    /** Module specifiers (or `/`-ending prefixes) whose import counts as using it; defaults to the enablers. */
    imports?: string[];
    /** Only these imported names count as use (Nest's `Logger` from `@nestjs/common`). */
    importNames?: string[];
    /** Calls that initialise it; when absent, an import is enough. */
    initCalls?: InitCall[];
    /** Importing these modules for their side effect initialises it (`import 'dd-trace/init'`). */
    initImports?: string[];
    /** Options of an init call that read the log level or redact secrets (logging libraries). */
    levelOptions?: string[];
    redactOptions?: string[];
    /** Options of an init call that turn on performance tracing (an error tracker that also traces). */
    tracingOptions?: string[];
    /** Route-level middleware factories exported by the module that validate requests. */
    middleware?: string[];
  };
}

export function defineIntegration(integration: Integration): Integration {
  return integration;
}

/** Matches a package or specifier against a name or a `/`-ending prefix; subpaths of a package match too. */
export function matchesModule(specifier: string, pattern: string): boolean {
  if (pattern.endsWith('/')) return specifier.startsWith(pattern);
  return specifier === pattern || specifier.startsWith(`${pattern}/`);
}
