// What the README checks say before they read the README: it cannot be read, or there is none.
import { unreadableReadme } from '../../collectors/docs.js';
import type { DocsFact, RepoTree } from '../../core/facts.js';
import type { CheckOutcome } from '../../core/types.js';

type Readme = NonNullable<DocsFact['readme']>;

/**
 * The README to judge, or the outcome without one: `unknown` for a README that exists but cannot be
 * read, `fail` with one finding when there is none. `judged` names what the check would have judged.
 */
export function readableReadme(
  docs: DocsFact,
  tree: RepoTree,
  wording: { judged: string; missingEvidence: string; missingMessage: string },
): { readme: Readme } | { outcome: CheckOutcome } {
  if (docs.readme) return { readme: docs.readme };
  const unreadable = unreadableReadme(tree);
  if (unreadable) {
    return {
      outcome: {
        status: 'unknown',
        evidence: [`${unreadable.path} exists but was not read: ${unreadable.reason}`],
        reason: `${unreadable.path} could not be read as text (${unreadable.reason}), so ${wording.judged} cannot be judged`,
      },
    };
  }
  return {
    outcome: { status: 'fail', evidence: [wording.missingEvidence], findings: [{ message: wording.missingMessage, location: null }] },
  };
}
