import type { AddedCounts } from '../../../shared/api/exchange';
import { canonicalJson } from '../../../shared/domain/canonical-json';
import type { CurrentDeclaration, DeclarationKind, MitigationDecision } from '../../../shared/domain/conflicts';
import type { DraftScore } from '../../../shared/domain/scoring';
import { latestDeclaration } from '../conflicts/repo';
import type { Db } from '../db/open';
import { maySave, standingOf, type Refusal, type ScoringStanding } from '../scoring/may-save';
import { insertEntry, insertSeal } from '../scoring/repo';
import { sortedMarks } from '../scoring/validate';
import { refuseReturn, type ReturnEntry, type ReturnPayload } from './return-payload';

/*
 * Adds what is new in a verified score return, inside the caller's one transaction: declarations not yet
 * here (by id), score entries not yet here (the same save, by its content and time) and seals not yet here.
 * Everything is judged before anything is written, and whatever the app itself would not have accepted
 * refuses the whole return:
 *
 * - Declarations, in the return's order. One already here (by id) must say exactly the same, in this
 *   evaluation and by this evaluator. A new one is about a bidder of this evaluation or one of its members;
 *   a conflict is described; a withdrawal is explained and never undoes a recusal the procurement lead has
 *   upheld; and it replaces (supersedes) only an earlier declaration of the same evaluator about the same
 *   bidder or member, in this evaluation.
 * - Every score and seal new here passes maySave (scoring/may-save.ts) — the same rule as the app's own save
 *   and seal — judged against the record as it would be with the return's declarations added (and, for a
 *   seal, its scores): a return that declares "no conflict" and scores in one file is accepted, as the app
 *   accepts it, but not a score for a bidder the evaluator is not clear for. A score already sealed here
 *   never changes, and no score is saved after the return's own seal of its bidder.
 */

const entryKey = (e: Omit<ReturnEntry, 'indicatorMarks'> & { indicatorMarks: unknown }) =>
  canonicalJson([e.bidderId, e.criterionId, e.savedAt, e.score, e.rationale, e.evidenceRefs, e.indicatorMarks]);

const day = (iso: string) => iso.slice(0, 10);

interface Subject {
  bidderId: string;
  memberId: string | null;
}
const sameSubject = (a: Subject, b: Subject) => a.bidderId === b.bidderId && a.memberId === b.memberId;
const subjectKey = (s: Subject) => `${s.bidderId} ${s.memberId ?? ''}`;

interface RecordedDeclaration extends Subject {
  evaluationId: string;
  personId: string;
  kind: DeclarationKind;
  description: string;
  declaredAt: string;
  supersedes: string | null;
}

interface Plan {
  declarations: ReturnPayload['declarations'];
  entries: ReturnEntry[];
  seals: ReturnPayload['seals'];
}

