import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { Core } from '../core';
import { newToken, readHostState, writeHostState } from './host-state';
import { LaunchCodes } from './launch-codes';
import { refuse } from './replies';
import { handleProgressEvents } from './progress-events';
import { handleApi, handleLaunch, serveStatic } from './routes';
import { isOwnRequest, requestPath } from './security';

export { MAX_REQUEST_BYTES } from './replies';

export interface WebHost {
  port: number;
  token: string;
  /** Open this in a browser: a one-time launch code in the fragment (never sent to servers), not the token. */
  url: string;
  /** Another one-time address, for another browser. */
  launchUrl(): string;
  close(): Promise<void>;
}

export interface WebHostOptions {
  core: Pick<Core, 'dispatch' | 'watchProgress'>;
  rendererDir: string;
  /** Wins over the port saved in the data folder. */
  port?: number;
  token?: string;
  /** Where the port and token are kept between launches (web-host.json); nothing is kept without it. */
  dataDir?: string;
  /** Milliseconds since the epoch; injected in tests to expire launch codes. */
  clock?: () => number;
}

interface Routing {
  port: number;
  token: string;
  codes: LaunchCodes;
  options: WebHostOptions;
}

async function route(req: IncomingMessage, res: ServerResponse, r: Routing): Promise<void> {
  const path = requestPath(req.url);
  if (path === null) return refuse(res, 400, 'INVALID_PARAMS', 'Malformed request address.');
  const own = isOwnRequest(req, r.port);
  if (!own.ok) return refuse(res, own.status, own.status === 400 ? 'INVALID_PARAMS' : 'FORBIDDEN', `Refused: ${own.why}.`);
  if (path === '/launch') return handleLaunch(req, res, r.codes, r.token);
  if (path === '/events') return handleProgressEvents(req, res, { core: r.options.core, token: r.token });
  if (path.startsWith('/api/')) return handleApi(req, res, path.slice('/api/'.length), { core: r.options.core, token: r.token });
  return serveStatic(req, res, path, r.options.rendererDir);
}

/** Nothing a client sends may throw out of the listener: a thrown error would stop the host for everyone. */
function answerSafely(req: IncomingMessage, res: ServerResponse, r: Routing): void {
  req.on('error', () => {});
  res.on('error', () => {});
  route(req, res, r).catch((error: unknown) => {
    console.error('[web-host]', error);
    try {
      if (!res.headersSent) refuse(res, 500, 'INTERNAL', 'The host failed to answer.');
      else res.destroy();
    } catch {
      res.destroy();
    }
  });
}

/** Answers on the raw socket and closes it: for requests that never reach the listener. */
function closeWith(socket: Duplex, status: string): void {
  socket.on('error', () => {}); // a peer that already left must not become an uncaught 'error'
  if (socket.writable && (socket as Socket).bytesWritten === 0) {
    socket.write(`HTTP/1.1 ${status}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
  }
  socket.destroy();
}

/** What the parser refuses (broken request lines, bad or oversized headers, unknown methods, slow headers). */
function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  const code = error.code ?? '';
  closeWith(
    socket,
    code === 'HPE_HEADER_OVERFLOW'
      ? '431 Request Header Fields Too Large'
      : code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? '408 Request Timeout'
        : '400 Bad Request',
  );
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const failed = (error: Error) => reject(error);
    server.once('error', failed);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', failed);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/**
 * The browser host: loopback only, a connection token (kept per data folder with the port, so an open
 * tab reconnects after a restart), one-time launch codes to hand it over, and only routing — all rules
 * live in the core.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const saved = options.dataDir ? readHostState(options.dataDir) : {};
  const routing: Routing = { port: 0, token: newToken(), codes: new LaunchCodes(options.clock), options };
  const server = createServer((req, res) => answerSafely(req, res, routing));
  // "Expect: 100-continue" is answered only once the checks pass and a body is wanted (routes.ts), not by Node up front.
  server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => answerSafely(req, res, routing));
  server.on('clientError', answerClientError);
  server.on('connect', (_req: IncomingMessage, socket: Duplex) => closeWith(socket, '405 Method Not Allowed'));
  server.headersTimeout = 20_000;
  server.requestTimeout = 60_000;
  server.keepAliveTimeout = 5_000;

  const wanted = options.port ?? saved.port ?? 0;
  let port: number;
  try {
    port = await listen(server, wanted);
  } catch (error) {
    // The saved port is only a preference (another program may have it now); an explicit one is not.
    if (options.port !== undefined || wanted === 0) throw error;
    port = await listen(server, 0);
  }
  server.on('error', (error) => console.error('[web-host]', error));
  routing.port = port;
  // Only tabs on the same origin (port) can use a kept token. On another port, a fresh one: whatever took the old
  // port may have been sent the old token by a tab left open there.
  routing.token = options.token ?? (port === saved.port ? saved.token : undefined) ?? routing.token;
  if (options.dataDir) {
    try {
      writeHostState(options.dataDir, { port, token: routing.token });
    } catch (error) {
      console.error('[web-host] could not keep the port and token for next time:', error);
    }
  }

  const launchUrl = () => `http://127.0.0.1:${port}/#launch=${routing.codes.mint()}`;
  return {
    port,
    token: routing.token,
    url: launchUrl(),
    launchUrl,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
