import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_REQUEST_BYTES, startWebHost, type WebHost } from '../../../electron/web-host/server';
import { tokensEqual } from '../../../electron/web-host/security';
import { makeCore, type TestCore } from '../support/core';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(host: WebHost, path: string, opts: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: host.port, path, method: opts.method ?? 'GET', headers: { Host: `127.0.0.1:${host.port}`, ...opts.headers } },
      (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

const api = (host: WebHost, method: string, envelope: unknown, headers: Record<string, string> = {}) =>
  send(host, `/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${host.token}`, ...headers },
    body: JSON.stringify(envelope),
  });

const running: WebHost[] = [];
afterEach(async () => {
  for (const h of running.splice(0)) await h.close();
});

async function hostOn(t: TestCore): Promise<WebHost> {
  const rendererDir = join(t.dataDir, 'renderer');
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(join(t.dataDir, 'secret.txt'), 'not for the browser');
  const host = await startWebHost({ core: t.core, rendererDir });
  running.push(host);
  return host;
}

const profileCount = async (t: TestCore) => (await t.call(null, 'session.profiles', {})).length;
const register = { sessionId: null, params: { name: 'Mallory', passphrase: 'correct horse battery staple 42' } };

describe('the local web host', () => {
  it('listens on the loopback interface only, with a one-time launch code (not the token) in the URL fragment', async () => {
    const host = await hostOn(makeCore());
    expect(host.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${host.port}/#launch=[A-Za-z0-9_-]{43}$`));
    expect(host.url).not.toContain(host.token);
  });

  it('answers a call that carries the token', async () => {
    const host = await hostOn(makeCore());
    const reply = await api(host, 'app.info', { sessionId: null, params: {} });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, result: { firstRun: true } });
  });

  it('refuses a call without the token, or with a wrong one, and changes nothing', async () => {
    const t = makeCore();
    const host = await hostOn(t);
    for (const headers of [{ Authorization: '' }, { Authorization: 'Bearer wrong-token' }, { Authorization: `Bearer ${host.token}x` }]) {
      const reply = await api(host, 'session.register', register, headers);
      expect(reply.status).toBe(401);
      expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    }
    expect(await profileCount(t)).toBe(0);
  });

  it('refuses requests for another Host or from another Origin (DNS rebinding), even with the token', async () => {
    const t = makeCore();
    const host = await hostOn(t);
    const rebinding = await api(host, 'session.register', register, { Host: `evil.example:${host.port}` });
    expect(rebinding.status).toBe(403);
    const crossOrigin = await api(host, 'session.register', register, { Origin: 'http://evil.example' });
    expect(crossOrigin.status).toBe(403);
    const page = await send(host, '/', { headers: { Host: 'attacker.test' } });
    expect(page.status).toBe(403);
    expect(await profileCount(t)).toBe(0);
  });

  it('sends no CORS headers and a strict CSP on every response', async () => {
    const host = await hostOn(makeCore());
    for (const reply of [await send(host, '/'), await api(host, 'app.info', { sessionId: null, params: {} }), await api(host, 'nope', {})]) {
      expect(Object.keys(reply.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
      expect(reply.headers['content-security-policy']).toContain("default-src 'none'");
      expect(reply.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('gives structured errors for unknown methods, wrong types, bad JSON, wrong content type and oversized bodies', async () => {
    const t = makeCore();
    const host = await hostOn(t);
    const unknown = await api(host, 'people.drop', { sessionId: null, params: {} });
    expect([unknown.status, JSON.parse(unknown.body).error.code]).toEqual([404, 'UNKNOWN_METHOD']);
    const wrongType = await api(host, 'session.register', { sessionId: null, params: { name: 42, passphrase: 'correct horse battery staple 42' } });
    expect(wrongType.status).toBe(400);
    expect(JSON.parse(wrongType.body).error).toMatchObject({ code: 'INVALID_PARAMS', issues: [{ path: 'name' }] });
    const badJson = await send(host, '/api/session.register', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${host.token}` },
      body: '{"params":',
    });
    expect([badJson.status, JSON.parse(badJson.body).error.code]).toEqual([400, 'INVALID_PARAMS']);
    const form = await send(host, '/api/session.register', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: `Bearer ${host.token}` },
      body: 'name=Mallory',
    });
    expect(form.status).toBe(415);
    const huge = await send(host, '/api/session.register', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${host.token}` },
      body: Buffer.alloc(MAX_REQUEST_BYTES + 1024 * 1024, 0x20),
    });
    expect(huge.status).toBe(413);
    const badSession = await api(host, 'session.profiles', { sessionId: 7, params: {} });
    expect(badSession.status).toBe(400);
    // The old envelope is refused outright rather than quietly acting for nobody.
    const oldEnvelope = await api(host, 'session.profiles', { actorId: 'someone', params: {} });
    expect([oldEnvelope.status, JSON.parse(oldEnvelope.body).error.code]).toEqual([400, 'INVALID_PARAMS']);
    expect(await profileCount(t)).toBe(0);
  });

  it('answers malformed addresses with 400, checks the token before decoding the method, and keeps serving', async () => {
    const host = await hostOn(makeCore());
    for (const path of ['//[', '/%', '/%E0%A4%A', 'http://127.0.0.1/', '*']) {
      expect((await send(host, path)).status, path).toBe(400);
    }
    const withoutToken = await send(host, '/api/%E0%A4%A', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect([withoutToken.status, JSON.parse(withoutToken.body).error.code]).toEqual([401, 'UNAUTHENTICATED']);
    const withToken = await api(host, '%E0%A4%A', { sessionId: null, params: {} });
    expect([withToken.status, JSON.parse(withToken.body).error.code]).toEqual([400, 'INVALID_PARAMS']);
    const twice = [`Bearer ${host.token}`, `Bearer ${host.token}`] as unknown as string;
    expect((await api(host, 'app.info', { sessionId: null, params: {} }, { Authorization: twice })).status).toBe(400);
    expect((await send(host, '/')).status).toBe(200);
  });

  it('serves only the built renderer: no path escapes its folder', async () => {
    const host = await hostOn(makeCore());
    expect((await send(host, '/')).status).toBe(200);
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%00', '/missing.js']) {
      const reply = await send(host, path);
      expect(reply.status, path).toBe(404);
      expect(reply.body).not.toContain('not for the browser');
    }
  });
});

describe('the token check', () => {
  it('compares in constant time and accepts only the exact token', () => {
    expect(tokensEqual('abc', 'abc')).toBe(true);
    expect(tokensEqual('abc', 'abd')).toBe(false);
    expect(tokensEqual('', 'abc')).toBe(false);
    expect(tokensEqual('abcd', 'abc')).toBe(false);
  });
});
