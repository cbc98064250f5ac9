import type { MethodName, Params, Result } from '../../../shared/api/contract';
import type { ApiErrorShape, ErrorCode } from '../../../shared/api/errors';
import { pickTransport, type Transport } from './transport';

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
let actorId: string | null = null;

/** The session store sets who is acting; every call carries it and the core authorises it. */
export function setActor(id: string | null): void {
  actorId = id;
}

/** The renderer's only way to reach the core. Rejects with ApiFailure carrying the core's structured error. */
export async function call<M extends MethodName>(method: M, params: Params<M>): Promise<Result<M>> {
  transport ??= pickTransport();
  const outcome = await transport(method, actorId, params);
  if (!outcome.ok) throw new ApiFailure(outcome.error);
  return outcome.result as Result<M>;
}

export const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : 'Something went wrong; nothing was changed.';
