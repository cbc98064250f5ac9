import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/*
 * The real, built web host as a separate process, for tests that must kill it. It is the same bundle
 * the e2e tests and `npm start -- --web` run.
 */

const ROOT = resolve(import.meta.dirname, '../../..');
export const HOST_SCRIPT = join(ROOT, 'out/main/web-host.js');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Test files run in parallel; two builds at once would empty `out/` under each other. */
function oneBuildAtATime<T>(run: () => T): T {
  const lock = join(tmpdir(), `capability-build-${createHash('sha256').update(ROOT).digest('hex').slice(0, 12)}.lock`);
  const sleep = new Int32Array(new SharedArrayBuffer(4));
  for (const deadline = Date.now() + 200_000; Date.now() < deadline; Atomics.wait(sleep, 0, 0, 250)) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Left behind by a build that was killed: take it over.
      if (Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? 0) > 200_000) rmSync(lock, { recursive: true, force: true });
    }
  }
  try {
    return run();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Builds the host when it is missing or older than the core's sources; says why not when it cannot. */
export function ensureBuiltHost(): { ok: true } | { ok: false; reason: string } {
  return oneBuildAtATime(buildIfStale);
}

function buildIfStale(): { ok: true } | { ok: false; reason: string } {
  const sources = Math.max(...['electron/core', 'electron/core-worker', 'electron/web-host', 'shared'].map((d) => newestSource(join(ROOT, d))));
  if (!existsSync(HOST_SCRIPT) || statSync(HOST_SCRIPT).mtimeMs < sources) {
    const build = spawnSync(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['electron-vite', 'build'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 180_000,
    });
    if (build.status !== 0 || !existsSync(HOST_SCRIPT)) {
      return {
        ok: false,
        reason: `the web host could not be built (npx electron-vite build): ${(build.stderr || build.stdout || String(build.error)).slice(-400)}`,
      };
    }
  }
  return { ok: true };
}

export interface BuiltHost {
  origin: string;
  /** The launch address to open in a page (its one-time code works once). */
  url: string;
  /** The connection token for direct API calls (Authorization: Bearer), as the host keeps it in the data folder. */
  token: string;
  child: ChildProcess;
  /** Everything it printed so far, stdout and stderr. */
  output(): string;
}

/** The token the host keeps in `<dataDir>/web-host.json`; the tests, like the OS account, can read that folder. */
export const savedToken = (dataDir: string): string => (JSON.parse(readFileSync(join(dataDir, 'web-host.json'), 'utf8')) as { token: string }).token;

export function startBuiltHost(dataDir: string, args: string[] = []): Promise<BuiltHost> {
  const child = spawn(process.execPath, [HOST_SCRIPT, '--data-dir', dataDir, '--no-open', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let started = false;
  return new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`web host did not start:\n${output}`)), 15_000);
    child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    child.stdout!.on('data', (d: Buffer) => {
      output += d.toString();
      const url = /WEB_HOST_URL (\S+)/.exec(output)?.[1];
      if (!url || started) return;
      started = true;
      clearTimeout(timer);
      done({ origin: new URL(url).origin, url, token: savedToken(dataDir), child, output: () => output });
    });
    child.once('exit', (code) => fail(new Error(`web host exited with ${code}:\n${output}`)));
  });
}

/** One API call over HTTP, exactly as the renderer makes it; resolves with the HTTP status. */
export async function post(host: BuiltHost, sessionId: string | null, method: string, params: unknown): Promise<number> {
  const response = await fetch(`${host.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${host.token}` },
    body: JSON.stringify({ sessionId, params }),
  });
  await response.text();
  return response.status;
}

/** Signs in over HTTP (session.signIn, as the sign-in screen does); resolves with the session the calls then carry. */
export async function signIn(host: BuiltHost, personId: string, passphrase: string): Promise<string> {
  const response = await fetch(`${host.origin}/api/session.signIn`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${host.token}` },
    body: JSON.stringify({ sessionId: null, params: { personId, passphrase } }),
  });
  const outcome = (await response.json()) as { ok: boolean; result?: { signedIn: boolean; sessionId?: string; message?: string } };
  if (!outcome.ok || !outcome.result?.signedIn) throw new Error(`signing in ${personId} over HTTP failed: ${JSON.stringify(outcome)}`);
  return outcome.result.sessionId!;
}
