import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Outcome } from '../../../shared/api/errors';
import { startWebHost, type WebHost } from '../../../electron/web-host/server';
import { pickTransport } from '../../../renderer/src/api/transport';

/* The page's side: a launch code in, the token kept for the tab, and failures as structured errors, never throws. */

const realFetch = globalThis.fetch;
const seen: { sessionId: string | null; method: string }[] = [];
const core = {
  dispatch: async (sessionId: string | null, method: string): Promise<Outcome<unknown>> => {
    seen.push({ sessionId, method });
    return { ok: true, result: { method } };
  },
  watchProgress: () => () => {},
};

const dirs: string[] = [];
let host: WebHost | null = null;
afterEach(async () => {
  await host?.close();
  host = null;
  seen.length = 0;
  vi.unstubAllGlobals();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function startHost(dataDir = mkdtempSync(join(tmpdir(), 'capability-transport-'))) {
  dirs.push(dataDir);
  host = await startWebHost({ core, rendererDir: dataDir, dataDir });
  return { host, dataDir };
}

/** Just enough of a browser tab on the host's origin: its address, history, sessionStorage and fetch. */
function tab(origin: string, hash: string, stored: Record<string, string> = {}) {
  const storage = new Map(Object.entries(stored));
  const location = { hash, pathname: '/', search: '' };
  const replaceState = vi.fn((_state: unknown, _title: string, url: string) => {
    location.hash = url.includes('#') ? url.slice(url.indexOf('#')) : '';
  });
  const browserFetch = vi.fn((path: string, init: RequestInit = {}) =>
    realFetch(new URL(path, origin), { ...init, headers: { ...(init.headers as Record<string, string>), Origin: origin } }),
  );
  vi.stubGlobal('window', { location });
  vi.stubGlobal('history', { replaceState });
  vi.stubGlobal('sessionStorage', { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => void storage.set(k, v) });
  vi.stubGlobal('fetch', browserFetch);
  return { storage, location, replaceState, browserFetch };
}

const TOKEN_KEY = 'capability-assessment.token';

describe('the browser transport', () => {
  it('exchanges the launch code, tidies the address bar, keeps the token for the tab and sends the session', async () => {
    const { host } = await startHost();
    const page = tab(new URL(host.url).origin, new URL(host.url).hash);
    const call = pickTransport();
    expect(page.location.hash).toBe('');
    expect(page.replaceState).toHaveBeenCalledWith(null, '', '/');
    expect(await call('app.info', 'session-1', {})).toEqual({ ok: true, result: { method: 'app.info' } });
    expect(page.storage.get(TOKEN_KEY)).toBe(host.token);
    expect(seen).toEqual([{ sessionId: 'session-1', method: 'app.info' }]);
    expect(page.browserFetch.mock.calls.map(([path]) => path)).toEqual(['/launch', '/api/app.info']);
  });

  it('carries on with the token the tab kept when the address is opened again (its code already spent)', async () => {
    const { host } = await startHost();
    const hash = new URL(host.url).hash;
    tab(new URL(host.url).origin, hash);
    expect((await pickTransport()('app.info', null, {})).ok).toBe(true);
    tab(new URL(host.url).origin, hash, { [TOKEN_KEY]: host.token });
    expect((await pickTransport()('app.info', null, {})).ok).toBe(true);
  });

  it('says so, without throwing, when the page has no way in: no code, a spent code, a wrong token', async () => {
    const { host } = await startHost();
    const origin = new URL(host.url).origin;
    const none = tab(origin, '');
    expect(await pickTransport()('app.info', null, {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(none.browserFetch).not.toHaveBeenCalled();

    tab(origin, new URL(host.url).hash);
    await pickTransport()('app.info', null, {});
    tab(origin, new URL(host.url).hash);
    expect(await pickTransport()('app.info', null, {})).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED', message: expect.stringContaining('already been used') },
    });

    tab(origin, '', { [TOKEN_KEY]: 'not-the-token' });
    expect(await pickTransport()('app.info', null, {})).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED', message: expect.stringContaining('connection token') },
    });
    expect(seen).toHaveLength(1);
  });

  it('reports a host that is not answering as UNAVAILABLE, and reconnects when it is started again', async () => {
    const { host: first, dataDir } = await startHost();
    const origin = new URL(first.url).origin;
    tab(origin, new URL(first.url).hash);
    const call = pickTransport();
    expect((await call('app.info', null, {})).ok).toBe(true);
    await first.close();
    host = null;
    expect(await call('app.info', null, {})).toEqual({
      ok: false,
      error: {
        code: 'UNAVAILABLE',
        message: 'The app’s local host is not answering. Start it again (npm start); your unsaved work stays on this page.',
      },
    });
    const { host: second } = await startHost(dataDir);
    expect(new URL(second.url).origin).toBe(origin);
    expect(await call('app.info', null, {})).toEqual({ ok: true, result: { method: 'app.info' } });
  });

  it('turns an answer that is not JSON, or not an outcome, into an INTERNAL error', async () => {
    for (const response of [
      new Response('<h1>Bad gateway</h1>', { status: 502 }),
      new Response('{"weird":true}', { status: 200 }),
      new Response('', { status: 400 }),
    ]) {
      tab('http://127.0.0.1:1', '', { [TOKEN_KEY]: 'a-token' }).browserFetch.mockResolvedValueOnce(response);
      expect(await pickTransport()('app.info', null, {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    }
  });
});
