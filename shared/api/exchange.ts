import { z } from 'zod';
import { Bytes, FileContent } from './bytes';
import { Id, Name, Timestamp } from './common';
import { method } from './define';
import { SessionInfoSchema } from './session';

/*
 * Evaluator packs and score returns: the files that carry an evaluation to an evaluator's own laptop and
 * their declarations, scores and seals back to the moderator's installation.
 */

export const PACK_EXTENSION = '.capack';
export const RETURN_EXTENSION = '.careturn';
export const MIN_PASSPHRASE_CHARS = 12;
/** The largest pack the app makes or opens (a pack is held in memory whole while it is sealed or opened). */
export const MAX_PACK_BYTES = 256 * 1024 * 1024;
export const MAX_RETURN_BYTES = 16 * 1024 * 1024;
/** Files larger than this are sent to the core in chunks of this size (the web host takes at most 40 MB a request). */
export const UPLOAD_CHUNK_BYTES = 8 * 1024 * 1024;

export const UploadId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'not a valid upload id');

/** A file sent inline (small files) or staged beforehand with exchange.stageUpload (large packs). */
const FileSource = (maxInlineBytes: number, what: string) =>
  z.union([z.object({ content: Bytes(maxInlineBytes, what) }).strict(), z.object({ uploadId: UploadId }).strict()]);

/** Shape only; the strength rule (the same as for profile passphrases) is checked in the core. */
const Passphrase = z
  .string()
  .min(MIN_PASSPHRASE_CHARS, `the passphrase must be at least ${MIN_PASSPHRASE_CHARS} characters`)
  .max(1024, 'the passphrase must be at most 1024 characters');

export const AddedCountsSchema = z.object({ declarations: z.number().int(), scoreEntries: z.number().int(), seals: z.number().int() });
export type AddedCounts = z.infer<typeof AddedCountsSchema>;

export const ReturnImportSchema = z.object({
  id: Id,
  fileSha256: z.string(),
  exportedAt: Timestamp,
  importedAt: Timestamp,
  importedBy: z.string(),
  added: AddedCountsSchema,
});
export type ReturnImport = z.infer<typeof ReturnImportSchema>;

export const PackSummarySchema = z.object({
  packId: Id,
  evaluatorId: Id,
  evaluatorName: z.string(),
  createdAt: Timestamp,
  createdBy: z.string(),
  fileSha256: z.string(),
  bytes: z.number().int(),
  /** Bidders whose bids the pack leaves out because the evaluator declared a conflict with them. */
  withheldBidders: z.array(z.string()),
  /** Bidders whose bids the pack leaves out until the evaluator's declarations against them come back clear. */
  awaitingDeclaration: z.array(z.string()),
  documents: z.number().int(),
  revoked: z.object({ at: Timestamp, by: z.string(), reason: z.string() }).nullable(),
  imports: z.array(ReturnImportSchema),
});
export type PackSummary = z.infer<typeof PackSummarySchema>;

export const ImportOutcomeSchema = z.enum(['imported', 'nothing-new', 'already-imported']);
export type ImportOutcome = z.infer<typeof ImportOutcomeSchema>;

