// The one list of checks. A new check is one file under its area's folder, added here.
import type { AnyCheck } from '../core/check.js';
import { circularImportsCheck } from './code/circular-imports.js';
import { complexityCheck } from './code/complexity.js';
import { consoleLoggingCheck } from './code/console-logging.js';
import { conventionDriftCheck } from './code/convention-drift.js';
import { duplicationCheck } from './code/duplication.js';
import { errorMaskingCheck } from './code/error-masking.js';
import { fileSizeCheck } from './code/file-size.js';
import { functionSizeCheck } from './code/function-size.js';
import { nestingCheck } from './code/nesting.js';
import { parametersCheck } from './code/parameters.js';
import { parseErrorCheck } from './code/parse-error.js';
import { prototypeResidueCheck } from './code/prototype-residue.js';
import { tsconfigStrictCheck } from './code/tsconfig-strict.js';
import { typeEscapesCheck } from './code/type-escapes.js';
import { unusedExportsCheck } from './code/unused-exports.js';
import { unusedFilesCheck } from './code/unused-files.js';
import { backupsCheck } from './data/backups.js';
import { constraintsCheck } from './data/constraints.js';
import { inputValidationCheck } from './data/input-validation.js';
import { migrationsCheck } from './data/migrations.js';
import { schemaSyncCheck } from './data/schema-sync.js';
import { transactionsCheck } from './data/transactions.js';
import { alertingCheck } from './observability/alerting.js';
import { errorTrackingCheck } from './observability/error-tracking.js';
import { gracefulShutdownCheck } from './observability/graceful-shutdown.js';
import { healthEndpointCheck } from './observability/health-endpoint.js';
import { metricsCheck } from './observability/metrics.js';
import { structuredLoggingCheck } from './observability/structured-logging.js';
import { timeoutsCheck } from './observability/timeouts.js';
import { lockfileCheck } from './deps/lockfile.js';
import { abandonedCheck } from './deps/abandoned.js';
import { deprecatedCheck } from './deps/deprecated.js';
import { installScriptsCheck } from './deps/install-scripts.js';
import { libyearCheck } from './deps/libyear.js';
import { lockfileSyncCheck } from './deps/lockfile-sync.js';
import { nonexistentCheck } from './deps/nonexistent.js';
import { outdatedCheck } from './deps/outdated.js';
import { overlapCheck } from './deps/overlap.js';
import { riskySpecifierCheck } from './deps/risky-specifier.js';
import { runtimeEolCheck } from './deps/runtime-eol.js';
import { unlistedCheck } from './deps/unlisted.js';
import { unusedCheck } from './deps/unused.js';
import { updateBotCheck } from './deps/update-bot.js';
import { vulnerableCheck } from './deps/vulnerable.js';
import { architectureCheck } from './docs/architecture.js';
import { licenseCheck } from './docs/license.js';
import { readmeCheck } from './docs/readme.js';
import { readmeSetupCheck } from './docs/readme-setup.js';
import { ciCheck } from './delivery/ci.js';
import { deployConfigCheck } from './delivery/deploy-config.js';
import { envCommittedCheck } from './security/env-committed.js';
import { envExampleCheck } from './security/env-example.js';
import { configValidatedCheck } from './security/config-validated.js';
import { dangerousPatternsCheck } from './security/dangerous-patterns.js';
import { openDbPoliciesCheck } from './security/open-db-policies.js';
import { errorDetailsCheck } from './security/error-details.js';
import { requestUrlsCheck } from './security/request-urls.js';
import { secretsCheck } from './security/secrets.js';
import { tablesWithoutRlsCheck } from './security/tables-without-rls.js';
import { dependencyWeightCheck } from './simplicity/dependency-weight.js';
import { testsInCiCheck } from './testing/tests-in-ci.js';
import { testsPresentCheck } from './testing/tests-present.js';

export const checks: readonly AnyCheck[] = [
  parseErrorCheck,
  complexityCheck,
  functionSizeCheck,
  parametersCheck,
  nestingCheck,
  fileSizeCheck,
  typeEscapesCheck,
  tsconfigStrictCheck,
  circularImportsCheck,
  unusedExportsCheck,
  unusedFilesCheck,
  duplicationCheck,
  errorMaskingCheck,
  conventionDriftCheck,
  prototypeResidueCheck,
  consoleLoggingCheck,
  migrationsCheck,
  schemaSyncCheck,
  transactionsCheck,
  inputValidationCheck,
  constraintsCheck,
  backupsCheck,
  healthEndpointCheck,
  errorTrackingCheck,
  structuredLoggingCheck,
  metricsCheck,
  alertingCheck,
  gracefulShutdownCheck,
  timeoutsCheck,
  secretsCheck,
  dangerousPatternsCheck,
  openDbPoliciesCheck,
  tablesWithoutRlsCheck,
  errorDetailsCheck,
  requestUrlsCheck,
  configValidatedCheck,
  readmeCheck,
  readmeSetupCheck,
  architectureCheck,
  licenseCheck,
  lockfileCheck,
  lockfileSyncCheck,
  outdatedCheck,
  libyearCheck,
  deprecatedCheck,
  abandonedCheck,
  vulnerableCheck,
  installScriptsCheck,
  nonexistentCheck,
  unusedCheck,
  unlistedCheck,
  riskySpecifierCheck,
  runtimeEolCheck,
  updateBotCheck,
  overlapCheck,
  testsPresentCheck,
  testsInCiCheck,
  ciCheck,
  deployConfigCheck,
  envCommittedCheck,
  envExampleCheck,
  dependencyWeightCheck,
];

export const checksById: ReadonlyMap<string, AnyCheck> = new Map(checks.map((check) => [check.id, check]));
