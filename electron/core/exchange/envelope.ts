import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { hmac } from '@noble/hashes/hmac.js';
import { scryptAsync } from '@noble/hashes/scrypt.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { gunzip, gunzipSync, gzip, gzipSync } from 'node:zlib';
import { z } from 'zod';
import { ApiError } from '../../../shared/api/errors';
import { openStream, openStreamYielding, payloadKey as payloadKeyOf, sealedLength, sealStream, sealStreamYielding } from './stream-cipher';

/*
 * The file that travels between laptops. Vetted, pure-JS primitives only (@noble), so the result is the
 * same in Node and in Electron, whose crypto lacks some ciphers:
 *
 *   magic (8 bytes) | header length (u32, big-endian) | header (JSON) | ciphertext of gzip(JSON payload)
 *
 * The magic names the kind of file (CAPACK01 an evaluator pack, CARETN01 a score return); the header's
 * `version` names the format of the ciphertext. The app writes format 2 and reads both:
 *
 *   2. STREAM (stream-cipher.ts, as age does): 64 KiB chunks of XChaCha20-Poly1305 under a payload key
 *      derived for this file alone from the key, the header's random `nonce`, and the magic, length and
 *      header bytes — so a change to any byte, reordered chunks, a file cut short (even at a chunk boundary)
 *      or extended, and a chunk taken from another file made with the same passphrase are all detected.
 *   1. (the app's first format) one XChaCha20-Poly1305 pass under the key itself, the header's `nonce` its
 *      nonce, the magic, length and header its associated data.
 *
 * The version lives in the header rather than in a new magic so that both formats share one framing: one
 * header reader, one "this is a score return, not a pack", one signature over all bytes; the version is
 * authenticated with the header either way (a flipped version makes the contents fail), and the magic keeps
 * meaning what the file is. Packs are keyed by scrypt from a passphrase, score returns by their pack's random
 * return key; the header also carries a key-check value so that a wrong passphrase is told apart from
 * altered contents.
 *
 * An evaluator pack also ends in a 64-byte Ed25519 signature by the installation that made it (see
 * pack-signing.ts), whose public key is in the header; it is checked before anything is decrypted.
 *
 * Packs run to hundreds of MB, so their slow steps keep the core answering: scrypt yields to the event loop
 * as it goes, (de)compression runs on Node's zlib thread pool and format 2's chunks yield every MiB (the
 * `OffThread` variants; zlib is the same in Electron's Node, unlike its crypto). Encryption writes straight
 * into the file's buffer and decryption into the compressed payload's, so neither copies its input. Score
 * returns are small and use the synchronous variants inside their import transaction. Inflation is always
 * capped by zlib itself (`maxOutputLength`), which stops as soon as the output passes the cap: a small file
 * that would expand to gigabytes never gets the chance.
 */

export type EnvelopeKind = 'evaluator-pack' | 'score-return';
const MAGIC: Record<EnvelopeKind, string> = { 'evaluator-pack': 'CAPACK01', 'score-return': 'CARETN01' };
const KIND_NAMES: Record<EnvelopeKind, string> = { 'evaluator-pack': 'an evaluator pack', 'score-return': 'a score return' };

/** The only key-derivation settings accepted from a file: the ones this app writes, so a file cannot ask for 1 GB and 9 s per attempt. */
export const SCRYPT_DEFAULT = { N: 2 ** 17, r: 8, p: 1 } as const;
/** The magic and the header's length. */
const PREFIX_BYTES = 12;
const MAX_HEADER_BYTES = 16 * 1024;
export const SIGNATURE_BYTES = 64;
const trailerOf = (kind: EnvelopeKind) => (kind === 'evaluator-pack' ? SIGNATURE_BYTES : 0);

export const EnvelopeHeaderSchema = z
  .object({
    /** 1: one XChaCha20-Poly1305 pass (read only); 2: STREAM, what the app writes. */
    version: z.union([z.literal(1), z.literal(2)]),
    packId: z.string().min(8).max(64),
    evaluationId: z.string().min(8).max(64),
    evaluatorId: z.string().min(8).max(64),
    createdAt: z.string().max(40),
    /** 24 random bytes: format 1's nonce; format 2's salt for this file's payload key. */
    nonce: z.string().regex(/^[A-Za-z0-9+/]{32}$/),
    keyCheck: z.string().regex(/^[0-9a-f]{16}$/),
    kdf: z
      .object({
        name: z.literal('scrypt'),
        N: z.literal(SCRYPT_DEFAULT.N),
        r: z.literal(SCRYPT_DEFAULT.r),
        p: z.literal(SCRYPT_DEFAULT.p),
        salt: z.string().regex(/^[A-Za-z0-9+/]{22}==$/),
      })
      .strict()
      .optional(),
    /** Evaluator packs: the Ed25519 public key of the installation that signed the file. */
    signer: z
      .string()
      .regex(/^[A-Za-z0-9+/]{43}=$/)
      .optional(),
  })
  .strict();
