import { createHash } from 'node:crypto';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { HandlerContext } from '../context';
import type { Db } from '../db/open';
import { installationSecret } from '../secrets/installation-secrets';
import { canonicalJson } from '../../../shared/domain/canonical-json';
import { appendAuditEntry } from './chain';

/** Appends what changed, by whom and when, inside the caller's transaction, linked into the hash chain. */
export function recordAudit(ctx: HandlerContext, method: string, params: unknown, result: unknown): void {
  const evaluationId = pickString(params, 'evaluationId') ?? (NAMED_BY_RESULT.has(method) ? (pickString(result, 'evaluationId') ?? pickString(result, 'id')) : null);
  const seq = nextSeq(ctx);
  const recorded = method in CONFIDENTIAL_UNTIL_SEALED ? CONFIDENTIAL_UNTIL_SEALED[method]!(params, ctx.db, seq) : params;
  appendAuditEntry(ctx.db, { seq, at: ctx.now(), actor_id: ctx.actor?.id ?? null, method, evaluation_id: evaluationId, detail: JSON.stringify(recorded, forTheRecord) });
}

/** Calls that bring an evaluation into being here: only their result names it. */
const NAMED_BY_RESULT = new Set(['evaluations.create', 'demo.create', 'exchange.openPack']);

/**
 * An evaluator's unsealed score and rationale must not reach anyone else, and the audit trail is read by the
 * procurement lead: record what was saved by a MAC of it (the row itself holds the content), never the content.
 * A plain hash would not do: six scale points and a guessed rationale could be tried against it.
 */
const CONFIDENTIAL_UNTIL_SEALED: Record<string, (params: unknown, db: Db, seq: number) => unknown> = {
  'scoring.save': (params, db, seq) => {
    const { evaluationId, bidderId, criterionId, ...content } = params as Record<string, unknown>;
    return { evaluationId, bidderId, criterionId, contentMac: { scheme: CONTENT_MAC_SCHEME, mac: contentMac(auditEntryKey(installationSecret(db, 'audit-mac-key'), seq), canonicalJson(content)) } };
  },
};

/*
 * contentMac, scheme 'hmac-sha256/entry-key-v1':
 *   entryKey = HMAC-SHA256(installation secret 'audit-mac-key', UTF-8 "audit-entry:" + seq)
 *   mac      = HMAC-SHA256(entryKey, UTF-8 canonical JSON of {score, rationale, evidenceRefs, indicatorMarks})
 * A key per entry lets the evidence pack prove one sealed save (by showing its entryKey) without showing the
 * installation secret or letting anyone test guesses against any other entry. Entries recorded before this
 * scheme carry `contentSha256` (unsalted SHA-256 of the content's JSON) and stay as they are: the chain covers them.
 */
export const CONTENT_MAC_SCHEME = 'hmac-sha256/entry-key-v1';

/** The key of audit entry `seq` alone, from the installation's 'audit-mac-key'. */
export const auditEntryKey = (auditMacKey: Uint8Array, seq: number): Uint8Array => hmac(sha256, auditMacKey, utf8ToBytes(`audit-entry:${seq}`));

/** Hex HMAC-SHA256 of the canonical content under an entry key. */
export const contentMac = (entryKey: Uint8Array, canonical: string): string => bytesToHex(hmac(sha256, entryKey, utf8ToBytes(canonical)));


/** AUTOINCREMENT's counter, so a deleted last entry is never silently reused. */
const nextSeq = (ctx: HandlerContext): number =>
  ((ctx.db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'").get() as { seq: number } | undefined)?.seq ?? 0) + 1;

/**
 * Secrets never enter the record; bulky content is named by its hash. A replacer sees a Buffer only after its
 * toJSON, so file bytes are recognised on the holder (`this`), whatever their key.
 */
function forTheRecord(this: unknown, key: string, value: unknown): unknown {
  if (/passphrase/i.test(key) && typeof value === 'string') return '[not recorded]';
  const original = (this as Record<string, unknown>)[key];
  if (ArrayBuffer.isView(original)) return fileNamedByHash(original);
  if (key === 'csv' && typeof value === 'string') return { sha256: createHash('sha256').update(value).digest('hex') };
  return value;
}

/**
 * File content (documents, score sheets, packs, returns, exports) never enters the audit trail: documents are
 * stored once, content-addressed, in blobs, and every file is named by its SHA-256 and size instead.
 */
function fileNamedByHash(view: ArrayBufferView): { sha256: string; bytes: number } {
  const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
  return { sha256: createHash('sha256').update(bytes).digest('hex'), bytes: view.byteLength };
}

function pickString(value: unknown, key: string): string | null {
  if (value && typeof value === 'object' && key in value) {
    const v = (value as Record<string, unknown>)[key];
    if (typeof v === 'string') return v;
  }
  return null;
}
