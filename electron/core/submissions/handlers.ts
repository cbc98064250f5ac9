import { ApiError } from '../../../shared/api/errors';
import type { submissionMethods } from '../../../shared/api/submissions';
import { anyPanelRole, leadOnly } from '../authorisation';
import { bidderBelongsTo } from '../bidders/repo';
import { assertBidderInEvaluation, assertMaySeeBidder } from '../conflicts/access';
import { frozenFramework } from '../evaluations/repo';
import type { HandlersFor } from '../registry';
import { cleanFileName, decodeDocument, sha256Hex } from './content';
import { mediaTypeFor } from './media-type';
import {
  bidderOfDocument,
  documentById,
  documentContent,
  documentsOf,
  documentWithContent,
  insertBlobOnce,
  insertDocument,
  insertResponse,
  latestResponses,
} from './repo';

/**
 * Bids in: the procurement lead records each bidder's responses per capability area and its evidence
 * documents (at any stage of the evaluation); panel members read them only once assertMaySeeBidder
 * says they have declared and are not recused.
 */
export const submissionHandlers: HandlersFor<typeof submissionMethods> = {
  'submissions.get': {
    auth: anyPanelRole,
    run(ctx, { evaluationId, bidderId }) {
      assertMaySeeBidder(ctx, evaluationId, bidderId);
      const areaOrder = frozenFramework(ctx.db, evaluationId).areas.map((a) => a.id);
      const responses = latestResponses(ctx.db, bidderId).sort((a, b) => areaOrder.indexOf(a.areaId) - areaOrder.indexOf(b.areaId));
      return { bidderId, responses, documents: documentsOf(ctx.db, bidderId) };
    },
  },
  'submissions.saveResponse': {
    auth: leadOnly,
    run(ctx, { evaluationId, bidderId, areaId, text }) {
      assertBidderInEvaluation(ctx.db, evaluationId, bidderId);
      if (!frozenFramework(ctx.db, evaluationId).areas.some((a) => a.id === areaId)) {
        throw new ApiError('NOT_FOUND', `There is no capability area “${areaId}” in this evaluation’s framework.`);
      }
      return insertResponse(ctx.db, { bidderId, areaId, text, at: ctx.now(), by: ctx.actor!.id });
    },
  },
  'documents.add': {
    auth: leadOnly,
    run(ctx, { evaluationId, bidderId, fileName, mediaType, contentBase64 }) {
      assertBidderInEvaluation(ctx.db, evaluationId, bidderId);
      const name = cleanFileName(fileName);
      const bytes = decodeDocument(contentBase64);
      const sha256 = sha256Hex(bytes);
      const existing = documentWithContent(ctx.db, bidderId, sha256);
      if (existing) return { document: existing, duplicate: true };
      insertBlobOnce(ctx.db, sha256, bytes);
      const id = ctx.newId();
      const type = mediaTypeFor(bytes, mediaType, name);
      insertDocument(ctx.db, { id, bidderId, sha256, fileName: name, mediaType: type, size: bytes.length, at: ctx.now(), by: ctx.actor!.id });
      return { document: documentById(ctx.db, id)!, duplicate: false };
    },
  },
  'documents.content': {
    auth: anyPanelRole,
    run(ctx, { evaluationId, documentId }) {
      const bidderId = bidderOfDocument(ctx.db, documentId);
      if (!bidderId || !bidderBelongsTo(ctx.db, bidderId, evaluationId)) throw new ApiError('NOT_FOUND', 'There is no such evidence document in this evaluation.');
      assertMaySeeBidder(ctx, evaluationId, bidderId);
      const { fileName, mediaType, data } = documentContent(ctx.db, documentId);
      return { fileName, mediaType, contentBase64: data.toString('base64') };
    },
  },
};
