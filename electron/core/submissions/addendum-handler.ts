import { ApiError } from '../../../shared/api/errors';
import { cellText } from '../../../shared/domain/safe-cell-text';
import { leadOnly } from '../authorisation';
import { assertBidderInEvaluation } from '../conflicts/access';
import type { Handler } from '../registry';
import { addendumById, insertAddendum } from './addenda-repo';
import { capabilityAreaTitle } from './areas';
import { documentWithContent, insertResponse, latestResponses } from './repo';
import { readUpload, storeDocument } from './store-document';

const on = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

/**
 * The one way to correct a bid once it is fixed (and a way at any time): an addendum carries the reason and
 * the change — a new version of one area's response, one more document, or both — recorded together, with
 * who and when. Everything is checked before anything is written; a change that changes nothing is refused.
 */
export const addendumHandler: Handler<'submissions.addendum'> = {
  auth: leadOnly,
  run(ctx, { evaluationId, bidderId, reason, response, document }) {
    assertBidderInEvaluation(ctx.db, evaluationId, bidderId);
    const why = cellText(reason).trim();
    if (!why) throw new ApiError('INVALID_PARAMS', 'Say why the bid is corrected.', [{ path: 'reason', message: 'say why the bid is corrected' }]);
    if (response) {
      const title = capabilityAreaTitle(ctx.db, evaluationId, response.areaId);
      const current = latestResponses(ctx.db, bidderId).find((r) => r.areaId === response.areaId);
      if ((current?.text ?? '') === response.text) {
        throw new ApiError('RULE_VIOLATION', `The response to ${title} already reads exactly so; an addendum must change something.`, [
          { path: 'response.text', message: 'the response is unchanged' },
        ]);
      }
    }
    const upload = document && readUpload(document);
    if (upload) {
      const already = documentWithContent(ctx.db, bidderId, upload.sha256);
      if (already) {
        throw new ApiError('CONFLICT', `This document is already part of the bid, as “${already.fileName}” (received ${on(already.receivedAt)}).`, [
          { path: 'document', message: 'the same content is already stored for this bidder' },
        ]);
      }
    }

    const id = ctx.newId();
    insertAddendum(ctx.db, { id, evaluationId, bidderId, reason: why, at: ctx.now(), by: ctx.actor!.id });
    if (response) insertResponse(ctx.db, { bidderId, areaId: response.areaId, text: response.text, at: ctx.now(), by: ctx.actor!.id, addendumId: id });
    if (upload) storeDocument(ctx, bidderId, upload, id);
    return addendumById(ctx.db, id)!;
  },
};
