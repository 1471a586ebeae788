// The one list of checks. A new check is one file under its area's folder, added here.
import type { AnyCheck } from '../core/check.js';
import { lockfileCheck } from './deps/lockfile.js';
import { architectureCheck } from './docs/architecture.js';
import { licenseCheck } from './docs/license.js';
import { readmeCheck } from './docs/readme.js';
import { readmeSetupCheck } from './docs/readme-setup.js';
import { ciCheck } from './delivery/ci.js';
import { deployConfigCheck } from './delivery/deploy-config.js';
import { envCommittedCheck } from './security/env-committed.js';
import { envExampleCheck } from './security/env-example.js';
import { dangerousPatternsCheck } from './security/dangerous-patterns.js';
import { secretsCheck } from './security/secrets.js';
import { testsInCiCheck } from './testing/tests-in-ci.js';
import { testsPresentCheck } from './testing/tests-present.js';

export const checks: readonly AnyCheck[] = [
  secretsCheck,
  dangerousPatternsCheck,
  readmeCheck,
  readmeSetupCheck,
  architectureCheck,
  licenseCheck,
  lockfileCheck,
  testsPresentCheck,
  testsInCiCheck,
  ciCheck,
  deployConfigCheck,
  envCommittedCheck,
  envExampleCheck,
];

export const checksById: ReadonlyMap<string, AnyCheck> = new Map(checks.map((check) => [check.id, check]));
