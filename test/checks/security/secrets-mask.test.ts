import { describe, expect, it } from 'vitest';
import { maskSecret } from '../../../src/util/mask.js';
import { fake, privateKeyBlock } from './secrets-fakes.js';

describe('maskSecret', () => {
  it('shows at most the first and last four characters', () => {
    expect(maskSecret(fake.stripeLive)).toBe(`${fake.stripeLive.slice(0, 4)}…${fake.stripeLive.slice(-4)}`);
  });

  it.each([
    ['a 12-character value', 12, 2],
    ['a 6-character value', 6, 1],
    ['a 5-character value', 5, 0],
    ['an empty value', 0, 0],
  ])('never shows more than a third of %s', (_name, length, shownPerSide) => {
    const value = 'Qw7eR4tY9uI2oP3a'.slice(0, length);
    const masked = maskSecret(value);
    expect(masked).toBe(shownPerSide === 0 ? '****' : `${value.slice(0, shownPerSide)}…${value.slice(length - shownPerSide)}`);
    expect(2 * shownPerSide).toBeLessThanOrEqual(length / 3);
  });

  it('shows only the header of a private key block', () => {
    expect(maskSecret(privateKeyBlock())).toBe('-----BEGIN RSA PRIV' + 'ATE KEY-----…');
    expect(maskSecret(privateKeyBlock('', '\\n'))).toBe('-----BEGIN PRIV' + 'ATE KEY-----…');
  });
});
