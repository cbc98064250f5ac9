/*
 * The built web host (out/main/web-host.js, which runs the core on its own worker thread) as a child process
 * on a data folder, and a client that calls its API the way the renderer does: POST /api/<method> with the
 * bearer token (the host keeps it in <dataDir>/web-host.json, which the bench, like the OS account, can
 * read), a JSON body { sessionId, params } — or, for a call carrying files, the page's own multipart form
 * (shared/api/wire-bytes.ts) — each person signed in once through session.signIn, as the sign-in screen does.
 * Requests go over one keep-alive connection (node:http, not undici's fetch, so that the client adds as
 * little as possible to a round trip).
 *
 * The host is a process of its own, not this one, so that what is measured of it — the longest stall of its
 * event loop and its resident memory, the core's thread included — is the host's alone: not the bench's
 * client (which decodes 60 MB answers), nor the ~100 MB of scores the bench holds to insert them.
 * host-monitor.mjs, loaded into it with --import, does the watching; `operation` opens and closes a window.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { MethodName, Result } from '../shared/api/contract';
import type { Outcome } from '../shared/api/errors';
import { carriesBytes, formOf, valueOfForm } from '../shared/api/wire-bytes';
import type { OperationLog } from './operations';
import { BENCH_PASSPHRASE, type Caller } from './synthetic';

export const ROOT = resolve(import.meta.dirname, '..');
export const HOST_SCRIPT = join(ROOT, 'out/main/web-host.js');
const WORKER_SCRIPT = join(ROOT, 'out/main/core-worker.js');
const MONITOR = pathToFileURL(join(ROOT, 'bench/host-monitor.mjs')).href;

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path));
    else newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds the app when the host bundle is missing or older than its sources (a stale bundle would measure old code). */
