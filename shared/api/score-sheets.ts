import { z } from 'zod';
import { Id, Timestamp } from './common';
import { method } from './define';

/** A completed score sheet may be at most this large (a sheet for 100 bidders is well under 1 MB). */
export const MAX_SCORE_SHEET_BYTES = 5 * 1024 * 1024;
export const SCORE_SHEET_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const SheetRef = { evaluationId: Id, evaluatorId: Id };

export const ScoreSheetBidderSchema = z.object({ bidderId: Id, bidderName: z.string(), sheetName: z.string() });

export const scoreSheetMethods = {
  /** An Excel score sheet for one evaluator: one sheet per bidder they are clear to score and have not sealed. */
  'scoreSheets.generate': method({
    params: z.object(SheetRef).strict(),
    result: z.object({
      fileName: z.string(),
      contentBase64: z.string(),
      bytes: z.number().int(),
      bidders: z.array(ScoreSheetBidderSchema),
      /** Bidders left out, and why (counts only). */
      leftOut: z.object({ undeclared: z.number().int(), recused: z.number().int(), sealed: z.number().int() }),
    }),
    mutates: false,
    audited: true,
  }),
  /**
   * Imports a completed score sheet as the evaluator's scores (provenance 'excel-import'), sealing where
   * the sheet says so — the whole file or nothing; every problem is listed by sheet and cell.
   */
  'scoreSheets.import': method({
    params: z
      .object({
        ...SheetRef,
        // Base64 of at most MAX_SCORE_SHEET_BYTES; the exact size is checked after decoding.
        contentBase64: z
          .string()
          .min(1, 'choose a completed score sheet')
          .max(Math.ceil(MAX_SCORE_SHEET_BYTES / 3) * 4, `the file is larger than ${MAX_SCORE_SHEET_BYTES / 1024 / 1024} MB`)
          .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'the file content is not base64'),
      })
      .strict(),
    result: z.object({
      evaluatorId: Id,
      evaluatorName: z.string(),
      bidders: z.array(
        ScoreSheetBidderSchema.extend({
          /** Criteria the sheet gave a score or a rationale for (empty rows leave the app's entry as it is). */
          filled: z.number().int(),
          criteria: z.number().int(),
          sealedAt: Timestamp.nullable(),
        }),
      ),
    }),
    mutates: true,
  }),
};