export type EnvelopeHeader = z.infer<typeof EnvelopeHeaderSchema>;

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const unb64 = (text: string) => new Uint8Array(Buffer.from(text, 'base64'));
const keyCheckOf = (key: Uint8Array) =>
  Buffer.from(hmac(sha256, key, new TextEncoder().encode('capability-assessment key check')))
    .subarray(0, 8)
    .toString('hex');

let lastDerivation: { id: string; key: Uint8Array } | null = null;

/** scrypt is deliberately slow (~0.6 s); it yields as it goes, and the last result is remembered so retrying the same file does not pay twice. */
export async function passphraseKey(passphrase: string, kdf: NonNullable<EnvelopeHeader['kdf']>): Promise<Uint8Array> {
  const id = b64(sha256(new TextEncoder().encode(JSON.stringify([passphrase, kdf]))));
  if (lastDerivation?.id === id) return lastDerivation.key;
  const key = await scryptAsync(passphrase.normalize('NFC'), unb64(kdf.salt), { N: kdf.N, r: kdf.r, p: kdf.p, dkLen: 32, asyncTick: 10 });
  lastDerivation = { id, key };
  return key;
}

export function newPassphraseKdf(): NonNullable<EnvelopeHeader['kdf']> {
  return { name: 'scrypt', ...SCRYPT_DEFAULT, salt: b64(randomBytes(16)) };
}

type SealedHeader = Omit<EnvelopeHeader, 'version' | 'nonce' | 'keyCheck'>;
const payloadBytes = (payload: unknown) => Buffer.from(JSON.stringify(payload), 'utf8');

export function sealEnvelope(kind: EnvelopeKind, header: SealedHeader, key: Uint8Array, payload: unknown): Buffer {
  const compressed = gzipSync(payloadBytes(payload));
  const { file, payloadKey, contents } = framed(kind, header, key, compressed.length);
  sealStream(payloadKey, compressed, contents);
  return file;
}

/** As sealEnvelope, compressing on the zlib thread pool and yielding to the event loop while it encrypts. */
export async function sealEnvelopeOffThread(kind: EnvelopeKind, header: SealedHeader, key: Uint8Array, payload: unknown): Promise<Buffer> {
  const compressed = await gzipAsync(payloadBytes(payload));
  const { file, payloadKey, contents } = framed(kind, header, key, compressed.length);
  await sealStreamYielding(payloadKey, compressed, contents);
  return file;
}

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

/** A format-2 file with its prefix and header written, and the key and place its encrypted contents take. */
function framed(kind: EnvelopeKind, header: SealedHeader, key: Uint8Array, compressedBytes: number) {
  const fullHeader: EnvelopeHeader = { ...header, version: 2, nonce: b64(randomBytes(24)), keyCheck: keyCheckOf(key) };
  const headerBytes = Buffer.from(JSON.stringify(fullHeader), 'utf8');
  const headerEnd = PREFIX_BYTES + headerBytes.length;
  const file = Buffer.allocUnsafe(headerEnd + sealedLength(compressedBytes));
  file.write(MAGIC[kind], 0, 'latin1');
  file.writeUInt32BE(headerBytes.length, 8);
  headerBytes.copy(file, PREFIX_BYTES);
  return { file, payloadKey: payloadKeyOf(key, unb64(fullHeader.nonce), file.subarray(0, headerEnd)), contents: file.subarray(headerEnd) };
}

/** Reads only the header, to find which key to use; nothing in it is trusted until the contents open. */
export function readHeader(kind: EnvelopeKind, file: Buffer): EnvelopeHeader {
  const corrupted = () =>
    new ApiError('INVALID_PARAMS', `The file is corrupted or incomplete (truncated); ask for ${KIND_NAMES[kind]} to be sent again.`);
  if (file.length < PREFIX_BYTES || file.subarray(0, 8).toString('latin1') !== MAGIC[kind]) {
    const other = (Object.keys(MAGIC) as EnvelopeKind[]).find((k) => k !== kind && file.subarray(0, 8).toString('latin1') === MAGIC[k]);
    throw new ApiError('INVALID_PARAMS', other ? `This is ${KIND_NAMES[other]}, not ${KIND_NAMES[kind]}.` : `This file is not ${KIND_NAMES[kind]}.`);
  }
  const length = file.readUInt32BE(8);
  if (length > MAX_HEADER_BYTES || file.length < PREFIX_BYTES + length + 16 + trailerOf(kind)) throw corrupted();
  let parsed: unknown;
  try {
    parsed = JSON.parse(file.subarray(PREFIX_BYTES, PREFIX_BYTES + length).toString('utf8'));
  } catch {
    throw corrupted();
  }
  const header = EnvelopeHeaderSchema.safeParse(parsed);
  if (!header.success) throw corrupted();
  return header.data;
}

