import type { ConsensusVersion, SealedScore } from '../../../shared/api/moderation';
import type { EvidenceRef } from '../../../shared/api/scoring';
import { exclusionKey, exclusions, type Exclusions } from '../counting/exclusions';
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

/** Each sealed evaluator's current entry per criterion: the join every read of sealed scores shares. */
const LATEST_SEALED = `
  FROM seals s
  JOIN score_entries e ON e.bidder_id = s.bidder_id AND e.evaluator_id = s.evaluator_id
   AND e.seq = (SELECT MAX(x.seq) FROM score_entries x
                WHERE x.bidder_id = e.bidder_id AND x.evaluator_id = e.evaluator_id AND x.criterion_id = e.criterion_id)`;

/**
 * Each sealed evaluator's current score per criterion, with rationale and evidence references, for one
 * bidder or the whole evaluation, in evaluator name order; `counted` is false for a score excluded since
 * (see SealedScoreSchema). Unsealed scores never leave here.
 */
export function sealedScores(
  db: Db,
  evaluationId: string,
  bidderId?: string,
  excluded: Exclusions = exclusions(db, evaluationId),
): Map<string, Map<string, SealedScore[]>> {
  const rows = db
    .prepare(
      `SELECT s.bidder_id, s.evaluator_id, p.name AS evaluator_name, s.sealed_at, e.criterion_id, e.score, e.rationale, e.evidence_refs
       ${LATEST_SEALED}
       JOIN people p ON p.id = s.evaluator_id
       WHERE s.evaluation_id = ? ${bidderId ? 'AND s.bidder_id = ?' : ''}
       ORDER BY p.name COLLATE NOCASE`,
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
      evidenceRefs: JSON.parse(r.evidence_refs) as EvidenceRef[],
      sealedAt: r.sealed_at,
      counted: !excluded.has(exclusionKey(r.evaluator_id, r.bidder_id)),
      excludedBecause: excluded.get(exclusionKey(r.evaluator_id, r.bidder_id)) ?? null,
    });
  }
  return byBidder;
}

export interface SealedValues {
  /** Who has sealed, per bidder. */
  sealers: Map<string, Set<string>>;
  /** The sealed score values that count per bidder → criterion (none of an excluded evaluator's), sorted. */
  values: Map<string, Map<string, number[]>>;
}

/**
 * Only the sealed score values of the whole evaluation, grouped in SQLite (one row per bidder × criterion,
 * read from the covering index): what the ranking and the moderation overview need, at a fraction of the
 * cost of an object per sealed score.
 */
export function countedScoreValues(db: Db, evaluationId: string, bidderId?: string, excluded: Exclusions = exclusions(db, evaluationId)): SealedValues {
  const values = new Map<string, Map<string, number[]>>();
  const keys = [...excluded.keys()];
  const notExcluded = keys.length > 0 ? "AND (s.evaluator_id || ' ' || s.bidder_id) NOT IN (SELECT value FROM json_each(?))" : '';
  const params: string[] = [evaluationId];
  if (bidderId) params.push(bidderId);
  if (keys.length > 0) params.push(JSON.stringify(keys));
  const rows = db
    .prepare(
      `SELECT s.bidder_id, e.criterion_id, group_concat(e.score) ${LATEST_SEALED}
       WHERE s.evaluation_id = ? ${bidderId ? 'AND s.bidder_id = ?' : ''} AND e.score IS NOT NULL ${notExcluded} GROUP BY s.bidder_id, e.criterion_id`,
    )
    .raw()
    .all(...params) as [string, string, string][];
  for (const [bidderId, criterionId, scores] of rows) {
    const byCriterion = values.get(bidderId) ?? new Map<string, number[]>();
    // Sorted, so that sums (means, deviations) come out to the same last bit as the board's own.
    values.set(bidderId, byCriterion.set(criterionId, scores.split(',').map(Number).sort((a, b) => a - b)));
  }
  return { sealers: sealersByBidder(db, evaluationId, bidderId), values };
}

