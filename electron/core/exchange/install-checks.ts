import { ApiError } from '../../../shared/api/errors';
import type { Db } from '../db/open';
import type { PackPayload } from './pack-payload';

/*
 * A pack may write only its own evaluation. A pack is signed, but anyone can run the app and sign packs for
 * an evaluation of their own making, so every id a pack brings is checked against what this installation
 * already holds before anything is written: an id that already names a row elsewhere (another evaluation,
 * another bidder, another person's declaration) refuses the whole pack. Every pack, first or later, passes
 * through here.
 */

const refuse = (what: string) =>
  new ApiError('RULE_VIOLATION', `The evaluator pack ${what}; it cannot be trusted and was not opened. Nothing was changed here.`);

interface Stored {
  bidder: { evaluation_id: string } | undefined;
  member: { bidder_id: string; role: string; removed_at: string | null } | undefined;
  document: { bidder_id: string; sha256: string } | undefined;
  declaration: DeclarationRow | undefined;
  mitigation: { declaration_id: string } | undefined;
  membership: { evaluation_id: string; person_id: string } | undefined;
}

interface DeclarationRow {
  evaluation_id: string;
  person_id: string;
  bidder_id: string;
  member_id: string | null;
  kind: string;
  description: string;
  declared_at: string;
  supersedes: string | null;
}

function storedRows(db: Db) {
  const one = <K extends keyof Stored>(sql: string) => {
    const statement = db.prepare(sql);
    return (id: string) => statement.get(id) as Stored[K];
  };
  return {
    bidder: one<'bidder'>('SELECT evaluation_id FROM bidders WHERE id = ?'),
    member: one<'member'>('SELECT bidder_id, role, removed_at FROM consortium_members WHERE id = ?'),
    document: one<'document'>('SELECT bidder_id, sha256 FROM documents WHERE id = ?'),
    declaration: one<'declaration'>(
      'SELECT evaluation_id, person_id, bidder_id, member_id, kind, description, declared_at, supersedes FROM declarations WHERE id = ?',
    ),
    mitigation: one<'mitigation'>('SELECT declaration_id FROM mitigations WHERE id = ?'),
    membership: one<'membership'>('SELECT evaluation_id, person_id FROM panel_memberships WHERE id = ?'),
  };
}

export function assertPackWritesOnlyItsOwnEvaluation(db: Db, pack: PackPayload): void {
  const evaluationId = pack.evaluation.id;
  const stored = storedRows(db);
  const people = new Set(pack.people.map((p) => p.id));
  if (!people.has(pack.evaluatorId)) throw refuse('does not name its own evaluator among its people');

  const membership = stored.membership(pack.membership.id);
  if (membership && (membership.evaluation_id !== evaluationId || membership.person_id !== pack.evaluatorId)) {
    throw refuse('brings a panel membership that belongs to someone else here');
  }

  const memberBidder = new Map<string, string>();
  for (const bidder of pack.bidders) {
    const here = stored.bidder(bidder.id);
    if (here && here.evaluation_id !== evaluationId) throw refuse(`names a bidder (“${bidder.name}”) that belongs to another evaluation on this installation`);
    for (const member of bidder.members) {
      memberBidder.set(member.id, bidder.id);
      const existing = stored.member(member.id);
      if (existing && existing.bidder_id !== bidder.id) throw refuse(`names a consortium member (“${member.organisation}”) that belongs to another bidder here`);
      if (member.removed && (member.role === 'lead' || existing?.role === 'lead')) {
        throw refuse(`removes the lead organisation of “${bidder.name}”, which the procurement lead cannot do`);
      }
    }
    for (const document of bidder.bid?.documents ?? []) {
      const existing = stored.document(document.id);
      if (existing && (existing.bidder_id !== bidder.id || existing.sha256 !== document.sha256)) {
        throw refuse(`names a document (“${document.fileName}”) that is already held here as another one`);
      }
    }
  }

  const bidderOf = (bidderId: string) => pack.bidders.some((b) => b.id === bidderId) || stored.bidder(bidderId)?.evaluation_id === evaluationId;
  const memberOf = (memberId: string) => memberBidder.get(memberId) ?? stored.member(memberId)?.bidder_id;
  const subjectOf = new Map<string, { bidderId: string; memberId: string | null }>();
  for (const d of pack.declarations) {
    if (!bidderOf(d.bidderId)) throw refuse('brings a conflict declaration about a bidder outside its evaluation');
    if (d.memberId !== null && memberOf(d.memberId) !== d.bidderId) throw refuse('brings a conflict declaration about an organisation that is not part of that bidder');
    const existing = stored.declaration(d.id);
    if (existing && !sameDeclaration(existing, evaluationId, pack.evaluatorId, d)) {
      throw refuse('brings a conflict declaration that is already recorded here differently, or for someone else');
    }
    if (d.supersedes !== null) {
      const earlier = subjectOf.get(d.supersedes) ?? ownDeclaration(stored.declaration(d.supersedes), evaluationId, pack.evaluatorId);
      if (!earlier || earlier.bidderId !== d.bidderId || earlier.memberId !== d.memberId) {
        throw refuse('replaces a conflict declaration that is not the evaluator’s own earlier one about the same organisation');
      }
    }
    subjectOf.set(d.id, { bidderId: d.bidderId, memberId: d.memberId });
    for (const m of d.mitigations) {
      if (!people.has(m.decidedBy)) throw refuse('brings a decision on a conflict by someone it does not name');
      const here = stored.mitigation(m.id);
      if (here && here.declaration_id !== d.id) throw refuse('brings a decision on a conflict that is recorded here against another declaration');
    }
  }
}

function sameDeclaration(row: DeclarationRow, evaluationId: string, personId: string, d: PackPayload['declarations'][number]): boolean {
  return (
    row.evaluation_id === evaluationId &&
    row.person_id === personId &&
    row.bidder_id === d.bidderId &&
    row.member_id === d.memberId &&
    row.kind === d.kind &&
    row.description === d.description &&
    row.declared_at === d.declaredAt &&
    row.supersedes === d.supersedes
  );
}

const ownDeclaration = (row: DeclarationRow | undefined, evaluationId: string, personId: string) =>
  row && row.evaluation_id === evaluationId && row.person_id === personId ? { bidderId: row.bidder_id, memberId: row.member_id } : undefined;
