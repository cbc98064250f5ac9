import type { MethodName, Params, Result } from '../../../shared/api/contract';
import type { ApiErrorShape, Outcome } from '../../../shared/api/errors';
import { evaluationWithPanel, TEST_PASSPHRASE, type TestCore } from '../support/core';
import { declareAll } from '../support/declarations';
export { declareAll };

/*
 * The identity story's shared pieces: a clock the tests move by hand, signing in through the contract, and
 * an evaluation open for scoring in which evaluator B has written an unsealed score with a secret rationale
 * and a bid is recused from the evaluators.
 */

/**
 * A clock the test moves (sessions lock after idle time; wrong passphrases make you wait). Each reading also
 * moves it on by a millisecond, as time does between two calls, so that records keep their order.
 */
export function manualClock(startIso = '2026-03-02T09:00:00.000Z') {
  let now = Date.parse(startIso);
  return {
    clock: () => new Date((now += 1)),
    advanceSeconds(seconds: number) {
      now += seconds * 1000;
    },
    advanceMinutes(minutes: number) {
      now += minutes * 60_000;
    },
    set(iso: string) {
      now = Date.parse(iso);
    },
    iso: () => new Date(now).toISOString(),
  };
}
export type ManualClock = ReturnType<typeof manualClock>;

/** A passphrase the strength rule accepts, other than the one every test profile has. */
export const STRONG = 'quartz lantern meadow ninety';
export const ANOTHER_STRONG = 'kettle brisk violet harbour';

/** A call with exactly this session id (or none): what a client could send. */
export const send = <M extends MethodName>(t: TestCore, sessionId: string | null, method: M, params: Params<M>): Promise<Outcome<Result<M>>> =>
  t.core.dispatch(sessionId, method, params) as Promise<Outcome<Result<M>>>;

/** The answer of a call expected to succeed. */
export async function ok<M extends MethodName>(t: TestCore, sessionId: string | null, method: M, params: Params<M>): Promise<Result<M>> {
  const outcome = await send(t, sessionId, method, params);
  if (!outcome.ok) throw new Error(`${method} failed: ${outcome.error.code} ${outcome.error.message}`);
  return outcome.result;
}

/** The error of a call expected to be refused. */
export async function refused(t: TestCore, sessionId: string | null, method: string, params: unknown): Promise<ApiErrorShape> {
  const outcome = await t.core.dispatch(sessionId, method, params);
  if (outcome.ok) throw new Error(`${method} unexpectedly succeeded: ${JSON.stringify(outcome.result).slice(0, 300)}`);
  return outcome.error;
}

/** session.signIn as anyone at the sign-in screen would: the whole answer, signed in or not. */
export const signIn = (t: TestCore, personId: string, passphrase = TEST_PASSPHRASE) => ok(t, null, 'session.signIn', { personId, passphrase });

/** A fresh session for the person (a new sign-in, whatever sessions they already have). */
export async function freshSession(t: TestCore, personId: string, passphrase = TEST_PASSPHRASE): Promise<string> {
  const answer = await signIn(t, personId, passphrase);
  if (!answer.signedIn) throw new Error(`signing in ${personId} was refused: ${answer.message}`);
  return answer.sessionId;
}

/** Adds a profile through the sign-in screen's "new profile". */
export const register = (t: TestCore, name: string, passphrase = TEST_PASSPHRASE) => send(t, null, 'session.register', { name, passphrase });

