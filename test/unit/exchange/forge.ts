import { ed25519 } from '@noble/curves/ed25519.js';
import { openEnvelope, passphraseKey, readHeader, sealEnvelope } from '../../../electron/core/exchange/envelope';
import type { PackPayload } from '../../../electron/core/exchange/pack-payload';
import { publicKeyText, signingKeyFrom, signPack, type SigningKey } from '../../../electron/core/exchange/pack-signing';
import type { ReturnPayload } from '../../../electron/core/exchange/return-payload';
import { queryRows, type TestCore } from '../support/core';
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

/** The installation's pack-signing key, read from its data folder: what someone holding that folder has. */
export const signingKeyOf = (t: TestCore): SigningKey =>
  signingKeyFrom(
    new Uint8Array(queryRows<{ value: Buffer }>(t.core.databaseFile, "SELECT value FROM installation_secrets WHERE name = 'pack-signing-key'")[0]!.value),
  );

/** A signing key of some other installation (anyone can run the app and make one). */
export const strangerKey = (): SigningKey => signingKeyFrom(ed25519.utils.randomSecretKey());

/** The parts of a genuine pack someone holding its passphrase has: the contents and the key they are sealed with. */
export async function unsealPack(genuine: Buffer, passphrase = PASSPHRASE) {
  const header = readHeader('evaluator-pack', genuine);
  return { payload: (await decryptPackFile(genuine, passphrase)) as PackPayload, kdf: header.kdf!, key: await passphraseKey(passphrase, header.kdf!) };
}

/**
 * A pack sealed under the genuine passphrase with contents of one's choosing, and signed by `signer`: with
 * the lead's own key it is what someone holding the lead's data folder could make; with another, a stranger's.
 */
export function sealForgedPack(unsealed: Awaited<ReturnType<typeof unsealPack>>, payload: PackPayload, signer: SigningKey): Buffer {
  const header = {
    packId: payload.packId,
    evaluationId: payload.evaluation.id,
    evaluatorId: payload.evaluatorId,
    createdAt: payload.createdAt,
    kdf: unsealed.kdf,
    signer: publicKeyText(signer.publicKey),
  };
  return signPack(sealEnvelope('evaluator-pack', header, unsealed.key, payload), signer);
}
