import { z } from 'zod';
import { Bytes, FileContent } from './bytes';
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
      content: FileContent,
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
        content: Bytes(MAX_SCORE_SHEET_BYTES, 'a completed score sheet'),
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
