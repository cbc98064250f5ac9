import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../../shared/api/errors';
import { dumpDatabase, makeCore, TEST_PASSPHRASE, type TestCore } from '../support/core';
import { declareAll, exchangeScene, exportPack, exportReturn, importReturn, openPack, PASSPHRASE, scoreOnLaptop } from './scene';

/*
 * Whatever happens to a pack or a score return on the way — a flipped byte anywhere, a truncation at any
 * length, a header field edited (with the file's framing kept consistent) — it is refused with a clear,
 * structured error, and the receiving installation's database is exactly as it was, audit trail included.
 * Runs are modest: opening a pack costs one scrypt derivation (cached while the header is unchanged).
 */

const HEADER_FIELDS = ['packId', 'evaluationId', 'evaluatorId', 'createdAt', 'nonce', 'keyCheck', 'version'] as const;

/** The file with one header field replaced, the length prefix rewritten to match. */
function withHeaderField(file: Buffer, field: (typeof HEADER_FIELDS)[number], value: unknown): Buffer {
  const length = file.readUInt32BE(8);
  const header = JSON.parse(file.subarray(12, 12 + length).toString('utf8')) as Record<string, unknown>;
  const edited = Buffer.from(JSON.stringify({ ...header, [field]: value }), 'utf8');
  const prefix = Buffer.from(file.subarray(0, 12));
  prefix.writeUInt32BE(edited.length, 8);
  return Buffer.concat([prefix, edited, file.subarray(12 + length)]);
}

const replacement = (field: (typeof HEADER_FIELDS)[number], ids: string[]) =>
  ({
    packId: fc.constantFrom(...ids),
    evaluationId: fc.constantFrom(...ids),
    evaluatorId: fc.constantFrom(...ids),
    createdAt: fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
    nonce: fc.uint8Array({ minLength: 24, maxLength: 24 }).map((b) => Buffer.from(b).toString('base64')),
    keyCheck: fc.uint8Array({ minLength: 8, maxLength: 8 }).map((b) => Buffer.from(b).toString('hex')),
    version: fc.constantFrom(0, 2, '1'),
  })[field];

type Attempt = (file: Buffer) => Promise<{ ok: boolean; error?: { code: string; message: string } }>;

/** Runs every kind of damage against `attempt`, checking each refusal and that `t`'s database did not change. */
async function expectEveryDamageRefused(
  t: TestCore,
  file: Buffer,
  attempt: Attempt,
  ids: string[],
  runs: { flips: number; cuts: number; edits: number },
) {
  const before = dumpDatabase(t.core.databaseFile);
  const messages = new Set<string>();
  const refused = async (damaged: Buffer) => {
    if (damaged.equals(file)) return;
    const outcome = await attempt(damaged);
    expect(outcome.ok).toBe(false);
    expect(ERROR_CODES).toContain(outcome.error!.code);
    expect(outcome.error!.code).not.toBe('INTERNAL');
    expect(outcome.error!.message.length).toBeGreaterThan(20);
    messages.add(outcome.error!.message);
  };
  await fc.assert(
    fc.asyncProperty(fc.nat(file.length - 1), fc.integer({ min: 1, max: 255 }), async (at, xor) => {
      const damaged = Buffer.from(file);
      damaged[at] = damaged[at]! ^ xor;
      await refused(damaged);
    }),
    { numRuns: runs.flips },
  );
  await fc.assert(
    fc.asyncProperty(fc.integer({ min: 1, max: file.length - 1 }), async (length) => refused(file.subarray(0, length))),
    { numRuns: runs.cuts },
  );
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...HEADER_FIELDS).chain((field) => fc.tuple(fc.constant(field), replacement(field, ids))),
      async ([field, value]) => refused(withHeaderField(file, field, value)),
    ),
    { numRuns: runs.edits },
  );
  expect(dumpDatabase(t.core.databaseFile)).toStrictEqual(before);
  if (process.env.SHOW_MESSAGES) console.log([...messages].join('\n'));
  return messages;
}

describe('damaged or altered files are refused and change nothing', () => {
  it('evaluator packs', async () => {
    const s = await exchangeScene();
    const pack = await exportPack(s, s.evaluators[0].id);
    const laptop = makeCore();
    const ids = [s.evaluationId, s.evaluators[1].id, s.lead.id, s.bidder.id, pack.packId.replace(/.$/, '0')];
    const attempt: Attempt = (file) =>
      // As a new evaluator would: signed out, choosing a passphrase for their profile, so that nothing but the file stops it.
      laptop.core.dispatch(null, 'exchange.openPack', { passphrase: PASSPHRASE, file: { content: file }, profilePassphrase: TEST_PASSPHRASE });
    const messages = await expectEveryDamageRefused(laptop, pack.file, attempt, ids, { flips: 80, cuts: 40, edits: 30 });
    expect([...messages]).toEqual(
      expect.arrayContaining([
        // The signature is checked first, over every byte before it: any change is caught there.
        'The evaluator pack has been altered since it was signed, or its signature is damaged; it cannot be trusted and was not opened.',
        'The file is corrupted or incomplete (truncated); ask for an evaluator pack to be sent again.',
      ]),
    );
    // And the undamaged pack still opens.
    expect(await openPack(laptop, pack.file)).toMatchObject({ outcome: 'opened' });
  });

  it('score returns', async () => {
    const s = await exchangeScene();
    const [eve, evan] = s.evaluators;
    const returns: Buffer[] = [];
    const packs: string[] = [];
    for (const evaluator of [eve, evan]) {
      const pack = await exportPack(s, evaluator.id);
      packs.push(pack.packId);
      const laptop = makeCore();
      await openPack(laptop, pack.file);
      await declareAll(laptop, s.evaluationId, evaluator.id);
      await scoreOnLaptop(laptop, {
        evaluationId: s.evaluationId,
        evaluatorId: evaluator.id,
        bidderId: s.bidder.id,
        framework: s.framework,
        score: () => 4,
        seal: true,
      });
      returns.push((await exportReturn(laptop, s.evaluationId, evaluator.id)).file);
    }
    // The moderator already holds Evan's return, so the record being protected is not empty.
    await importReturn(s, returns[1]!);
    const ids = [...packs, s.evaluationId, eve.id, evan.id, s.lead.id, 'pack-not-issued-here'];
    const moderator = await s.t.sessionOf(s.moderator.id);
    const attempt: Attempt = (file) =>
      s.t.core.dispatch(moderator, 'exchange.importReturn', { evaluationId: s.evaluationId, file: { content: file } });
    const messages = await expectEveryDamageRefused(s.t, returns[0]!, attempt, ids, { flips: 150, cuts: 80, edits: 60 });
    expect([...messages]).toEqual(
      expect.arrayContaining([
        'The score return has been altered or damaged since it was made; it cannot be trusted.',
        'The file is corrupted or incomplete (truncated); ask for a score return to be sent again.',
      ]),
    );
    expect(await importReturn(s, returns[0]!)).toMatchObject({ outcome: 'imported', added: { scoreEntries: 12, seals: 1 } });
  });
});
