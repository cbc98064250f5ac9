import { z } from 'zod';
import { Id, Timestamp } from './common';
import { method } from './define';

export const MAX_DOCUMENT_BYTES = 25 * 1024 * 1024;
export const MAX_RESPONSE_CHARS = 100_000;

export const DocumentSummarySchema = z.object({
  id: Id,
  fileName: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  receivedAt: Timestamp,
  addedBy: z.string(),
});
export type DocumentSummary = z.infer<typeof DocumentSummarySchema>;

export const AreaResponseSchema = z.object({
  areaId: z.string(),
  text: z.string(),
  savedAt: Timestamp,
  savedBy: z.string(),
  /** 1 for the first save of this area's response; every save adds a version, earlier ones are kept. */
  version: z.number().int().min(1),
});
export type AreaResponse = z.infer<typeof AreaResponseSchema>;

const BidderRef = { evaluationId: Id, bidderId: Id };

export const submissionMethods = {
  /** A bidder's responses per capability area and its evidence documents; refused to anyone recused or yet to declare. */
  'submissions.get': method({
    params: z.object(BidderRef).strict(),
    result: z.object({ bidderId: Id, responses: z.array(AreaResponseSchema), documents: z.array(DocumentSummarySchema) }),
    mutates: false,
  }),
  /** Saves a new version of a bidder's response to one capability area of the evaluation's framework (procurement lead). */
  'submissions.saveResponse': method({
    params: z.object({ ...BidderRef, areaId: z.string().min(1).max(80), text: z.string().max(MAX_RESPONSE_CHARS) }).strict(),
    result: AreaResponseSchema,
    mutates: true,
  }),
  /** Stores one evidence document, content-addressed; the same content twice for a bidder is reported as a duplicate, not stored again. */
  'documents.add': method({
    params: z
      .object({
        ...BidderRef,
        fileName: z.string().trim().min(1).max(255),
        mediaType: z.string().max(255),
        // Base64 of at most MAX_DOCUMENT_BYTES; the exact size is checked after decoding.
        contentBase64: z
          .string()
          .max(Math.ceil(MAX_DOCUMENT_BYTES / 3) * 4, 'the document is larger than 25 MB')
          .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'the document content is not base64'),
      })
      .strict(),
    result: z.object({ document: DocumentSummarySchema, duplicate: z.boolean() }),
    mutates: true,
  }),
  /** A document's content, to the procurement lead and to panel members who may see its bidder. */
  'documents.content': method({
    params: z.object({ evaluationId: Id, documentId: Id }).strict(),
    result: z.object({ fileName: z.string(), mediaType: z.string(), contentBase64: z.string() }),
    mutates: false,
  }),
};
