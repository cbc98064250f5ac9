import { ApiError } from '../../../shared/api/errors';
import { MAX_PACK_BYTES } from '../../../shared/api/exchange';
import { FrameworkSchema } from '../../../shared/domain/framework';
import { EvaluationSettingsSchema } from '../../../shared/domain/settings';
import { accessTo } from '../conflicts/access';
import type { Db } from '../db/open';
import { PACK_FORMAT, type PackBidder, type PackPayload } from './pack-payload';

/*
 * Reads what one evaluator's pack carries. Every bidder and consortium member is named (the evaluator
 * declares against each), but a bid — responses and evidence documents — only goes in for a bidder the
 * evaluator has already declared clear against here (no conflict, or one permitted by a decision). So
 * the first pack usually carries no bids: the evaluator declares, sends a return, and the lead makes a
 * second pack, which carries the bids they may now see. No score of anyone's is read.
 */

export interface BuiltPack {
  payload: PackPayload;
  /** Bidders the evaluator is recused from. */
  withheld: string[];
  /** Bidders the evaluator has not yet declared clear against (every consortium member included). */
  awaiting: string[];
  documents: number;
}

interface MemberRow {
  id: string;
  organisation: string;
  role: 'lead' | 'partner' | 'subcontractor';
  addedAt: string;
  addedBy: string;
  removedAt: string | null;
  removedBy: string | null;
  removalReason: string | null;
}

type BidderRow = Omit<PackBidder, 'members' | 'bid'>;
type DocumentRow = Omit<NonNullable<PackBidder['bid']>['documents'][number], 'contentBase64'> & { data: Buffer };
type DeclarationRow = Omit<PackPayload['declarations'][number], 'mitigations'>;

/** Room for the JSON around the documents, which the file carries compressed at about their own size. */
const OVERHEAD_BYTES = 8 * 1024 * 1024;

export function buildPack(
  db: Db,
  p: { evaluationId: string; evaluatorId: string; packId: string; returnKey: string; at: string; by: string },
): BuiltPack {
  const evaluation = db
    .prepare('SELECT id, name, reference, framework_body AS body, created_at AS createdAt, created_by AS createdBy FROM evaluations WHERE id = ?')
    .get(p.evaluationId) as { id: string; name: string; reference: string; body: string; createdAt: string; createdBy: string };
  const opened = db
    .prepare(`SELECT changed_at AS at, changed_by AS by FROM status_changes WHERE evaluation_id = ? AND status = 'scoring' ORDER BY seq DESC LIMIT 1`)
    .get(p.evaluationId) as { at: string; by: string };
  const settings = db
    .prepare(
      'SELECT version, body, saved_at AS savedAt, saved_by AS savedBy FROM evaluation_settings WHERE evaluation_id = ? ORDER BY version DESC LIMIT 1',
    )
    .get(p.evaluationId) as { version: number; body: string; savedAt: string; savedBy: string };
  const membership = db
    .prepare(
      `SELECT id, added_at AS addedAt, added_by AS addedBy FROM panel_memberships WHERE evaluation_id = ? AND person_id = ? AND ended_at IS NULL`,
    )
    .get(p.evaluationId, p.evaluatorId) as PackPayload['membership'];

  const withheld: string[] = [];
  const awaiting: string[] = [];
  let documents = 0;
  let documentBytes = 0;
  const bidderRows = db
    .prepare('SELECT id, name, reference, added_at AS addedAt, added_by AS addedBy FROM bidders WHERE evaluation_id = ? ORDER BY added_at, name')
    .all(p.evaluationId) as BidderRow[];
  const bidders = bidderRows.map((b): PackBidder => {
    const access = accessTo(db, p.evaluationId, p.evaluatorId, b.id);
    if (access === 'recused') withheld.push(b.id);
    else if (access === 'undeclared') awaiting.push(b.id);
    else {
      const sizes = db.prepare('SELECT COUNT(*) AS n, COALESCE(SUM(size), 0) AS bytes FROM documents WHERE bidder_id = ?').get(b.id) as {
        n: number;
        bytes: number;
      };
      documents += sizes.n;
      documentBytes += sizes.bytes;
      if (documentBytes + OVERHEAD_BYTES > MAX_PACK_BYTES) {
        throw new ApiError(
          'RULE_VIOLATION',
          `The bids for this evaluator come to more than ${MAX_PACK_BYTES / 1024 / 1024} MB of evidence documents, more than one pack can carry.`,
        );
      }
    }
    return { ...b, members: membersOf(db, b.id), bid: access === 'clear' ? bidOf(db, b.id) : null };
  });
  const declarations = declarationsOf(db, p.evaluationId, p.evaluatorId);

  const personIds = new Set<string>([p.evaluatorId, p.by, evaluation.createdBy, opened.by, settings.savedBy, membership.addedBy]);
  for (const b of bidders) {
    personIds.add(b.addedBy);
    for (const m of b.members) [m.addedBy, m.removed?.by].forEach((id) => id && personIds.add(id));
    for (const r of b.bid?.responses ?? []) personIds.add(r.savedBy);
    for (const d of b.bid?.documents ?? []) personIds.add(d.addedBy);
  }
  for (const d of declarations) for (const m of d.mitigations) personIds.add(m.decidedBy);
  const person = db.prepare('SELECT id, name, created_at AS createdAt FROM people WHERE id = ?');

  const payload: PackPayload = {
    format: PACK_FORMAT,
    version: 1,
    packId: p.packId,
    evaluatorId: p.evaluatorId,
    returnKey: p.returnKey,
    createdAt: p.at,
    createdBy: p.by,
    evaluation: {
      id: evaluation.id,
      name: evaluation.name,
      reference: evaluation.reference,
      framework: FrameworkSchema.parse(JSON.parse(evaluation.body)),
      createdAt: evaluation.createdAt,
      createdBy: evaluation.createdBy,
      openedAt: opened.at,
      openedBy: opened.by,
    },
    settings: { ...settings, body: EvaluationSettingsSchema.parse(JSON.parse(settings.body)) },
    membership,
    people: [...personIds].map((id) => person.get(id) as PackPayload['people'][number]),
    bidders,
    declarations,
  };
  return { payload, withheld, awaiting, documents };
}

