import { ApiError } from '../../shared/api/errors';
import type { PanelRole } from '../../shared/api/evaluations';
import type { HandlerContext } from './context';
import { administratorId } from './identity/repo';

/**
 * Who may call a method. Checked by the registry before any handler runs, so a host (or a UI that
 * hides a button) can never be the only guard.
 */
export type AuthRule =
  | { kind: 'anyone' }
  | { kind: 'signed-in' }
  /** The actor must hold one of these roles on the panel of params.evaluationId. */
  | { kind: 'panel'; roles: readonly PanelRole[] }
  /** The installation administrator (restores, passphrase resets, idle time). */
  | { kind: 'administrator' };

export const anyone: AuthRule = { kind: 'anyone' };
export const signedIn: AuthRule = { kind: 'signed-in' };
export const panel = (...roles: PanelRole[]): AuthRule => ({ kind: 'panel', roles });
export const anyPanelRole = panel('lead', 'moderator', 'evaluator');
export const leadOnly = panel('lead');
export const administratorOnly: AuthRule = { kind: 'administrator' };

export function activeRole(ctx: HandlerContext, evaluationId: string, personId: string): PanelRole | null {
  const row = ctx.db
    .prepare(`SELECT role FROM panel_memberships WHERE evaluation_id = ? AND person_id = ? AND ended_at IS NULL`)
    .get(evaluationId, personId) as { role: PanelRole } | undefined;
  return row?.role ?? null;
}

export function authorise(rule: AuthRule, ctx: HandlerContext, params: unknown): void {
  if (rule.kind === 'anyone') return;
  if (!ctx.actor) throw new ApiError('UNAUTHENTICATED', 'Sign in before doing this.');
  if (rule.kind === 'signed-in') return;
  if (rule.kind === 'administrator') {
    if (administratorId(ctx.db) !== ctx.actor.id) throw new ApiError('FORBIDDEN', 'Only the installation administrator can do this.');
    return;
  }
  const evaluationId = (params as { evaluationId?: unknown }).evaluationId;
  if (typeof evaluationId !== 'string') throw new ApiError('INTERNAL', 'panel rule on a method without an evaluationId');
  const exists = ctx.db.prepare('SELECT 1 FROM evaluations WHERE id = ?').get(evaluationId);
  if (!exists) throw new ApiError('NOT_FOUND', 'There is no such evaluation.');
  const role = activeRole(ctx, evaluationId, ctx.actor.id);
  if (!role) throw new ApiError('FORBIDDEN', 'You are not on the panel of this evaluation.');
  if (!rule.roles.includes(role)) {
    throw new ApiError('FORBIDDEN', `Only the ${rule.roles.map(roleWord).join(' or ')} can do this; you are ${article(roleWord(role))}.`);
  }
}

const roleWord = (r: PanelRole) => (r === 'lead' ? 'procurement lead' : r);
const article = (w: string) => (/^[aeiou]/.test(w) ? `an ${w}` : `a ${w}`);
