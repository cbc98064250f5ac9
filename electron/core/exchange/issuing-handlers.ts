import { randomBytes } from 'node:crypto';
import { ApiError } from '../../../shared/api/errors';
import { MAX_PACK_BYTES, MAX_RETURN_BYTES, PACK_EXTENSION, type exchangeMethods } from '../../../shared/api/exchange';
import { activeRole, panel } from '../authorisation';
import { accessTo } from '../conflicts/access';
import type { HandlerContext } from '../context';
import { biddersOf, evaluationStatus } from '../evaluations/repo';
import type { HandlersFor } from '../registry';
import { buildPack } from './build-pack';
import { newPassphraseKdf, passphraseKey, sealEnvelopeOffThread } from './envelope';
import { assessPassphrase } from '../identity/passphrase-strength';
import { fingerprintWords, installationSigningKey, publicKeyText, signPack } from './pack-signing';
import { fileBytes, fileWord, sha256Hex } from './files';
import { mergeReturn } from './merge-return';
import { findPack, importedBefore, insertImport, insertPack, insertRevocation, listPacks, nameOf, revocationOf } from './repo';
import { oneLargeFileAtATime } from './one-at-a-time';
import { verifyReturn } from './verify-return';

/*
 * At the installation that runs the evaluation (procurement lead or moderator): packs are made, listed and
 * revoked here, and score returns come back in here.
 */

type IssuingMethods = Pick<
  typeof exchangeMethods,
  'exchange.exportPack' | 'exchange.signingFingerprint' | 'exchange.listPacks' | 'exchange.revokePack' | 'exchange.importReturn'
>;
const leadOrModerator = panel('lead', 'moderator');

/** A moderator may only pass on bids they may see themselves; the procurement lead manages every bid. */
function assertMayCarry(ctx: HandlerContext, evaluationId: string, bidders: { id: string; name: string }[]): void {
  if (activeRole(ctx, evaluationId, ctx.actor!.id) === 'lead') return;
  const hidden = bidders.filter((b) => accessTo(ctx.db, evaluationId, ctx.actor!.id, b.id) !== 'clear').map((b) => b.name);
  if (hidden.length > 0) {
    throw new ApiError(
      'FORBIDDEN',
      `This pack would carry the bid of ${hidden.join(', ')}, which you may not see (you are recused or have not declared yet); ask the procurement lead to make this pack.`,
    );
  }
}

function assertMayMakePack(ctx: HandlerContext, evaluationId: string, evaluatorId: string): void {
  if (evaluationStatus(ctx.db, evaluationId) !== 'scoring') {
    throw new ApiError(
      'RULE_VIOLATION',
      'Open the evaluation for scoring before making evaluator packs: a pack carries the published set-up, which is fixed from then on.',
    );
  }
  if (activeRole(ctx, evaluationId, evaluatorId) !== 'evaluator') throw new ApiError('NOT_FOUND', 'That person is not an evaluator on this evaluation’s panel.');
}

const activeMembershipId = (ctx: HandlerContext, evaluationId: string, personId: string): string | undefined =>
  (ctx.db.prepare('SELECT id FROM panel_memberships WHERE evaluation_id = ? AND person_id = ? AND ended_at IS NULL').get(evaluationId, personId) as { id: string } | undefined)?.id;

const carried = (bidders: readonly { id: string; name: string; bid: unknown }[]) => bidders.filter((b) => b.bid !== null);

/** What making a pack produced before its transaction: the sealed file and what run must check and record. */
interface PreparedPack {
  packId: string;
  returnKey: Buffer;
  at: string;
  file: Buffer;
  membershipId: string;
  evaluationName: string;
  bidders: string[];
  withheld: string[];
  awaiting: string[];
  documents: number;
  fingerprint: string;
}

/** The same rule as a profile passphrase: anyone who holds it can read the pack. */
async function assertStrongPackPassphrase(passphrase: string, personalWords: string[]): Promise<void> {
  const verdict = await assessPassphrase(passphrase, personalWords);
  if (!verdict.acceptable) {
    throw new ApiError('RULE_VIOLATION', verdict.message, [verdict.message, ...verdict.suggestions].map((message) => ({ path: 'passphrase', message })));
  }
}

/*
 * Reading every bid, scrypt and compressing take seconds for a large pack; they happen before the
 * transaction, so the app keeps answering meanwhile. The bids are read in one read transaction; run then
 * checks, inside the write transaction, that nothing it relied on has changed since.
 */
