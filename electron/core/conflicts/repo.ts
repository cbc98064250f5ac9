import type { Declaration, Mitigation } from '../../../shared/api/conflicts';
import type { MemberRole } from '../../../shared/api/evaluations';
import type { DeclarationKind, MitigationDecision } from '../../../shared/domain/conflicts';
import type { Db } from '../db/open';

/*
 * Declarations and mitigations are append-only (SQL triggers refuse UPDATE and DELETE): this file only
 * ever inserts and reads them.
 */

export function insertDeclaration(
  db: Db,
  d: { id: string; evaluationId: string; personId: string; bidderId: string; memberId: string | null; kind: DeclarationKind; description: string; at: string; supersedes: string | null },
): void {
  db.prepare(
    `INSERT INTO declarations (id, evaluation_id, person_id, bidder_id, member_id, kind, description, declared_at, supersedes)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(d.id, d.evaluationId, d.personId, d.bidderId, d.memberId, d.kind, d.description, d.at, d.supersedes);
}

export function insertMitigation(db: Db, m: { id: string; declarationId: string; decision: MitigationDecision; reason: string; at: string; by: string }): void {
  db.prepare('INSERT INTO mitigations (id, declaration_id, decision, reason, decided_at, decided_by) VALUES (?, ?, ?, ?, ?, ?)').run(
    m.id,
    m.declarationId,
    m.decision,
    m.reason,
    m.at,
    m.by,
  );
}

export interface LatestDeclaration {
  id: string;
  kind: DeclarationKind;
  /** The latest mitigation decision on it, if any. */
  decision: MitigationDecision | null;
}

/** The person's current declaration about one subject (the bidder itself when memberId is null). */
export function latestDeclaration(db: Db, s: { evaluationId: string; personId: string; bidderId: string; memberId: string | null }): LatestDeclaration | undefined {
  return db
    .prepare(
      `SELECT d.id, d.kind,
              (SELECT m.decision FROM mitigations m WHERE m.declaration_id = d.id ORDER BY m.seq DESC LIMIT 1) AS decision
       FROM declarations d
       WHERE d.evaluation_id = ? AND d.person_id = ? AND d.bidder_id = ? AND d.member_id IS ?
       ORDER BY d.seq DESC LIMIT 1`,
    )
    .get(s.evaluationId, s.personId, s.bidderId, s.memberId) as LatestDeclaration | undefined;
}

/** A consortium member of the bidder, current or removed. */
export function findMember(db: Db, bidderId: string, memberId: string): { organisation: string; removedAt: string | null } | undefined {
  return db.prepare('SELECT organisation, removed_at AS removedAt FROM consortium_members WHERE id = ? AND bidder_id = ?').get(memberId, bidderId) as
    | { organisation: string; removedAt: string | null }
    | undefined;
}

interface DeclarationRow extends Omit<Declaration, 'subject' | 'mitigations'> {
  organisation: string | null;
  memberRole: MemberRole | null;
}

const DECLARATIONS = `
  SELECT d.id, d.person_id AS personId, p.name AS personName, d.bidder_id AS bidderId, b.name AS bidderName,
         d.member_id AS memberId, c.organisation, c.role AS memberRole, c.removed_at AS memberRemovedAt,
         d.kind, d.description, d.declared_at AS declaredAt,
         (SELECT n.id FROM declarations n WHERE n.supersedes = d.id ORDER BY n.seq LIMIT 1) AS supersededBy
  FROM declarations d
  JOIN people p ON p.id = d.person_id
  JOIN bidders b ON b.id = d.bidder_id
  LEFT JOIN consortium_members c ON c.id = d.member_id
  WHERE d.evaluation_id = ? AND (? IS NULL OR d.person_id = ?)
  ORDER BY d.seq`;

const MITIGATIONS = `
  SELECT m.declaration_id AS declarationId, m.id, m.decision, m.reason, m.decided_at AS decidedAt, p.name AS decidedBy
  FROM mitigations m
  JOIN declarations d ON d.id = m.declaration_id
  JOIN people p ON p.id = m.decided_by
  WHERE d.evaluation_id = ? AND (? IS NULL OR d.person_id = ?)
  ORDER BY m.seq`;

/** Every declaration in the evaluation (or by one person), oldest first, with names and every decision on it. */
export function listDeclarations(db: Db, evaluationId: string, personId: string | null = null): Declaration[] {
  const rows = db.prepare(DECLARATIONS).all(evaluationId, personId, personId) as DeclarationRow[];
  const decisions = new Map<string, Mitigation[]>();
  for (const { declarationId, ...m } of db.prepare(MITIGATIONS).all(evaluationId, personId, personId) as (Mitigation & { declarationId: string })[]) {
    decisions.set(declarationId, [...(decisions.get(declarationId) ?? []), m]);
  }
  return rows.map(({ organisation, ...row }) => ({
    ...row,
    subject: organisation ?? row.bidderName,
    mitigations: decisions.get(row.id) ?? [],
  }));
}
