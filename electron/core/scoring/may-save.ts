import type { ErrorCode } from '../../../shared/api/errors';
import type { PanelRole } from '../../../shared/api/evaluations';
import { MAX_RATIONALE_CHARS, type EvidenceRef } from '../../../shared/api/scoring';
import { MAX_ADDENDUM_REASON_CHARS } from '../../../shared/api/submissions';
import { bidderAccess, type BidderAccess, type CurrentDeclaration } from '../../../shared/domain/conflicts';
import type { Framework } from '../../../shared/domain/framework';
import type { Scale } from '../../../shared/domain/scale';
import { sealBlockers, sealRefusal, type CompletenessIssue, type DraftScore, type IndicatorMark } from '../../../shared/domain/scoring';
import { activeMemberIds, currentDeclarations } from '../conflicts/access';
import type { Db } from '../db/open';
import { evaluationStatus, frozenFramework, latestSettings } from '../evaluations/repo';
import { addendumMadeAt } from '../submissions/addenda-repo';
import { currentEntries, documentIdsOf, sealedAt } from './repo';
import { saveIssues, sortedMarks, type Issue } from './validate';

/*
 * THE rule of who may write a score: "may this person save this score (or seal this bidder) now". Every way
 * a score reaches the record asks it — the app's own save and seal, a score return from an evaluator's
 * laptop, an imported Excel score sheet — so that none of them can record what the app itself would refuse.
 *
 * It judges a ScoringStanding: what the record says about one person in one evaluation. standingOf reads
 * it from the store; a caller about to add several things at once (a score return carrying declarations
 * and scores together) lays what it would add over it, so that the rules judge the record as it would be.
 */

/** What the rules look at, for one person in one evaluation. Every member is read when asked. */
export interface ScoringStanding {
  readonly evaluationId: string;
  readonly personId: string;
  /** The person's active role on the evaluation's panel; null when not on it. */
  role(): PanelRole | null;
  openForScoring(): boolean;
  framework(): Framework;
  scale(): Scale;
  rationaleMinLength(): number;
  hasBidder(bidderId: string): boolean;
  /** The bidder's current (not removed) consortium members. */
  activeMemberIds(bidderId: string): readonly string[];
  /** The person's current declaration per subject of the bidder (the bidder itself, each member), with the latest decision on it. */
  declarations(bidderId: string): readonly CurrentDeclaration[];
  /** When the person sealed the bidder, if they have. */
  sealedAt(bidderId: string): string | null;
  documentIds(bidderId: string): ReadonlySet<string>;
  /** The person's current entry per criterion for the bidder. */
  currentEntries(bidderId: string): readonly DraftScore[];
  /** When an addendum to the bidder's bid was made; undefined when it is not an addendum to this bidder's bid. */
  addendumMadeAt(bidderId: string, addendumId: string): string | undefined;
}

const once = <T>(read: () => T): (() => T) => {
  let cached: { value: T } | undefined;
  return () => (cached ??= { value: read() }).value;
};

/** The standing as the store records it now. */
export function standingOf(db: Db, evaluationId: string, personId: string): ScoringStanding {
  const settings = once(() => latestSettings(db, evaluationId).settings);
  const hasBidder = db.prepare('SELECT 1 FROM bidders WHERE id = ? AND evaluation_id = ?');
  return {
    evaluationId,
    personId,
    role: once(
      () =>
        (
          db
            .prepare('SELECT role FROM panel_memberships WHERE evaluation_id = ? AND person_id = ? AND ended_at IS NULL')
            .get(evaluationId, personId) as { role: PanelRole } | undefined
        )?.role ?? null,
    ),
    openForScoring: once(() => evaluationStatus(db, evaluationId) === 'scoring'),
    framework: once(() => frozenFramework(db, evaluationId)),
    scale: () => settings().scale,
    rationaleMinLength: () => settings().rules.rationaleMinLength,
    hasBidder: (bidderId) => hasBidder.get(bidderId, evaluationId) !== undefined,
    activeMemberIds: (bidderId) => activeMemberIds(db, bidderId),
    declarations: (bidderId) => currentDeclarations(db, evaluationId, personId, bidderId),
    sealedAt: (bidderId) => sealedAt(db, personId, bidderId),
    documentIds: (bidderId) => documentIdsOf(db, bidderId),
    currentEntries: (bidderId) => currentEntries(db, personId, bidderId),
    addendumMadeAt: (bidderId, addendumId) => addendumMadeAt(db, bidderId, addendumId),
  };
}