async function preparePack(ctx: HandlerContext, { evaluationId, evaluatorId, passphrase }: { evaluationId: string; evaluatorId: string; passphrase: string }): Promise<PreparedPack> {
  assertMayMakePack(ctx, evaluationId, evaluatorId);
  await assertStrongPackPassphrase(passphrase, [nameOf(ctx.db, 'people', evaluatorId), nameOf(ctx.db, 'evaluations', evaluationId)]);
  const packId = ctx.newId();
  const returnKey = randomBytes(32);
  const at = ctx.now();
  const built = ctx.db
    .transaction(() => buildPack(ctx.db, { evaluationId, evaluatorId, packId, returnKey: returnKey.toString('base64'), at, by: ctx.actor!.id }))
    .deferred();
  assertMayCarry(ctx, evaluationId, carried(built.payload.bidders));
  const kdf = newPassphraseKdf();
  const signingKey = installationSigningKey(ctx.db);
  const header = { packId, evaluationId, evaluatorId, createdAt: at, kdf, signer: publicKeyText(signingKey.publicKey) };
  const file = signPack(await sealEnvelopeOffThread('evaluator-pack', header, await passphraseKey(passphrase, kdf), built.payload), signingKey);
  if (file.length > MAX_PACK_BYTES)
    throw new ApiError('RULE_VIOLATION', `The pack would be larger than ${MAX_PACK_BYTES / 1024 / 1024} MB, the most one pack can be.`);
  return {
    packId,
    returnKey,
    at,
    file,
    membershipId: built.payload.membership.id,
    evaluationName: built.payload.evaluation.name,
    bidders: built.payload.bidders.map((b) => b.id),
    withheld: built.withheld,
    awaiting: built.awaiting,
    documents: built.documents,
    fingerprint: fingerprintWords(signingKey.publicKey),
  };
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((id) => b.includes(id));

export const issuingHandlers: HandlersFor<IssuingMethods> = {
  'exchange.exportPack': {
    auth: leadOrModerator,
    prepare: (ctx, params) => oneLargeFileAtATime(ctx.db, () => preparePack(ctx, params)),
    run(ctx, { evaluationId, evaluatorId }, prepared) {
      const pack = prepared as PreparedPack;
      assertMayMakePack(ctx, evaluationId, evaluatorId);
      if (activeMembershipId(ctx, evaluationId, evaluatorId) !== pack.membershipId) {
        throw new ApiError('CONFLICT', 'The evaluator’s place on the panel changed while the pack was being made; make the pack again.');
      }
      const now = biddersOf(ctx.db, evaluationId).filter((b) => pack.bidders.includes(b.id));
      const accessNow = (kind: 'recused' | 'undeclared') => now.filter((b) => accessTo(ctx.db, evaluationId, evaluatorId, b.id) === kind).map((b) => b.id);
      if (!sameSet(accessNow('recused'), pack.withheld) || !sameSet(accessNow('undeclared'), pack.awaiting)) {
        throw new ApiError(
          'CONFLICT',
          'A conflict of interest was declared while the pack was being made, which changes the bids it may carry; make the pack again.',
        );
      }
      const carriedNow = now.filter((b) => !pack.withheld.includes(b.id) && !pack.awaiting.includes(b.id));
      assertMayCarry(ctx, evaluationId, carriedNow);
      const sha256 = sha256Hex(pack.file);
      insertPack(ctx.db, {
        id: pack.packId,
        evaluationId,
        evaluatorId,
        returnKey: pack.returnKey,
        fileSha256: sha256,
        bytes: pack.file.length,
        withheld: pack.withheld,
        awaiting: pack.awaiting,
        documents: pack.documents,
        at: pack.at,
        by: ctx.actor!.id,
      });
      return {
        packId: pack.packId,
        fileName: `${fileWord(pack.evaluationName, 'evaluation')}-${fileWord(nameOf(ctx.db, 'people', evaluatorId), 'evaluator')}${PACK_EXTENSION}`,
        content: pack.file,
        bytes: pack.file.length,
        sha256,
        withheldBidders: now.filter((b) => pack.withheld.includes(b.id)).map((b) => b.name),
        awaitingDeclaration: now.filter((b) => pack.awaiting.includes(b.id)).map((b) => b.name),
        documents: pack.documents,
        fingerprint: pack.fingerprint,
      };
    },
  },
  'exchange.signingFingerprint': {
    auth: leadOrModerator,
    run: (ctx) => ({ fingerprint: fingerprintWords(installationSigningKey(ctx.db).publicKey) }),
  },
  'exchange.listPacks': { auth: leadOrModerator, run: (ctx, { evaluationId }) => listPacks(ctx.db, evaluationId) },
  'exchange.revokePack': {
    auth: leadOrModerator,
    run(ctx, { evaluationId, packId, reason }) {
      const pack = findPack(ctx.db, packId);
      if (!pack || pack.evaluationId !== evaluationId) throw new ApiError('NOT_FOUND', 'There is no such pack for this evaluation.');
      const revoked = revocationOf(ctx.db, packId);
      if (revoked) throw new ApiError('RULE_VIOLATION', `${revoked.by} already revoked this pack on ${revoked.at.slice(0, 10)}.`);
      insertRevocation(ctx.db, { packId, reason, at: ctx.now(), by: ctx.actor!.id });
      return listPacks(ctx.db, evaluationId);
    },
  },
  'exchange.importReturn': {
    auth: leadOrModerator,
    backupBefore: 'before-import',
    run(ctx, { evaluationId, file }) {
      const bytes = fileBytes(ctx.db, file, MAX_RETURN_BYTES, 'a score return');
      const { pack, payload } = verifyReturn(ctx, evaluationId, bytes);
      const added = mergeReturn(ctx.db, evaluationId, payload);
      const fileSha = sha256Hex(bytes);
      const nothing = added.declarations + added.scoreEntries + added.seals === 0;
      const seen = importedBefore(ctx.db, pack.id, fileSha);
      // Every distinct file accepted is recorded; the very same bytes again only reach the audit trail.
      if (!seen)
        insertImport(ctx.db, {
          id: ctx.newId(),
          packId: pack.id,
          fileSha256: fileSha,
          exportedAt: payload.exportedAt,
          added,
          at: ctx.now(),
          by: ctx.actor!.id,
        });
      return {
        outcome: seen ? 'already-imported' : nothing ? 'nothing-new' : 'imported',
        packId: pack.id,
        evaluatorId: pack.evaluatorId,
        evaluatorName: nameOf(ctx.db, 'people', pack.evaluatorId),
        fileSha256: fileSha,
        exportedAt: payload.exportedAt,
        added,
      };
    },
  },
};
