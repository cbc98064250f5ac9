/*
 * The built web host (out/main/web-host.js) as a child process on a data folder, and a client that calls
 * its API the way the renderer does: POST /api/<method> with the bearer token (the host keeps it in
 * <dataDir>/web-host.json, which the bench, like the OS account, can read), a JSON body { sessionId, params }
 * (each person signed in once through session.signIn, as the sign-in screen does), and the JSON answer parsed. Requests go over one keep-alive connection (node:http, not undici's fetch, so that the
 * client adds as little as possible to a round trip).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import { join, resolve } from 'node:path';
import type { MethodName, Params, Result } from '../shared/api/contract';
import { BENCH_PASSPHRASE } from './synthetic';

export const ROOT = resolve(import.meta.dirname, '..');
export const HOST_SCRIPT = join(ROOT, 'out/main/web-host.js');

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
  const built = existsSync(HOST_SCRIPT) ? statSync(HOST_SCRIPT).mtimeMs : 0;
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
  call<M extends MethodName>(actorId: string | null, method: M, params: Params<M>): Promise<Result<M>>;
  stop(): Promise<void>;
  /** Peak resident set (VmHWM) and current resident set (VmRSS) of the host process, in MiB. */
  memory(): { peakMb: number; rssMb: number };
}

export function spawnHost(dataDir: string): ChildProcess {
  return spawn(process.execPath, [HOST_SCRIPT, '--data-dir', dataDir, '--no-open'], { stdio: ['ignore', 'pipe', 'pipe'] });
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

export async function startHost(dataDir: string): Promise<Host> {
  const child = spawnHost(dataDir);
  const url = await hostUrl(child);
  const { port } = new URL(url);
  const token = savedToken(dataDir);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const post = (method: string, body: string) =>
    new Promise<{ status: number; text: string }>((resolvePromise, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: Number(port),
          path: `/api/${method}`,
          method: 'POST',
          agent,
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, 'Content-Length': Buffer.byteLength(body) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolvePromise({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  const send = async (sessionId: string | null, method: string, params: unknown): Promise<unknown> => {
    const { text } = await post(method, JSON.stringify({ sessionId, params }));
    const outcome = JSON.parse(text) as { ok: true; result: unknown } | { ok: false; error: { code: string; message: string } };
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
  return {
    url,
    port: Number(port),
    token,
    pid: child.pid!,
    process: child,
    async call(actorId, method, params) {
      return (await send(actorId === null ? null : await sessionOf(actorId), method, params)) as never;
    },
    async stop() {
      agent.destroy();
      await stopChild(child);
    },
    memory: () => memoryOf(child.pid!),
  };
}
