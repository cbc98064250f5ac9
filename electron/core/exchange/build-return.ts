import type { AddedCounts } from '../../../shared/api/exchange';
import type { Db } from '../db/open';
import { RETURN_FORMAT, type ReturnPayload } from './return-payload';

/*
 * Reads everything one evaluator wrote here about one evaluation: every declaration, every saved score
 * (the whole history, oldest first, as the seal and the moderator's record need it) and every seal.
 * Scoped to that one person; the evaluation's own set-up and bids do not travel back.
 */

interface EntryRow {
  bidderId: string;
  criterionId: string;
  score: number | null;
  rationale: string;
  evidenceRefs: string;
  indicatorMarks: string;
  savedAt: string;
}

export function buildReturn(
  db: Db,
  r: { evaluationId: string; evaluatorId: string; packId: string; at: string },
): { payload: ReturnPayload; counts: AddedCounts } {
  const declarations = db
    .prepare(
      `SELECT id, bidder_id AS bidderId, member_id AS memberId, kind, description, declared_at AS declaredAt, supersedes
       FROM declarations WHERE evaluation_id = ? AND person_id = ? ORDER BY seq`,
    )
    .all(r.evaluationId, r.evaluatorId) as ReturnPayload['declarations'];
  const entries = db
    .prepare(
      `SELECT bidder_id AS bidderId, criterion_id AS criterionId, score, rationale, evidence_refs AS evidenceRefs,
              indicator_marks AS indicatorMarks, saved_at AS savedAt
       FROM score_entries WHERE evaluation_id = ? AND evaluator_id = ? ORDER BY seq`,
    )
    .all(r.evaluationId, r.evaluatorId) as EntryRow[];
  const seals = db
    .prepare('SELECT bidder_id AS bidderId, sealed_at AS sealedAt FROM seals WHERE evaluation_id = ? AND evaluator_id = ? ORDER BY sealed_at')
    .all(r.evaluationId, r.evaluatorId) as ReturnPayload['seals'];
  const scoreEntries = entries.map((e) => ({
    ...e,
    evidenceRefs: JSON.parse(e.evidenceRefs) as ReturnPayload['scoreEntries'][number]['evidenceRefs'],
    indicatorMarks: JSON.parse(e.indicatorMarks) as ReturnPayload['scoreEntries'][number]['indicatorMarks'],
  }));
  const payload: ReturnPayload = {
    format: RETURN_FORMAT,
    version: 1,
    packId: r.packId,
    evaluationId: r.evaluationId,
    evaluatorId: r.evaluatorId,
    exportedAt: r.at,
    declarations,
    scoreEntries,
    seals,
  };
  return { payload, counts: { declarations: declarations.length, scoreEntries: scoreEntries.length, seals: seals.length } };
}
