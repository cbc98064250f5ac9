import { ApiError } from '../../../shared/api/errors';
import type { Db } from '../db/open';
import { openEnvelopeOffThread, passphraseKey, readHeader } from './envelope';
import { verifiedSigner } from './pack-signing';
import { isInstalled, latestInstall } from './repo';
import { PackPayloadSchema, type PackPayload } from './pack-payload';

/*
 * Decrypts and checks an evaluator pack, and decides what opening it here means: a new evaluation, an
 * update from a later pack for the same evaluator, or nothing (the same pack again).
 */

/** The decrypted JSON stays well inside what one string can hold. */
const MAX_PACK_PAYLOAD_BYTES = 400 * 1024 * 1024;
const corrupted = () =>
  new ApiError('INVALID_PARAMS', 'The file is corrupted or incomplete (truncated); ask for an evaluator pack to be sent again.');

export interface SignedPack {
  pack: PackPayload;
  /** The Ed25519 public key whose signature over the whole file was verified. */
  signer: Uint8Array;
}

/** Reads and checks a pack without touching the store (and without holding up the host: see envelope.ts). */
export async function decryptPack(file: Buffer, passphrase: string, beforeDecrypting: (evaluationId: string, signer: Uint8Array) => void = () => {}): Promise<SignedPack> {
  const header = readHeader('evaluator-pack', file);
  if (!header.kdf) throw corrupted();
  const signer = verifiedSigner(file, header);
  beforeDecrypting(header.evaluationId, signer);
  let key: Uint8Array;
  try {
    key = await passphraseKey(passphrase, header.kdf);
  } catch {
    // Key-derivation settings that pass the header's shape but that scrypt refuses (e.g. N not a power of two).
    throw corrupted();
  }
  const parsed = PackPayloadSchema.safeParse(await openEnvelopeOffThread('evaluator-pack', file, key, MAX_PACK_PAYLOAD_BYTES));
  if (!parsed.success) throw new ApiError('INVALID_PARAMS', 'The evaluator pack could not be read: it was made by a different version of the app.');
  const pack = parsed.data;
  if (pack.packId !== header.packId || pack.evaluation.id !== header.evaluationId || pack.evaluatorId !== header.evaluatorId) {
    throw new ApiError('RULE_VIOLATION', 'The evaluator pack contradicts itself; it cannot be trusted and was not opened.');
  }
  return { pack, signer };
}

export type Opening = 'opened' | 'updated' | 'already-open';

export function openingOf(db: Db, pack: PackPayload): Opening {
  const here = db.prepare('SELECT name FROM evaluations WHERE id = ?').get(pack.evaluation.id) as { name: string } | undefined;
  if (!here) return 'opened';
  const install = latestInstall(db, pack.evaluation.id);
  if (!install) {
    throw new ApiError(
      'CONFLICT',
      `“${here.name}” was set up on this installation, so it cannot also be opened from a pack here: a pack is for an evaluator’s own installation.`,
    );
  }
  if (install.evaluatorId !== pack.evaluatorId) {
    const holder = (db.prepare('SELECT name FROM people WHERE id = ?').get(install.evaluatorId) as { name: string }).name;
    throw new ApiError(
      'CONFLICT',
      `This installation already holds “${here.name}” for ${holder}. Each evaluator opens their own pack on their own installation.`,
    );
  }
  return isInstalled(db, pack.packId) ? 'already-open' : 'updated';
}
