import type { BidderProgress } from '../../../shared/api/scoring';
import { listCriteria } from '../../../shared/domain/framework';
import { accessTo } from '../conflicts/access';
import type { Db } from '../db/open';
import { activePanel, biddersOf, frozenFramework } from '../evaluations/repo';
import { progressKey, scoredCounts, sealTimes } from './repo';

/*
 * Progress is counts and seal times only. It is built from COUNT(*) and seal rows, so no score,
 * rationale, evidence reference or indicator mark can ever reach it.
 */

function progressFor(db: Db, evaluationId: string, personIds: string[]): Map<string, BidderProgress[]> {
  const criteria = listCriteria(frozenFramework(db, evaluationId)).length;
  const bidders = biddersOf(db, evaluationId);
  const scored = scoredCounts(db, evaluationId);
  const seals = sealTimes(db, evaluationId);
  return new Map(
    personIds.map((personId) => [
      personId,
      bidders.map((b) => ({
        bidderId: b.id,
        bidderName: b.name,
        access: accessTo(db, evaluationId, personId, b.id),
        scored: scored.get(progressKey(personId, b.id)) ?? 0,
        criteria,
        sealedAt: seals.get(progressKey(personId, b.id)) ?? null,
      })),
    ]),
  );
}

/** One evaluator's own progress on every bidder, including those they must still declare against or are recused from. */
export const myProgress = (db: Db, evaluationId: string, personId: string): BidderProgress[] =>
  progressFor(db, evaluationId, [personId]).get(personId) ?? [];

/** Who on the panel has declared, scored and sealed what: every moderator and evaluator × every bidder. */
export function panelProgress(db: Db, evaluationId: string) {
  const members = activePanel(db, evaluationId).filter(
    (m): m is typeof m & { role: 'moderator' | 'evaluator' } => m.role === 'moderator' || m.role === 'evaluator',
  );
  const byPerson = progressFor(
    db,
    evaluationId,
    members.map((m) => m.personId),
  );
  return members.map((m) => ({ personId: m.personId, name: m.name, role: m.role, bidders: byPerson.get(m.personId) ?? [] }));
}
