// Which parsed files describe how the application behaves: not tests, not fixtures, mocks or
// examples (whose Sentry setup or Prisma calls belong to a sample app, not to this one).
import type { ParsedFile } from '../core/facts.js';
import { isFixturePath } from '../util/paths.js';

export function isProductionCode(file: ParsedFile): boolean {
  return !file.isTest && !isFixturePath(file.path);
}
