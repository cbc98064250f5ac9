import type { IncomingMessage, ServerResponse } from 'node:http';
import { valueOfParts, WireBytesError, type ReceivedPart } from '../../shared/api/wire-bytes';
import type { Core } from '../core';
import type { LaunchCodes } from './launch-codes';
import { readFormParts } from './multipart-in';
import { MAX_REQUEST_BYTES, readBody, refuse, send, sendJson, sendOutcome } from './replies';
import { bearerToken, decodePath, tokensEqual } from './security';
import { readRendererFile } from './static-files';

/** A launch code and its JSON wrapping fit in far less. */
const MAX_LAUNCH_BYTES = 1024;
const JSON_TYPE = 'application/json';
/** Only for calls that carry files: a `call` part with the envelope, and a part per file (shared/api/wire-bytes.ts). */
const FORM_TYPE = 'multipart/form-data';

type Posted = { type: typeof JSON_TYPE; body: Buffer } | { type: typeof FORM_TYPE; parts: ReceivedPart[] };

/**
 * The body of a POST of one of the accepted types, or null once a refusal has been sent (or the client is
 * gone). The size cap is applied from Content-Length before reading, and again while reading; a multipart
 * body is parsed as it streams in.
 */
async function postedBody(req: IncomingMessage, res: ServerResponse, limit: number, types: readonly Posted['type'][]): Promise<Posted | null> {
  const no = (status: number, message: string) => {
    refuse(res, status, 'INVALID_PARAMS', message);
    return null;
  };
  if (req.method !== 'POST') return no(405, 'Use POST here.');
  const given = req.headers['content-type']?.toLowerCase() ?? '';
  const type = types.find((t) => given.startsWith(t));
  if (!type)
    return no(
      415,
      types.includes(FORM_TYPE) ? 'Send application/json, or multipart/form-data for a call that carries files.' : 'Send application/json.',
    );
  const tooLarge = `The request is larger than ${limit >= 1024 * 1024 ? `${limit / 1024 / 1024} MB` : `${limit} bytes`}.`;
  if (Number(req.headers['content-length']) > limit) return no(413, tooLarge);
  if (/100-continue/i.test(req.headers.expect ?? '')) res.writeContinue();
  const read = type === FORM_TYPE ? await readFormParts(req, limit) : await readBody(req, limit);
  if (read === 'aborted') return null;
  if (read === 'too-large') return no(413, tooLarge);
  if (Buffer.isBuffer(read)) return { type: JSON_TYPE, body: read };
  if ('refused' in read) return no(400, `${read.refused} Nothing was done.`);
  return { type: FORM_TYPE, parts: read.parts };
}

/** A JSON body that is an object, or null. */
function jsonObject(body: Buffer): object | null {
  try {
    const value: unknown = JSON.parse(body.toString('utf8'));
    if (value && typeof value === 'object' && !Array.isArray(value)) return value;
  } catch {
    // null below, like any other body that is not an object
  }
  return null;
}

/** The envelope a multipart call carries, files back in place; or why it is not a well-formed call (an unknown, missing or extra part, a forged placeholder). */
function formEnvelope(parts: ReceivedPart[]): { envelope: unknown } | { refused: string } {
  try {
    return { envelope: valueOfParts(parts, 'call') };
  } catch (error) {
    if (error instanceof WireBytesError) return { refused: error.message };
    throw error;
  }
}

/** The JSON object a POST /launch carries, or null once a refusal has been sent. */
async function jsonBody(req: IncomingMessage, res: ServerResponse, limit: number): Promise<object | null> {
  const posted = await postedBody(req, res, limit, [JSON_TYPE]);
  if (posted === null) return null;
  const value = posted.type === JSON_TYPE ? jsonObject(posted.body) : null;
  if (value === null) refuse(res, 400, 'INVALID_PARAMS', 'The request body must be a JSON object.');
  return value;
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

/**
 * POST /api/<method>: the token first, then the method name, then the body — in that order. The body is JSON, or
 * multipart/form-data when the call carries files; an answer carrying files comes back as multipart too.
 */
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
  const posted = await postedBody(req, res, MAX_REQUEST_BYTES, [JSON_TYPE, FORM_TYPE]);
  if (posted === null) return;
  let envelope: unknown;
  if (posted.type === FORM_TYPE) {
    const read = formEnvelope(posted.parts);
    if ('refused' in read) return refuse(res, 400, 'INVALID_PARAMS', `${read.refused} Nothing was done.`);
    envelope = read.envelope;
  } else envelope = jsonObject(posted.body);
  if (!envelope || typeof envelope !== 'object' || Array.isArray(envelope))
    return refuse(res, 400, 'INVALID_PARAMS', 'The request body must be a JSON object.');
  const extra = Object.keys(envelope).filter((key) => key !== 'sessionId' && key !== 'params');
  if (extra.length > 0) return refuse(res, 400, 'INVALID_PARAMS', `The request body has only sessionId and params, not ${extra.join(', ')}.`);
  const { sessionId = null, params = {} } = envelope as { sessionId?: unknown; params?: unknown };
  if (sessionId !== null && typeof sessionId !== 'string') return refuse(res, 400, 'INVALID_PARAMS', 'sessionId must be a string or null.');
  await sendOutcome(res, await opts.core.dispatch(sessionId, method, params));
}

export async function serveStatic(req: IncomingMessage, res: ServerResponse, path: string, rendererDir: string): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'INVALID_PARAMS', 'Only GET is served here.');
  if (decodePath(path) === null) return refuse(res, 400, 'INVALID_PARAMS', 'The address is not valid percent-encoding.');
  const file = await readRendererFile(rendererDir, path);
  if (!file) return send(res, 404, 'Not found', 'text/plain; charset=utf-8');
  send(res, 200, file.body, file.type, { 'Cache-Control': path === '/' || path.endsWith('.html') ? 'no-store' : 'max-age=3600' });
}
