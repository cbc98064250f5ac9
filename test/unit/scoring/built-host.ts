import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
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

/** Builds the host when it is missing or older than the core's sources; says why not when it cannot. */
export function ensureBuiltHost(): { ok: true } | { ok: false; reason: string } {
  const sources = Math.max(...['electron/core', 'electron/web-host', 'shared'].map((d) => newestSource(join(ROOT, d))));
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
  token: string;
  child: ChildProcess;
}

export function startBuiltHost(dataDir: string): Promise<BuiltHost> {
  const child = spawn(process.execPath, [HOST_SCRIPT, '--data-dir', dataDir, '--no-open'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`web host did not start:\n${output}`)), 15_000);
    child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    child.stdout!.on('data', (d: Buffer) => {
      output += d.toString();
      const url = /WEB_HOST_URL (\S+)/.exec(output)?.[1];
      if (!url) return;
      clearTimeout(timer);
      done({ origin: new URL(url).origin, token: url.split('#token=')[1]!, child });
    });
    child.once('exit', (code) => fail(new Error(`web host exited with ${code}:\n${output}`)));
  });
}

/** One API call over HTTP, exactly as the renderer makes it; resolves with the HTTP status. */
export async function post(host: BuiltHost, actorId: string, method: string, params: unknown): Promise<number> {
  const response = await fetch(`${host.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${host.token}` },
    body: JSON.stringify({ actorId, params }),
  });
  await response.text();
  return response.status;
}
