import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Core } from '../core';
import { refuse } from './replies';
import { bearerToken, SECURITY_HEADERS, tokensEqual } from './security';

/** The header that names the session whose progress a page follows (never the address: it would reach logs and history). */
export const SESSION_HEADER = 'x-capability-session';
const SESSION_PATTERN = /^[A-Za-z0-9_-]{16,200}$/;
/** A comment line now and then, so a page whose host has gone notices, and nothing between closes an idle stream. */
const KEEP_ALIVE_MS = 15_000;

/**
 * GET /events: server-sent events carrying the progress of the signed-in person's own long work. The
 * token first, then the session (checked by the core, which also filters every update by its owner).
 */
export function handleProgressEvents(req: IncomingMessage, res: ServerResponse, opts: { core: Pick<Core, 'watchProgress'>; token: string }): void {
  if (req.method !== 'GET') return refuse(res, 405, 'INVALID_PARAMS', 'Use GET here.');
  const given = bearerToken(req);
  if (given === null || !tokensEqual(given, opts.token)) {
    return refuse(res, 401, 'UNAUTHENTICATED', 'Missing or wrong connection token: open the app with the address the host printed.');
  }
  const sessionId = req.headers[SESSION_HEADER];
  if (typeof sessionId !== 'string' || !SESSION_PATTERN.test(sessionId))
    return refuse(res, 400, 'INVALID_PARAMS', `Send the session in the ${SESSION_HEADER} header.`);

  res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store' });
  res.flushHeaders();
  const keepAlive = setInterval(() => res.write(': still here\n\n'), KEEP_ALIVE_MS);
  const stop = opts.core.watchProgress(sessionId, (push) => {
    res.write(`data: ${JSON.stringify(push)}\n\n`);
    if (push.kind === 'refused') res.end();
  });
  res.on('close', () => {
    clearInterval(keepAlive);
    stop();
  });
}