/** One criterion's save, as the app's scoring.save takes it. */
export interface ScoreDraft {
  criterionId: string;
  score: number | null;
  rationale: string;
  evidenceRefs: EvidenceRef[];
  indicatorMarks: Record<string, IndicatorMark>;
}

/**
 * What is asked: a save of one criterion (without `draft`: may the person save any score for the bidder at
 * all), the seal of the bidder over the person's current entries, or the revision of one sealed criterion in
 * light of an addendum to the bid.
 */
export type ScoringAct =
  | { kind: 'save'; draft?: ScoreDraft }
  | { kind: 'seal' }
  | { kind: 'revise'; draft: ScoreDraft & { score: number }; addendumId: string; reason: string };

/** Which rule refused, in the order they are judged. */
export type RefusalRule = 'not-on-panel' | 'no-such-bidder' | 'recused' | 'undeclared' | 'not-open' | 'sealed' | 'does-not-fit' | 'incomplete';

export interface Refusal {
  ok: false;
  rule: RefusalRule;
  code: ErrorCode;
  /** The app's own sentence, addressed to the person ("You …"). Other callers phrase `rule` in their own words. */
  message: string;
  /**
   * does-not-fit: what is wrong with the draft (path into it) — for a revision also with its addendum and reason;
   * incomplete: one per blocked criterion (path = criterion id).
   */
  issues: Issue[];
  /** sealed: when. */
  sealedAt: string | null;
  /** incomplete: what blocks the seal. */
  blockers: CompletenessIssue[];
  /** not-on-panel: the person's role, if they have another one. */
  role: PanelRole | null;
}

export type Verdict = { ok: true } | Refusal;

export const when = (iso: string) => iso.replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
const roleWord = (r: PanelRole) => (r === 'lead' ? 'procurement lead' : r);

function refusal(
  rule: RefusalRule,
  code: ErrorCode,
  message: string,
  more: Partial<Omit<Refusal, 'ok' | 'rule' | 'code' | 'message'>> = {},
): Refusal {
  return { ok: false, rule, code, message, issues: [], sealedAt: null, blockers: [], role: null, ...more };
}

const notAnEvaluator = (role: PanelRole | null) =>
  refusal(
    'not-on-panel',
    'FORBIDDEN',
    role === null ? 'You are not on the panel of this evaluation.' : `Only the evaluator can do this; you are a ${roleWord(role)}.`,
    { role },
  );
const notOpen = () =>
  refusal('not-open', 'RULE_VIOLATION', 'The evaluation is not open for scoring yet: the procurement lead opens it once the set-up is published.');

/** The person's standing with one bidder: access as the recusal rule computes it. */
export const accessIn = (s: ScoringStanding, bidderId: string): BidderAccess => bidderAccess(s.activeMemberIds(bidderId), s.declarations(bidderId));

/**
 * May the person do `act` for the bidder now? The rules, in order: an evaluator on the panel; a bidder of
 * this evaluation; declared against the bidder and each current consortium member, with no conflict a
 * decision of the procurement lead does not permit; the evaluation open for scoring; the bidder not sealed
 * by them — unless the act is a revision (mayRevise below); then a save fits the frozen framework, the published
 * scale and the bidder's own documents, with a rationale no longer than allowed, and a seal covers every
 * criterion scored with a long-enough rationale.
 */
export function maySave(s: ScoringStanding, bidderId: string, act: ScoringAct): Verdict {
  const role = s.role();
  if (role !== 'evaluator') return notAnEvaluator(role);
  if (!s.hasBidder(bidderId)) return refusal('no-such-bidder', 'NOT_FOUND', 'There is no such bidder in this evaluation.');
  const access = accessIn(s, bidderId);
  if (access === 'recused') {
    return refusal('recused', 'FORBIDDEN', 'You have declared a conflict of interest with this bidder, so you are recused from it.');
  }
  if (access === 'undeclared') {
    return refusal(
      'undeclared',
      'FORBIDDEN',
      'Declare any conflicts of interest with this bidder and each of its consortium members before seeing its bid.',
    );
  }
  if (!s.openForScoring()) return notOpen();
  const sealed = s.sealedAt(bidderId);
  if (act.kind === 'revise') return mayRevise(s, bidderId, sealed, act);
  if (sealed) {
    return refusal(
      'sealed',
      'RULE_VIOLATION',
      `You sealed your scores for this bidder on ${when(sealed)}; sealed scores cannot be changed by anyone.`,
      {
        sealedAt: sealed,
      },
    );
  }
  if (act.kind === 'save') {
    if (!act.draft) return { ok: true };
    const issues = draftIssues(s, bidderId, act.draft);
    if (issues.length > 0) {
      return refusal('does-not-fit', 'RULE_VIOLATION', `This score cannot be saved: ${issues.map((i) => i.message).join('; ')}.`, { issues });
    }
    return { ok: true };
  }
  const blockers = sealBlockers(s.framework(), s.scale(), s.rationaleMinLength(), s.currentEntries(bidderId));
  if (blockers.length > 0) {
    return refusal('incomplete', 'RULE_VIOLATION', sealRefusal(blockers.length), {
      blockers,
      issues: blockers.map((b) => ({ path: b.criterionId, message: b.message })),
    });
  }
  return { ok: true };
}

