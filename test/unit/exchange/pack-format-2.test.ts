import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { sha256 } from '@noble/hashes/sha2.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/errors';
import { openEnvelope, openEnvelopeOffThread, readHeader, sealEnvelope } from '../../../electron/core/exchange/envelope';
import { decryptPack } from '../../../electron/core/exchange/open-pack';
import type { PackPayload } from '../../../electron/core/exchange/pack-payload';
import { signPack } from '../../../electron/core/exchange/pack-signing';
import { CHUNK_BYTES, TAG_BYTES } from '../../../electron/core/exchange/stream-cipher';
import { makeCore, queryRows, refusedAndUnchanged, TEST_PASSPHRASE, type TestCore } from '../support/core';
import { sealForgedPack, signingKeyOf, unsealPack } from './forge';
import { declareAll, exchangeScene, exportPack, exportReturn, importReturn, openPack, PASSPHRASE } from './scene';

/*
 * Format 2 of the files that travel: what the app makes now is encrypted in 64 KiB chunks (STREAM, see
 * stream-cipher.ts). It opens as before; every way of moving, cutting or adding chunks is refused with the
 * messages people already know, even when whoever did it re-signed the pack with the lead's own key (they
 * hold the lead's data folder, not the passphrase); and packs made in format 1 still open.
 */

const SEALED_CHUNK = CHUNK_BYTES + TAG_BYTES;
const SIGNATURE = 64;
const ALTERED_PACK = 'The evaluator pack has been altered or damaged since it was made; it cannot be trusted.';
const ALTERED_SINCE_SIGNED =
  'The evaluator pack has been altered since it was signed, or its signature is damaged; it cannot be trusted and was not opened.';
const ALTERED_RETURN = 'The score return has been altered or damaged since it was made; it cannot be trusted.';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
const headerEndOf = (file: Buffer) => 12 + file.readUInt32BE(8);

/** A file's framing and its encrypted chunks (without a pack's signature), to be rearranged. */
function partsOf(file: Buffer, trailer: number) {
  const envelope = file.subarray(0, file.length - trailer);
  const headerEnd = headerEndOf(envelope);
  const contents = envelope.subarray(headerEnd);
  const chunks = Array.from({ length: Math.ceil(contents.length / SEALED_CHUNK) }, (_, i) =>
    contents.subarray(i * SEALED_CHUNK, (i + 1) * SEALED_CHUNK),
  );
  return { framing: envelope.subarray(0, headerEnd), chunks };
}

