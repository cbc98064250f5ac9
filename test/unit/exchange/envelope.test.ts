import { ed25519 } from '@noble/curves/ed25519.js';
import fc from 'fast-check';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/errors';
import {
  gunzipCapped,
  gunzipCappedOffThread,
  newPassphraseKdf,
  openEnvelope,
  openEnvelopeOffThread,
  passphraseKey,
  readHeader,
  sealEnvelope,
  sealEnvelopeOffThread,
} from '../../../electron/core/exchange/envelope';
import { publicKeyText, signingKeyFrom, signPack, verifiedSigner } from '../../../electron/core/exchange/pack-signing';

const kdf = newPassphraseKdf();
const passphrase = 'correct horse battery staple';
const key = await passphraseKey(passphrase, kdf);
const signing = signingKeyFrom(ed25519.utils.randomSecretKey());
const header = {
  packId: 'pack-0001-abcdef',
  evaluationId: 'evaluation-0001',
  evaluatorId: 'evaluator-0001',
  createdAt: '2026-11-26T10:00:00.000Z',
  kdf,
  signer: publicKeyText(signing.publicKey),
};
const payload = { hello: 'world', scores: [1, 2, 3], text: 'é — “quoted”' };
/** An evaluator pack is signed after sealing, as the lead's installation does. */
const sealed = signPack(sealEnvelope('evaluator-pack', header, key, payload), signing);
/** Opening checks the signature first, then the passphrase and contents. */
const open = (file: Buffer, k = key) => {
  verifiedSigner(file, readHeader('evaluator-pack', file));
  return openEnvelope('evaluator-pack', file, k, 1024 * 1024);
};

describe('the travelling file envelope', () => {
  it('opens with the right key to exactly what was sealed', () => {
    expect(open(sealed)).toEqual(payload);
    expect(readHeader('evaluator-pack', sealed)).toMatchObject(header);
  });

  it('says the passphrase is wrong, rather than that the file is damaged', async () => {
    const wrong = await passphraseKey('not the passphrase', kdf);
    expect(() => open(sealed, wrong)).toThrow('The passphrase is wrong');
  });

  it('seals and opens the same file whether compression runs on a worker thread or not', async () => {
    const offThread = signPack(await sealEnvelopeOffThread('evaluator-pack', header, key, payload), signing);
    expect(open(offThread)).toEqual(payload);
    expect(await openEnvelopeOffThread('evaluator-pack', sealed, key, 1024 * 1024)).toEqual(payload);
    await expect(openEnvelopeOffThread('evaluator-pack', sealed, key, 10)).rejects.toThrow('The file expands to more than 0 MB; it was not opened.');
  });

  it('stops inflating as soon as the output passes the cap: a 0.5 MB file that would expand to 512 MB never takes the memory', async () => {
    const member = gzipSync(Buffer.alloc(64 * 1024 * 1024)); // a gzip file may hold several members, inflated one after another
    const bomb = Buffer.concat(Array.from({ length: 8 }, () => member));
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(() => gunzipCapped(bomb, 1024 * 1024)).toThrow('The file expands to more than 1 MB; it was not opened.');

    // The thread-pool variant leaves the event loop free, so the resident memory can be watched while it works.
    const before = process.memoryUsage.rss();
    let peak = before;
    const watch = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 1);
    await expect(gunzipCappedOffThread(bomb, 1024 * 1024)).rejects.toThrow('The file expands to more than 1 MB; it was not opened.');
    clearInterval(watch);
    expect(peak - before).toBeLessThan(128 * 1024 * 1024);
  });

  it('opens only key-derivation settings the app itself writes: a header asking for more memory or time is refused unread', () => {
    for (const asked of [{ N: 2 ** 20 }, { N: 2 ** 16 }, { r: 16 }, { p: 4 }]) {
      // As a hand-edited header would say: the types of the app's own writer do not allow it.
      const greedyHeader = { ...header, kdf: { ...kdf, ...asked } } as unknown as typeof header;
      const greedy = signPack(sealEnvelope('evaluator-pack', greedyHeader, key, payload), signing);
      expect(() => readHeader('evaluator-pack', greedy)).toThrow('The file is corrupted or incomplete');
    }
  });

  it('says what a file is when it is the other kind, or not ours at all', () => {
    const { signer: _signer, ...returnHeader } = header;
    const ret = sealEnvelope('score-return', returnHeader, key, payload);
    expect(() => open(ret)).toThrow('This is a score return, not an evaluator pack.');
    expect(() => open(Buffer.from('PK\u0003\u0004 a zip file'))).toThrow('This file is not an evaluator pack.');
  });

  it('rejects every single-byte change, truncation or header edit with a clear error', () => {
    fc.assert(
      fc.property(fc.nat(sealed.length - 1), fc.integer({ min: 1, max: 255 }), (at, xor) => {
        const altered = Buffer.from(sealed);
        altered[at] = altered[at]! ^ xor;
        expectRefused(() => open(altered));
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.nat(sealed.length - 1), (length) => expectRefused(() => open(sealed.subarray(0, length)))),
      { numRuns: 200 },
    );
    const headerEnd = 12 + sealed.readUInt32BE(8);
    const edited = Buffer.from(sealed.subarray(0, headerEnd).toString('latin1').replace('evaluator-0001', 'evaluator-0002'), 'latin1');
    expectRefused(() => open(Buffer.concat([edited, sealed.subarray(headerEnd)])));
  });
});

function expectRefused(attempt: () => unknown) {
  try {
    attempt();
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).message.length).toBeGreaterThan(10);
    return;
  }
  throw new Error('an altered file was accepted');
}
