import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ErrorCode, Outcome } from '../../shared/api/errors';
import { carriesBytes } from '../../shared/api/wire-bytes';
import { writeMultipart } from './multipart-out';
import { SECURITY_HEADERS } from './security';

/** Room for the largest file sent in one call (an evaluator pack of up to 32 MB; larger ones come in 8 MB parts) and its envelope. */
export const MAX_REQUEST_BYTES = 40 * 1024 * 1024;

export const STATUS_FOR: Record<ErrorCode, number> = {
  INVALID_PARAMS: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  UNKNOWN_METHOD: 404,
  CONFLICT: 409,
  RULE_VIOLATION: 422,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

export function send(res: ServerResponse, status: number, body: string | Buffer, type: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Content-Length': Buffer.byteLength(body), ...extra });
  res.end(body);
}

export const sendJson = (res: ServerResponse, status: number, value: unknown) =>
  send(res, status, JSON.stringify(value), 'application/json; charset=utf-8', { 'Cache-Control': 'no-store' });

/**
 * The core's answer: JSON, or — when the result carries files — multipart/form-data (an `outcome` part with
 * placeholders, a part per file named with the result's fileName), written out without copying the files.
 */
export async function sendOutcome(res: ServerResponse, outcome: Outcome<unknown>): Promise<void> {
  if (!outcome.ok || !carriesBytes(outcome.result)) return sendJson(res, outcome.ok ? 200 : STATUS_FOR[outcome.error.code], outcome);
  await writeMultipart(res, 200, { ...SECURITY_HEADERS, 'Cache-Control': 'no-store' }, outcome, 'outcome');
}

export const refuse = (res: ServerResponse, status: number, code: ErrorCode, message: string) =>
  sendJson(res, status, { ok: false, error: { code, message } });

/**
 * The body, up to `limit` bytes; 'too-large' beyond it (the rest is drained, not kept), or 'aborted'
 * when the client went away before sending all of it (nobody is left to answer).
 */
export function readBody(req: IncomingMessage, limit = MAX_REQUEST_BYTES): Promise<Buffer | 'too-large' | 'aborted'> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else {
        chunks.length = 0;
        resolve('too-large');
      }
    });
    // Whichever comes first settles it: 'close' after 'end' changes nothing.
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', () => resolve('aborted'));
    req.on('close', () => resolve('aborted'));
  });
}