/** Every rearrangement of a file's chunks the format must catch, given another file sealed under the same key. */
function rearrangements(file: Buffer, sameKeyOther: Buffer, trailer: number): [string, Buffer][] {
  const { framing, chunks } = partsOf(file, trailer);
  const other = partsOf(sameKeyOther, trailer);
  const [c0, c1, ...rest] = chunks as [Buffer, Buffer, ...Buffer[]];
  const withChunks = (...parts: Buffer[]) => Buffer.concat([framing, ...parts]);
  const relabelled = (from: RegExp, to: string) => Buffer.from(framing.toString('latin1').replace(from, to), 'latin1');
  const attacks: [string, Buffer][] = [
    ['two chunks swapped', withChunks(c1, c0, ...rest)],
    ['cut short at a chunk boundary (the last chunk dropped)', withChunks(...chunks.slice(0, -1))],
    ['cut short at the first chunk boundary', withChunks(c0)],
    ['bytes appended after the last chunk', withChunks(...chunks, randomBytes(100))],
    ['a chunk appended after the last', withChunks(...chunks, c0)],
    ['a chunk taken from another file made with the same passphrase', withChunks(c0, other.chunks[1]!, ...rest)],
    ['the header relabelled as format 1', Buffer.concat([relabelled(/"version":2/, '"version":1'), ...chunks])],
    ['the header’s date changed (its length kept)', Buffer.concat([relabelled(/"createdAt":"\d{4}/, '"createdAt":"2020'), ...chunks])],
  ];
  for (const [attack, altered] of attacks)
    if (altered.equals(file.subarray(0, file.length - trailer))) throw new Error(`${attack}: the file is unchanged`);
  return attacks;
}

/**
 * The lead's installation with a scanned document too large for one chunk, Eve declared clear, and her pack
 * carrying the bids: about six chunks.
 */
async function packWithAScan() {
  const s = await exchangeScene();
  const [eve] = s.evaluators;
  const scan = randomBytes(4 * CHUNK_BYTES + 999);
  const added = await s.t.call(s.lead.id, 'documents.add', {
    evaluationId: s.evaluationId,
    bidderId: s.bidder.id,
    fileName: 'wandle-scanned-board-minutes.pdf',
    mediaType: 'application/pdf',
    content: scan,
  });
  await declareAll(s.t, s.evaluationId, eve.id);
  const pack = await exportPack(s, eve.id);
  return { s, eve, scan, scanId: added.document.id, pack: pack.file, leadKey: signingKeyOf(s.t) };
}

const openAsNewEvaluator = (laptop: TestCore, file: Buffer, passphrase = PASSPHRASE) =>
  refusedAndUnchanged(laptop, null, 'exchange.openPack', { passphrase, file: { content: file }, profilePassphrase: TEST_PASSPHRASE });

const withoutSignature = (file: Buffer) => file.subarray(0, file.length - SIGNATURE);

describe('evaluator packs in format 2', () => {
  it('are made in chunks and open on the evaluator’s laptop with every byte of their documents', async () => {
    const { s, eve, scan, scanId, pack } = await packWithAScan();
    expect(readHeader('evaluator-pack', pack).version).toBe(2);
    expect(partsOf(pack, SIGNATURE).chunks.length).toBeGreaterThanOrEqual(5);

    const laptop = makeCore();
    expect(await openPack(laptop, pack)).toMatchObject({ outcome: 'opened', evaluatorId: eve.id, documents: 3 });
    const there = await laptop.call(eve.id, 'documents.content', { evaluationId: s.evaluationId, documentId: scanId });
    expect(Buffer.from(there.content).equals(scan)).toBe(true);

    // The score return made there is format 2 as well, and the lead's installation takes it.
    const ret = await exportReturn(laptop, s.evaluationId, eve.id);
    expect(readHeader('score-return', ret.file).version).toBe(2);
    expect(await importReturn(s, ret.file)).toMatchObject({ outcome: expect.any(String) });
  });

  it('refuse chunks moved, dropped, cut or added, whether or not the pack was signed again with the lead’s key, and change nothing', async () => {
    const { pack, leadKey } = await packWithAScan();
    // A second pack under the same passphrase key, as someone holding the passphrase and the lead's data folder could make.
    const unsealed = await unsealPack(pack);
    const sibling = sealForgedPack(unsealed, unsealed.payload, leadKey);
    const laptop = makeCore();
    for (const [attack, envelope] of rearrangements(pack, sibling, SIGNATURE)) {
      const signedByLead = signPack(envelope, leadKey);
      const withOldSignature = Buffer.concat([envelope, pack.subarray(pack.length - SIGNATURE)]);
      expect((await openAsNewEvaluator(laptop, withOldSignature)).message, attack).toBe(ALTERED_SINCE_SIGNED);
      expect((await openAsNewEvaluator(laptop, signedByLead)).message, attack).toBe(ALTERED_PACK);
    }
    // A wrong passphrase is still told apart from an altered pack.
    expect((await openAsNewEvaluator(laptop, pack, 'not the passphrase at all')).message).toBe(
      'The passphrase is wrong (or the file’s header was altered).',
    );
    expect(await openPack(laptop, pack)).toMatchObject({ outcome: 'opened' });
  });

  it('crafted with the right key and the lead’s signature still go through every check of their contents', async () => {
    const { pack, leadKey } = await packWithAScan();
    const unsealed = await unsealPack(pack);
    const { version: _version, nonce: _nonce, keyCheck: _keyCheck, ...header } = readHeader('evaluator-pack', pack);
    const laptop = makeCore();
    // The header names Eve, the contents someone else: the pack contradicts itself.
    const contradicting = signPack(
      sealEnvelope('evaluator-pack', header, unsealed.key, { ...unsealed.payload, evaluatorId: 'someone-else-0001' }),
      leadKey,
    );
    expect(readHeader('evaluator-pack', contradicting).version).toBe(2);
    expect((await openAsNewEvaluator(laptop, contradicting)).message).toBe(
      'The evaluator pack contradicts itself; it cannot be trusted and was not opened.',
    );
    // Contents of a shape this app never writes.
    const unreadable = sealForgedPack(unsealed, { ...unsealed.payload, bidders: 'none' } as unknown as PackPayload, leadKey);
    expect((await openAsNewEvaluator(laptop, unreadable)).message).toBe(
      'The evaluator pack could not be read: it was made by a different version of the app.',
    );
    expect(await openPack(laptop, pack)).toMatchObject({ outcome: 'opened' });
  });

  it('refuse any single changed byte and any truncation, re-signed with the lead’s key or not', async () => {
    const { pack, leadKey } = await packWithAScan();
    const headerEnd = headerEndOf(pack);
    const envelope = withoutSignature(pack);
    const refused = async (file: Buffer, expected?: string) => {
      const error = await decryptPack(file, PASSPHRASE).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ApiError);
      if (expected) expect((error as ApiError).message).toBe(expected);
    };
    await fc.assert(
      fc.asyncProperty(fc.nat(pack.length - 1), fc.integer({ min: 1, max: 255 }), async (at, xor) => {
        const altered = Buffer.from(pack);
        altered[at] = altered[at]! ^ xor;
        await refused(altered);
      }),
      { numRuns: 60 },
    );
    await fc.assert(
      fc.asyncProperty(fc.nat(pack.length - 1), async (length) => refused(pack.subarray(0, length))),
      { numRuns: 40 },
    );
    // Signed again after the change: the chunks themselves must catch it (the header too, through the key).
    await fc.assert(
      fc.asyncProperty(fc.nat(envelope.length - 1), fc.integer({ min: 1, max: 255 }), async (at, xor) => {
        const altered = Buffer.from(envelope);
        altered[at] = altered[at]! ^ xor;
        await refused(signPack(altered, leadKey), at >= headerEnd ? ALTERED_PACK : undefined);
      }),
      { numRuns: 100 },
    );
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: headerEnd + TAG_BYTES, max: envelope.length - 1 }), async (length) =>
        refused(signPack(envelope.subarray(0, length), leadKey), ALTERED_PACK),
      ),
      { numRuns: 60 },
    );
    expect((await decryptPack(pack, PASSPHRASE)).pack.packId).toBe(readHeader('evaluator-pack', pack).packId);
  });
});

