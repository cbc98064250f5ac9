import type { EvidenceRef, ScoreEntry } from '../../../shared/api/scoring';
import type { IndicatorMark } from '../../../shared/domain/scoring';
import type { Db } from '../db/open';

/*
 * Individual scores are append-only: every save is a new score_entries row, and the latest row per
 * evaluator × bidder × criterion is the current one. Every query here is scoped to ONE evaluator —
 * nothing in this file can return another person's scores.
 */

interface EntryRow {
  criterion_id: string;
  score: number | null;
  rationale: string;
  evidence_refs: string;
  indicator_marks: string;
  provenance: ScoreEntry['provenance'];
  saved_at: string;
  addendum_id: string | null;
  revision_reason: string | null;
}

const toEntry = (r: EntryRow): ScoreEntry => ({
  criterionId: r.criterion_id,
  score: r.score,
  rationale: r.rationale,
  evidenceRefs: JSON.parse(r.evidence_refs) as EvidenceRef[],
  indicatorMarks: JSON.parse(r.indicator_marks) as Record<string, IndicatorMark>,
  provenance: r.provenance,
  savedAt: r.saved_at,
  revision: r.addendum_id !== null ? { addendumId: r.addendum_id, reason: r.revision_reason ?? '' } : null,
});

const COLUMNS = 'criterion_id, score, rationale, evidence_refs, indicator_marks, provenance, saved_at, addendum_id, revision_reason';

/**
 * A passphrase reset withholds the evaluator's unsealed drafts saved before it, from everyone and the
 * evaluator too: whoever signs in with the reset passphrase sees none of them. An entry (alias `s`) is
 * visible unless some reset covered it while its bidder was still unsealed; scores sealed before a reset stand.
 */
export const NOT_WITHHELD = `NOT EXISTS (SELECT 1 FROM passphrase_resets r
  WHERE r.person_id = s.evaluator_id AND r.withheld_up_to >= s.seq
    AND NOT EXISTS (SELECT 1 FROM seals z WHERE z.evaluator_id = s.evaluator_id AND z.bidder_id = s.bidder_id AND z.sealed_at <= r.reset_at))`;

/** The evaluator's current entry per criterion for one bidder. */
export function currentEntries(db: Db, evaluatorId: string, bidderId: string): ScoreEntry[] {
  const rows = db
    .prepare(
      `SELECT ${COLUMNS} FROM score_entries s
       WHERE s.evaluator_id = ? AND s.bidder_id = ?
         AND s.seq = (SELECT MAX(x.seq) FROM score_entries x
                      WHERE x.evaluator_id = s.evaluator_id AND x.bidder_id = s.bidder_id AND x.criterion_id = s.criterion_id)
         AND ${NOT_WITHHELD}
       ORDER BY s.criterion_id`,
    )
    .all(evaluatorId, bidderId) as EntryRow[];
  return rows.map(toEntry);
}

/** Every save the evaluator made for one criterion of one bidder, oldest first. */
export function entryHistory(db: Db, evaluatorId: string, bidderId: string, criterionId: string): ScoreEntry[] {
  const rows = db
    .prepare(`SELECT ${COLUMNS} FROM score_entries s WHERE s.evaluator_id = ? AND s.bidder_id = ? AND s.criterion_id = ? AND ${NOT_WITHHELD} ORDER BY s.seq`)
    .all(evaluatorId, bidderId, criterionId) as EntryRow[];
  return rows.map(toEntry);
}

export interface NewEntry {
  evaluationId: string;
  bidderId: string;
  evaluatorId: string;
  /** Only a revision of a sealed score in light of an addendum has a `revision`. */
  entry: ScoreEntry;
}

export function insertEntry(db: Db, { evaluationId, bidderId, evaluatorId, entry }: NewEntry): void {
  db.prepare(
    `INSERT INTO score_entries (evaluation_id, bidder_id, evaluator_id, criterion_id, score, rationale, evidence_refs, indicator_marks, provenance, saved_at,
                                addendum_id, revision_reason)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    evaluationId,
    bidderId,
    evaluatorId,
    entry.criterionId,
    entry.score,
    entry.rationale,
    JSON.stringify(entry.evidenceRefs),
    JSON.stringify(entry.indicatorMarks),
    entry.provenance,
    entry.savedAt,
    entry.revision?.addendumId ?? null,
    entry.revision?.reason ?? null,
  );
}

export const sealedAt = (db: Db, evaluatorId: string, bidderId: string): string | null =>
  (db.prepare('SELECT sealed_at FROM seals WHERE evaluator_id = ? AND bidder_id = ?').get(evaluatorId, bidderId) as { sealed_at: string } | undefined)
    ?.sealed_at ?? null;

export function insertSeal(db: Db, s: { evaluationId: string; bidderId: string; evaluatorId: string; at: string }): void {
  db.prepare('INSERT INTO seals (evaluation_id, bidder_id, evaluator_id, sealed_at) VALUES (?, ?, ?, ?)').run(
    s.evaluationId,
    s.bidderId,
    s.evaluatorId,
    s.at,
  );
}

export const documentIdsOf = (db: Db, bidderId: string): Set<string> =>
  new Set((db.prepare('SELECT id FROM documents WHERE bidder_id = ?').all(bidderId) as { id: string }[]).map((r) => r.id));

/** Key for the per evaluator × bidder maps below. */
export const progressKey = (evaluatorId: string, bidderId: string) => `${evaluatorId}|${bidderId}`;

/** How many criteria each evaluator has a current score for, per bidder — counts only, never the scores. */
export function scoredCounts(db: Db, evaluationId: string): Map<string, number> {
  const rows = db
    .prepare(
      `SELECT s.evaluator_id AS evaluatorId, s.bidder_id AS bidderId, COUNT(*) AS scored FROM score_entries s
       WHERE s.evaluation_id = ? AND s.score IS NOT NULL
         AND s.seq = (SELECT MAX(x.seq) FROM score_entries x
                      WHERE x.evaluator_id = s.evaluator_id AND x.bidder_id = s.bidder_id AND x.criterion_id = s.criterion_id)
         AND ${NOT_WITHHELD}
       GROUP BY s.evaluator_id, s.bidder_id`,
    )
    .all(evaluationId) as { evaluatorId: string; bidderId: string; scored: number }[];
  return new Map(rows.map((r) => [progressKey(r.evaluatorId, r.bidderId), r.scored]));
}

export function sealTimes(db: Db, evaluationId: string): Map<string, string> {
  const rows = db
    .prepare('SELECT evaluator_id AS evaluatorId, bidder_id AS bidderId, sealed_at AS at FROM seals WHERE evaluation_id = ?')
    .all(evaluationId) as {
    evaluatorId: string;
    bidderId: string;
    at: string;
  }[];
  return new Map(rows.map((r) => [progressKey(r.evaluatorId, r.bidderId), r.at]));
}
