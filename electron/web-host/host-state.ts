import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** Kept per data folder so that a tab which lost its host reconnects when the host starts again. */
export interface HostState {
  port: number;
  token: string;
}

export const HOST_STATE_FILE = 'web-host.json';

export const newToken = (): string => randomBytes(32).toString('base64url');

const isPort = (v: unknown): v is number => Number.isInteger(v) && (v as number) > 0 && (v as number) <= 65_535;
const isToken = (v: unknown): v is string => typeof v === 'string' && /^[A-Za-z0-9_-]{43,200}$/.test(v);

/** What can be reused from the saved state; nothing when it is missing or malformed. */
export function readHostState(dataDir: string): Partial<HostState> {
  const file = join(dataDir, HOST_STATE_FILE);
  let saved: unknown;
  let mode: number;
  try {
    mode = statSync(file).mode;
    saved = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return {};
  }
  if (!saved || typeof saved !== 'object') return {};
  const { port, token } = saved as Record<string, unknown>;
  // A token others could read is as good as published: start with a fresh one.
  const unshared = process.platform === 'win32' || (mode & 0o077) === 0;
  return { ...(isPort(port) ? { port } : {}), ...(isToken(token) && unshared ? { token } : {}) };
}

/** Written whole or not at all: a private temporary file in the same folder, flushed, then renamed over. */
export function writeHostState(dataDir: string, state: HostState): void {
  mkdirSync(dataDir, { recursive: true });
  const temporary = join(dataDir, `.${HOST_STATE_FILE}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const fd = openSync(temporary, 'wx', 0o600);
    try {
      writeSync(fd, `${JSON.stringify(state)}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, join(dataDir, HOST_STATE_FILE));
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
