import type { AddendumNotice } from '../../../shared/api/scoring';
import type { Db } from '../db/open';
import { addendaOf } from '../submissions/addenda-repo';
import { NOT_WITHHELD, sealedAt } from './repo';

/*
 * "Changed since you sealed": the addenda to a bid made after one evaluator sealed it — or, unsealed, after
 * they started scoring it — with what they have done about each (reviewed with no change, criteria revised).
 * Scoped to one evaluator, like everything in scoring.
 */

export interface AddendumNotices {
  since: 'sealed' | 'started' | null;
  sinceAt: string | null;
  addenda: AddendumNotice[];
}

/** When the evaluator first saved a score for the bidder (that they can still see), if they have. */
const startedAt = (db: Db, evaluatorId: string, bidderId: string): string | null =>
  (db.prepare(`SELECT MIN(s.saved_at) AS at FROM score_entries s WHERE s.evaluator_id = ? AND s.bidder_id = ? AND ${NOT_WITHHELD}`).get(evaluatorId, bidderId) as {
    at: string | null;
  }).at;

export function addendumNotices(db: Db, evaluatorId: string, bidderId: string): AddendumNotices {
  const sealed = sealedAt(db, evaluatorId, bidderId);
  const sinceAt = sealed ?? startedAt(db, evaluatorId, bidderId);
  if (sinceAt === null) return { since: null, sinceAt: null, addenda: [] };
  const reviewed = new Map(
    (
      db
        .prepare('SELECT r.addendum_id AS id, r.reviewed_at AS at FROM addendum_reviews r JOIN bid_addenda a ON a.id = r.addendum_id WHERE r.evaluator_id = ? AND a.bidder_id = ?')
        .all(evaluatorId, bidderId) as { id: string; at: string }[]
    ).map((r) => [r.id, r.at]),
  );
  const revised = db.prepare(
    'SELECT DISTINCT criterion_id AS criterionId FROM score_entries WHERE evaluator_id = ? AND bidder_id = ? AND addendum_id = ? ORDER BY criterion_id',
  );
  const addenda = addendaOf(db, bidderId)
    .filter((a) => a.madeAt > sinceAt)
    .map((a) => ({
      ...a,
      reviewedAt: reviewed.get(a.id) ?? null,
      revisedCriteria: (revised.all(evaluatorId, bidderId, a.id) as { criterionId: string }[]).map((r) => r.criterionId),
    }));
  return { since: sealed ? 'sealed' : 'started', sinceAt, addenda };
}

export function insertReview(db: Db, r: { addendumId: string; evaluatorId: string; at: string }): void {
  db.prepare('INSERT INTO addendum_reviews (addendum_id, evaluator_id, reviewed_at) VALUES (?, ?, ?)').run(r.addendumId, r.evaluatorId, r.at);
}
