import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Outcome } from '../../../shared/api/errors';
import { HOST_STATE_FILE } from '../../../electron/web-host/host-state';
import { startWebHost, type WebHost } from '../../../electron/web-host/server';

/* The port and token are kept per data folder, privately, so a tab that lost its host finds it again. */

const core = { dispatch: async (): Promise<Outcome<unknown>> => ({ ok: true, result: null }), watchProgress: () => () => {} };
const dirs: string[] = [];
const hosts: WebHost[] = [];
afterEach(async () => {
  for (const host of hosts.splice(0)) await host.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'capability-state-'));
  dirs.push(dir);
  return dir;
}

async function start(dataDir: string, port?: number): Promise<WebHost> {
  const host = await startWebHost({ core, rendererDir: dataDir, dataDir, ...(port === undefined ? {} : { port }) });
  hosts.push(host);
  return host;
}

async function restart(host: WebHost, dataDir: string): Promise<WebHost> {
  await host.close();
  hosts.splice(hosts.indexOf(host), 1);
  return start(dataDir);
}

const saved = (dataDir: string) => JSON.parse(readFileSync(join(dataDir, HOST_STATE_FILE), 'utf8')) as { port: number; token: string };

describe('the saved port and token', () => {
  it('are written privately (0600), whole, and reused on the next start', async () => {
    const dataDir = folder();
    const first = await start(dataDir);
    expect(saved(dataDir)).toEqual({ port: first.port, token: first.token });
    expect(first.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    if (process.platform !== 'win32') expect(statSync(join(dataDir, HOST_STATE_FILE)).mode & 0o777).toBe(0o600);
    const second = await restart(first, dataDir);
    expect([second.port, second.token]).toEqual([first.port, first.token]);
    expect(readdirSync(dataDir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('moves to a free port with a fresh token when the saved port is taken (whatever holds it may have the old token)', async () => {
    const dataDir = folder();
    const first = await start(dataDir);
    await first.close();
    hosts.splice(0);
    const squatter = createServer();
    await new Promise<void>((resolve) => squatter.listen(first.port, '127.0.0.1', resolve));
    try {
      const second = await start(dataDir);
      expect(second.port).not.toBe(first.port);
      expect(second.token).not.toBe(first.token);
      expect(saved(dataDir)).toEqual({ port: second.port, token: second.token });
    } finally {
      await new Promise((resolve) => squatter.close(resolve));
    }
  });

  it('gives way to an explicit port', async () => {
    const dataDir = folder();
    const first = await start(dataDir);
    await first.close();
    hosts.splice(0);
    const second = await start(dataDir, 0);
    expect(second.port).not.toBe(first.port);
    expect(saved(dataDir)).toEqual({ port: second.port, token: second.token });
  });

  it('ignores a malformed file, and a token others could read', async () => {
    const dataDir = folder();
    for (const content of ['{not json', '[]', 'null', JSON.stringify({ port: 'x', token: 'short' }), JSON.stringify({ port: 70_000, token: 42 })]) {
      writeFileSync(join(dataDir, HOST_STATE_FILE), content, { mode: 0o600 });
      const host = await start(dataDir);
      expect(saved(dataDir)).toEqual({ port: host.port, token: host.token });
      await host.close();
      hosts.splice(0);
    }
    if (process.platform === 'win32') return;
    const before = saved(dataDir);
    chmodSync(join(dataDir, HOST_STATE_FILE), 0o644);
    const host = await start(dataDir);
    expect(host.token).not.toBe(before.token);
    expect(statSync(join(dataDir, HOST_STATE_FILE)).mode & 0o777).toBe(0o600);
  });
});
