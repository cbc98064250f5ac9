import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { wordlist } from '@scure/bip39/wordlists/english.js';
import { createHash } from 'node:crypto';
import { ApiError } from '../../../shared/api/errors';
import type { Db } from '../db/open';
import { installationSecret } from '../secrets/installation-secrets';
import { SIGNATURE_BYTES, type EnvelopeHeader } from './envelope';

/*
 * Every evaluator pack is signed by the installation that made it (Ed25519, one key per installation, made
 * by migration 10 and kept in its database). The signature covers every byte before it, header included,
 * so holding the passphrase is not enough to make or alter a pack: that needs the lead's data folder.
 *
 * People compare keys by a fingerprint of six everyday words (the BIP-39 English list, 66 bits): the lead
 * sees it when making a pack, the evaluator when opening one, and they read the words to each other.
 */

const SIGNED_DIGEST_DOMAIN = 'capability-assessment evaluator pack signature v1\n';
const FINGERPRINT_DOMAIN = 'capability-assessment pack signing key fingerprint v1\n';

export interface SigningKey {
  secretKey: Uint8Array;
  publicKey: Uint8Array;
}

export const signingKeyFrom = (secretKey: Uint8Array): SigningKey => ({ secretKey, publicKey: ed25519.getPublicKey(secretKey) });

export const installationSigningKey = (db: Db): SigningKey => signingKeyFrom(installationSecret(db, 'pack-signing-key'));

export const publicKeyText = (publicKey: Uint8Array): string => Buffer.from(publicKey).toString('base64');

/** The file is hashed with Node's SHA-256 first (hundreds of MB); the signature is over that digest. */
const digestOf = (signed: Uint8Array): Uint8Array => new Uint8Array(createHash('sha256').update(SIGNED_DIGEST_DOMAIN).update(signed).digest());

export const signPack = (envelope: Buffer, key: SigningKey): Buffer => Buffer.concat([envelope, ed25519.sign(digestOf(envelope), key.secretKey)]);

/** Checks a pack's signature against the key its header names; returns that key. Nothing in the file is trusted before this. */
export function verifiedSigner(file: Buffer, header: EnvelopeHeader): Uint8Array {
  if (!header.signer) {
    throw new ApiError('RULE_VIOLATION', 'This pack is not signed by the installation that made it (an earlier version of the app made it); ask the procurement lead for a new pack.');
  }
  const publicKey = new Uint8Array(Buffer.from(header.signer, 'base64'));
  const signed = file.subarray(0, file.length - SIGNATURE_BYTES);
  const signature = file.subarray(file.length - SIGNATURE_BYTES);
  if (!signatureHolds(new Uint8Array(signature), digestOf(signed), publicKey)) throw new ApiError('RULE_VIOLATION', 'The evaluator pack has been altered since it was signed, or its signature is damaged; it cannot be trusted and was not opened.');
  return publicKey;
}

/** A malformed key or signature is simply not a valid signature. */
function signatureHolds(signature: Uint8Array, digest: Uint8Array, publicKey: Uint8Array): boolean {
  try {
    return ed25519.verify(signature, digest, publicKey);
  } catch {
    return false;
  }
}

/** Six words naming a public key, e.g. "orbit canal forty plum ..." */
export function fingerprintWords(publicKey: Uint8Array): string {
  const digest = sha256(new Uint8Array([...new TextEncoder().encode(FINGERPRINT_DOMAIN), ...publicKey]));
  let bits = '';
  for (const byte of digest.subarray(0, 9)) bits += byte.toString(2).padStart(8, '0');
  return Array.from({ length: 6 }, (_, i) => wordlist[parseInt(bits.slice(i * 11, i * 11 + 11), 2)]).join(' ');
}

export const sameKey = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && a.every((byte, i) => byte === b[i]);
