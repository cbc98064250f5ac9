import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Outcome } from '../../../shared/api/errors';
import { LAUNCH_CODE_TTL_MS } from '../../../electron/web-host/launch-codes';
import { startWebHost, type WebHost } from '../../../electron/web-host/server';

/* The token reaches the page through a one-time launch code, never through an address. */

const core = { dispatch: async (): Promise<Outcome<unknown>> => ({ ok: true, result: { answered: true } }), watchProgress: () => () => {} };
const running: { host: WebHost; dir: string }[] = [];
afterEach(async () => {
  for (const { host, dir } of running.splice(0)) {
    await host.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

async function start(clock?: () => number): Promise<WebHost> {
  const dir = mkdtempSync(join(tmpdir(), 'capability-launch-'));
  mkdirSync(join(dir, 'renderer'));
  writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html><title>app</title>');
  const host = await startWebHost({ core, rendererDir: join(dir, 'renderer'), ...(clock ? { clock } : {}) });
  running.push({ host, dir });
  return host;
}

const codeOf = (url: string) => new URL(url).hash.replace(/^#launch=/, '');

async function exchange(host: WebHost, code: string, headers: Record<string, string> = {}) {
  const response = await fetch(`http://127.0.0.1:${host.port}/launch`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: `http://127.0.0.1:${host.port}`, ...headers },
    body: JSON.stringify({ code }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('launch codes', () => {
  it('puts a launch code, never the token, in the address', async () => {
    const host = await start();
    expect(host.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${host.port}/#launch=[A-Za-z0-9_-]{43}$`));
    expect(host.url).not.toContain('token');
    expect(host.url).not.toContain(host.token);
    expect(host.launchUrl()).not.toBe(host.url);
  });

  it('exchanges a code for the token once, and the token then opens the API', async () => {
    const host = await start();
    const first = await exchange(host, codeOf(host.url));
    expect(first).toEqual({ status: 200, body: { token: host.token } });
    const api = await fetch(`http://127.0.0.1:${host.port}/api/app.info`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${first.body.token as string}` },
      body: JSON.stringify({ sessionId: null, params: {} }),
    });
    expect(api.status).toBe(200);

    const again = await exchange(host, codeOf(host.url));
    expect(again.status).toBe(401);
    expect(again.body).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED', message: expect.stringContaining('already been used or has expired') },
    });
    expect(JSON.stringify(again.body)).not.toContain(host.token);
  });

  it('keeps a few codes outstanding at once, each good once', async () => {
    const host = await start();
    const codes = [codeOf(host.url), codeOf(host.launchUrl()), codeOf(host.launchUrl())];
    for (const code of codes.reverse()) expect((await exchange(host, code)).status).toBe(200);
  });

  it('refuses an expired code', async () => {
    let now = Date.now();
    const host = await start(() => now);
    const early = codeOf(host.launchUrl());
    now += LAUNCH_CODE_TTL_MS - 1000;
    expect((await exchange(host, early)).status).toBe(200);
    const late = codeOf(host.launchUrl());
    now += LAUNCH_CODE_TTL_MS + 1;
    const refused = await exchange(host, late);
    expect(refused.status).toBe(401);
    expect(refused.body).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('refuses a wrong code, a wrong Origin, and anything but a JSON POST — without spending the code', async () => {
    const host = await start();
    const code = codeOf(host.url);
    expect((await exchange(host, `${code.slice(0, -1)}${code.endsWith('A') ? 'B' : 'A'}`)).status).toBe(401);
    expect((await exchange(host, '')).status).toBe(401);
    expect((await exchange(host, code, { Origin: 'http://evil.example' })).status).toBe(403);
    expect((await exchange(host, code, { Origin: `http://127.0.0.1:${host.port + 1}` })).status).toBe(403);
    const base = `http://127.0.0.1:${host.port}/launch`;
    expect((await fetch(base)).status).toBe(405);
    expect((await fetch(base, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: code })).status).toBe(415);
    expect((await fetch(base, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: `{"code":` })).status).toBe(400);
    expect((await fetch(base, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code: 42 }) })).status).toBe(
      400,
    );
    expect(
      (await fetch(base, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code: 'x'.repeat(5000) }) }))
        .status,
    ).toBe(413);
    // After all that, the code is still good for its one use.
    expect((await exchange(host, code)).status).toBe(200);
  });
});