export function ensureBuilt(): void {
  const sources = Math.max(...['electron', 'shared', 'renderer', 'resources'].map((d) => newestMtime(join(ROOT, d))));
  const built = existsSync(HOST_SCRIPT) && existsSync(WORKER_SCRIPT) ? Math.min(statSync(HOST_SCRIPT).mtimeMs, statSync(WORKER_SCRIPT).mtimeMs) : 0;
  if (built >= sources) return;
  console.log(built === 0 ? '▶ building the app (out/main/web-host.js is missing)' : '▶ rebuilding the app (out/ is older than the sources)');
  const result = spawnSync('npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new Error('npx electron-vite build failed; the bench needs the built web host');
}

export interface Host {
  url: string;
  port: number;
  token: string;
  pid: number;
  process: ChildProcess;
  /** Calls as a person (signed in with BENCH_PASSPHRASE the first time they act); throws on a refusal. */
  call: Caller;
  /** Has a person's calls carry a session the host handed out otherwise (exchange.openPack making their profile). */
  keep(personId: string, sessionId: string): void;
  /** Forgets every session (a restore signs everyone out): each person signs in again when they next act. */
  forgetSessions(): void;
  /**
   * Runs `work` (calls to this host) as one window of the named operation: the host's longest event-loop
   * stall and peak RSS meanwhile go to the operation log the host was started with.
   */
  operation<T>(name: string, work: () => Promise<T>): Promise<T>;
  stop(): Promise<void>;
  /** Peak resident set over the host's life (VmHWM, unless a window reset it) and current resident set (VmRSS), in MiB. */
  memory(): { peakMb: number; rssMb: number };
}

/** The host as a user starts it; `monitored`, with host-monitor.mjs loaded into it and an IPC channel to ask it for windows. */
export function spawnHost(dataDir: string, { monitored = false } = {}): ChildProcess {
  const args = [...(monitored ? ['--import', MONITOR] : []), HOST_SCRIPT, '--data-dir', dataDir, '--no-open'];
  return spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe', ...(monitored ? (['ipc'] as const) : [])] });
}

/** Resolves with the host's URL once it prints it (its first line); rejects if it exits first. */
export function hostUrl(child: ChildProcess, timeoutMs = 30_000): Promise<string> {
  let output = '';
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`web host did not start within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`web host exited with ${code}:\n${output}`));
    };
    child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    child.stdout!.on('data', function onData(d: Buffer) {
      output += d.toString();
      const match = /WEB_HOST_URL (\S+)/.exec(output);
      if (!match?.[1]) return;
      clearTimeout(timer);
      child.off('exit', onExit);
      child.stdout!.off('data', onData);
      child.stdout!.resume();
      resolvePromise(match[1]);
    });
    child.once('exit', onExit);
  });
}

export function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done();
    child.once('exit', () => done());
    child.kill('SIGTERM');
  });
}

export function memoryOf(pid: number): { peakMb: number; rssMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { peakMb: kb('VmHWM') / 1024, rssMb: kb('VmRSS') / 1024 };
}

/** The connection token the host keeps in the data folder (the URL it prints carries a one-time launch code instead). */
export const savedToken = (dataDir: string): string => (JSON.parse(readFileSync(join(dataDir, 'web-host.json'), 'utf8')) as { token: string }).token;

/** A call as JSON, or — when its params carry files — as multipart/form-data, exactly as the page sends it (shared/api/wire-bytes.ts). */
async function requestBody(sessionId: string | null, params: unknown): Promise<{ body: Buffer; type: string }> {
  const envelope = { sessionId, params };
  if (!carriesBytes(params)) return { body: Buffer.from(JSON.stringify(envelope)), type: 'application/json' };
  const form = new Response(formOf(envelope, 'call'));
  return { body: Buffer.from(await form.arrayBuffer()), type: form.headers.get('content-type')! };
}

/** The host's answer: JSON, or multipart/form-data (an `outcome` part and a part per file) when the result carries files. */
async function outcomeOf(type: string, body: Buffer): Promise<Outcome<unknown>> {
  if (!type.toLowerCase().startsWith('multipart/form-data')) return JSON.parse(body.toString('utf8')) as Outcome<unknown>;
  const form = await new Response(body as Uint8Array<ArrayBuffer>, { headers: { 'content-type': type } }).formData();
  return (await valueOfForm(form, 'outcome')) as Outcome<unknown>;
}

type MonitorReply =
  | { bench: 'begun'; id: number }
  | { bench: 'window'; id: number; longestStallMs: number; peakRssBytes: number; startRssBytes: number; exactPeak: boolean };

/** Asks the monitor inside the host (host-monitor.mjs) over IPC, one question at a time. */
function monitorOf(child: ChildProcess) {
  const waiting = new Map<number, { resolve: (reply: MonitorReply) => void; reject: (error: Error) => void }>();
  child.on('message', (reply: MonitorReply) => {
    const w = waiting.get(reply.id);
    waiting.delete(reply.id);
    w?.resolve(reply);
  });
  child.once('exit', (code) => {
    for (const w of waiting.values()) w.reject(new Error(`the web host exited (${code}) during a measured operation`));
    waiting.clear();
  });
  let next = 1;
  return (bench: 'begin' | 'end', id = next++) =>
    new Promise<MonitorReply>((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      child.send({ bench, id });
    });
}

/** Starts the built host on `dataDir`, with the monitor in it; each `operation` window is recorded in `log`. */
export async function startHost(dataDir: string, log: OperationLog): Promise<Host> {
  const child = spawnHost(dataDir, { monitored: true });
  const url = await hostUrl(child);
  const { port } = new URL(url);
  const token = savedToken(dataDir);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const ask = monitorOf(child);
  const post = (method: string, body: Buffer, type: string) =>
    new Promise<{ status: number; type: string; body: Buffer }>((resolvePromise, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: Number(port),
          path: `/api/${method}`,
          method: 'POST',
          agent,
          headers: { 'Content-Type': type, Authorization: `Bearer ${token}`, 'Content-Length': body.length },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolvePromise({ status: res.statusCode ?? 0, type: res.headers['content-type'] ?? '', body: Buffer.concat(chunks) }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  const send = async (sessionId: string | null, method: string, params: unknown): Promise<unknown> => {
    const request = await requestBody(sessionId, params);
    const answer = await post(method, request.body, request.type);
    const outcome = await outcomeOf(answer.type, answer.body);
    if (!outcome.ok) throw new Error(`${method} failed: ${outcome.error.code} ${outcome.error.message}`);
    return outcome.result;
  };
  const sessions = new Map<string, string>();
  const sessionOf = async (personId: string): Promise<string> => {
    const known = sessions.get(personId);
    if (known) return known;
    const answer = (await send(null, 'session.signIn', { personId, passphrase: BENCH_PASSPHRASE })) as Result<'session.signIn'>;
    if (!answer.signedIn) throw new Error(`signing in ${personId} refused: ${answer.message}`);
    sessions.set(personId, answer.sessionId);
    return answer.sessionId;
  };
  const call = (async (actorId: string | null, method: MethodName, params: unknown) =>
    send(actorId === null ? null : await sessionOf(actorId), method, params)) as Caller;
  return {
    url,
    port: Number(port),
    token,
    pid: child.pid!,
    process: child,
    call,
    keep: (personId, sessionId) => void sessions.set(personId, sessionId),
    forgetSessions: () => sessions.clear(),
    async operation(name, work) {
      const id = (await ask('begin')).id;
      let result;
      try {
        result = await work();
      } finally {
        const w = await ask('end', id);
        if (w.bench === 'window')
          log.record(name, { longestStallMs: w.longestStallMs, peakRssMb: w.peakRssBytes / 1e6, startRssMb: w.startRssBytes / 1e6, exactPeak: w.exactPeak });
      }
      return result;
    },
    async stop() {
      agent.destroy();
      await stopChild(child);
    },
    memory: () => memoryOf(child.pid!),
  };
}
