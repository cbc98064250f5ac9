import { ApiError } from '../../../shared/api/errors';
import type { Db } from '../db/open';
import { fingerprintWords, sameKey } from './pack-signing';

/*
 * On an evaluator's installation, the first pack opened for an evaluation pins the key that signed it;
 * every later pack for that evaluation must be signed by the same key (trust on first use, checked by
 * people comparing the fingerprint words at that first pack).
 */

export const pinnedSigner = (db: Db, evaluationId: string): Uint8Array | null => {
  const row = db.prepare('SELECT public_key FROM pack_signers WHERE evaluation_id = ?').get(evaluationId) as { public_key: Buffer } | undefined;
  return row ? new Uint8Array(row.public_key) : null;
};

export function assertSignerMatchesPin(db: Db, evaluationId: string, signer: Uint8Array): void {
  const pinned = pinnedSigner(db, evaluationId);
  if (pinned && !sameKey(pinned, signer)) {
    const evaluationName = (db.prepare('SELECT name FROM evaluations WHERE id = ?').get(evaluationId) as { name: string } | undefined)?.name ?? 'this evaluation';
    throw new ApiError(
      'FORBIDDEN',
      `This pack for “${evaluationName}” was signed by a different installation (“${fingerprintWords(signer)}”) from the first pack opened ` +
        `for it here (“${fingerprintWords(pinned)}”). It was not opened: ask the procurement lead, by phone or in person, which words their app shows.`,
    );
  }
}

export function pinSigner(db: Db, p: { evaluationId: string; signer: Uint8Array; packId: string; at: string; by: string }): void {
  if (pinnedSigner(db, p.evaluationId)) return;
  db.prepare('INSERT INTO pack_signers (evaluation_id, public_key, first_pack_id, pinned_at, pinned_by) VALUES (?, ?, ?, ?, ?)').run(
    p.evaluationId,
    Buffer.from(p.signer),
    p.packId,
    p.at,
    p.by,
  );
}
