import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ErrorCode, Outcome } from '../../shared/api/errors';
import type { Core } from '../core';
import { bearerToken, isOwnRequest, SECURITY_HEADERS, tokensEqual } from './security';
import { readRendererFile } from './static-files';

/** Room for one evidence document of up to 25 MB as base64 (about 33.4 MB) in its JSON envelope. */
export const MAX_REQUEST_BYTES = 40 * 1024 * 1024;

const STATUS_FOR: Record<ErrorCode, number> = {
  INVALID_PARAMS: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  UNKNOWN_METHOD: 404,
  CONFLICT: 409,
  RULE_VIOLATION: 422,
  INTERNAL: 500,
};

export interface WebHost {
  port: number;
  token: string;
  /** Open this in a browser: the token travels in the fragment, which browsers never send to servers. */
  url: string;
  close(): Promise<void>;
}

export interface WebHostOptions {
  core: Pick<Core, 'dispatch'>;
  rendererDir: string;
  port?: number;
  token?: string;
}

function send(res: ServerResponse, status: number, body: string | Buffer, type: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Content-Length': Buffer.byteLength(body), ...extra });
  res.end(body);
}

function sendOutcome(res: ServerResponse, outcome: Outcome<unknown>): void {
  const status = outcome.ok ? 200 : STATUS_FOR[outcome.error.code];
  send(res, status, JSON.stringify(outcome), 'application/json; charset=utf-8', { 'Cache-Control': 'no-store' });
}

const refuse = (res: ServerResponse, status: number, code: ErrorCode, message: string) =>
  send(res, status, JSON.stringify({ ok: false, error: { code, message } }), 'application/json; charset=utf-8', { 'Cache-Control': 'no-store' });

function readBody(req: IncomingMessage): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_REQUEST_BYTES) {
        req.removeAllListeners('data');
        req.resume();
        resolve('too-large');
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

async function handleApi(req: IncomingMessage, res: ServerResponse, method: string, opts: { core: Pick<Core, 'dispatch'>; token: string }) {
  const given = bearerToken(req);
  if (given === null || !tokensEqual(given, opts.token)) {
    return refuse(res, 401, 'UNAUTHENTICATED', 'Missing or wrong access token: open the app with the address the host printed.');
  }
  if (req.method !== 'POST') return refuse(res, 405, 'INVALID_PARAMS', 'Use POST for API calls.');
  if (!req.headers['content-type']?.startsWith('application/json')) {
    return refuse(res, 415, 'INVALID_PARAMS', 'API calls must send application/json.');
  }
  const body = await readBody(req);
  if (body === 'too-large') return refuse(res, 413, 'INVALID_PARAMS', `The request is larger than ${MAX_REQUEST_BYTES / 1024 / 1024} MB.`);
  let envelope: unknown;
  try {
    envelope = JSON.parse(body.toString('utf8'));
  } catch {
    return refuse(res, 400, 'INVALID_PARAMS', 'The request body is not valid JSON.');
  }
  if (!envelope || typeof envelope !== 'object') return refuse(res, 400, 'INVALID_PARAMS', 'The request body must be an object.');
  const { actorId = null, params = {} } = envelope as { actorId?: unknown; params?: unknown };
  if (actorId !== null && typeof actorId !== 'string') return refuse(res, 400, 'INVALID_PARAMS', 'actorId must be a string or null.');
  sendOutcome(res, await opts.core.dispatch(actorId, method, params));
}

/** The browser host: loopback only, a per-launch token, and only routing — all rules live in the core. */
export function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  let port = 0;
  const server = createServer((req, res) => {
    const own = isOwnRequest(req, port);
    if (!own.ok) return refuse(res, 403, 'FORBIDDEN', `Refused: ${own.why}.`);
    const path = new URL(req.url ?? '/', 'http://placeholder').pathname;
    const handle = path.startsWith('/api/')
      ? handleApi(req, res, decodeURIComponent(path.slice('/api/'.length)), { core: options.core, token })
      : serveStatic(req, res, path, options.rendererDir);
    handle.catch((error: unknown) => {
      console.error('[web-host]', error);
      if (!res.headersSent) refuse(res, 500, 'INTERNAL', 'The host failed to answer.');
    });
  });
  server.requestTimeout = 60_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      resolve({
        port,
        token,
        url: `http://127.0.0.1:${port}/#token=${token}`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

async function serveStatic(req: IncomingMessage, res: ServerResponse, path: string, rendererDir: string) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'INVALID_PARAMS', 'Only GET is served here.');
  const file = await readRendererFile(rendererDir, path);
  if (!file) return send(res, 404, 'Not found', 'text/plain; charset=utf-8');
  send(res, 200, file.body, file.type, { 'Cache-Control': path === '/' || path.endsWith('.html') ? 'no-store' : 'max-age=3600' });
}