export const exchangeMethods = {
  /** Makes one evaluator's encrypted pack (procurement lead or moderator). The passphrase is never stored. */
  'exchange.exportPack': method({
    params: z.object({ evaluationId: Id, evaluatorId: Id, passphrase: Passphrase }).strict(),
    result: z.object({
      packId: Id,
      fileName: z.string(),
      content: FileContent,
      bytes: z.number().int(),
      sha256: z.string(),
      withheldBidders: z.array(z.string()),
      awaitingDeclaration: z.array(z.string()),
      documents: z.number().int(),
      /** The six words naming the key this installation signed the pack with, for the evaluator to compare. */
      fingerprint: z.string(),
    }),
    mutates: true,
  }),
  /** The six words naming the key this installation signs its packs with (procurement lead or moderator). */
  'exchange.signingFingerprint': method({
    params: z.object({ evaluationId: Id }).strict(),
    result: z.object({ fingerprint: z.string() }),
    mutates: false,
  }),
  'exchange.listPacks': method({
    params: z.object({ evaluationId: Id }).strict(),
    result: z.array(PackSummarySchema),
    mutates: false,
  }),
  /** From now on, score returns made from this pack are refused. */
  'exchange.revokePack': method({
    params: z.object({ evaluationId: Id, packId: Id, reason: Name('A reason', 500) }).strict(),
    result: z.array(PackSummarySchema),
    mutates: true,
  }),
  /** One chunk of a large file, in order from offset 0; a chunk at offset 0 starts the upload afresh. Held in memory only. */
  'exchange.stageUpload': method({
    params: z.object({ uploadId: UploadId, offset: z.number().int().min(0), chunk: Bytes(UPLOAD_CHUNK_BYTES, 'a chunk') }).strict(),
    result: z.object({ received: z.number().int() }),
    mutates: false,
  }),
  /**
   * Opens a pack on an evaluator's installation: creates the evaluation there (same ids) in evaluator mode,
   * and the evaluator's profile if it is not here yet. Opening the same pack again changes nothing; a later
   * pack for the same evaluator adds what is new (bids, bidders, decisions).
   */
  'exchange.openPack': method({
    params: z
      .object({
        passphrase: z.string().min(1, 'enter the passphrase').max(1024),
        file: FileSource(32 * 1024 * 1024, 'an evaluator pack'),
        /**
         * Signed out, on an installation where the pack's evaluator has no passphrase yet: the passphrase they
         * choose for their profile here. Signed in, the session must be the pack's evaluator.
         */
        profilePassphrase: z.string().min(1).max(1024).optional(),
      })
      .strict(),
    result: z.object({
      outcome: z.enum(['opened', 'updated', 'already-open']),
      evaluationId: Id,
      evaluationName: z.string(),
      evaluatorId: Id,
      evaluatorName: z.string(),
      bidders: z.number().int(),
      /** Bids not in the pack: the evaluator is recused, or has not yet declared clear against the bidder here. */
      withheldBidders: z.number().int(),
      documents: z.number().int(),
      /** The words naming the key that signed the pack: the evaluator compares them with the procurement lead's. */
      fingerprint: z.string(),
      /** True when this pack's key was pinned for the evaluation now (its first pack here). */
      firstPack: z.boolean(),
      /** The evaluator's new session when opening the pack created their profile here. */
      session: SessionInfoSchema.nullable(),
    }),
    mutates: true,
  }),
  /** Whether this evaluation was opened here from a pack, and whose. */
  'exchange.installedPack': method({
    params: z.object({ evaluationId: Id }).strict(),
    result: z
      .object({
        packId: Id,
        evaluatorId: Id,
        evaluatorName: z.string(),
        issuedBy: z.string(),
        packCreatedAt: Timestamp,
        installedAt: Timestamp,
        /** The words naming the key every pack of this evaluation must be signed with here. */
        fingerprint: z.string().nullable(),
        /** Bidders the evaluator has not declared against yet: their bids come in a later pack, after the return. */
        awaitingDeclaration: z.array(z.string()),
        /** Bidders the evaluator is clear for whose bid has not arrived here yet (the next pack brings it). */
        bidsToCome: z.array(z.string()),
      })
      .nullable(),
    mutates: false,
  }),
  /** The evaluator's declarations, score history and seals, authenticated with the key of the pack they came in. */
  'exchange.exportReturn': method({
    params: z.object({ evaluationId: Id }).strict(),
    result: z.object({ fileName: z.string(), content: FileContent, bytes: z.number().int(), sha256: z.string(), counts: AddedCountsSchema }),
    mutates: false,
    audited: true,
  }),
  /** Verifies a score return and adds what is new in it, all or nothing (procurement lead or moderator). */
  'exchange.importReturn': method({
    params: z.object({ evaluationId: Id, file: FileSource(MAX_RETURN_BYTES, 'a score return') }).strict(),
    result: z.object({
      outcome: ImportOutcomeSchema,
      packId: Id,
      evaluatorId: Id,
      evaluatorName: z.string(),
      fileSha256: z.string(),
      exportedAt: Timestamp,
      added: AddedCountsSchema,
    }),
    mutates: true,
  }),
};
