import { ApiError } from '../../../shared/api/errors';
import { MAX_PACK_BYTES, MAX_RETURN_BYTES, RETURN_EXTENSION, type exchangeMethods } from '../../../shared/api/exchange';
import { anyone, anyPanelRole, panel } from '../authorisation';
import type { HandlersFor } from '../registry';
import { buildReturn } from './build-return';
import { sealEnvelope } from './envelope';
import { fileBytes, fileWord, sha256Hex } from './files';
import { installPack } from './install-pack';
import { decryptPack, openingOf } from './open-pack';
import { fingerprintWords } from './pack-signing';
import { assertSignerMatchesPin, pinnedSigner, pinSigner } from './pinned-signers';
import type { PackPayload } from './pack-payload';
import { insertInstall, latestInstall, nameOf } from './repo';
import { oneLargeFileAtATime } from './one-at-a-time';
import { stageChunk } from './uploads';
import type { HandlerContext } from '../context';
import { accessTo } from '../conflicts/access';
import type { Db } from '../db/open';
import { hashPassphrase, type StoredHash } from '../identity/passphrase-hash';
import { assessPassphrase } from '../identity/passphrase-strength';
import { administratorId, appointAdministrator, currentCredential, insertCredential, recordAttempt } from '../identity/repo';
import { sessionInfo } from '../identity/sign-in';
import { findPerson } from '../people/repo';

/** The evaluator's profile here gets the passphrase they chose, and they are signed in. */
function newEvaluatorProfile(ctx: HandlerContext, personId: string, hash: StoredHash) {
  const at = ctx.now();
  insertCredential(ctx.db, { personId, hash, kind: 'chosen', at, by: personId });
  if (administratorId(ctx.db) === null) appointAdministrator(ctx.db, { personId, at, by: null, reason: 'the first profile on this installation (opened an evaluator pack)' });
  recordAttempt(ctx.db, personId, at, 'signed-in');
  return sessionInfo(ctx, findPerson(ctx.db, personId)!, false);
}

/** What the evaluator still waits for: bids travel only once they have declared clear (see build-pack.ts). */
function stillToCome(db: Db, evaluationId: string, evaluatorId: string) {
  const bidders = db
    .prepare(
      `SELECT b.id, b.name,
              EXISTS (SELECT 1 FROM responses r WHERE r.bidder_id = b.id) OR EXISTS (SELECT 1 FROM documents d WHERE d.bidder_id = b.id) AS hasBid
       FROM bidders b WHERE b.evaluation_id = ? ORDER BY b.added_at, b.name`,
    )
    .all(evaluationId) as { id: string; name: string; hasBid: number }[];
  const access = new Map(bidders.map((b) => [b.id, accessTo(db, evaluationId, evaluatorId, b.id)]));
  return {
    awaitingDeclaration: bidders.filter((b) => access.get(b.id) === 'undeclared').map((b) => b.name),
    bidsToCome: bidders.filter((b) => access.get(b.id) === 'clear' && !b.hasBid).map((b) => b.name),
  };
}

/*
 * At an evaluator's own installation: a pack is opened here (in chunks when it is large), and the
 * evaluator's score return is made here.
 */

interface DecryptedPack {
  pack: PackPayload;
  signer: Uint8Array;
  fileSha256: string;
  /** Set when opening the pack creates the evaluator's profile here, with the passphrase they chose. */
  newProfile: StoredHash | null;
}

/**
 * Who may open a pack: the pack's evaluator signed in as themselves, or, signed out, the pack's evaluator
 * choosing a passphrase for a profile that has none here yet (a new laptop). Never anyone else.
 */
function openerOrRefuse(ctx: HandlerContext, pack: PackPayload, profilePassphrase: string | undefined): 'signed-in' | 'new-profile' {
  const name = pack.people.find((p) => p.id === pack.evaluatorId)?.name ?? 'the evaluator';
  if (ctx.actor) {
    if (ctx.actor.id !== pack.evaluatorId) throw new ApiError('FORBIDDEN', `This pack is for ${name}. Sign in as ${name} to open it.`);
    return 'signed-in';
  }
  if (currentCredential(ctx.db, pack.evaluatorId)) throw new ApiError('UNAUTHENTICATED', `${name} already has a profile here. Sign in as ${name}, then open the pack.`);
  if (profilePassphrase === undefined) {
    throw new ApiError('RULE_VIOLATION', `Choose a passphrase for ${name}’s profile on this computer.`, [{ path: 'profilePassphrase', message: 'Choose a passphrase for your profile' }]);
  }
  return 'new-profile';
}

type EvaluatorMethods = Pick<
  typeof exchangeMethods,
  'exchange.stageUpload' | 'exchange.openPack' | 'exchange.installedPack' | 'exchange.exportReturn'
>;

