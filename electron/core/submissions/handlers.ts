import { ApiError } from '../../../shared/api/errors';
import type { submissionMethods } from '../../../shared/api/submissions';
import { activeRole, anyPanelRole, leadOnly } from '../authorisation';
import { bidderBelongsTo } from '../bidders/repo';
import { assertBidderInEvaluation, assertMaySeeBidder } from '../conflicts/access';
import { frozenFramework } from '../evaluations/repo';
import type { HandlersFor } from '../registry';
import { addendaOf } from './addenda-repo';
import { addendumHandler } from './addendum-handler';
import { capabilityAreaTitle } from './areas';
import { assertBidNotFixed, bidFixed } from './fixed-bid';
import { bidderOfDocument, documentContent, documentsOf, documentWithContent, insertResponse, latestResponses } from './repo';
import { readUpload, storeDocument } from './store-document';

/**
 * Bids in: the procurement lead records each bidder's responses per capability area and its evidence
 * documents until the bid is fixed (fixed-bid.ts: scoring of it has started); after that a correction is an
 * addendum with its reason (addendum-handler.ts). Panel members read bids only once assertMaySeeBidder says
 * they have declared and are not recused.
 */
export const submissionHandlers: HandlersFor<typeof submissionMethods> = {
  'submissions.get': {
    auth: anyPanelRole,
    run(ctx, { evaluationId, bidderId }) {
      assertMaySeeBidder(ctx, evaluationId, bidderId);
      const areaOrder = frozenFramework(ctx.db, evaluationId).areas.map((a) => a.id);
      const responses = latestResponses(ctx.db, bidderId).sort((a, b) => areaOrder.indexOf(a.areaId) - areaOrder.indexOf(b.areaId));
      const fixed = activeRole(ctx, evaluationId, ctx.actor!.id) === 'lead' ? { fixed: bidFixed(ctx.db, bidderId) } : {};
      return { bidderId, responses, documents: documentsOf(ctx.db, bidderId), addenda: addendaOf(ctx.db, bidderId), ...fixed };
    },
  },
  'submissions.saveResponse': {
    auth: leadOnly,
    run(ctx, { evaluationId, bidderId, areaId, text }) {
      assertBidderInEvaluation(ctx.db, evaluationId, bidderId);
      capabilityAreaTitle(ctx.db, evaluationId, areaId);
      assertBidNotFixed(ctx.db, bidderId);
      return insertResponse(ctx.db, { bidderId, areaId, text, at: ctx.now(), by: ctx.actor!.id });
    },
  },
  'documents.add': {
    auth: leadOnly,
    run(ctx, { evaluationId, bidderId, fileName, mediaType, content }) {
      assertBidderInEvaluation(ctx.db, evaluationId, bidderId);
      assertBidNotFixed(ctx.db, bidderId);
      const upload = readUpload({ fileName, mediaType, content });
      const existing = documentWithContent(ctx.db, bidderId, upload.sha256);
      if (existing) return { document: existing, duplicate: true };
      return { document: storeDocument(ctx, bidderId, upload), duplicate: false };
    },
  },
  'submissions.addendum': addendumHandler,
  'documents.content': {
    auth: anyPanelRole,
    run(ctx, { evaluationId, documentId }) {
      const bidderId = bidderOfDocument(ctx.db, documentId);
      if (!bidderId || !bidderBelongsTo(ctx.db, bidderId, evaluationId)) throw new ApiError('NOT_FOUND', 'There is no such evidence document in this evaluation.');
      assertMaySeeBidder(ctx, evaluationId, bidderId);
      const { fileName, mediaType, data } = documentContent(ctx.db, documentId);
      return { fileName, mediaType, content: data };
    },
  },
};
