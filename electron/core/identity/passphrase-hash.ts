import { randomBytes, timingSafeEqual } from 'node:crypto';
import { scryptAsync } from '@noble/hashes/scrypt.js';

/** OWASP's minimum for scrypt (N = 2^17, r = 8, p = 1: 128 MiB, about a second here). */
export const PROFILE_KDF = { logN: 17, r: 8, p: 1 } as const;

export interface StoredHash {
  logN: number;
  r: number;
  p: number;
  salt: string;
  hash: string;
}

const derive = (passphrase: string, salt: Buffer, { logN, r, p }: { logN: number; r: number; p: number }) =>
  // NFC so the same passphrase typed on another keyboard or OS gives the same bytes; yields while it runs.
  scryptAsync(passphrase.normalize('NFC'), salt, { N: 2 ** logN, r, p, dkLen: 32, asyncTick: 10, maxmem: 2 ** 28 });

export async function hashPassphrase(passphrase: string, logN: number = PROFILE_KDF.logN): Promise<StoredHash> {
  const salt = randomBytes(16);
  const params = { logN, r: PROFILE_KDF.r, p: PROFILE_KDF.p };
  const hash = await derive(passphrase, salt, params);
  return { ...params, salt: salt.toString('base64'), hash: Buffer.from(hash).toString('base64') };
}

export async function passphraseMatches(stored: StoredHash, passphrase: string): Promise<boolean> {
  const expected = Buffer.from(stored.hash, 'base64');
  const actual = Buffer.from(await derive(passphrase, Buffer.from(stored.salt, 'base64'), stored));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
