import type { AddedCounts } from '../../../shared/api/exchange';
import { ApiError } from '../../../shared/api/errors';
import { sealBlockers } from '../../../shared/domain/scoring';
import { accessTo } from '../conflicts/access';
import { latestDeclaration } from '../conflicts/repo';
import type { Db } from '../db/open';
import { frozenFramework, latestSettings } from '../evaluations/repo';
import { currentEntries, documentIdsOf, insertEntry, insertSeal } from '../scoring/repo';
import { saveIssues, sortedMarks } from '../scoring/validate';
import type { ReturnEntry, ReturnPayload } from './return-payload';

/*
 * Adds what is new in a verified score return, inside the caller's one transaction: declarations not yet
 * here (by id), score entries not yet here (the same save, by its content and time) and seals not yet here.
 * Anything that does not fit the evaluation refuses the whole return, as does a new score for a bidder
 * whose scores this evaluator has already sealed here: a sealed score never changes.
 */

type Issue = string;

/** A stable form of a value for comparison: object keys sorted at every depth. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
const entryKey = (e: Omit<ReturnEntry, 'indicatorMarks'> & { indicatorMarks: unknown }) =>
  canonical([e.bidderId, e.criterionId, e.savedAt, e.score, e.rationale, e.evidenceRefs, e.indicatorMarks]);

function refuse(issues: Issue[]): never {
  const shown = issues.slice(0, 10);
  throw new ApiError(
    'RULE_VIOLATION',
    `The score return was not imported: ${shown.join('; ')}${issues.length > shown.length ? `; and ${issues.length - shown.length} more` : ''}.`,
    shown.map((message) => ({ path: 'file', message })),
  );
}

export function mergeReturn(db: Db, evaluationId: string, payload: ReturnPayload): AddedCounts {
  const evaluatorId = payload.evaluatorId;
  const bidderNames = new Map(
    (db.prepare('SELECT id, name FROM bidders WHERE evaluation_id = ?').all(evaluationId) as { id: string; name: string }[]).map((b) => [
      b.id,
      b.name,
    ]),
  );
  const framework = frozenFramework(db, evaluationId);
  const { scale, rules } = latestSettings(db, evaluationId).settings;
  const issues: Issue[] = [];
  const unknownBidder = (id: string) => !bidderNames.has(id) && (issues.push('it names a bidder that is not in this evaluation'), true);

  // Declarations: new ones by id; one already here must say exactly the same.
  const existing = db.prepare(
    'SELECT person_id AS personId, bidder_id AS bidderId, member_id AS memberId, kind, description, declared_at AS declaredAt, supersedes FROM declarations WHERE id = ?',
  );
  const memberOf = db.prepare('SELECT 1 FROM consortium_members WHERE id = ? AND bidder_id = ?');
  const known = new Set<string>();
  const newDeclarations = payload.declarations.filter((d) => {
    const here = existing.get(d.id) as (Omit<typeof d, 'id'> & { personId: string }) | undefined;
    if (here) {
      const { personId, ...rest } = here;
      if (personId !== evaluatorId || canonical(rest) !== canonical({ ...d, id: undefined }))
        issues.push('a declaration differs from the one with the same id recorded here');
      known.add(d.id);
      return false;
    }
    if (unknownBidder(d.bidderId)) return false;
    if (d.memberId !== null && !memberOf.get(d.memberId, d.bidderId))
      issues.push(`a declaration names a consortium member that is not part of ${bidderNames.get(d.bidderId)}`);
    if (d.supersedes !== null && !known.has(d.supersedes) && !existing.get(d.supersedes))
      issues.push('a declaration supersedes one that is not recorded');
    known.add(d.id);
    return true;
  });

  // Score entries: every save must fit the frozen framework, the published scale and the bidder's own documents.
  const documents = new Map<string, Set<string>>();
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
  const newEntries = payload.scoreEntries.filter((e) => {
    if (unknownBidder(e.bidderId)) return false;
    if (!documents.has(e.bidderId)) documents.set(e.bidderId, documentIdsOf(db, e.bidderId));
    const problems = saveIssues(framework, scale, documents.get(e.bidderId)!, { ...e, indicatorMarks: sortedMarks(e.indicatorMarks) });
    for (const p of problems) issues.push(`a score for ${bidderNames.get(e.bidderId)} does not fit this evaluation (${p.message})`);
    const key = entryKey(e);
    const count = here.get(key) ?? 0;
    if (count > 0) here.set(key, count - 1);
    return count === 0;
  });

  const sealedHere = new Map(
    (
      db
        .prepare('SELECT bidder_id AS bidderId, sealed_at AS at FROM seals WHERE evaluation_id = ? AND evaluator_id = ?')
        .all(evaluationId, evaluatorId) as { bidderId: string; at: string }[]
    ).map((s) => [s.bidderId, s.at]),
  );
  const newSeals = payload.seals.filter((s) => !unknownBidder(s.bidderId) && !sealedHere.has(s.bidderId));
  for (const bidderId of new Set(newEntries.map((e) => e.bidderId))) {
    if (sealedHere.has(bidderId))
      issues.push(
        `it would change scores for ${bidderNames.get(bidderId)} that were sealed here on ${sealedHere.get(bidderId)!.slice(0, 10)}, and a sealed score never changes`,
      );
  }
  if (issues.length > 0) refuse([...new Set(issues)]);

  const insertDeclaration = db.prepare(
    `INSERT INTO declarations (id, evaluation_id, person_id, bidder_id, member_id, kind, description, declared_at, supersedes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const d of newDeclarations) {
    const previous = latestDeclaration(db, { evaluationId, personId: evaluatorId, bidderId: d.bidderId, memberId: d.memberId });
    const withdrawal = d.kind === 'none' && previous !== undefined && previous.kind !== 'none';
    if (withdrawal && previous.decision === 'recused')
      issues.push(`it withdraws a conflict with ${bidderNames.get(d.bidderId)} that the procurement lead has upheld as a recusal here`);
    else if (withdrawal && d.description === '')
      issues.push(`it withdraws a conflict with ${bidderNames.get(d.bidderId)} recorded here without saying why`);
    insertDeclaration.run(d.id, evaluationId, evaluatorId, d.bidderId, d.memberId, d.kind, d.description, d.declaredAt, d.supersedes);
  }

  // Recusal as recorded here, including what the return declared: a recused evaluator's scores never enter.
  for (const bidderId of new Set([...newEntries.map((e) => e.bidderId), ...newSeals.map((s) => s.bidderId)])) {
    if (accessTo(db, evaluationId, evaluatorId, bidderId) === 'recused')
      issues.push(`the evaluator is recused from ${bidderNames.get(bidderId)} here, so their scores for it cannot be accepted`);
  }
  if (issues.length > 0) refuse(issues);

  for (const e of newEntries) {
    const { bidderId, ...entry } = e;
    insertEntry(db, {
      evaluationId,
      bidderId,
      evaluatorId,
      entry: { ...entry, indicatorMarks: sortedMarks(entry.indicatorMarks), provenance: 'score-return' },
    });
  }
  for (const s of newSeals) {
    const blockers = sealBlockers(framework, scale, rules.rationaleMinLength, currentEntries(db, evaluatorId, s.bidderId));
    if (blockers.length > 0) issues.push(`it seals the scores for ${bidderNames.get(s.bidderId)}, but ${blockers[0]!.message}`);
    else insertSeal(db, { evaluationId, bidderId: s.bidderId, evaluatorId, at: s.sealedAt });
  }
  if (issues.length > 0) refuse(issues);
  return { declarations: newDeclarations.length, scoreEntries: newEntries.length, seals: newSeals.length };
}
