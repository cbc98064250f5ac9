import type { ConsensusVersion, SealedScore } from '../../../shared/api/moderation';
import type { EvidenceRef } from '../../../shared/api/scoring';
import type { Db } from '../db/open';

interface SealedRow {
  bidder_id: string;
  evaluator_id: string;
  evaluator_name: string;
  sealed_at: string;
  criterion_id: string;
  score: number | null;
  rationale: string;
  evidence_refs: string;
}

/**
 * Each sealed evaluator's current score per criterion, for one bidder or the whole evaluation. Unsealed
 * scores never leave here. Without `withText` the rationales and evidence references are left out (the
 * ranking needs only the scores, and reading 20 MB of rationales was most of its time).
 */
export function sealedScores(db: Db, evaluationId: string, bidderId?: string, withText = true): Map<string, Map<string, SealedScore[]>> {
  const text = withText ? 'e.rationale, e.evidence_refs' : "'' AS rationale, '[]' AS evidence_refs";
  const rows = db
    .prepare(
      `SELECT s.bidder_id, s.evaluator_id, p.name AS evaluator_name, s.sealed_at, e.criterion_id, e.score, ${text}
       FROM seals s
       JOIN people p ON p.id = s.evaluator_id
       JOIN score_entries e ON e.bidder_id = s.bidder_id AND e.evaluator_id = s.evaluator_id
        AND e.seq = (SELECT MAX(x.seq) FROM score_entries x
                     WHERE x.bidder_id = e.bidder_id AND x.evaluator_id = e.evaluator_id AND x.criterion_id = e.criterion_id)
       WHERE s.evaluation_id = ? ${bidderId ? 'AND s.bidder_id = ?' : ''}
       ${withText ? 'ORDER BY p.name COLLATE NOCASE' : ''}`,
    )
    .all(...(bidderId ? [evaluationId, bidderId] : [evaluationId])) as SealedRow[];
  const byBidder = new Map<string, Map<string, SealedScore[]>>();
  for (const r of rows) {
    if (r.score === null) continue;
    const byCriterion = byBidder.get(r.bidder_id) ?? new Map<string, SealedScore[]>();
    byBidder.set(r.bidder_id, byCriterion);
    const list = byCriterion.get(r.criterion_id) ?? [];
    byCriterion.set(r.criterion_id, list);
    list.push({
      evaluatorId: r.evaluator_id,
      evaluatorName: r.evaluator_name,
      score: r.score,
      rationale: r.rationale,
      evidenceRefs: withText ? (JSON.parse(r.evidence_refs) as EvidenceRef[]) : [],
      sealedAt: r.sealed_at,
    });
  }
  return byBidder;
}

export const sealedEvaluatorIds = (db: Db, bidderId: string): Set<string> =>
  new Set((db.prepare('SELECT evaluator_id FROM seals WHERE bidder_id = ?').all(bidderId) as { evaluator_id: string }[]).map((r) => r.evaluator_id));

interface ConsensusRow {
  id: string;
  bidder_id: string;
  criterion_id: string;
  score: number;
  internal_note: string;
  bidder_explanation: string;
  reason: string;
  recorded_at: string;
  recorded_by: string;
}

const toVersion = (r: ConsensusRow): ConsensusVersion => ({
  id: r.id,
  score: r.score,
  internalNote: r.internal_note,
  bidderExplanation: r.bidder_explanation,
  reason: r.reason,
  recordedAt: r.recorded_at,
  recordedBy: r.recorded_by,
});

const VERSIONS = `
  SELECT c.id, c.bidder_id, c.criterion_id, c.score, c.internal_note, c.bidder_explanation, c.reason, c.recorded_at, p.name AS recorded_by
  FROM consensus_versions c JOIN people p ON p.id = c.recorded_by`;

/** Current consensus and number of versions per bidder → criterion. */
export function currentConsensus(db: Db, evaluationId: string, bidderId?: string): Map<string, Map<string, { current: ConsensusVersion; versions: number }>> {
  const rows = db
    .prepare(`${VERSIONS} WHERE c.evaluation_id = ? ${bidderId ? 'AND c.bidder_id = ?' : ''} ORDER BY c.seq`)
    .all(...(bidderId ? [evaluationId, bidderId] : [evaluationId])) as ConsensusRow[];
  const result = new Map<string, Map<string, { current: ConsensusVersion; versions: number }>>();
  for (const r of rows) {
    const byCriterion = result.get(r.bidder_id) ?? new Map<string, { current: ConsensusVersion; versions: number }>();
    result.set(r.bidder_id, byCriterion);
    const versions = (byCriterion.get(r.criterion_id)?.versions ?? 0) + 1;
    byCriterion.set(r.criterion_id, { current: toVersion(r), versions });
  }
  return result;
}

export const consensusHistory = (db: Db, evaluationId: string, bidderId: string, criterionId: string): ConsensusVersion[] =>
  (
    db.prepare(`${VERSIONS} WHERE c.evaluation_id = ? AND c.bidder_id = ? AND c.criterion_id = ? ORDER BY c.seq DESC`).all(evaluationId, bidderId, criterionId) as ConsensusRow[]
  ).map(toVersion);

export function insertConsensus(
  db: Db,
  v: { id: string; evaluationId: string; bidderId: string; criterionId: string; score: number; internalNote: string; bidderExplanation: string; reason: string; at: string; by: string; supersedes: string | null },
): void {
  db.prepare(
    `INSERT INTO consensus_versions (id, evaluation_id, bidder_id, criterion_id, score, internal_note, bidder_explanation, reason, recorded_at, recorded_by, supersedes)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(v.id, v.evaluationId, v.bidderId, v.criterionId, v.score, v.internalNote, v.bidderExplanation, v.reason, v.at, v.by, v.supersedes);
}
