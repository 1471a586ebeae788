/** A mistake in how shipshape was called or configured: exit 2, one clear line, nothing written. */
export class UsageError extends Error {}

export const EXIT = {
  ok: 0,
  gateFailed: 1,
  usage: 2,
  incomplete: 3,
} as const;
