import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CHUNK_BYTES,
  openStream,
  openStreamYielding,
  payloadKey,
  sealedLength,
  sealStream,
  sealStreamYielding,
  StreamNotAuthentic,
  TAG_BYTES,
} from '../../../electron/core/exchange/stream-cipher';

/*
 * The chunked encryption under format-2 packs and returns, on its own: what goes in comes out at every size
 * around a chunk boundary, and every way of rearranging, cutting or extending the chunks is refused.
 */

const SEALED_CHUNK = CHUNK_BYTES + TAG_BYTES;
const fileKey = randomBytes(32);
const header = new TextEncoder().encode('CAPACK01 {"version":2,"packId":"pack-0001"}');
const keyFor = (nonce = randomBytes(24), context = header) => payloadKey(fileKey, nonce, context);
const chunksOf = (sealed: Uint8Array) =>
  Array.from({ length: Math.ceil(sealed.length / SEALED_CHUNK) }, (_, i) => sealed.subarray(i * SEALED_CHUNK, (i + 1) * SEALED_CHUNK));
const joined = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));

describe('the chunked encryption of format 2 (STREAM, as in age)', () => {
  it.each([
    ['nothing', 0, 1],
    ['one byte', 1, 1],
    ['one byte short of a chunk', CHUNK_BYTES - 1, 1],
    ['exactly one chunk', CHUNK_BYTES, 1],
    ['one byte over a chunk', CHUNK_BYTES + 1, 2],
    ['several chunks and a bit', 3 * CHUNK_BYTES + 7, 4],
  ])('gives back exactly what was sealed: %s (%i bytes, %i chunks)', async (_name, size, chunks) => {
    const key = keyFor();
    const plaintext = randomBytes(size);
    const sealed = sealStream(key, plaintext);
    expect(sealed.length).toBe(size + chunks * TAG_BYTES);
    expect(sealedLength(size)).toBe(sealed.length);
    expect(Buffer.from(openStream(key, sealed)).equals(plaintext)).toBe(true);
    // The yielding variants write the same bytes and read each other's.
    const yielded = await sealStreamYielding(key, plaintext);
    expect(Buffer.from(yielded).equals(Buffer.from(sealed))).toBe(true);
    expect(Buffer.from(await openStreamYielding(key, sealed)).equals(plaintext)).toBe(true);
  });

  it('seals into the place it is given, so a file is written without copying its contents', () => {
    const key = keyFor();
    const plaintext = randomBytes(CHUNK_BYTES + 100);
    const file = new Uint8Array(10 + sealedLength(plaintext.length));
    const written = sealStream(key, plaintext, file.subarray(10));
    expect(written.buffer).toBe(file.buffer);
    expect(Buffer.from(openStream(key, file.subarray(10))).equals(plaintext)).toBe(true);
    expect(() => sealStream(key, plaintext, new Uint8Array(sealedLength(plaintext.length) - 1))).toThrow(RangeError);
  });

  describe('refuses every rearrangement of the chunks', () => {
    const key = keyFor();
    const plaintext = randomBytes(3 * CHUNK_BYTES + 500);
    const sealed = sealStream(key, plaintext);
    const [c0, c1, c2, last] = chunksOf(sealed) as [Uint8Array, Uint8Array, Uint8Array, Uint8Array];
    const refused = (attempt: Uint8Array) => expect(() => openStream(key, attempt)).toThrow(StreamNotAuthentic);

    it('two chunks swapped', () => refused(joined(c1, c0, c2, last)));
    it('a chunk repeated in place of another', () => refused(joined(c0, c0, c2, last)));
    it('cut short exactly at a chunk boundary (the last chunk dropped)', () => refused(joined(c0, c1, c2)));
    it('cut short at the first chunk boundary', () => refused(joined(c0)));
    it('cut short inside a chunk, or down to less than a tag', () => {
      refused(sealed.subarray(0, sealed.length - 1));
      refused(sealed.subarray(0, 3 * SEALED_CHUNK + 5));
      refused(sealed.subarray(0, 0));
    });
    it('anything appended after the last chunk: bytes, an empty chunk, a chunk of its own', () => {
      refused(joined(sealed, randomBytes(1)));
      refused(joined(sealed, randomBytes(TAG_BYTES)));
      refused(joined(sealed, c0));
    });
    it('a full last chunk that is not flagged last: a file of whole chunks cut at a boundary', () => {
      const whole = sealStream(key, randomBytes(2 * CHUNK_BYTES));
      expect(whole.length).toBe(2 * SEALED_CHUNK);
      refused(whole.subarray(0, SEALED_CHUNK));
    });
    it('a chunk taken from another file sealed with the same file key (its own nonce gives it its own payload key)', () => {
      const other = sealStream(keyFor(), plaintext);
      refused(joined(c0, chunksOf(other)[1]!, c2, last));
    });
    it('the same chunks under another header: the header is part of the key', () => {
      const nonce = randomBytes(24);
      const original = sealStream(keyFor(nonce), plaintext);
      expect(() => openStream(keyFor(nonce, new TextEncoder().encode('CAPACK01 {"version":2,"packId":"pack-0002"}')), original)).toThrow(
        StreamNotAuthentic,
      );
      expect(Buffer.from(openStream(keyFor(nonce), original)).equals(plaintext)).toBe(true);
    });
    it('the yielding variant refuses the same way', async () => {
      await expect(openStreamYielding(key, joined(c0, c1, c2))).rejects.toThrow(StreamNotAuthentic);
    });
  });

  it('refuses any single changed byte and any truncation', () => {
    const key = keyFor();
    const sealed = sealStream(key, randomBytes(2 * CHUNK_BYTES + 1234));
    fc.assert(
      fc.property(fc.nat(sealed.length - 1), fc.integer({ min: 1, max: 255 }), (at, xor) => {
        const altered = Uint8Array.from(sealed);
        altered[at] = altered[at]! ^ xor;
        expect(() => openStream(key, altered)).toThrow(StreamNotAuthentic);
      }),
      { numRuns: 200 },
    );
    fc.assert(
      fc.property(fc.nat(sealed.length - 1), (length) => {
        expect(() => openStream(key, sealed.subarray(0, length))).toThrow(StreamNotAuthentic);
      }),
      { numRuns: 200 },
    );
  });

  it('lets the event loop run between megabytes while it seals and opens', async () => {
    const key = keyFor();
    const plaintext = randomBytes(8 * 1024 * 1024);
    let turns = 0;
    let watching = true;
    const watch = () => {
      turns++;
      if (watching) setImmediate(watch);
    };
    const during = async <T>(work: Promise<T>) => {
      turns = 0;
      watching = true;
      setImmediate(watch);
      const result = await work;
      watching = false;
      return { result, turns };
    };
    const sealing = await during(sealStreamYielding(key, plaintext));
    const opening = await during(openStreamYielding(key, sealing.result));
    expect(Buffer.from(opening.result).equals(plaintext)).toBe(true);
    // 128 chunks, a pause after every 16: the loop turns at least once in each pause.
    expect(sealing.turns).toBeGreaterThanOrEqual(7);
    expect(opening.turns).toBeGreaterThanOrEqual(7);
  });
});
