import type { HandlerContext } from '../context';

/** Appends what changed, by whom and when, inside the caller's transaction. */
export function recordAudit(ctx: HandlerContext, method: string, params: unknown, result: unknown): void {
  const evaluationId =
    pickString(params, 'evaluationId') ?? (method === 'evaluations.create' || method === 'demo.create' ? pickString(result, 'evaluationId') ?? pickString(result, 'id') : null);
  ctx.db
    .prepare('INSERT INTO audit_log (at, actor_id, method, evaluation_id, detail) VALUES (?, ?, ?, ?, ?)')
    .run(ctx.now(), ctx.actor?.id ?? null, method, evaluationId, JSON.stringify(params));
}

function pickString(value: unknown, key: string): string | null {
  if (value && typeof value === 'object' && key in value) {
    const v = (value as Record<string, unknown>)[key];
    if (typeof v === 'string') return v;
  }
  return null;
}
