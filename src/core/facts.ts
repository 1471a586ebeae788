// Facts are what collectors learn about the target repository, once, and share with every check.
// This file is the one list of fact keys and their shapes; each key has exactly one collector
// (registered in src/collectors/index.ts).

import type { ProjectKind } from './types.js';

export interface FileEntry {
  /** Relative to the target root, with `/`. */
  path: string;
  /** Bytes. */
  size: number;
  /** Tracked by git; false for a file that exists but is not committed (nor ignored), and outside git. */
  tracked: boolean;
}

/**
 * The files that make up the repository: tracked files in a git work tree, otherwise a walk that
 * honours `.gitignore`. Dependency folders, build output, vendored and minified files are left out
 * (and listed in `skipped`). Implemented on disk by the inventory collector and in memory by tests.
 */
export interface RepoTree {
  /** Absolute path of the target, or '' for an in-memory tree. */
  root: string;
  source: 'git' | 'walk' | 'memory';
  /** Sorted by path. */
  files: readonly FileEntry[];
  skipped: readonly { path: string; reason: string }[];
  has(path: string): boolean;
  /**
   * UTF-8 text of a file, cached. `null` for a binary file, one above the size cap, or one that
   * cannot be read (the reason is then in `unreadable`).
   */
  read(path: string): string | null;
  /** Files that `read` refused, with the reason; filled as files are read. */
  readonly unreadable: ReadonlyMap<string, string>;
}

export interface GitFact {
  isRepo: boolean;
  commit: string | null;
  branch: string | null;
}

export interface PackageManifest {
  /** Path of the package.json, relative to the root ("package.json", "packages/api/package.json"). */
  path: string;
  /** Folder of the package relative to the root ('' for the root). */
  dir: string;
  name: string | null;
  version: string | null;
  private: boolean;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
  optionalDependencies: Record<string, string>;
  scripts: Record<string, string>;
  /** Normalised: command name → file. */
  bin: Record<string, string>;
  main: string | null;
  module: string | null;
  exports: unknown;
  engines: Record<string, string>;
  /** Workspace globs declared by this manifest (npm/yarn `workspaces`, or pnpm-workspace.yaml at the root). */
  workspaces: string[];
  packageManager: string | null;
  type: 'module' | 'commonjs' | null;
  /** The whole parsed document, for fields the typed view does not carry (e.g. `shipshape`). */
  raw: Record<string, unknown>;
}

export interface ManifestsFact {
  root: PackageManifest | null;
  /** Workspace packages, root excluded. */
  workspaces: PackageManifest[];
  /** Root first, then workspaces, then `nested`. */
  all: PackageManifest[];
  /** Manifests that exist but could not be read or parsed. */
  invalid: { path: string; message: string }[];
  /**
   * Packages no workspace declares, found when the root declares no workspaces (a `client/` and a
   * `server/` side by side, or no root package.json at all); fixtures and examples excluded.
   */
  nested?: PackageManifest[];
  /** Fields dropped because of a wrong type, and similar lenient-parse remarks, by file. */
  notes?: { path: string; message: string }[];
}

export type PackageManagerName = 'npm' | 'yarn' | 'pnpm' | 'bun';

export interface LockfileRef {
  path: string;
  manager: PackageManagerName;
}

export interface LockfilesFact {
  lockfiles: LockfileRef[];
  /** From `packageManager`, lockfiles or workspace files; null when nothing says. */
  manager: PackageManagerName | null;
  evidence: string[];
}

export type CiProvider =
  | 'github-actions'
  | 'gitlab-ci'
  | 'circleci'
  | 'azure-pipelines'
  | 'bitbucket-pipelines'
  | 'jenkins'
  | 'travis'
  | 'drone'
  | 'buildkite'
  | 'woodpecker'
  | 'other';

export interface CiStep {
  /** A shell command the pipeline runs. */
  run?: string;
  /** A reusable action or orb (`actions/setup-node@v4`). */
  uses?: string;
  with?: Record<string, unknown>;
  job: string | null;
  line: number | null;
}

export interface CiConfig {
  provider: CiProvider;
  path: string;
  /** The parsed YAML (or null for non-YAML configs such as a Jenkinsfile, or a parse failure). */
  document: unknown;
  parseError: string | null;
  steps: CiStep[];
  /** Triggers such as `push`, `pull_request`, `schedule` where the provider says. */
  triggers: string[];
}