describe('score returns in format 2', () => {
  const returnKey = randomBytes(32);
  const header = {
    packId: 'pack-0001-abcdef',
    evaluationId: 'evaluation-0001',
    evaluatorId: 'evaluator-0001',
    createdAt: '2026-12-04T10:00:00.000Z',
  };
  // Rationales are text and compress well; random words keep this return several chunks long.
  const payload = { scoreEntries: Array.from({ length: 400 }, (_, i) => ({ i, rationale: randomBytes(600).toString('base64') })) };
  const open = (file: Buffer, key: Uint8Array = returnKey) => openEnvelope('score-return', file, key, 64 * 1024 * 1024);

  it('open to exactly what was sealed, also when read yielding to the event loop', async () => {
    const file = sealEnvelope('score-return', header, returnKey, payload);
    expect(readHeader('score-return', file).version).toBe(2);
    expect(partsOf(file, 0).chunks.length).toBeGreaterThanOrEqual(4);
    expect(open(file)).toEqual(payload);
    expect(await openEnvelopeOffThread('score-return', file, returnKey, 64 * 1024 * 1024)).toEqual(payload);
  });

  it('refuse chunks moved, dropped, cut or added, and chunks from another return of the same pack (same key)', () => {
    const file = sealEnvelope('score-return', header, returnKey, payload);
    const another = sealEnvelope('score-return', header, returnKey, payload);
    for (const [attack, altered] of rearrangements(file, another, 0)) expect(() => open(altered), attack).toThrow(ALTERED_RETURN);
    expect(() => open(file, randomBytes(32))).toThrow('This score return was not made from a pack issued by this installation.');
  });

  it('refuse any single changed byte and any truncation', () => {
    const file = sealEnvelope('score-return', header, returnKey, payload);
    const headerEnd = headerEndOf(file);
    const refused = (attempt: Buffer, expected?: string) => {
      let error: unknown = null;
      try {
        open(attempt);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ApiError);
      if (expected) expect((error as ApiError).message).toBe(expected);
    };
    fc.assert(
      fc.property(fc.nat(file.length - 1), fc.integer({ min: 1, max: 255 }), (at, xor) => {
        const altered = Buffer.from(file);
        altered[at] = altered[at]! ^ xor;
        refused(altered, at >= headerEnd ? ALTERED_RETURN : undefined);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.nat(file.length - 1), (length) => {
        refused(file.subarray(0, length), length >= headerEnd + TAG_BYTES ? ALTERED_RETURN : undefined);
      }),
      { numRuns: 200 },
    );
  });
});

describe('files made in format 1 still open', () => {
  it('a format-1 evaluator pack opens on a new laptop, pinning the key that signed it', async () => {
    const file = fixture('format-1-pack.capack');
    const about = JSON.parse(fixture('format-1-pack.json').toString('utf8')) as {
      passphrase: string;
      signer: string;
      fingerprint: string;
      evaluationId: string;
      evaluationName: string;
      evaluatorId: string;
      evaluatorName: string;
      bidders: { id: string; name: string }[];
    };
    expect(readHeader('evaluator-pack', file)).toMatchObject({ version: 1, signer: about.signer, evaluatorId: about.evaluatorId });

    const laptop = makeCore();
    const altered = Buffer.from(file);
    altered[headerEndOf(file) + 10]! ^= 1;
    expect((await openAsNewEvaluator(laptop, altered, about.passphrase)).message).toBe(ALTERED_SINCE_SIGNED);
    expect((await openAsNewEvaluator(laptop, file, 'not the passphrase at all')).message).toBe(
      'The passphrase is wrong (or the file’s header was altered).',
    );

    expect(await openPack(laptop, file, about.passphrase)).toMatchObject({
      outcome: 'opened',
      evaluationId: about.evaluationId,
      evaluatorName: about.evaluatorName,
      fingerprint: about.fingerprint,
      firstPack: true,
    });
    const pinned = queryRows<{ public_key: Buffer }>(
      laptop.core.databaseFile,
      'SELECT public_key FROM pack_signers WHERE evaluation_id = ?',
      about.evaluationId,
    );
    expect(pinned.map((row) => Buffer.from(row.public_key).toString('base64'))).toEqual([about.signer]);
    const there = await laptop.call(about.evaluatorId, 'evaluations.get', { evaluationId: about.evaluationId });
    expect(there).toMatchObject({ name: about.evaluationName, myRole: 'evaluator' });
    expect(there.bidders.map((b) => ({ id: b.id, name: b.name }))).toEqual(about.bidders);
  });

  it('a format-1 score return opens with its key, and a changed byte is still refused', async () => {
    // Made by sealEnvelope('score-return', …) of format 1 (commit e21207a) under this key, with this payload.
    const key = sha256(new TextEncoder().encode('format-1 score return fixture key'));
    const file = fixture('format-1-return.careturn');
    const expected = { note: 'a format-1 score return, sealed with a key the test knows', scores: [3, 4, 5] };
    expect(readHeader('score-return', file).version).toBe(1);
    expect(openEnvelope('score-return', file, key, 1024 * 1024)).toEqual(expected);
    expect(await openEnvelopeOffThread('score-return', file, key, 1024 * 1024)).toEqual(expected);
    const altered = Buffer.from(file);
    altered[file.length - 1]! ^= 1;
    expect(() => openEnvelope('score-return', altered, key, 1024 * 1024)).toThrow(ALTERED_RETURN);
  });
});