function membersOf(db: Db, bidderId: string): PackBidder['members'] {
  const rows = db
    .prepare(
      `SELECT id, organisation, role, added_at AS addedAt, added_by AS addedBy, removed_at AS removedAt, removed_by AS removedBy, removal_reason AS removalReason
       FROM consortium_members WHERE bidder_id = ? ORDER BY rowid`,
    )
    .all(bidderId) as MemberRow[];
  return rows.map(({ removedAt, removedBy, removalReason, ...m }) => ({
    ...m,
    removed: removedAt && removedBy ? { at: removedAt, by: removedBy, reason: removalReason ?? '' } : null,
  }));
}

function bidOf(db: Db, bidderId: string): NonNullable<PackBidder['bid']> {
  const responses = db
    .prepare('SELECT area_id AS areaId, text, saved_at AS savedAt, saved_by AS savedBy FROM responses WHERE bidder_id = ? ORDER BY seq')
    .all(bidderId) as NonNullable<PackBidder['bid']>['responses'];
  const documents = db
    .prepare(
      `SELECT d.id, d.sha256, d.file_name AS fileName, d.media_type AS mediaType, d.size, d.received_at AS receivedAt, d.added_by AS addedBy, b.data
       FROM documents d JOIN blobs b ON b.sha256 = d.sha256 WHERE d.bidder_id = ? ORDER BY d.received_at, d.rowid`,
    )
    .all(bidderId) as DocumentRow[];
  return { responses, documents: documents.map(({ data, ...d }) => ({ ...d, contentBase64: data.toString('base64') })) };
}

function declarationsOf(db: Db, evaluationId: string, personId: string): PackPayload['declarations'] {
  const rows = db
    .prepare(
      `SELECT id, bidder_id AS bidderId, member_id AS memberId, kind, description, declared_at AS declaredAt, supersedes
       FROM declarations WHERE evaluation_id = ? AND person_id = ? ORDER BY seq`,
    )
    .all(evaluationId, personId) as DeclarationRow[];
  const mitigations = db.prepare(
    'SELECT id, decision, reason, decided_at AS decidedAt, decided_by AS decidedBy FROM mitigations WHERE declaration_id = ? ORDER BY seq',
  );
  return rows.map((d) => ({ ...d, mitigations: mitigations.all(d.id) as PackPayload['declarations'][number]['mitigations'] }));
}
