// The one list of checks. A new check is one file under its area's folder, added here.
import type { AnyCheck } from '../core/check.js';
import { secretsCheck } from './security/secrets.js';

export const checks: readonly AnyCheck[] = [secretsCheck];

export const checksById: ReadonlyMap<string, AnyCheck> = new Map(checks.map((check) => [check.id, check]));
