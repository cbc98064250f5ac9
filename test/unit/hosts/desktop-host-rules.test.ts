import { describe, expect, it } from 'vitest';
import { resolveRendererFile, contentTypeFor } from '../../../electron/common/renderer-files';
import { isAllowedRequestUrl, isAppUrl, isOwnBlobUrl } from '../../../electron/main/app-origin';
import { parseHostArgs } from '../../../electron/main/args';
import { readCoreMessage, readUnwatchMessage, readWatchMessage } from '../../../electron/main/ipc-message';

describe('the desktop host talks only to its own pages', () => {
  it('recognises its own app origin and nothing that merely looks like it', () => {
    expect(isAppUrl('app://bundle/index.html')).toBe(true);
    for (const url of ['app://other/index.html', 'https://bundle/index.html', 'file:///etc/passwd', 'not a url', 'app://bundle.evil/']) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });

  it('lets the window load only its own files, blobs it made, data URLs and DevTools — nothing remote', () => {
    expect(isAllowedRequestUrl('app://bundle/assets/index.js')).toBe(true);
    expect(isAllowedRequestUrl('blob:app://bundle/5f0c')).toBe(true);
    expect(isAllowedRequestUrl('data:image/png;base64,AAAA')).toBe(true);
    expect(isAllowedRequestUrl('chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/index.html')).toBe(true);
    expect(isOwnBlobUrl('blob:app://bundle/5f0c')).toBe(true);
    expect(isOwnBlobUrl('blob:https://evil.example/5f0c')).toBe(false);
    for (const url of [
      'https://example.com/',
      'http://127.0.0.1:8080/',
      'ws://localhost/',
      'file:///tmp/x',
      'blob:https://evil.example/1',
      'chrome-extension://abcdefghijklmnop/x',
    ]) {
      expect(isAllowedRequestUrl(url), url).toBe(false);
    }
  });
});

describe('IPC messages', () => {
  it('relay only the expected shape to the core, leaving params to the core to validate', () => {
    expect(readCoreMessage({ method: 'app.info', sessionId: null, params: {} })).toEqual({ method: 'app.info', sessionId: null, params: {} });
    expect(readCoreMessage({ method: 'people.list', sessionId: 'abc', params: 1 })).toEqual({ method: 'people.list', sessionId: 'abc', params: 1 });
    for (const raw of [
      null,
      'app.info',
      [],
      { method: '', sessionId: null },
      { method: 'x'.repeat(201), sessionId: null },
      { method: 'a', sessionId: 3 },
      { method: 'a', sessionId: 'x'.repeat(201) },
      // A message naming the person instead of carrying a session is not relayed.
      { method: 'people.list', actorId: 'abc', params: {} },
    ]) {
      expect(readCoreMessage(raw)).toBeNull();
    }
  });

  it('follow progress only with a watch number of the window’s own and a session (never a person named instead)', () => {
    expect(readWatchMessage({ watchId: 1, sessionId: 'abc' })).toEqual({ watchId: 1, sessionId: 'abc' });
    expect(readUnwatchMessage({ watchId: 7 })).toEqual({ watchId: 7 });
    for (const raw of [
      null,
      [],
      { watchId: 0, sessionId: 'abc' },
      { watchId: 1.5, sessionId: 'abc' },
      { watchId: '1', sessionId: 'abc' },
      { watchId: 1, sessionId: '' },
      { watchId: 1, sessionId: 'x'.repeat(201) },
      { watchId: 1, personId: 'abc' },
    ]) {
      expect(readWatchMessage(raw)).toBeNull();
    }
    for (const raw of [null, { watchId: -1 }, { watchId: Number.MAX_SAFE_INTEGER + 1 }]) expect(readUnwatchMessage(raw)).toBeNull();
  });
});

describe('renderer files', () => {
  it('resolve inside the renderer folder and never outside it', () => {
    expect(resolveRendererFile('/app/renderer', '/')).toBe('/app/renderer/index.html');
    expect(resolveRendererFile('/app/renderer', '/assets/a.js')).toBe('/app/renderer/assets/a.js');
    for (const path of ['/../secret', '/%2e%2e/secret', '/..%2fsecret', '/a/../../secret', '/%00', '/%E0%A4%A']) {
      expect(resolveRendererFile('/app/renderer', path), path).toBeNull();
    }
  });

  it('carry the right content type', () => {
    expect(contentTypeFor('x.js')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('x.HTML')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('x.unknown')).toBe('application/octet-stream');
  });
});

describe('the desktop host command line', () => {
  it('takes --data-dir in either form and resolves it against the working folder', () => {
    expect(parseHostArgs(['electron', '.', '--data-dir', 'data'], '/home/pat')).toEqual({ dataDir: '/home/pat/data' });
    expect(parseHostArgs(['--data-dir=/srv/eval'], '/home/pat')).toEqual({ dataDir: '/srv/eval' });
    expect(parseHostArgs(['electron', '.'], '/home/pat')).toEqual({});
    expect(() => parseHostArgs(['--data-dir'], '/')).toThrow('--data-dir needs a path');
    expect(() => parseHostArgs(['--data-dir='], '/')).toThrow('--data-dir needs a path');
  });
});

describe('the content security policy', () => {
  it('is the same in the page as both hosts send, less frame-ancestors (which a meta tag cannot carry)', async () => {
    const { readFileSync } = await import('node:fs');
    const { CONTENT_SECURITY_POLICY } = await import('../../../electron/common/content-security-policy');
    const html = readFileSync(new URL('../../../renderer/index.html', import.meta.url), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    const expected = CONTENT_SECURITY_POLICY.split('; ').filter((d) => !d.startsWith('frame-ancestors'));
    expect(meta?.split('; ')).toEqual(expected);
  });
});
