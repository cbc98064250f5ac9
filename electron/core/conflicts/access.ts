import { ApiError } from '../../../shared/api/errors';
import { bidderAccess, isUnpermittedConflict, type BidderAccess, type CurrentDeclaration } from '../../../shared/domain/conflicts';
import { activeRole } from '../authorisation';
import type { HandlerContext } from '../context';
import type { Db } from '../db/open';

export const activeMemberIds = (db: Db, bidderId: string): string[] =>
  (db.prepare('SELECT id FROM consortium_members WHERE bidder_id = ? AND removed_at IS NULL').all(bidderId) as { id: string }[]).map((r) => r.id);

/** A declaration `d` that is the latest for its subject, with the latest mitigation decision on it. */
const CURRENT_DECLARATIONS = `
  SELECT d.person_id AS personId, d.bidder_id AS bidderId, d.member_id AS memberId, d.kind,
         (SELECT m.decision FROM mitigations m WHERE m.declaration_id = d.id ORDER BY m.seq DESC LIMIT 1) AS decision
  FROM declarations d
  WHERE d.seq = (SELECT MAX(seq) FROM declarations x
                 WHERE x.evaluation_id = d.evaluation_id AND x.person_id = d.person_id AND x.bidder_id = d.bidder_id
                   AND x.member_id IS d.member_id)`;

/** The latest declaration per subject (the bidder itself, or one member), with its latest mitigation decision. */
export function currentDeclarations(db: Db, evaluationId: string, personId: string, bidderId: string): CurrentDeclaration[] {
  return db
    .prepare(`${CURRENT_DECLARATIONS} AND d.evaluation_id = ? AND d.person_id = ? AND d.bidder_id = ?`)
    .all(evaluationId, personId, bidderId) as CurrentDeclaration[];
}

/**
 * Everyone recused from a bidder by a conflict, for the whole evaluation in one read, as "personId bidderId"
 * keys: the same rule as accessTo (only declarations of a conflict can recuse, so only those are read).
 */
export function recusals(db: Db, evaluationId: string): Set<string> {
  const rows = db.prepare(`${CURRENT_DECLARATIONS} AND d.evaluation_id = ? AND d.kind <> 'none'`).all(evaluationId) as (CurrentDeclaration & {
    personId: string;
    bidderId: string;
  })[];
  return new Set(rows.filter(isUnpermittedConflict).map((r) => recusalKey(r.personId, r.bidderId)));
}

export const recusalKey = (personId: string, bidderId: string): string => `${personId} ${bidderId}`;

export function accessTo(db: Db, evaluationId: string, personId: string, bidderId: string): BidderAccess {
  return bidderAccess(activeMemberIds(db, bidderId), currentDeclarations(db, evaluationId, personId, bidderId));
}

export function assertBidderInEvaluation(db: Db, evaluationId: string, bidderId: string): void {
  if (!db.prepare('SELECT 1 FROM bidders WHERE id = ? AND evaluation_id = ?').get(bidderId, evaluationId)) {
    throw new ApiError('NOT_FOUND', 'There is no such bidder in this evaluation.');
  }
}

/**
 * The recusal rule, enforced in the core for every method that returns or changes anything of a bidder's:
 * evaluators and moderators must have declared against the bidder and each consortium member, and be
 * free of any conflict (or permitted by a recorded mitigation decision). The procurement lead, who
 * manages the bids, is not asked to declare.
 */
export function assertMaySeeBidder(ctx: HandlerContext, evaluationId: string, bidderId: string): void {
  assertBidderInEvaluation(ctx.db, evaluationId, bidderId);
  const role = activeRole(ctx, evaluationId, ctx.actor!.id);
  if (role === 'lead') return;
  const access = accessTo(ctx.db, evaluationId, ctx.actor!.id, bidderId);
  if (access === 'recused') {
    throw new ApiError('FORBIDDEN', 'You have declared a conflict of interest with this bidder, so you are recused from it.');
  }
  if (access === 'undeclared') {
    throw new ApiError('FORBIDDEN', 'Declare any conflicts of interest with this bidder and each of its consortium members before seeing its bid.');
  }
}
