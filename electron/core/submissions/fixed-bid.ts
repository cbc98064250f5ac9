import { ApiError } from '../../../shared/api/errors';
import type { BidFixed } from '../../../shared/api/submissions';
import type { Db } from '../db/open';

/*
 * A bid is fixed from the moment scoring of it starts: an evaluator saved a score for the bidder (in the app,
 * from a score return or a score sheet), or an evaluator pack carrying the bid was made. A pack carries a
 * bidder's bid unless the pack's record lists the bidder as withheld (recused) or awaiting a declaration, and
 * only bidders added before the pack. A revoked pack still counts: the bid has left this laptop.
 */

const FIRST_SCORE = 'SELECT MIN(saved_at) AS at FROM score_entries WHERE bidder_id = ?';

const FIRST_PACK = `
  SELECT MIN(k.created_at) AS at FROM packs k JOIN bidders b ON b.evaluation_id = k.evaluation_id
  WHERE b.id = ? AND b.added_at <= k.created_at
    AND NOT EXISTS (SELECT 1 FROM json_each(k.contents, '$.withheld') WHERE value = b.id)
    AND NOT EXISTS (SELECT 1 FROM json_each(k.contents, '$.awaiting') WHERE value = b.id)`;

/** Since when, and why, the bid can no longer be edited; null while it still may be. */
export function bidFixed(db: Db, bidderId: string): BidFixed | null {
  const scored = (db.prepare(FIRST_SCORE).get(bidderId) as { at: string | null }).at;
  const packed = (db.prepare(FIRST_PACK).get(bidderId) as { at: string | null }).at;
  if (scored === null && packed === null) return null;
  if (packed === null || (scored !== null && scored <= packed)) return { since: scored!, because: 'scored' };
  return { since: packed, because: 'pack' };
}

const on = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

/** Refuses a plain edit of a fixed bid, saying why and what to do instead. */
export function assertBidNotFixed(db: Db, bidderId: string): void {
  const fixed = bidFixed(db, bidderId);
  if (!fixed) return;
  const name = (db.prepare('SELECT name FROM bidders WHERE id = ?').get(bidderId) as { name: string }).name;
  const cause = fixed.because === 'scored' ? `an evaluator started scoring it on ${on(fixed.since)}` : `an evaluator pack carrying it was made on ${on(fixed.since)}`;
  throw new ApiError(
    'RULE_VIOLATION',
    `The bid of ${name} is fixed: ${cause}. Record the correction as an addendum, with the reason, so that every evaluator who scored it is told.`,
  );
}