export const evaluatorHandlers: HandlersFor<EvaluatorMethods> = {
  'exchange.stageUpload': {
    auth: anyone,
    run: (ctx, { uploadId, offset, chunk }) => ({ received: stageChunk(ctx.db, uploadId, offset, chunk) }),
  },
  'exchange.openPack': {
    auth: anyone,
    // Decrypting and inflating a large pack takes seconds: done before the transaction, so the app keeps answering.
    prepare: (ctx, { passphrase, file, profilePassphrase }) =>
      oneLargeFileAtATime(ctx.db, async (): Promise<DecryptedPack> => {
        const bytes = fileBytes(ctx.db, file, MAX_PACK_BYTES, 'an evaluator pack');
        // A pack signed by another key than the one pinned here is refused before the slow passphrase step.
        const { pack, signer } = await decryptPack(bytes, passphrase, (evaluationId, key) => assertSignerMatchesPin(ctx.db, evaluationId, key));
        let newProfile: StoredHash | null = null;
        if (openerOrRefuse(ctx, pack, profilePassphrase) === 'new-profile') {
          const name = pack.people.find((p) => p.id === pack.evaluatorId)?.name ?? '';
          const verdict = await assessPassphrase(profilePassphrase!, [name]);
          if (!verdict.acceptable) throw new ApiError('RULE_VIOLATION', verdict.message, [{ path: 'profilePassphrase', message: verdict.message }]);
          newProfile = await hashPassphrase(profilePassphrase!, ctx.profileKdfLogN);
        }
        return { pack, signer, fileSha256: sha256Hex(bytes), newProfile };
      }),
    run(ctx, { profilePassphrase }, prepared) {
      const { pack, signer, fileSha256, newProfile } = prepared as DecryptedPack;
      // Re-checked inside the transaction: a profile made meanwhile for this evaluator is not taken over.
      openerOrRefuse(ctx, pack, profilePassphrase);
      const outcome = openingOf(ctx.db, pack);
      assertSignerMatchesPin(ctx.db, pack.evaluation.id, signer);
      const firstPack = pinnedSigner(ctx.db, pack.evaluation.id) === null;
      if (outcome !== 'already-open') {
        installPack(ctx.db, pack);
        pinSigner(ctx.db, { evaluationId: pack.evaluation.id, signer, packId: pack.packId, at: ctx.now(), by: ctx.actor?.id ?? pack.evaluatorId });
        insertInstall(ctx.db, {
          packId: pack.packId,
          evaluationId: pack.evaluation.id,
          evaluatorId: pack.evaluatorId,
          returnKey: Buffer.from(pack.returnKey, 'base64'),
          fileSha256,
          packCreatedAt: pack.createdAt,
          issuedBy: pack.createdBy,
          at: ctx.now(),
        });
      }
      return {
        outcome,
        evaluationId: pack.evaluation.id,
        evaluationName: pack.evaluation.name,
        evaluatorId: pack.evaluatorId,
        evaluatorName: nameOf(ctx.db, 'people', pack.evaluatorId),
        bidders: pack.bidders.length,
        withheldBidders: pack.bidders.filter((b) => b.bid === null).length,
        documents: pack.bidders.reduce((n, b) => n + (b.bid?.documents.length ?? 0), 0),
        fingerprint: fingerprintWords(signer),
        firstPack: firstPack && outcome !== 'already-open',
        session: newProfile ? newEvaluatorProfile(ctx, pack.evaluatorId, newProfile) : null,
      };
    },
  },
  'exchange.installedPack': {
    auth: anyPanelRole,
    run(ctx, { evaluationId }) {
      const install = latestInstall(ctx.db, evaluationId);
      if (!install) return null;
      const { returnKey: _key, ...rest } = install;
      const signer = pinnedSigner(ctx.db, evaluationId);
      return {
        ...rest,
        evaluatorName: nameOf(ctx.db, 'people', install.evaluatorId),
        issuedBy: nameOf(ctx.db, 'people', install.issuedBy),
        fingerprint: signer ? fingerprintWords(signer) : null,
        ...stillToCome(ctx.db, evaluationId, install.evaluatorId),
      };
    },
  },
  'exchange.exportReturn': {
    auth: panel('evaluator'),
    run(ctx, { evaluationId }) {
      const install = latestInstall(ctx.db, evaluationId);
      if (!install) {
        throw new ApiError(
          'RULE_VIOLATION',
          'This evaluation was not opened from an evaluator pack, so there is no score return to send: your scores are already on this installation.',
        );
      }
      if (install.evaluatorId !== ctx.actor!.id) {
        throw new ApiError(
          'FORBIDDEN',
          `This evaluation was opened here from ${nameOf(ctx.db, 'people', install.evaluatorId)}’s pack; only they can send its score return.`,
        );
      }
      const at = ctx.now();
      const { payload, counts } = buildReturn(ctx.db, { evaluationId, evaluatorId: install.evaluatorId, packId: install.packId, at });
      const file = sealEnvelope(
        'score-return',
        { packId: install.packId, evaluationId, evaluatorId: install.evaluatorId, createdAt: at },
        new Uint8Array(install.returnKey),
        payload,
      );
      if (file.length > MAX_RETURN_BYTES)
        throw new ApiError('RULE_VIOLATION', `The score return would be larger than ${MAX_RETURN_BYTES / 1024 / 1024} MB.`);
      const stamp = at.slice(0, 16).replace(/[:T]/g, '-');
      return {
        fileName: `${fileWord(nameOf(ctx.db, 'evaluations', evaluationId), 'evaluation')}-${fileWord(ctx.actor!.name, 'evaluator')}-${stamp}${RETURN_EXTENSION}`,
        content: file,
        bytes: file.length,
        sha256: sha256Hex(file),
        counts,
      };
    },
  },
};
