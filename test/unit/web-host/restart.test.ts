import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureBuiltHost, startBuiltHost, type BuiltHost } from '../scoring/built-host';

/* The built host, stopped and started again on the same data folder, is where an open tab left it. */

const built = ensureBuiltHost();
if (!built.ok) console.warn(`[web-host restart] skipped: ${built.reason}`);

const dataDir = mkdtempSync(join(tmpdir(), 'capability-restart-'));
const started: BuiltHost[] = [];
afterEach(() => {
  for (const host of started.splice(0)) if (host.child.exitCode === null) host.child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

function stop(host: BuiltHost): Promise<void> {
  return new Promise((resolve) => {
    if (host.child.exitCode !== null) return resolve();
    host.child.once('exit', () => resolve());
    host.child.kill('SIGTERM');
  });
}

const appInfo = (origin: string, token: string) =>
  fetch(`${origin}/api/app.info`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ sessionId: null, params: {} }),
  });

describe.skipIf(!built.ok)('restarting the web host', () => {
  it('prints a launch address, and keeps the port and the token across a restart', async () => {
    const first = await startBuiltHost(dataDir);
    started.push(first);
    expect(first.output().split('\n')[0]).toMatch(/^WEB_HOST_URL http:\/\/127\.0\.0\.1:\d+\/#launch=[A-Za-z0-9_-]{43}$/);
    expect(first.output()).not.toContain('#token=');
    expect(first.output()).not.toContain(first.token);
    if (process.platform !== 'win32') expect(statSync(join(dataDir, 'web-host.json')).mode & 0o777).toBe(0o600);
    expect((await appInfo(first.origin, first.token)).status).toBe(200);

    await stop(first);
    const second = await startBuiltHost(dataDir);
    started.push(second);
    expect(second.origin).toBe(first.origin);
    expect(second.token).toBe(first.token);
    expect(second.url).not.toBe(first.url);
    // The tab's old token (kept in its sessionStorage) still works after the restart.
    expect((await appInfo(second.origin, first.token)).status).toBe(200);
    await stop(second);
  });
});
