import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const HOST_SCRIPT = resolve(import.meta.dirname, '../../../out/main/web-host.js');

export interface RunningHost {
  /** The launch address to open in the page: its one-time code is exchanged for the token, once. */
  url: string;
  origin: string;
  /** For direct API calls (Authorization: Bearer): the token the host keeps in `<dataDir>/web-host.json`. */
  token: string;
  dataDir: string;
  process: ChildProcess;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts the real, built web host (the same core the desktop app uses) on a data folder. */
export function startHost(dataDir: string): Promise<RunningHost> {
  const child = spawn(process.execPath, [HOST_SCRIPT, '--data-dir', dataDir, '--no-open'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let started = false;
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`web host did not start:\n${output}`)), 15_000);
    child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    child.stdout!.on('data', (d: Buffer) => {
      output += d.toString();
      const match = /WEB_HOST_URL (\S+)/.exec(output);
      if (!match?.[1] || started) return;
      started = true;
      clearTimeout(timer);
      const url = match[1];
      resolvePromise({
        url,
        origin: new URL(url).origin,
        token: (JSON.parse(readFileSync(join(dataDir, 'web-host.json'), 'utf8')) as { token: string }).token,
        dataDir,
        process: child,
        stop: (signal = 'SIGTERM') =>
          new Promise((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done();
            child.once('exit', () => done());
            child.kill(signal);
          }),
      });
    });
    child.once('exit', (code) => reject(new Error(`web host exited with ${code}:\n${output}`)));
  });
}

export const freshDataDir = () => mkdtempSync(join(tmpdir(), 'capability-e2e-'));
export const removeDataDir = (dir: string) => rmSync(dir, { recursive: true, force: true });
