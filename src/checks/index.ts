// The one list of checks. A new check is one file under its area's folder, added here.
import type { AnyCheck } from '../core/check.js';

export const checks: readonly AnyCheck[] = [];

export const checksById: ReadonlyMap<string, AnyCheck> = new Map(checks.map((check) => [check.id, check]));
