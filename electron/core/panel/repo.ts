import type { PanelRole } from '../../../shared/api/evaluations';
import type { Db } from '../db/open';

export function addMembership(db: Db, m: { id: string; evaluationId: string; personId: string; role: PanelRole; at: string; by: string }): void {
  db.prepare(
    'INSERT INTO panel_memberships (id, evaluation_id, person_id, role, added_at, added_by) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(m.id, m.evaluationId, m.personId, m.role, m.at, m.by);
}

/** Ends a membership; the row stays, so the panel's history is kept. */
export function endMembership(db: Db, e: { evaluationId: string; personId: string; at: string; by: string; reason: string }): void {
  db.prepare(
    `UPDATE panel_memberships SET ended_at = ?, ended_by = ?, end_reason = ?
     WHERE evaluation_id = ? AND person_id = ? AND ended_at IS NULL`,
  ).run(e.at, e.by, e.reason, e.evaluationId, e.personId);
}

export const countActiveLeads = (db: Db, evaluationId: string): number =>
  (
    db
      .prepare(`SELECT COUNT(*) AS n FROM panel_memberships WHERE evaluation_id = ? AND role = 'lead' AND ended_at IS NULL`)
      .get(evaluationId) as { n: number }
  ).n;

export const sealedBidderCount = (db: Db, evaluationId: string, evaluatorId: string): number =>
  (db.prepare('SELECT COUNT(*) AS n FROM seals WHERE evaluation_id = ? AND evaluator_id = ?').get(evaluationId, evaluatorId) as { n: number }).n;

/** The procurement lead's decision, on removing an evaluator who had sealed, whether those sealed scores count. */
export function recordScoreDecision(db: Db, d: { evaluationId: string; evaluatorId: string; count: boolean; reason: string; at: string; by: string }): void {
  db.prepare('INSERT INTO panel_score_decisions (evaluation_id, evaluator_id, scores_count, reason, decided_at, decided_by) VALUES (?, ?, ?, ?, ?, ?)').run(
    d.evaluationId,
    d.evaluatorId,
    d.count ? 1 : 0,
    d.reason,
    d.at,
    d.by,
  );
}