/** How many sealed scores the evaluation holds (counted or not). */
export const sealedScoreCount = (db: Db, evaluationId: string): number =>
  (db.prepare(`SELECT COUNT(*) AS n ${LATEST_SEALED} WHERE s.evaluation_id = ? AND e.score IS NOT NULL`).get(evaluationId) as { n: number }).n;

/** The evaluators who have sealed, per bidder (of one bidder, or of the whole evaluation). */
export function sealersByBidder(db: Db, evaluationId: string, bidderId?: string): Map<string, Set<string>> {
  const sealers = new Map<string, Set<string>>();
  const rows = db
    .prepare(`SELECT bidder_id, evaluator_id FROM seals WHERE evaluation_id = ? ${bidderId ? 'AND bidder_id = ?' : ''}`)
    .raw()
    .all(...(bidderId ? [evaluationId, bidderId] : [evaluationId])) as [string, string][];
  for (const [bidder, evaluator] of rows) sealers.set(bidder, (sealers.get(bidder) ?? new Set<string>()).add(evaluator));
  return sealers;
}

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
  counted_evaluators: string | null;
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
  SELECT c.id, c.bidder_id, c.criterion_id, c.score, c.internal_note, c.bidder_explanation, c.reason, c.recorded_at, p.name AS recorded_by,
         c.counted_evaluators
  FROM consensus_versions c JOIN people p ON p.id = c.recorded_by`;

export interface CurrentConsensus {
  current: ConsensusVersion;
  versions: number;
  /** The evaluators whose sealed scores counted when the current version was recorded. */
  countedEvaluators: string[];
}

/** Current consensus and number of versions per bidder → criterion. */
export function currentConsensus(db: Db, evaluationId: string, bidderId?: string): Map<string, Map<string, CurrentConsensus>> {
  const rows = db
    .prepare(`${VERSIONS} WHERE c.evaluation_id = ? ${bidderId ? 'AND c.bidder_id = ?' : ''} ORDER BY c.seq`)
    .all(...(bidderId ? [evaluationId, bidderId] : [evaluationId])) as ConsensusRow[];
  const result = new Map<string, Map<string, CurrentConsensus>>();
  for (const r of rows) {
    const byCriterion = result.get(r.bidder_id) ?? new Map<string, CurrentConsensus>();
    result.set(r.bidder_id, byCriterion);
    const versions = (byCriterion.get(r.criterion_id)?.versions ?? 0) + 1;
    byCriterion.set(r.criterion_id, { current: toVersion(r), versions, countedEvaluators: JSON.parse(r.counted_evaluators ?? '[]') as string[] });
  }
  return result;
}

export const consensusHistory = (db: Db, evaluationId: string, bidderId: string, criterionId: string): ConsensusVersion[] =>
  (
    db.prepare(`${VERSIONS} WHERE c.evaluation_id = ? AND c.bidder_id = ? AND c.criterion_id = ? ORDER BY c.seq DESC`).all(evaluationId, bidderId, criterionId) as ConsensusRow[]
  ).map(toVersion);

export function insertConsensus(
  db: Db,
  v: {
    id: string;
    evaluationId: string;
    bidderId: string;
    criterionId: string;
    score: number;
    internalNote: string;
    bidderExplanation: string;
    reason: string;
    at: string;
    by: string;
    supersedes: string | null;
    countedEvaluators: readonly string[];
  },
): void {
  db.prepare(
    `INSERT INTO consensus_versions (id, evaluation_id, bidder_id, criterion_id, score, internal_note, bidder_explanation, reason, recorded_at, recorded_by, supersedes, counted_evaluators)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(v.id, v.evaluationId, v.bidderId, v.criterionId, v.score, v.internalNote, v.bidderExplanation, v.reason, v.at, v.by, v.supersedes, JSON.stringify(v.countedEvaluators));
}