/** The codes a refusal may carry; anything else (INTERNAL, UNKNOWN_METHOD) is a fault, not a refusal. */
export const REFUSALS = ['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'RULE_VIOLATION', 'INVALID_PARAMS', 'CONFLICT'] as const;

/** Markers that must never reach anyone but B (the rationale) or anyone recused from Riverside (its bid). */
export const SECRET_RATIONALE = 'EVAN-UNSEALED-RATIONALE-7f3a';
export const SECRET_LOCATION = 'EVAN-UNSEALED-LOCATION-7f3a';
export const SECRET_RESPONSE = 'RIVERSIDE-RECUSED-RESPONSE-91c2: our board meets monthly with the ICB.';
export const SECRET_DOCUMENT = '%PDF-1.4\nRIVERSIDE-RECUSED-DOCUMENT-91c2 board minutes\n%%EOF\n';
export const SECRETS = [SECRET_RATIONALE, SECRET_LOCATION, 'RIVERSIDE-RECUSED-RESPONSE-91c2', 'RIVERSIDE-RECUSED-DOCUMENT-91c2'];

export const RATIONALE = 'The response evidences a partnership board with a signed terms of reference and clear escalation routes.';
export const GOV_DEV = 'governance-and-leadership/developing';
/** The twelve Merton criteria (4 capability areas × 3 stages). */
export const ALL_CRITERIA = [
  'governance-and-leadership',
  'transformation-change',
  'culture-change-continuous-improvement',
  'managing-resources',
].flatMap((area) => ['developing', 'maturing', 'thriving'].map((stage) => `${area}/${stage}`));

/**
 * The lead (who, having added the first profile, administers the installation), a moderator, evaluators A
 * (Eve), B (Evan) and C (Eva), someone outside the panel, and two bidders: Wandle (clear for everyone) and
 * Riverside, with a confidential response and document, from which A and B are recused by the conflicts
 * they declared. B has scored every criterion for Wandle with a secret rationale, unsealed.
 */
export async function panelWithSecrets(t: TestCore) {
  const s = await evaluationWithPanel(t);
  const evaluationId = s.evaluation.id;
  const [a, b, c] = s.evaluators;
  const detail = await t.call(s.lead.id, 'bidders.add', {
    evaluationId,
    name: 'Riverside Partnership',
    reference: 'BID-002',
    members: [{ organisation: 'Riverside Healthcare NHS Trust', role: 'lead' }],
  });
  const riverside = detail.bidders.find((x) => x.name === 'Riverside Partnership')!;
  const areaId = detail.framework.areas[0]!.id;
  await t.call(s.lead.id, 'submissions.saveResponse', {
    evaluationId,
    bidderId: s.bidder.id,
    areaId,
    text: 'Wandle’s response: a partnership board.',
  });
  await t.call(s.lead.id, 'submissions.saveResponse', { evaluationId, bidderId: riverside.id, areaId, text: SECRET_RESPONSE });
  const wandleDoc = await t.call(s.lead.id, 'documents.add', {
    evaluationId,
    bidderId: s.bidder.id,
    fileName: 'wandle-governance.pdf',
    mediaType: 'application/pdf',
    content: Buffer.from('%PDF-1.4\nWandle governance structure\n%%EOF\n'),
  });
  const riversideDoc = await t.call(s.lead.id, 'documents.add', {
    evaluationId,
    bidderId: riverside.id,
    fileName: 'riverside-minutes.pdf',
    mediaType: 'application/pdf',
    content: Buffer.from(SECRET_DOCUMENT),
  });
  await t.call(s.lead.id, 'evaluations.openScoring', { evaluationId });
  await declareAll(t, evaluationId, s.moderator.id);
  await declareAll(t, evaluationId, a.id, [riverside.id]);
  await declareAll(t, evaluationId, b.id, [riverside.id]);
  for (const criterionId of ALL_CRITERIA) {
    await t.call(b.id, 'scoring.save', {
      evaluationId,
      bidderId: s.bidder.id,
      criterionId,
      score: 5,
      rationale: `${SECRET_RATIONALE} ${RATIONALE}`,
      evidenceRefs: [{ documentId: wandleDoc.document.id, location: SECRET_LOCATION }],
      indicatorMarks: {},
    });
  }
  return {
    ...s,
    t,
    evaluationId,
    a,
    b,
    c,
    wandle: s.bidder,
    riverside,
    documents: { wandle: wandleDoc.document.id, riverside: riversideDoc.document.id },
    framework: detail.framework,
  };
}
export type SecretsScene = Awaited<ReturnType<typeof panelWithSecrets>>;