export interface CiFact {
  configs: CiConfig[];
}

export interface DocsFact {
  readme: { path: string; text: string } | null;
  /** Files under docs/, doc/, adr/ and similar, plus root-level markdown other than the README. */
  docFiles: string[];
  license: string | null;
  changelog: string | null;
}

export type EnvFileKind = 'real' | 'template' | 'fixture';

export interface EnvFileRef {
  path: string;
  kind: EnvFileKind;
  /** Committed to git (from the inventory). */
  tracked: boolean;
  /**
   * Names of the variables the file sets (never their values); a template's commented-out
   * assignments (`# SENTRY_DSN=`) count as documented. Null when the file could not be read.
   */
  variables: string[] | null;
}

export interface EnvFact {
  files: EnvFileRef[];
  /** Places where code reads environment variables (process.env, import.meta.env, Deno.env, Bun.env). */
  reads: { file: string; line: number; name: string | null; /** `process.env.PORT ?? 3000`, `{ PORT = 3000 } = process.env`. */ defaulted?: true }[];
}

export interface TestFileInfo {
  path: string;
  /** Call sites of runnable test cases (`it(`, `test(`, `Deno.test(`, `it.each(…)`…); null when unreadable. */
  cases: number | null;
  /** Call sites of cases that do not run: `it.todo`, `test.skip`, `xit`, a mocha `it('name')` without a body. */
  placeholders: number;
  /** Line of the first runnable case. */
  firstCaseLine: number | null;
}

/** Test files (by name or folder; fixtures excluded) and the test cases they declare, found lexically. */
export interface TestsFact {
  files: TestFileInfo[];
}

export type DeployConfigStrength = 'deploy' | 'local';

export interface DeployConfigRef {
  path: string;
  /** What the file deploys with ("Docker image", "Fly.io"). */
  target: string;
  /** `local` for files that usually describe a development set-up only (docker-compose). */
  strength: DeployConfigStrength;
}

export interface DeployFact {
  configs: DeployConfigRef[];
}

export interface ProjectFact {
  kind: ProjectKind;
  /** Why this kind, in a few lines of evidence. */
  evidence: string[];
  private: boolean;
  name: string | null;
  /** For a monorepo (or several undeclared packages): each package's own kind, with its evidence. */
  packages?: { dir: string; name: string | null; kind: ProjectKind; evidence: string[] }[];
}

export interface ParsedFile {
  path: string;
  /** Physical lines, and lines holding code (not blank, not only comments). */
  lines: number;
  codeLines: number;
  isTest: boolean;
  /** Syntax errors; a file with errors is still analysed as far as the parser recovered. */
  parseErrors: { line: number; column: number; message: string }[];
  /** Results of each extractor in src/analysis/extractors, by extractor id (absent when it returned null). */
  extracts: Record<string, unknown>;
  /** Extractors that threw on this file (the file's other results are kept). */
  extractorErrors?: { extractor: string; message: string }[];
}

/** The shared parse of every JS/TS source file (see src/analysis/extractor.ts). */
export interface CodeFact {
  files: ParsedFile[];
  /** Source files not parsed: generated, minified, vendored, oversized, binary. */
  skipped: { path: string; reason: string }[];
  /** The extractors that ran, when an audit of a few areas needed only these; absent: all of them. */
  extractorsRun?: readonly string[];
}

export type DependencyType = 'dependencies' | 'devDependencies' | 'peerDependencies' | 'optionalDependencies';

/** What a dependency specifier points at (`^1.2.0` is a range, `workspace:*` a workspace, …). */
export type SpecifierKind =
  | 'range'
  | 'version'
  | 'tag'
  | 'alias'
  | 'workspace'
  | 'link'
  | 'file'
  | 'git'
  | 'url'
  | 'catalog'
  | 'invalid';