/** Opens an envelope, telling apart a wrong key (passphrase) from contents altered on the way. */
export function openEnvelope(kind: EnvelopeKind, file: Buffer, key: Uint8Array, maxPayloadBytes: number): unknown {
  const sealed = unframed(kind, file, key);
  let compressed: Uint8Array;
  try {
    compressed = sealed.header.version === 1 ? openFormat1(sealed) : openStream(sealed.payloadKey, sealed.contents);
  } catch {
    throw altered(kind);
  }
  return parsePayload(kind, () => gunzipCapped(compressed, maxPayloadBytes));
}

/** As openEnvelope, yielding to the event loop while it decrypts (format 2) and inflating on the zlib thread pool. */
export async function openEnvelopeOffThread(kind: EnvelopeKind, file: Buffer, key: Uint8Array, maxPayloadBytes: number): Promise<unknown> {
  const sealed = unframed(kind, file, key);
  let compressed: Uint8Array;
  try {
    compressed = sealed.header.version === 1 ? openFormat1(sealed) : await openStreamYielding(sealed.payloadKey, sealed.contents);
  } catch {
    throw altered(kind);
  }
  const inflated = await gunzipCappedOffThread(compressed, maxPayloadBytes).catch((error: unknown) => error);
  return parsePayload(kind, () => {
    if (inflated instanceof Uint8Array) return inflated;
    throw inflated;
  });
}

/** The header, checked against the key, and the parts of the file the contents are decrypted with. */
function unframed(kind: EnvelopeKind, file: Buffer, key: Uint8Array) {
  const header = readHeader(kind, file);
  if (keyCheckOf(key) !== header.keyCheck) {
    throw new ApiError(
      'FORBIDDEN',
      kind === 'evaluator-pack'
        ? 'The passphrase is wrong (or the file’s header was altered).'
        : 'This score return was not made from a pack issued by this installation.',
    );
  }
  const prefixAndHeader = file.subarray(0, PREFIX_BYTES + file.readUInt32BE(8));
  return {
    header,
    key,
    prefixAndHeader,
    payloadKey: header.version === 2 ? payloadKeyOf(key, unb64(header.nonce), prefixAndHeader) : key,
    contents: file.subarray(prefixAndHeader.length, file.length - trailerOf(kind)),
  };
}

/** Format 1: one pass under the key itself, the magic, length and header as associated data. */
const openFormat1 = (sealed: ReturnType<typeof unframed>): Uint8Array =>
  xchacha20poly1305(sealed.key, unb64(sealed.header.nonce), sealed.prefixAndHeader).decrypt(sealed.contents);

const altered = (kind: EnvelopeKind) =>
  new ApiError('RULE_VIOLATION', `The ${KIND_NAMES[kind].replace(/^an? /, '')} has been altered or damaged since it was made; it cannot be trusted.`);

function parsePayload(kind: EnvelopeKind, inflate: () => Uint8Array): unknown {
  try {
    const json = inflate();
    return JSON.parse(Buffer.from(json.buffer, json.byteOffset, json.length).toString('utf8'));
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError('INVALID_PARAMS', `The ${KIND_NAMES[kind].replace(/^an? /, '')} could not be read.`);
  }
}

const tooLarge = (maxBytes: number) =>
  new ApiError('INVALID_PARAMS', `The file expands to more than ${Math.round(maxBytes / 1024 / 1024)} MB; it was not opened.`);
const capped = (maxBytes: number) => (error: unknown) => {
  throw (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? tooLarge(maxBytes) : error;
};

/** Inflates with a hard cap on the output, so even an authenticated file cannot exhaust memory. */
export function gunzipCapped(data: Uint8Array, maxBytes: number): Uint8Array {
  try {
    return gunzipSync(data, { maxOutputLength: maxBytes });
  } catch (error) {
    return capped(maxBytes)(error);
  }
}

/** As gunzipCapped, on the zlib thread pool. */
export const gunzipCappedOffThread = (data: Uint8Array, maxBytes: number): Promise<Uint8Array> =>
  gunzipAsync(data, { maxOutputLength: maxBytes }).catch(capped(maxBytes));

export const fileSha256 = (file: Uint8Array): string => Buffer.from(sha256(file)).toString('hex');
