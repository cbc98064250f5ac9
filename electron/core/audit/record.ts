import { createHash } from 'node:crypto';
import type { HandlerContext } from '../context';
import { chainHead, entryHash } from './chain';

/** Appends what changed, by whom and when, inside the caller's transaction, linked into the hash chain. */
export function recordAudit(ctx: HandlerContext, method: string, params: unknown, result: unknown): void {
  const evaluationId = pickString(params, 'evaluationId') ?? (NAMED_BY_RESULT.has(method) ? (pickString(result, 'evaluationId') ?? pickString(result, 'id')) : null);
  const head = chainHead(ctx.db);
  const recorded = method in CONFIDENTIAL_UNTIL_SEALED ? CONFIDENTIAL_UNTIL_SEALED[method]!(params) : params;
  const entry = { seq: nextSeq(ctx), at: ctx.now(), actor_id: ctx.actor?.id ?? null, method, evaluation_id: evaluationId, detail: JSON.stringify(recorded, forTheRecord) };
  ctx.db
    .prepare('INSERT INTO audit_log (seq, at, actor_id, method, evaluation_id, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(entry.seq, entry.at, entry.actor_id, entry.method, entry.evaluation_id, entry.detail, head.hash, entryHash(head.hash, entry));
}

/** Calls that bring an evaluation into being here: only their result names it. */
const NAMED_BY_RESULT = new Set(['evaluations.create', 'demo.create', 'exchange.openPack']);

/**
 * An evaluator's unsealed score and rationale must not reach anyone else, and the audit trail is read by the
 * procurement lead: record what was saved by its SHA-256 (the row itself holds the content, and the hash
 * proves it), never the content.
 */
const CONFIDENTIAL_UNTIL_SEALED: Record<string, (params: unknown) => unknown> = {
  'scoring.save': (params) => {
    const { evaluationId, bidderId, criterionId, ...content } = params as Record<string, unknown>;
    return { evaluationId, bidderId, criterionId, contentSha256: createHash('sha256').update(JSON.stringify(content)).digest('hex') };
  },
};

/** AUTOINCREMENT's counter, so a deleted last entry is never silently reused. */
const nextSeq = (ctx: HandlerContext): number =>
  ((ctx.db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'").get() as { seq: number } | undefined)?.seq ?? 0) + 1;

/** Secrets never enter the record; bulky content is named by its hash. */
function forTheRecord(key: string, value: unknown): unknown {
  if (/passphrase/i.test(key) && typeof value === 'string') return '[not recorded]';
  return withoutDocumentContent(key, value);
}

/**
 * Document content is stored once, content-addressed, in blobs; the audit trail names it by its SHA-256
 * instead of repeating up to 25 MB of base64 in every entry.
 */
function withoutDocumentContent(key: string, value: unknown): unknown {
  if (typeof value !== 'string') return value;
  if (key === 'contentBase64') return { sha256: createHash('sha256').update(Buffer.from(value, 'base64')).digest('hex') };
  if (key === 'csv') return { sha256: createHash('sha256').update(value).digest('hex') };
  return value;
}

function pickString(value: unknown, key: string): string | null {
  if (value && typeof value === 'object' && key in value) {
    const v = (value as Record<string, unknown>)[key];
    if (typeof v === 'string') return v;
  }
  return null;
}
