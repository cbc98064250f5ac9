import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';

/*
 * Chunked authenticated encryption: the STREAM construction (Hoang, Reyhanitabar, Rogaway and Vizár, 2015)
 * as age uses it for its payload (age-encryption.org/v1), with XChaCha20-Poly1305 from @noble/ciphers:
 *
 *   payload key = HKDF-SHA-256(ikm = file key, salt = the file's random nonce,
 *                              info = "capability-assessment stream payload v2\n" ‖ SHA-256(context))
 *   plaintext   = 64 KiB chunks; the last may be shorter, and is empty only when the whole plaintext is
 *   chunk i     = XChaCha20-Poly1305(payload key, nonce = i as 23 big-endian bytes ‖ last-chunk flag)
 *                 .encrypt(plaintext chunk i)              64 KiB + 16-byte tag (the last: its length + 16)
 *   ciphertext  = chunk 0 ‖ chunk 1 ‖ … ‖ last chunk       the flag byte is 0x01 on the last chunk, else 0x00
 *
 * Each file has its own payload key (a fresh nonce every time), so chunk nonces never repeat under a key
 * and a chunk moved from another file made with the same passphrase fails. The counter catches reordered
 * chunks; the flag catches a file cut short, even exactly at a chunk boundary, and anything appended after
 * the last chunk. The context (the envelope's magic, length and header) goes into the key, so a changed
 * header fails every chunk.
 *
 * Work is chunk by chunk into one output buffer: no copy of the input is made. The `Yielding` variants
 * return to the event loop after every MiB (about 10–20 ms of work), so a 60 MB file never holds it long.
 */

export const CHUNK_BYTES = 64 * 1024;
export const TAG_BYTES = 16;
const SEALED_CHUNK_BYTES = CHUNK_BYTES + TAG_BYTES;
const CHUNKS_PER_YIELD = 16;
const KEY_DOMAIN = new TextEncoder().encode('capability-assessment stream payload v2\n');

/** Thrown for any ciphertext that does not open under the key: wrong key, altered, reordered, cut short or extended. */
export class StreamNotAuthentic extends Error {
  constructor() {
    super('the encrypted stream does not authenticate');
  }
}

export function payloadKey(fileKey: Uint8Array, nonce: Uint8Array, context: Uint8Array): Uint8Array {
  const info = new Uint8Array(KEY_DOMAIN.length + 32);
  info.set(KEY_DOMAIN);
  info.set(sha256(context), KEY_DOMAIN.length);
  return hkdf(sha256, fileKey, nonce, info, 32);
}

const chunkCount = (plaintextBytes: number) => Math.max(1, Math.ceil(plaintextBytes / CHUNK_BYTES));

export const sealedLength = (plaintextBytes: number): number => plaintextBytes + chunkCount(plaintextBytes) * TAG_BYTES;

function chunkCipher(key: Uint8Array, index: number, last: boolean) {
  const nonce = new Uint8Array(24);
  new DataView(nonce.buffer).setUint32(19, index);
  nonce[23] = last ? 1 : 0;
  return xchacha20poly1305(key, nonce);
}

function* sealing(key: Uint8Array, plaintext: Uint8Array, output: Uint8Array): Generator<void, Uint8Array> {
  if (output.length !== sealedLength(plaintext.length)) throw new RangeError('the output buffer is not the sealed length');
  const chunks = chunkCount(plaintext.length);
  for (let i = 0; i < chunks; i++) {
    const from = i * CHUNK_BYTES;
    const to = Math.min(from + CHUNK_BYTES, plaintext.length);
    const at = i * SEALED_CHUNK_BYTES;
    chunkCipher(key, i, i === chunks - 1).encrypt(plaintext.subarray(from, to), output.subarray(at, at + to - from + TAG_BYTES));
    if ((i + 1) % CHUNKS_PER_YIELD === 0) yield;
  }
  return output;
}

function* opening(key: Uint8Array, ciphertext: Uint8Array): Generator<void, Uint8Array> {
  const chunks = Math.max(1, Math.ceil(ciphertext.length / SEALED_CHUNK_BYTES));
  const lastLength = ciphertext.length - (chunks - 1) * SEALED_CHUNK_BYTES;
  // A last chunk too short to hold a tag, or empty after others, is never written: the file was cut or extended.
  if (lastLength < TAG_BYTES || (lastLength === TAG_BYTES && chunks > 1)) throw new StreamNotAuthentic();
  const plaintext = new Uint8Array(ciphertext.length - chunks * TAG_BYTES);
  for (let i = 0; i < chunks; i++) {
    const at = i * SEALED_CHUNK_BYTES;
    const sealed = ciphertext.subarray(at, Math.min(at + SEALED_CHUNK_BYTES, ciphertext.length));
    try {
      chunkCipher(key, i, i === chunks - 1).decrypt(sealed, plaintext.subarray(i * CHUNK_BYTES, i * CHUNK_BYTES + sealed.length - TAG_BYTES));
    } catch {
      throw new StreamNotAuthentic();
    }
    if ((i + 1) % CHUNKS_PER_YIELD === 0) yield;
  }
  return plaintext;
}

function runToEnd<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

async function runYielding<T>(steps: Generator<void, T>): Promise<T> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/** Encrypts into `output` (exactly sealedLength(plaintext.length) bytes), e.g. the tail of the file being written. */
export const sealStream = (key: Uint8Array, plaintext: Uint8Array, output = new Uint8Array(sealedLength(plaintext.length))): Uint8Array =>
  runToEnd(sealing(key, plaintext, output));

export const sealStreamYielding = (
  key: Uint8Array,
  plaintext: Uint8Array,
  output = new Uint8Array(sealedLength(plaintext.length)),
): Promise<Uint8Array> => runYielding(sealing(key, plaintext, output));

/** Decrypts and authenticates every chunk, or throws StreamNotAuthentic. */
export const openStream = (key: Uint8Array, ciphertext: Uint8Array): Uint8Array => runToEnd(opening(key, ciphertext));

export const openStreamYielding = (key: Uint8Array, ciphertext: Uint8Array): Promise<Uint8Array> => runYielding(opening(key, ciphertext));
