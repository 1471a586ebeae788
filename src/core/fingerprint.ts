import { createHash } from 'node:crypto';
import type { FindingInput } from './types.js';

/**
 * A finding's identity for baselines: check id, file, enclosing symbol and the normalised code or
 * value it is about. Line numbers stay out so that edits elsewhere in the file do not turn an old
 * finding into a "new" one; numbers inside a message (counts, lines) are blanked for the same reason.
 */
export function fingerprintOf(checkId: string, finding: FindingInput): string {
  const identity =
    finding.snippet !== undefined
      ? finding.snippet.replace(/\s+/g, ' ').trim()
      : finding.message.replace(/\d+/g, '#');
  return createHash('sha256')
    .update([checkId, finding.location?.file ?? '', finding.symbol ?? '', identity].join('\u0000'))
    .digest('hex')
    .slice(0, 20);
}

/** Identical identities inside one report get an occurrence suffix so that each stays distinct. */
export function disambiguate(fingerprints: string[]): string[] {
  const seen = new Map<string, number>();
  return fingerprints.map((fp) => {
    const count = (seen.get(fp) ?? 0) + 1;
    seen.set(fp, count);
    return count === 1 ? fp : `${fp}:${count}`;
  });
}
