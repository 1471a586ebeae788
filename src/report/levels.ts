// Maturity levels in order, for comparing two reports' levels.
import type { ReportLevel } from './schema.js';

const ORDER: readonly ReportLevel['id'][] = ['none', 'bronze', 'silver', 'gold'];

export function levelRank(id: ReportLevel['id']): number {
  return ORDER.indexOf(id);
}
