import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Core } from '../core';
import type { LaunchCodes } from './launch-codes';
import { MAX_REQUEST_BYTES, readBody, refuse, send, sendJson, sendOutcome } from './replies';
import { bearerToken, decodePath, tokensEqual } from './security';
import { readRendererFile } from './static-files';

/** A launch code and its JSON wrapping fit in far less. */
const MAX_LAUNCH_BYTES = 1024;

/** The JSON object a POST carries, or null once a refusal has been sent (or the client is gone). */
async function jsonBody(req: IncomingMessage, res: ServerResponse, limit: number): Promise<object | null> {
  const no = (status: number, message: string) => {
    refuse(res, status, 'INVALID_PARAMS', message);
    return null;
  };
  if (req.method !== 'POST') return no(405, 'Use POST here.');
  if (!req.headers['content-type']?.toLowerCase().startsWith('application/json')) return no(415, 'Send application/json.');
  const tooLarge = `The request is larger than ${limit >= 1024 * 1024 ? `${limit / 1024 / 1024} MB` : `${limit} bytes`}.`;
  if (Number(req.headers['content-length']) > limit) return no(413, tooLarge);
  if (/100-continue/i.test(req.headers.expect ?? '')) res.writeContinue();
  const body = await readBody(req, limit);
  if (body === 'aborted') return null;
  if (body === 'too-large') return no(413, tooLarge);
  try {
    const value: unknown = JSON.parse(body.toString('utf8'));
    if (value && typeof value === 'object' && !Array.isArray(value)) return value;
  } catch {
    // refused below, like any other body that is not an object
  }
  return no(400, 'The request body must be a JSON object.');
}

/** POST /launch {code}: a one-time launch code from the printed address, exchanged for the connection token. */
export async function handleLaunch(req: IncomingMessage, res: ServerResponse, codes: LaunchCodes, token: string): Promise<void> {
  const body = await jsonBody(req, res, MAX_LAUNCH_BYTES);
  if (body === null) return;
  const { code } = body as { code?: unknown };
  if (typeof code !== 'string') return refuse(res, 400, 'INVALID_PARAMS', 'Send { "code": "…" }.');
  if (!codes.redeem(code)) {
    return refuse(
      res,
      401,
      'UNAUTHENTICATED',
      'This address has already been used or has expired (each works once, for 10 minutes). Start the app again (npm start) to get a new one.',
    );
  }
  sendJson(res, 200, { token });
}

/** POST /api/<method>: the token first, then the method name, then the body — in that order. */
export async function handleApi(
  req: IncomingMessage,
  res: ServerResponse,
  encodedMethod: string,
  opts: { core: Pick<Core, 'dispatch'>; token: string },
) {
  const given = bearerToken(req);
  if (given === null || !tokensEqual(given, opts.token)) {
    return refuse(res, 401, 'UNAUTHENTICATED', 'Missing or wrong connection token: open the app with the address the host printed.');
  }
  const method = decodePath(encodedMethod);
  if (method === null) return refuse(res, 400, 'INVALID_PARAMS', 'The method name is not valid percent-encoding.');
  const envelope = await jsonBody(req, res, MAX_REQUEST_BYTES);
  if (envelope === null) return;
  const extra = Object.keys(envelope).filter((key) => key !== 'sessionId' && key !== 'params');
  if (extra.length > 0) return refuse(res, 400, 'INVALID_PARAMS', `The request body has only sessionId and params, not ${extra.join(', ')}.`);
  const { sessionId = null, params = {} } = envelope as { sessionId?: unknown; params?: unknown };
  if (sessionId !== null && typeof sessionId !== 'string') return refuse(res, 400, 'INVALID_PARAMS', 'sessionId must be a string or null.');
  sendOutcome(res, await opts.core.dispatch(sessionId, method, params));
}

export async function serveStatic(req: IncomingMessage, res: ServerResponse, path: string, rendererDir: string): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'INVALID_PARAMS', 'Only GET is served here.');
  if (decodePath(path) === null) return refuse(res, 400, 'INVALID_PARAMS', 'The address is not valid percent-encoding.');
  const file = await readRendererFile(rendererDir, path);
  if (!file) return send(res, 404, 'Not found', 'text/plain; charset=utf-8');
  send(res, 200, file.body, file.type, { 'Cache-Control': path === '/' || path.endsWith('.html') ? 'no-store' : 'max-age=3600' });
}
