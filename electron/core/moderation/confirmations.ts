import type { Db } from '../db/open';

export interface Confirmation {
  id: string;
  score: number;
  note: string;
  confirmedAt: string;
  confirmedBy: string;
  /** The evaluators whose sealed scores counted when it was confirmed. */
  countedEvaluators: string[];
}

interface ConfirmationRow {
  id: string;
  bidder_id: string;
  criterion_id: string;
  score: number;
  note: string;
  confirmed_at: string;
  confirmed_by: string;
  counted_evaluators: string;
}

/** The latest confirmation of the agreed score per bidder → criterion. */
export function currentConfirmations(db: Db, evaluationId: string, bidderId?: string): Map<string, Map<string, Confirmation>> {
  const rows = db
    .prepare(
      `SELECT c.id, c.bidder_id, c.criterion_id, c.score, c.note, c.confirmed_at, p.name AS confirmed_by, c.counted_evaluators
       FROM agreed_confirmations c JOIN people p ON p.id = c.confirmed_by
       WHERE c.evaluation_id = ? ${bidderId ? 'AND c.bidder_id = ?' : ''} ORDER BY c.seq`,
    )
    .all(...(bidderId ? [evaluationId, bidderId] : [evaluationId])) as ConfirmationRow[];
  const result = new Map<string, Map<string, Confirmation>>();
  for (const r of rows) {
    const byCriterion = result.get(r.bidder_id) ?? new Map<string, Confirmation>();
    result.set(r.bidder_id, byCriterion);
    byCriterion.set(r.criterion_id, {
      id: r.id,
      score: r.score,
      note: r.note,
      confirmedAt: r.confirmed_at,
      confirmedBy: r.confirmed_by,
      countedEvaluators: JSON.parse(r.counted_evaluators) as string[],
    });
  }
  return result;
}

export function insertConfirmation(
  db: Db,
  c: { id: string; evaluationId: string; bidderId: string; criterionId: string; score: number; countedEvaluators: readonly string[]; note: string; at: string; by: string },
): void {
  db.prepare(
    `INSERT INTO agreed_confirmations (id, evaluation_id, bidder_id, criterion_id, score, counted_evaluators, note, confirmed_at, confirmed_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(c.id, c.evaluationId, c.bidderId, c.criterionId, c.score, JSON.stringify(c.countedEvaluators), c.note, c.at, c.by);
}