/** What is wrong with one criterion's draft, judged against the frozen framework, the scale and the bidder's documents. */
function draftIssues(s: ScoringStanding, bidderId: string, draft: ScoreDraft): Issue[] {
  const issues = saveIssues(s.framework(), s.scale(), s.documentIds(bidderId), { ...draft, indicatorMarks: sortedMarks(draft.indicatorMarks) });
  if (draft.rationale.length > MAX_RATIONALE_CHARS) {
    issues.push({ path: 'rationale', message: `the rationale has ${draft.rationale.length} characters; at most ${MAX_RATIONALE_CHARS} are allowed` });
  }
  return issues;
}

/**
 * A sealed score changes only by a deliberate revision in light of an addendum to the bid made after the seal
 * (the trigger score_entries_after_seal holds the same line): it cites that addendum, says why, and is itself
 * a complete sealed score — on the scale, with a long-enough rationale — that differs from the one it revises.
 */
function mayRevise(s: ScoringStanding, bidderId: string, sealed: string | null, act: Extract<ScoringAct, { kind: 'revise' }>): Verdict {
  const refuse = (path: string, message: string, code: ErrorCode = 'RULE_VIOLATION') =>
    refusal('does-not-fit', code, `This score cannot be revised: ${message}.`, { issues: [{ path, message }], sealedAt: sealed });
  if (!sealed) return refuse('addendumId', 'you have not sealed your scores for this bidder, so change the score itself');
  const madeAt = s.addendumMadeAt(bidderId, act.addendumId);
  if (madeAt === undefined) return refuse('addendumId', 'there is no such addendum to this bidder’s bid', 'NOT_FOUND');
  if (madeAt <= sealed) {
    return refuse('addendumId', `the addendum was recorded on ${when(madeAt)}, before you sealed on ${when(sealed)}, so your sealed scores already took it into account`);
  }
  const reason = act.reason.trim();
  if (!reason) return refuse('reason', 'say why the addendum changes your score');
  if (reason.length > MAX_ADDENDUM_REASON_CHARS) return refuse('reason', `the reason has ${reason.length} characters; at most ${MAX_ADDENDUM_REASON_CHARS} are allowed`);
  const issues = draftIssues(s, bidderId, act.draft);
  const length = act.draft.rationale.trim().length;
  if (length < s.rationaleMinLength()) {
    issues.push({
      path: 'rationale',
      message: length === 0 ? 'the rationale is missing' : `the rationale has ${length} characters; at least ${s.rationaleMinLength()} are required`,
    });
  }
  const sealedEntry = s.currentEntries(bidderId).find((e) => e.criterionId === act.draft.criterionId);
  if (issues.length === 0 && sealedEntry && sealedEntry.score === act.draft.score && sealedEntry.rationale === act.draft.rationale) {
    issues.push({ path: 'score', message: 'this is the score and rationale you sealed; if the addendum changes nothing, record “Reviewed — no change” instead' });
  }
  if (issues.length > 0) {
    return refusal('does-not-fit', 'RULE_VIOLATION', `This score cannot be revised: ${issues.map((i) => i.message).join('; ')}.`, { issues, sealedAt: sealed });
  }
  return { ok: true };
}

/** The person-level rules alone (on the panel as an evaluator, the evaluation open for scoring), for callers that judge no one bidder yet. */
export function mayScoreIn(s: ScoringStanding): Verdict {
  const role = s.role();
  if (role !== 'evaluator') return notAnEvaluator(role);
  return s.openForScoring() ? { ok: true } : notOpen();
}
