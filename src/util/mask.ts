// Secrets found in an audited repository are never shown whole: every renderer and every check
// that quotes a credential goes through `maskSecret`.

const PRIVATE_KEY_HEADER = /^-----BEGIN [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----/;

/**
 * A recognisable but useless form of a secret: at most the first 4 and last 4 characters, and never
 * more than a third of it (`sk_l…9f2Q`); short values are hidden completely; a private key block
 * shows only its header line.
 */
export function maskSecret(value: string): string {
  const header = PRIVATE_KEY_HEADER.exec(value);
  if (header) return `${header[0]}…`;
  const shown = Math.min(4, Math.floor(value.length / 6));
  if (shown === 0) return '****';
  return `${value.slice(0, shown)}…${value.slice(value.length - shown)}`;
}