/** One dependency declared in one manifest, resolved to the version the lockfile pins. */
export interface DirectDependency {
  /** The name as declared (the key in package.json). */
  name: string;
  /** The registry name: differs from `name` for an `npm:` alias. */
  packageName: string;
  /** Folder of the declaring package relative to the root ('' for the root). */
  workspace: string;
  manifestPath: string;
  /** Line of the declaration in the manifest, when it can be found. */
  line: number | null;
  type: DependencyType;
  /** The specifier as written. */
  range: string;
  specifierKind: SpecifierKind;
  /** The version installed; null when it cannot be known (no lockfile and no minimum, or not a registry package). */
  installed: string | null;
  /** Where `installed` came from: the lockfile, or the range's minimum when there is no usable lockfile. */
  resolvedFrom: 'lockfile' | 'range-minimum' | null;
}

/** A package the lockfile installs, direct or transitive. */
export interface InstalledPackage {
  name: string;
  version: string;
  /** Installed only for development (npm and pnpm lockfiles say; false when unknown). */
  dev: boolean;
  /** Declares an install script, when the lockfile says so (npm v2+ `hasInstallScript`, pnpm `requiresBuild`). */
  hasInstallScript: boolean;
  /** Where it sits: `node_modules/a/node_modules/b` for npm, null when the format does not say. */
  location: string | null;
  /** Names of its peer dependencies, when the lockfile records them (npm v2+, pnpm). */
  peers?: string[];
}

/** `unsupported`: a lockfile format shipshape does not read (the binary bun.lockb). */
export type LockfileIssueKind = 'unparsable' | 'unsupported' | 'out-of-sync' | 'several-lockfiles' | 'package-manager-mismatch';

export interface LockfileIssue {
  kind: LockfileIssueKind;
  /** The file concerned, when there is one. */
  path: string | null;
  message: string;
}

export interface InstalledFact {
  /** The lockfile read, with its format (`package-lock v3`, `pnpm-lock 9.0`, `yarn berry 8`, …). */
  lockfile: { path: string; manager: PackageManagerName; format: string } | null;
  direct: DirectDependency[];
  /** Every package in the lockfile; empty without a lockfile. */
  packages: InstalledPackage[];
  /** Package name → the direct dependencies that pull it in (name chains), for advisory paths. */
  paths: Record<string, string[][]>;
  issues: LockfileIssue[];
}

export type RegistryStatus = 'ok' | 'nonexistent' | 'unknown';

/** What the registry says about one package, reduced to what the checks use. */
export interface PackageRegistryInfo {
  name: string;
  status: RegistryStatus;
  /** Why `unknown` (timeout, HTTP 500, malformed answer, offline without a cached entry). */
  reason: string | null;
  distTags: Record<string, string>;
  /** Stable versions and dist-tag targets → publish time (ISO). Prereleases outside dist-tags are dropped. */
  time: Record<string, string>;
  created: string | null;
  modified: string | null;
  /** Version → deprecation message, for deprecated versions. */
  deprecated: Record<string, string>;
  /** Versions that declare preinstall/install/postinstall scripts (or a binding.gyp build). */
  installScripts: string[];
  /** Peer dependencies of the latest version (for grouping upgrades). */
  latestPeers: string[];
  /** When this was learned from the registry (ISO); older than the run when it came from the cache. */
  fetchedAt: string | null;
  fromCache: boolean;
}

export interface RegistryFact {
  /** The default registry (credentials never appear here). */
  registry: string;
  offline: boolean;
  packages: Record<string, PackageRegistryInfo>;
  stats: { requested: number; fromCache: number; fetched: number; failed: number; durationMs: number };
}

export type AdvisorySeverity = 'info' | 'low' | 'moderate' | 'high' | 'critical';

export interface Advisory {
  id: string;
  package: string;
  title: string;
  url: string | null;
  severity: AdvisorySeverity;
  /** The affected range as the source states it. */
  vulnerableVersions: string;
  /** Installed versions it affects. */
  affected: string[];
  /** Lowest version that is no longer affected, when it can be told. */
  firstFixed: string | null;
}

export interface AdvisoriesFact {
  /** `unknown` when no source could answer (offline, endpoint refused, malformed answer). */
  status: 'ok' | 'unknown';
  reason: string | null;
  source: 'registry' | 'osv' | null;
  /** Packages (name@version pairs) asked about. */
  queried: number;
  advisories: Advisory[];
}

/** Where in the repository something was seen. */
export interface SiteRef {
  file: string;
  line: number;
  detail: string;
}

