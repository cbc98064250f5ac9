import { createHash } from 'node:crypto';
import { ApiError } from '../../../shared/api/errors';
import { insertMember, markMemberRemoved } from '../bidders/repo';
import type { Db } from '../db/open';
import { assertPackWritesOnlyItsOwnEvaluation } from './install-checks';
import { updateDetails } from '../evaluations/repo';
import type { PackBidder, PackPayload } from './pack-payload';

/*
 * Writes an opened pack into this installation with the same ids it had at the moderator's, adding only
 * what is missing: the first pack creates the evaluation, a later pack for the same evaluator adds new
 * bidders, bids, decisions and removals. Nothing already here is changed, apart from the evaluation's name
 * and reference and a consortium member's removal, which the procurement lead may have recorded since.
 *
 * Only the evaluator joins the panel here: nobody on this installation can act as the procurement lead or
 * moderator of the evaluation, so its set-up, bids and conflict decisions cannot be changed locally.
 */

const missing = (db: Db, table: string, id: string) => db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(id) === undefined;

export function installPack(db: Db, pack: PackPayload): void {
  assertPackWritesOnlyItsOwnEvaluation(db, pack);
  const e = pack.evaluation;
  for (const p of pack.people) {
    if (missing(db, 'people', p.id)) db.prepare('INSERT INTO people (id, name, created_at) VALUES (?, ?, ?)').run(p.id, p.name, p.createdAt);
  }
  if (missing(db, 'evaluations', e.id)) {
    db.prepare(
      `INSERT INTO evaluations (id, name, reference, status, framework_body, framework_source_id, framework_source_revision, created_at, created_by)
       VALUES (?, ?, ?, 'scoring', ?, NULL, NULL, ?, ?)`,
    ).run(e.id, e.name, e.reference, JSON.stringify(e.framework), e.createdAt, e.createdBy);
    db.prepare(`INSERT INTO status_changes (evaluation_id, status, changed_at, changed_by) VALUES (?, 'scoring', ?, ?)`).run(
      e.id,
      e.openedAt,
      e.openedBy,
    );
  } else {
    updateDetails(db, e.id, e.name, e.reference);
  }
  const s = pack.settings;
  db.prepare('INSERT OR IGNORE INTO evaluation_settings (evaluation_id, version, body, saved_at, saved_by) VALUES (?, ?, ?, ?, ?)').run(
    e.id,
    s.version,
    JSON.stringify(s.body),
    s.savedAt,
    s.savedBy,
  );
  const active = db
    .prepare('SELECT 1 FROM panel_memberships WHERE evaluation_id = ? AND person_id = ? AND ended_at IS NULL')
    .get(e.id, pack.evaluatorId);
  if (!active && missing(db, 'panel_memberships', pack.membership.id)) {
    db.prepare(`INSERT INTO panel_memberships (id, evaluation_id, person_id, role, added_at, added_by) VALUES (?, ?, ?, 'evaluator', ?, ?)`).run(
      pack.membership.id,
      e.id,
      pack.evaluatorId,
      pack.membership.addedAt,
      pack.membership.addedBy,
    );
  }
  for (const bidder of pack.bidders) installBidder(db, e.id, bidder);
  installDeclarations(db, e.id, pack);
}

function installBidder(db: Db, evaluationId: string, b: PackBidder): void {
  if (missing(db, 'bidders', b.id)) {
    db.prepare('INSERT INTO bidders (id, evaluation_id, name, reference, added_at, added_by) VALUES (?, ?, ?, ?, ?, ?)').run(
      b.id,
      evaluationId,
      b.name,
      b.reference,
      b.addedAt,
      b.addedBy,
    );
  }
  for (const m of b.members) {
    if (missing(db, 'consortium_members', m.id)) {
      insertMember(db, { id: m.id, bidderId: b.id, organisation: m.organisation, role: m.role, at: m.addedAt, by: m.addedBy });
    }
    if (m.removed) {
      markMemberRemoved(db, { memberId: m.id, at: m.removed.at, by: m.removed.by, reason: m.removed.reason });
    }
  }
  if (!b.bid) return;
  const sameResponse = db.prepare('SELECT 1 FROM responses WHERE bidder_id = ? AND area_id = ? AND saved_at = ? AND text = ?');
  for (const r of b.bid.responses) {
    if (sameResponse.get(b.id, r.areaId, r.savedAt, r.text)) continue;
    db.prepare('INSERT INTO responses (bidder_id, area_id, text, saved_at, saved_by) VALUES (?, ?, ?, ?, ?)').run(
      b.id,
      r.areaId,
      r.text,
      r.savedAt,
      r.savedBy,
    );
  }
  for (const d of b.bid.documents) {
    if (!missing(db, 'documents', d.id)) continue;
    const bytes = Buffer.from(d.contentBase64, 'base64');
    if (bytes.length !== d.size || createHash('sha256').update(bytes).digest('hex') !== d.sha256) {
      throw new ApiError(
        'RULE_VIOLATION',
        `The evidence document “${d.fileName}” in the pack does not match its recorded fingerprint; the pack was not opened.`,
      );
    }
    db.prepare('INSERT OR IGNORE INTO blobs (sha256, size, data) VALUES (?, ?, ?)').run(d.sha256, bytes.length, bytes);
    db.prepare(
      'INSERT INTO documents (id, bidder_id, sha256, file_name, media_type, size, received_at, added_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(d.id, b.id, d.sha256, d.fileName, d.mediaType, d.size, d.receivedAt, d.addedBy);
  }
}

function installDeclarations(db: Db, evaluationId: string, pack: PackPayload): void {
  for (const d of pack.declarations) {
    if (missing(db, 'declarations', d.id)) {
      db.prepare(
        `INSERT INTO declarations (id, evaluation_id, person_id, bidder_id, member_id, kind, description, declared_at, supersedes)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(d.id, evaluationId, pack.evaluatorId, d.bidderId, d.memberId, d.kind, d.description, d.declaredAt, d.supersedes);
    }
    for (const m of d.mitigations) {
      if (!missing(db, 'mitigations', m.id)) continue;
      db.prepare('INSERT INTO mitigations (id, declaration_id, decision, reason, decided_at, decided_by) VALUES (?, ?, ?, ?, ?, ?)').run(
        m.id,
        d.id,
        m.decision,
        m.reason,
        m.decidedAt,
        m.decidedBy,
      );
    }
  }
}
