import type { MethodName, Params, Result } from '../../../shared/api/contract';
import type { ApiErrorShape, ErrorCode } from '../../../shared/api/errors';
import type { ProgressUpdate } from '../../../shared/api/progress';
import { followJob } from './progress-stream';
import { connectionToken, pickTransport, type Transport } from './transport';

export class ApiFailure extends Error {
  readonly code: ErrorCode;
  readonly issues: { path: string; message: string }[];
  constructor(error: ApiErrorShape) {
    super(error.message);
    this.code = error.code;
    this.issues = error.issues ?? [];
  }
}

let transport: Transport | null = null;
/** The signed-in session, held in this page's memory only (never stored, never in a URL). */
let sessionId: string | null = null;

export interface ConnectionListener {
  /** A call carrying a session was refused because the session ended (idle, restart, reset). */
  sessionLost(message: string): void;
  /** The host did not answer at all. */
  hostUnavailable(message: string): void;
}
let listener: ConnectionListener | null = null;

/** The session store sets the session; every call carries it and the core resolves who is acting from it. */
export function setSession(id: string | null): void {
  sessionId = id;
}

export function onConnection(l: ConnectionListener): void {
  listener = l;
}

/** The renderer's only way to reach the core. Rejects with ApiFailure carrying the core's structured error. */
export async function call<M extends MethodName>(method: M, params: Params<M>): Promise<Result<M>> {
  transport ??= pickTransport();
  const sentWith = sessionId;
  const outcome = await transport(method, sentWith, params);
  if (!outcome.ok) {
    if (outcome.error.code === 'UNAUTHENTICATED' && sentWith !== null && sentWith === sessionId) listener?.sessionLost(outcome.error.message);
    if (outcome.error.code === 'UNAVAILABLE') listener?.hostUnavailable(outcome.error.message);
    throw new ApiFailure(outcome.error);
  }
  return outcome.result as Result<M>;
}

export const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : 'Something went wrong; nothing was changed.';

/** Follows the progress of a job this page is about to start, pushed by the host; returns how to stop. */
export const followProgress = (jobId: string, onUpdate: (update: ProgressUpdate) => void): (() => void) =>
  followJob({ token: connectionToken(), sessionId }, jobId, onUpdate);
