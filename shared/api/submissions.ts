import { z } from 'zod';
import { DocumentFileName } from '../domain/names';
import { Bytes, FileContent } from './bytes';
import { Id, Timestamp } from './common';
import { method } from './define';

export const MAX_DOCUMENT_BYTES = 25 * 1024 * 1024;
export const MAX_RESPONSE_CHARS = 100_000;
export const MAX_ADDENDUM_REASON_CHARS = 2_000;

export const DocumentSummarySchema = z.object({
  id: Id,
  fileName: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  receivedAt: Timestamp,
  addedBy: z.string(),
  /** The addendum that brought the document, when it came after the bid was fixed. */
  addendumId: Id.nullable(),
});
export type DocumentSummary = z.infer<typeof DocumentSummarySchema>;

export const AreaResponseSchema = z.object({
  areaId: z.string(),
  text: z.string(),
  savedAt: Timestamp,
  savedBy: z.string(),
  /** 1 for the first save of this area's response; every save adds a version, earlier ones are kept. */
  version: z.number().int().min(1),
  /** The addendum that made this version, when it came after the bid was fixed. */
  addendumId: Id.nullable(),
});
export type AreaResponse = z.infer<typeof AreaResponseSchema>;

/** Why a bid can no longer be edited, only corrected by an addendum: scoring of it has started. */
export const BidFixedSchema = z.object({
  since: Timestamp,
  /** 'scored': an evaluator saved a score for the bidder; 'pack': an evaluator pack carrying the bid was made. */
  because: z.enum(['scored', 'pack']),
});
export type BidFixed = z.infer<typeof BidFixedSchema>;

/** A recorded correction of a fixed bid: why, by whom, when, and what it changed (a response, a document, or both). */
export const BidAddendumSchema = z.object({
  id: Id,
  bidderId: Id,
  reason: z.string(),
  madeAt: Timestamp,
  madeBy: z.string(),
  response: z
    .object({ areaId: z.string(), version: z.number().int().min(1), text: z.string(), previousText: z.string().nullable() })
    .nullable(),
  document: DocumentSummarySchema.nullable(),
});
export type BidAddendum = z.infer<typeof BidAddendumSchema>;

/** A document as it is uploaded (documents.add takes the same three fields). */
const DocumentUpload = {
  // Cleaned, not refused: a file's name comes from disk and nobody can retype it.
  fileName: DocumentFileName(255),
  mediaType: z.string().max(255),
  content: Bytes(MAX_DOCUMENT_BYTES, 'a document', { noun: 'document', empty: 'the document is empty' }),
};

const BidderRef = { evaluationId: Id, bidderId: Id };

export const submissionMethods = {
  /** A bidder's responses per capability area, its evidence documents and its addenda; refused to anyone recused or yet to declare. */
  'submissions.get': method({
    params: z.object(BidderRef).strict(),
    result: z.object({
      bidderId: Id,
      responses: z.array(AreaResponseSchema),
      documents: z.array(DocumentSummarySchema),
      /** Oldest first. */
      addenda: z.array(BidAddendumSchema),
      /** For the procurement lead only (absent for anyone else): since when the bid is fixed, and why; null while it may still be edited. */
      fixed: BidFixedSchema.nullable().optional(),
    }),
    mutates: false,
  }),
  /**
   * Saves a new version of a bidder's response to one capability area of the evaluation's framework (procurement lead).
   * Refused once the bid is fixed (an evaluator has scored it or a pack carries it): a correction is then an addendum.
   */
  'submissions.saveResponse': method({
    params: z.object({ ...BidderRef, areaId: z.string().min(1).max(80), text: z.string().max(MAX_RESPONSE_CHARS) }).strict(),
    result: AreaResponseSchema,
    mutates: true,
  }),
  /**
   * Stores one evidence document, content-addressed; the same content twice for a bidder is reported as a duplicate, not stored again.
   * Refused once the bid is fixed, like submissions.saveResponse.
   */
  'documents.add': method({
    params: z
      .object({ ...BidderRef, ...DocumentUpload })
      .strict(),
    result: z.object({ document: DocumentSummarySchema, duplicate: z.boolean() }),
    mutates: true,
  }),
  /**
   * Corrects a bid (procurement lead), with the reason: a new version of one area's response and/or one more evidence document,
   * recorded together as one addendum. Every evaluator who sealed (or started scoring) the bidder before it is told, and a sealed
   * evaluator may revise a score in light of it (scoring.revise).
   */
  'submissions.addendum': method({
    params: z
      .object({
        ...BidderRef,
        reason: z.string().trim().min(1, 'say why the bid is corrected').max(MAX_ADDENDUM_REASON_CHARS),
        response: z.object({ areaId: z.string().min(1).max(80), text: z.string().max(MAX_RESPONSE_CHARS) }).strict().optional(),
        document: z.object(DocumentUpload).strict().optional(),
      })
      .strict()
      .refine((p) => p.response !== undefined || p.document !== undefined, {
        message: 'an addendum brings a new response to a capability area, a document, or both',
        path: ['response'],
      }),
    result: BidAddendumSchema,
    mutates: true,
  }),
  /** A document's content, to the procurement lead and to panel members who may see its bidder. */
  'documents.content': method({
    params: z.object({ evaluationId: Id, documentId: Id }).strict(),
    result: z.object({ fileName: z.string(), mediaType: z.string(), content: FileContent }),
    mutates: false,
  }),
};
