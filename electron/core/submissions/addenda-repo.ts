import type { BidAddendum } from '../../../shared/api/submissions';
import type { Db } from '../db/open';
import { documentOfAddendum } from './repo';

/*
 * Addenda are append-only: a correction of a fixed bid is a bid_addenda row (why, who, when) and the response
 * version and/or document rows that name it. Nothing of the bid before it is changed.
 */

export function insertAddendum(db: Db, a: { id: string; evaluationId: string; bidderId: string; reason: string; at: string; by: string }): void {
  db.prepare('INSERT INTO bid_addenda (id, evaluation_id, bidder_id, reason, made_at, made_by) VALUES (?, ?, ?, ?, ?, ?)').run(
    a.id,
    a.evaluationId,
    a.bidderId,
    a.reason,
    a.at,
    a.by,
  );
}

const ADDENDUM = `
  SELECT a.id, a.bidder_id AS bidderId, a.reason, a.made_at AS madeAt, p.name AS madeBy
  FROM bid_addenda a JOIN people p ON p.id = a.made_by`;

/** The response version an addendum made, with its version number and the text it replaced. */
const RESPONSE_OF_ADDENDUM = `
  SELECT r.area_id AS areaId, r.text,
         (SELECT COUNT(*) FROM responses v WHERE v.bidder_id = r.bidder_id AND v.area_id = r.area_id AND v.seq <= r.seq) AS version,
         (SELECT v.text FROM responses v WHERE v.bidder_id = r.bidder_id AND v.area_id = r.area_id AND v.seq < r.seq ORDER BY v.seq DESC LIMIT 1) AS previousText
  FROM responses r WHERE r.addendum_id = ?`;

type AddendumRow = Omit<BidAddendum, 'response' | 'document'>;

function withChanges(db: Db, row: AddendumRow): BidAddendum {
  const response = (db.prepare(RESPONSE_OF_ADDENDUM).get(row.id) as BidAddendum['response'] | undefined) ?? null;
  return { ...row, response, document: documentOfAddendum(db, row.id) ?? null };
}

/** Every addendum to the bidder's bid, oldest first, with what each changed. */
export const addendaOf = (db: Db, bidderId: string): BidAddendum[] =>
  (db.prepare(`${ADDENDUM} WHERE a.bidder_id = ? ORDER BY a.seq`).all(bidderId) as AddendumRow[]).map((row) => withChanges(db, row));

export function addendumById(db: Db, addendumId: string): BidAddendum | undefined {
  const row = db.prepare(`${ADDENDUM} WHERE a.id = ?`).get(addendumId) as AddendumRow | undefined;
  return row && withChanges(db, row);
}

/** When an addendum to this bidder's bid was made; undefined if there is no such addendum to it. */
export const addendumMadeAt = (db: Db, bidderId: string, addendumId: string): string | undefined =>
  (db.prepare('SELECT made_at AS madeAt FROM bid_addenda WHERE id = ? AND bidder_id = ?').get(addendumId, bidderId) as { madeAt: string } | undefined)
    ?.madeAt;
