import type { MemberRole } from '../../../shared/api/evaluations';
import type { Db } from '../db/open';

export function insertBidder(db: Db, b: { id: string; evaluationId: string; name: string; reference: string; at: string; by: string }): void {
  db.prepare('INSERT INTO bidders (id, evaluation_id, name, reference, added_at, added_by) VALUES (?, ?, ?, ?, ?, ?)').run(
    b.id,
    b.evaluationId,
    b.name,
    b.reference,
    b.at,
    b.by,
  );
}

export function insertMember(db: Db, m: { id: string; bidderId: string; organisation: string; role: MemberRole; at: string; by: string }): void {
  db.prepare('INSERT INTO consortium_members (id, bidder_id, organisation, role, added_at, added_by) VALUES (?, ?, ?, ?, ?, ?)').run(
    m.id,
    m.bidderId,
    m.organisation,
    m.role,
    m.at,
    m.by,
  );
}

/** Marks a member removed; the row stays because declarations may refer to it. */
export function markMemberRemoved(db: Db, r: { memberId: string; at: string; by: string; reason: string }): void {
  db.prepare('UPDATE consortium_members SET removed_at = ?, removed_by = ?, removal_reason = ? WHERE id = ? AND removed_at IS NULL').run(
    r.at,
    r.by,
    r.reason,
    r.memberId,
  );
}

export function findActiveMember(db: Db, bidderId: string, memberId: string): { role: MemberRole } | undefined {
  return db.prepare('SELECT role FROM consortium_members WHERE id = ? AND bidder_id = ? AND removed_at IS NULL').get(memberId, bidderId) as
    | { role: MemberRole }
    | undefined;
}

export const bidderBelongsTo = (db: Db, bidderId: string, evaluationId: string): boolean =>
  db.prepare('SELECT 1 FROM bidders WHERE id = ? AND evaluation_id = ?').get(bidderId, evaluationId) !== undefined;

/*
 * Names are compared in TypeScript by nameKey (NFKC and Unicode case folding): SQLite's NOCASE folds
 * ASCII letters only, so "Ärzte Verbund" and "äRZTE VERBUND" would both be accepted.
 */

export const bidderNames = (db: Db, evaluationId: string): string[] =>
  (db.prepare('SELECT name FROM bidders WHERE evaluation_id = ?').all(evaluationId) as { name: string }[]).map((r) => r.name);

/** The organisations of a bidder's consortium today (removed members left out: one may be added again). */
export const activeMemberNames = (db: Db, bidderId: string): string[] =>
  (db.prepare('SELECT organisation FROM consortium_members WHERE bidder_id = ? AND removed_at IS NULL').all(bidderId) as { organisation: string }[]).map(
    (r) => r.organisation,
  );