/** One third-party integration (see src/knowledge/integrations) found declared or used. */
export interface IntegrationPresence {
  id: string;
  title: string;
  category: 'database' | 'orm' | 'error-tracking' | 'logging' | 'metrics' | 'health' | 'validation';
  /** Manifests that declare one of its packages. */
  declared: { manifest: string; name: string; dev: boolean }[];
  /** Non-test files that import it. */
  imports: SiteRef[];
  /**
   * Calls that initialise it, with the options object's keys, which of them read the environment and
   * which are fixed literals; `optionsReadable` is false when the options come from a variable or expression.
   */
  inits: (SiteRef & { optionKeys: string[]; envOptions: string[]; literalOptions: string[]; optionsReadable: boolean })[];
}

export interface IntegrationsFact {
  found: IntegrationPresence[];
  /** `process.on(event, …)` handlers in non-test code, with the shutdown calls they make. */
  processHandlers: (SiteRef & { event: string; closes: string[] })[];
}

/** A request boundary: a route, a file-system route handler, a server action, a controller method or an RPC procedure. */
export interface RequestBoundary {
  file: string;
  line: number;
  framework: string;
  method: string;
  path: string | null;
  /** Reachable from a running app; false for a router never mounted; null when it cannot be told. */
  mounted: boolean | null;
  /** Why mounted (or not), in words. */
  mountEvidence: string;
  handler: { file: string; startLine: number; endLine: number; reads: string[]; touchesDatabase: boolean } | null;
  /** Validation seen: route middleware, route schema, or schema calls inside the handler. */
  validation: string[];
  /** Database writes inside the handler. */
  writes: SiteRef[];
}

export interface RoutesFact {
  boundaries: RequestBoundary[];
  /** Routers that have routes but are never mounted on an app. */
  unmountedRouters: SiteRef[];
}

export interface MigrationFile {
  path: string;
  tracked: boolean;
  /** Holds no statement (an empty or placeholder file). */
  empty: boolean;
  /** The date the file or folder name (or a Drizzle journal) carries, ISO day; null when it carries none. */
  date: string | null;
}

export interface MigrationSet {
  /** Folder holding the migrations. */
  dir: string;
  /** Which tool's layout it follows (prisma, drizzle, knex, typeorm, sequelize, supabase, sql, …). */
  tool: string;
  files: MigrationFile[];
}

/** A column as a schema declares it (Prisma model, SQL CREATE TABLE, Drizzle table, Mongoose schema). */
export interface SchemaField {
  file: string;
  line: number;
  table: string;
  field: string;
  unique: boolean;
  required: boolean;
  /** For a column named like a reference (`userId`, `user_id`): whether a foreign key constraint backs it; null otherwise or when the schema does not enforce foreign keys. */
  foreignKey: boolean | null;
}

export interface DatabaseFact {
  migrationSets: MigrationSet[];
  /** Prisma schema files (`*.prisma`). */
  schemaFiles: string[];
  fields: SchemaField[];
  /** `prisma db push`, `drizzle-kit push`, `typeorm schema:sync` in a start/deploy path. */
  schemaPush: SiteRef[];
  /** Config files (ormconfig.json, …) that turn `synchronize` on. */
  synchronizeConfigs: SiteRef[];
  /** Backup tools and schedules, and documents that describe a backup or a restore. */
  backups: (SiteRef & { kind: 'tool' | 'schedule' | 'backup-doc' | 'restore-doc' })[];
  /** Managed database hosts named in env templates or config (provider backups likely). */
  managedHosts: (SiteRef & { provider: string })[];
}

export interface OperationsFact {
  /** Health checks configured outside the code: Dockerfile HEALTHCHECK, platform and orchestrator probes. */
  healthChecks: SiteRef[];
  /** Alert rules or uptime monitors kept as code. */
  alerting: SiteRef[];
}

export interface Facts {
  tree: RepoTree;
  git: GitFact;
  manifests: ManifestsFact;
  lockfiles: LockfilesFact;
  ci: CiFact;
  docs: DocsFact;
  env: EnvFact;
  tests: TestsFact;
  deploy: DeployFact;
  project: ProjectFact;
  code: CodeFact;
  installed: InstalledFact;
  registry: RegistryFact;
  advisories: AdvisoriesFact;
  integrations: IntegrationsFact;
  routes: RoutesFact;
  database: DatabaseFact;
  operations: OperationsFact;
}

export type FactKey = keyof Facts;
