import type { Outcome } from '../../shared/api/errors';

export interface CoreMessage {
  method: string;
  sessionId: string | null;
  params: unknown;
}

const MAX_METHOD_LENGTH = 200;
const MAX_SESSION_LENGTH = 200;

/**
 * The minimal shape check the host does before relaying to the core. Params are deliberately left
 * alone: validating them (and authorising the actor) is the core's job, the same for every host.
 */
export function readCoreMessage(raw: unknown): CoreMessage | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const { method, sessionId, params } = raw as Record<string, unknown>;
  if (typeof method !== 'string' || method.length === 0 || method.length > MAX_METHOD_LENGTH) return null;
  if (sessionId !== null && (typeof sessionId !== 'string' || sessionId.length > MAX_SESSION_LENGTH)) return null;
  return { method, sessionId, params };
}

const isWatchId = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value > 0;

/** A window asking to follow its session's progress: a watch number of its own and the session. */
export function readWatchMessage(raw: unknown): { watchId: number; sessionId: string } | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const { watchId, sessionId } = raw as Record<string, unknown>;
  if (!isWatchId(watchId) || typeof sessionId !== 'string' || sessionId.length === 0 || sessionId.length > MAX_SESSION_LENGTH) return null;
  return { watchId, sessionId };
}

export function readUnwatchMessage(raw: unknown): { watchId: number } | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const { watchId } = raw as Record<string, unknown>;
  return isWatchId(watchId) ? { watchId } : null;
}

export const REFUSED_SENDER: Outcome<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: 'This request did not come from the app window.' },
};

export const MALFORMED_MESSAGE: Outcome<never> = {
  ok: false,
  error: { code: 'INVALID_PARAMS', message: 'Malformed request: expected { method: string, sessionId: string | null, params }.' },
};
