// Checks that score the protected share of something (validated handlers, unique columns, calls
// with timeouts) turn it into a status the same way.
import type { CheckOutcome } from '../../core/types.js';

export function statusOfShare(share: number): CheckOutcome['status'] {
  return share >= 1 ? 'pass' : share <= 0 ? 'fail' : 'partial';
}
