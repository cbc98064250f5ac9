import type { MethodName, Params, Result } from '../../../shared/api/contract';
import type { RunningHost } from './web-host';

/**
 * Calls the real running host's API, exactly as the renderer does. For arranging what a story
 * starts from (e.g. an evaluation already open for scoring); the story itself is then told in the UI.
 */
export async function callApi<M extends MethodName>(host: RunningHost, actorId: string | null, method: M, params: Params<M>): Promise<Result<M>> {
  const response = await fetch(`${host.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${host.token}` },
    body: JSON.stringify({ actorId, params }),
  });
  const outcome = (await response.json()) as { ok: true; result: Result<M> } | { ok: false; error: { code: string; message: string } };
  if (!outcome.ok) throw new Error(`${method} failed: ${outcome.error.code} ${outcome.error.message}`);
  return outcome.result;
}

/** The demo evaluation, opened for scoring by its procurement lead: people, panel and two consortium bidders. */
export async function demoOpenForScoring(host: RunningHost) {
  const { evaluationId, leadPersonId } = await callApi(host, null, 'demo.create', {});
  const evaluation = await callApi(host, leadPersonId, 'evaluations.openScoring', { evaluationId });
  const person = (name: string) => evaluation.panel.find((m) => m.name.startsWith(name))!.personId;
  return { evaluationId, leadPersonId, evaluation, person };
}
