import { ApiFailure, messageOf } from '../api/client';

export type ActionResult = { ok: true } | { ok: false; message: string; issues: { path: string; message: string }[] };

/** Runs a store action's API work and turns a refusal into something a form can show. */
export async function attempt(work: () => Promise<void>): Promise<ActionResult> {
  try {
    await work();
    return { ok: true };
  } catch (error) {
    return { ok: false, message: messageOf(error), issues: error instanceof ApiFailure ? error.issues : [] };
  }
}
