import { ApiError } from '../../../shared/api/errors';
import { MAX_PACK_BYTES, MAX_RETURN_BYTES, RETURN_EXTENSION, type exchangeMethods } from '../../../shared/api/exchange';
import { anyone, anyPanelRole, panel } from '../authorisation';
import type { HandlersFor } from '../registry';
import { buildReturn } from './build-return';
import { sealEnvelope } from './envelope';
import { fileBytes, fileWord, sha256Hex } from './files';
import { installPack } from './install-pack';
import { decryptPack, openingOf } from './open-pack';
import type { PackPayload } from './pack-payload';
import { insertInstall, latestInstall, nameOf } from './repo';
import { oneLargeFileAtATime } from './one-at-a-time';
import { stageChunk } from './uploads';

/*
 * At an evaluator's own installation: a pack is opened here (in chunks when it is large), and the
 * evaluator's score return is made here.
 */

interface DecryptedPack {
  pack: PackPayload;
  fileSha256: string;
}

type EvaluatorMethods = Pick<
  typeof exchangeMethods,
  'exchange.stageUpload' | 'exchange.openPack' | 'exchange.installedPack' | 'exchange.exportReturn'
>;

export const evaluatorHandlers: HandlersFor<EvaluatorMethods> = {
  'exchange.stageUpload': {
    auth: anyone,
    run: (ctx, { uploadId, offset, chunkBase64 }) => ({ received: stageChunk(ctx.db, uploadId, offset, Buffer.from(chunkBase64, 'base64')) }),
  },
  'exchange.openPack': {
    auth: anyone,
    // Decrypting and inflating a large pack takes seconds: done before the transaction, so the app keeps answering.
    prepare: (ctx, { passphrase, file }) =>
      oneLargeFileAtATime(ctx.db, async (): Promise<DecryptedPack> => {
        const bytes = fileBytes(ctx.db, file, MAX_PACK_BYTES, 'an evaluator pack');
        return { pack: await decryptPack(bytes, passphrase), fileSha256: sha256Hex(bytes) };
      }),
    run(ctx, _params, prepared) {
      const { pack, fileSha256 } = prepared as DecryptedPack;
      const outcome = openingOf(ctx.db, pack);
      if (outcome !== 'already-open') {
        installPack(ctx.db, pack);
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
      };
    },
  },
  'exchange.installedPack': {
    auth: anyPanelRole,
    run(ctx, { evaluationId }) {
      const install = latestInstall(ctx.db, evaluationId);
      if (!install) return null;
      const { returnKey: _key, ...rest } = install;
      return { ...rest, evaluatorName: nameOf(ctx.db, 'people', install.evaluatorId), issuedBy: nameOf(ctx.db, 'people', install.issuedBy) };
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
        contentBase64: file.toString('base64'),
        bytes: file.length,
        sha256: sha256Hex(file),
        counts,
      };
    },
  },
};
