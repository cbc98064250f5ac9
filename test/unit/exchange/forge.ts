import { openEnvelope, passphraseKey, readHeader, sealEnvelope } from '../../../electron/core/exchange/envelope';
import type { ReturnPayload } from '../../../electron/core/exchange/return-payload';
import { queryRows } from '../support/core';
import { PASSPHRASE, type ExchangeScene } from './scene';

/** Opens a pack file with the envelope functions alone, as anyone holding the passphrase could. */
export async function decryptPackFile(file: Buffer, passphrase = PASSPHRASE): Promise<Record<string, unknown>> {
  const header = readHeader('evaluator-pack', file);
  return openEnvelope('evaluator-pack', file, await passphraseKey(passphrase, header.kdf!), 1024 * 1024 * 1024) as Record<string, unknown>;
}

/** The return key the moderator's installation holds for a pack. */
export const returnKeyOf = (s: ExchangeScene, packId: string): Uint8Array =>
  new Uint8Array(queryRows<{ return_key: Buffer }>(s.t.core.databaseFile, 'SELECT return_key FROM packs WHERE id = ?', packId)[0]!.return_key);

/**
 * A return re-sealed with the pack's genuine key after editing its contents: what only someone holding the
 * key (the evaluator, or a copy of the pack) could make. Authentic as a file, so the content checks must hold.
 */
export function forgeReturn(
  s: ExchangeScene,
  genuine: Buffer,
  edit: (payload: ReturnPayload) => ReturnPayload,
  header: { evaluatorId?: string } = {},
): Buffer {
  const real = readHeader('score-return', genuine);
  const key = returnKeyOf(s, real.packId);
  const payload = edit(structuredClone(openEnvelope('score-return', genuine, key, 1024 * 1024 * 1024) as ReturnPayload));
  const { version: _v, nonce: _n, keyCheck: _k, ...rest } = real;
  return sealEnvelope('score-return', { ...rest, ...header }, key, payload);
}