export function mergeReturn(db: Db, evaluationId: string, payload: ReturnPayload): AddedCounts {
  const plan = judgeReturn(db, evaluationId, payload);
  const evaluatorId = payload.evaluatorId;
  const insertDeclaration = db.prepare(
    `INSERT INTO declarations (id, evaluation_id, person_id, bidder_id, member_id, kind, description, declared_at, supersedes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const d of plan.declarations) {
    insertDeclaration.run(d.id, evaluationId, evaluatorId, d.bidderId, d.memberId, d.kind, d.description, d.declaredAt, d.supersedes);
  }
  for (const { bidderId, ...entry } of plan.entries) {
    insertEntry(db, {
      evaluationId,
      bidderId,
      evaluatorId,
      entry: { ...entry, indicatorMarks: sortedMarks(entry.indicatorMarks), provenance: 'score-return' },
    });
  }
  for (const s of plan.seals) insertSeal(db, { evaluationId, bidderId: s.bidderId, evaluatorId, at: s.sealedAt });
  return { declarations: plan.declarations.length, scoreEntries: plan.entries.length, seals: plan.seals.length };
}

/** Everything the return would add, or a refusal naming everything wrong with it. Reads only. */
function judgeReturn(db: Db, evaluationId: string, payload: ReturnPayload): Plan {
  const evaluatorId = payload.evaluatorId;
  const bidderNames = new Map(
    (db.prepare('SELECT id, name FROM bidders WHERE evaluation_id = ?').all(evaluationId) as { id: string; name: string }[]).map((b) => [
      b.id,
      b.name,
    ]),
  );
  const issues: string[] = [];
  const unknownBidder = (id: string) => !bidderNames.has(id) && (issues.push('it names a bidder that is not in this evaluation'), true);
  const nameOf = (bidderId: string) => bidderNames.get(bidderId)!;

  // Declarations, in order, each judged against the declarations before it (here and in the return).
  const recorded = db.prepare(
    `SELECT evaluation_id AS evaluationId, person_id AS personId, bidder_id AS bidderId, member_id AS memberId, kind, description,
            declared_at AS declaredAt, supersedes
     FROM declarations WHERE id = ?`,
  );
  const findRecorded = (id: string) => recorded.get(id) as RecordedDeclaration | undefined;
  const memberOf = db.prepare('SELECT organisation FROM consortium_members WHERE id = ? AND bidder_id = ?');
  /** Every declaration id of the return met so far, with what it is about. */
  const earlier = new Map<string, Subject>();
  /** The current declaration per subject, as it would be with the return's declarations so far. */
  const current = new Map<string, { kind: DeclarationKind; decision: MitigationDecision | null } | null>();
  const currentOf = (s: Subject) => {
    const key = subjectKey(s);
    if (!current.has(key))
      current.set(key, latestDeclaration(db, { evaluationId, personId: evaluatorId, bidderId: s.bidderId, memberId: s.memberId }) ?? null);
    return current.get(key)!;
  };
  const declarations: Plan['declarations'] = [];
  for (const d of payload.declarations) {
    if (earlier.has(d.id)) {
      issues.push('it carries the same declaration twice');
      continue;
    }
    const here = findRecorded(d.id);
    if (here) {
      const { evaluationId: hereIn, personId, ...rest } = here;
      if (hereIn !== evaluationId || personId !== evaluatorId || canonicalJson(rest) !== canonicalJson({ ...d, id: undefined }))
        issues.push('a declaration differs from the one with the same id recorded here');
      earlier.set(d.id, here);
      continue;
    }
    earlier.set(d.id, d);
    if (unknownBidder(d.bidderId)) continue;
    let subject = nameOf(d.bidderId);
    if (d.memberId !== null) {
      const member = memberOf.get(d.memberId, d.bidderId) as { organisation: string } | undefined;
      if (!member) {
        issues.push(`a declaration names a consortium member that is not part of ${subject}`);
        continue;
      }
      subject = member.organisation;
    }
    if (d.supersedes !== null) {
      const replaced = earlier.get(d.supersedes) ?? findRecorded(d.supersedes);
      if (!replaced) issues.push('a declaration supersedes one that is not recorded');
      else if ('personId' in replaced && replaced.personId !== evaluatorId)
        issues.push(`a declaration about ${subject} replaces (supersedes) someone else’s declaration; a return can replace only the evaluator’s own`);
      else if (('evaluationId' in replaced && replaced.evaluationId !== evaluationId) || !sameSubject(replaced, d))
        issues.push(`a declaration about ${subject} replaces (supersedes) one about a different bidder or consortium member`);
    }
    const previous = currentOf(d);
    const withdrawal = d.kind === 'none' && previous !== null && previous.kind !== 'none';
    if (d.kind !== 'none' && d.description.trim() === '') issues.push(`it declares a conflict of interest with ${subject} without describing it`);
    else if (withdrawal && previous.decision === 'recused')
      issues.push(`it withdraws a conflict with ${nameOf(d.bidderId)} that the procurement lead has upheld as a recusal here`);
    else if (withdrawal && d.description.trim() === '')
      issues.push(`it withdraws a conflict with ${nameOf(d.bidderId)} recorded here without saying why`);
    current.set(subjectKey(d), { kind: d.kind, decision: null });
    declarations.push(d);
  }

  // Score entries new here: the same save (content and time) already recorded is not added again.
  const here = new Map<string, number>();
  const stored = db
    .prepare(
      `SELECT bidder_id AS bidderId, criterion_id AS criterionId, score, rationale, evidence_refs AS evidenceRefs, indicator_marks AS indicatorMarks, saved_at AS savedAt
       FROM score_entries WHERE evaluation_id = ? AND evaluator_id = ?`,
    )
    .all(evaluationId, evaluatorId) as (Omit<ReturnEntry, 'evidenceRefs' | 'indicatorMarks'> & { evidenceRefs: string; indicatorMarks: string })[];
  for (const s of stored) {
    const key = entryKey({
      ...s,
      evidenceRefs: JSON.parse(s.evidenceRefs) as ReturnEntry['evidenceRefs'],
      indicatorMarks: JSON.parse(s.indicatorMarks),
    });
    here.set(key, (here.get(key) ?? 0) + 1);
  }
  const entries = payload.scoreEntries.filter((e) => {
    if (unknownBidder(e.bidderId)) return false;
    const key = entryKey(e);
    const count = here.get(key) ?? 0;
    if (count > 0) here.set(key, count - 1);
    return count === 0;
  });
  const sealedHere = db.prepare('SELECT 1 FROM seals WHERE evaluator_id = ? AND bidder_id = ?');
  const sealed = new Set<string>();
  const seals = payload.seals.filter((s) => {
    if (unknownBidder(s.bidderId)) return false;
    if (sealed.has(s.bidderId)) issues.push(`it seals the scores for ${nameOf(s.bidderId)} twice`);
    sealed.add(s.bidderId);
    return !sealedHere.get(evaluatorId, s.bidderId);
  });

  // The record as it would be: the return's declarations current, and its new scores after the ones here.
  const base = standingOf(db, evaluationId, evaluatorId);
  const declared = new Map<string, CurrentDeclaration[]>();
  const standing: ScoringStanding = {
    ...base,
    declarations(bidderId) {
      if (!declared.has(bidderId)) {
        const subjects = new Map(base.declarations(bidderId).map((c) => [subjectKey({ bidderId, memberId: c.memberId }), c]));
        for (const d of declarations.filter((x) => x.bidderId === bidderId)) {
          subjects.set(subjectKey(d), { memberId: d.memberId, kind: d.kind, decision: null });
        }
        declared.set(bidderId, [...subjects.values()]);
      }
      return declared.get(bidderId)!;
    },
    currentEntries(bidderId) {
      const byCriterion = new Map<string, DraftScore>(base.currentEntries(bidderId).map((c) => [c.criterionId, c]));
      for (const e of entries) if (e.bidderId === bidderId) byCriterion.set(e.criterionId, e);
      return [...byCriterion.values()];
    },
  };

  const refused = (bidderId: string, r: Refusal): string[] => {
    const name = nameOf(bidderId);
    switch (r.rule) {
      case 'not-on-panel':
        return ['the evaluator is not an evaluator on the panel here'];
      case 'no-such-bidder':
        return ['it names a bidder that is not in this evaluation'];
      case 'recused':
        return [`the evaluator is recused from ${name} here, so their scores for it cannot be accepted`];
      case 'undeclared':
        return [
          `the evaluator has not declared against ${name} and each of its consortium members here (even counting this return’s declarations), ` +
            'so their scores for it cannot be accepted; a consortium member may have been added since their pack was made',
        ];
      case 'not-open':
        return ['the evaluation is not open for scoring here'];
      case 'sealed':
        return [`it would change scores for ${name} that were sealed here on ${day(r.sealedAt!)}, and a sealed score never changes`];
      case 'does-not-fit':
        return r.issues.map((i) => `a score for ${name} does not fit this evaluation (${i.message})`);
      case 'incomplete':
        return [`it seals the scores for ${name}, but ${r.blockers[0]!.message}`];
    }
  };
  for (const e of entries) {
    const { bidderId, ...draft } = e;
    const verdict = maySave(standing, bidderId, { kind: 'save', draft });
    if (!verdict.ok) issues.push(...refused(bidderId, verdict));
  }
  for (const s of seals) {
    const verdict = maySave(standing, s.bidderId, { kind: 'seal' });
    if (!verdict.ok) issues.push(...refused(s.bidderId, verdict));
    const later = entries.find((e) => e.bidderId === s.bidderId && Date.parse(e.savedAt) > Date.parse(s.sealedAt));
    if (later) {
      issues.push(
        `it has a score for ${nameOf(s.bidderId)} saved at ${later.savedAt}, after the scores for it were sealed at ${s.sealedAt}, and a sealed score never changes`,
      );
    }
  }
  if (issues.length > 0) refuseReturn(issues);
  return { declarations, entries, seals };
}
