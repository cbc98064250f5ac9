import type { MethodName, Params, Result } from '../../../shared/api/contract';
import { carriesBytes, formOf, valueOfForm } from '../../../shared/api/wire-bytes';
import { passphraseOf, rememberPassphrase } from './people';
import type { RunningHost } from './web-host';

/** As the page sends a call: multipart/form-data when its params carry a file, JSON otherwise; answers read the same way. */
async function send<M extends MethodName>(host: RunningHost, sessionId: string | null, method: M, params: Params<M>): Promise<Result<M>> {
  const withFiles = carriesBytes(params);
  const response = await fetch(`${host.origin}/api/${method}`, {
    method: 'POST',
    headers: { ...(withFiles ? {} : { 'Content-Type': 'application/json' }), Authorization: `Bearer ${host.token}` },
    body: withFiles ? formOf({ sessionId, params }, 'call') : JSON.stringify({ sessionId, params }),
  });
  const multipart = response.headers.get('content-type')?.startsWith('multipart/form-data');
  const outcome = (multipart ? await valueOfForm(await response.formData(), 'outcome') : await response.json()) as
    | { ok: true; result: Result<M> }
    | { ok: false; error: { code: string; message: string } };
  if (!outcome.ok) throw new Error(`${method} failed: ${outcome.error.code} ${outcome.error.message}`);
  return outcome.result;
}

/** Sessions per running host process (a restarted host knows none). */
const sessions = new Map<number | undefined, Map<string, string>>();

/** Signs a person in through the API with the passphrase the story knows for them, once per host process. */
async function sessionOf(host: RunningHost, personId: string): Promise<string> {
  const forHost = sessions.get(host.process.pid) ?? new Map<string, string>();
  sessions.set(host.process.pid, forHost);
  const known = forHost.get(personId);
  if (known) return known;
  const outcome = await send(host, null, 'session.signIn', { personId, passphrase: passphraseOf(host, personId) });
  if (!outcome.signedIn) throw new Error(`signing in ${personId} failed: ${outcome.message}`);
  forHost.set(personId, outcome.sessionId);
  return outcome.sessionId;
}

/**
 * Calls the real running host's API, exactly as the renderer does, signed in as the person (or signed out
 * for null). For arranging what a story starts from (e.g. an evaluation already open for scoring); the
 * story itself is then told in the UI.
 */
export async function callApi<M extends MethodName>(host: RunningHost, actorId: string | null, method: M, params: Params<M>): Promise<Result<M>> {
  const result = await send(host, actorId === null ? null : await sessionOf(host, actorId), method, params);
  if (method === 'demo.create') {
    for (const p of (result as Result<'demo.create'>).profiles) {
      rememberPassphrase(host, p.personId, p.passphrase);
      rememberPassphrase(host, p.name, p.passphrase);
    }
  }
  return result;
}

/** The demo evaluation, opened for scoring by its procurement lead: people, panel and two consortium bidders. */
export async function demoOpenForScoring(host: RunningHost) {
  const { evaluationId, leadPersonId } = await callApi(host, null, 'demo.create', {});
  const evaluation = await callApi(host, leadPersonId, 'evaluations.openScoring', { evaluationId });
  const person = (name: string) => evaluation.panel.find((m) => m.name.startsWith(name))!.personId;
  return { evaluationId, leadPersonId, evaluation, person };
}

/** The demo carried to results through the real API: everyone declared clear, every evaluator's scores saved and sealed. */
export async function scoredDemo(host: RunningHost, scoreFor: (evaluator: number, bidder: number, criterion: number) => number = (e, b, c) => 2 + ((e + b + c) % 4)) {
  const demo = await demoOpenForScoring(host);
  const { evaluation, evaluationId } = demo;
  const evaluators = evaluation.panel.filter((m) => m.role === 'evaluator');
  const moderator = evaluation.panel.find((m) => m.role === 'moderator')!;
  for (const person of [...evaluators, moderator]) {
    for (const bidder of await callApi(host, person.personId, 'conflicts.mine', { evaluationId })) {
      for (const subject of bidder.subjects) {
        await callApi(host, person.personId, 'conflicts.declare', { evaluationId, bidderId: bidder.bidderId, memberId: subject.memberId, kind: 'none', description: '' });
      }
    }
  }
  const criteria = evaluation.framework.areas.flatMap((a) => evaluation.framework.stages.map((s) => `${a.id}/${s.id}`));
  for (const [e, evaluator] of evaluators.entries()) {
    for (const [b, bidder] of evaluation.bidders.entries()) {
      for (const [c, criterionId] of criteria.entries()) {
        await callApi(host, evaluator.personId, 'scoring.save', {
          evaluationId,
          bidderId: bidder.id,
          criterionId,
          score: scoreFor(e, b, c),
          rationale: `The response for ${criterionId} cites its evidence in section ${c + 1} of the bid.`,
          evidenceRefs: [],
          indicatorMarks: {},
        });
      }
      await callApi(host, evaluator.personId, 'scoring.seal', { evaluationId, bidderId: bidder.id });
    }
  }
  return { ...demo, evaluators, moderatorId: moderator.personId, criteria };
}
