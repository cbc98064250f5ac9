import { createHash, randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formOf, valueOfForm } from '../../../shared/api/wire-bytes';
import { MAX_REQUEST_BYTES, startWebHost, type WebHost } from '../../../electron/web-host/server';
import { pickTransport } from '../../../renderer/src/api/transport';
import { dumpDatabase, makeCore } from '../support/core';
import { submissionScene } from '../submissions/scene';

/*
 * Files cross the web host as bytes: a call carrying one is multipart/form-data (a `call` part with the
 * envelope, a part per file) and so is an answer carrying one. The host keeps its rules for these bodies
 * too: the token before any body is read, the size cap before anything is parsed, and a body whose parts do
 * not match its placeholders refused with nothing changed.
 */

const running: WebHost[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  for (const h of running.splice(0)) await h.close();
});

async function scene() {
  const t = makeCore();
  const s = await submissionScene(t);
  const rendererDir = join(t.dataDir, 'renderer');
  mkdirSync(rendererDir, { recursive: true });
  const host = await startWebHost({ core: t.core, rendererDir });
  running.push(host);
  const lead = await t.sessionOf(s.lead.id);
  const base = { evaluationId: s.evaluationId, bidderId: s.bidder.id };
  return { t, s, host, lead, base };
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A multipart body as the page's FormData makes it, with its content type (boundary included). */
async function multipart(form: FormData): Promise<{ body: Buffer; type: string }> {
  const encoded = new Response(form);
  return { body: Buffer.from(await encoded.arrayBuffer()), type: encoded.headers.get('content-type')! };
}

/** Sends raw bytes with exactly the headers given (no Content-Length unless given: the body then goes chunked). */
function post(
  host: WebHost,
  method: string,
  headers: Record<string, string>,
  body: Buffer,
): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: host.port, path: `/api/${method}`, method: 'POST', headers: { Host: `127.0.0.1:${host.port}`, ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (d: Buffer) => chunks.push(d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      },
    );
    // The host may answer and close before all of a refused body is written.
    req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error)));
    req.end(body);
  });
}

const errorOf = (reply: { body: Buffer }) => (JSON.parse(reply.body.toString()) as { error: { code: string; message: string } }).error;

describe('files through the web host', () => {
  it('takes a document as bytes and gives it back as a multipart answer, the same bytes by SHA-256, named by its file name', async () => {
    const { host, lead, base } = await scene();
    const content = randomBytes(3 * 1024 * 1024 + 17);
    const upload = await multipart(
      formOf({ sessionId: lead, params: { ...base, fileName: 'minutes.pdf', mediaType: 'application/pdf', content } }, 'call'),
    );
    const added = await post(host, 'documents.add', { Authorization: `Bearer ${host.token}`, 'Content-Type': upload.type }, upload.body);
    expect(added.status).toBe(200);
    expect(added.headers['content-type']).toMatch(/^application\/json/);
    const { document } = (JSON.parse(added.body.toString()) as { result: { document: { id: string; sha256: string; size: number } } }).result;
    expect([document.sha256, document.size]).toEqual([sha256(content), content.length]);

    const envelope = JSON.stringify({ sessionId: lead, params: { evaluationId: base.evaluationId, documentId: document.id } });
    const read = await post(
      host,
      'documents.content',
      { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' },
      Buffer.from(envelope),
    );
    expect(read.status).toBe(200);
    const type = String(read.headers['content-type']);
    expect(type).toMatch(/^multipart\/form-data; boundary=/);
    expect(read.headers['x-content-type-options']).toBe('nosniff');
    expect(Object.keys(read.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
    expect(read.body.toString('latin1')).toContain('Content-Disposition: form-data; name="bytes-0"; filename="minutes.pdf"');
    const outcome = (await valueOfForm(
      await new Response(new Uint8Array(read.body), { headers: { 'content-type': type } }).formData(),
      'outcome',
    )) as {
      ok: true;
      result: { fileName: string; content: Uint8Array };
    };
    expect(outcome.result.fileName).toBe('minutes.pdf');
    expect(sha256(outcome.result.content)).toBe(sha256(content));
  });

  it('the page’s own transport sends a file as multipart and reads a file answer back, byte for byte', async () => {
    const { host, lead, base } = await scene();
    const origin = `http://127.0.0.1:${host.port}`;
    const sent: { type: string | null; body: unknown }[] = [];
    const realFetch = globalThis.fetch;
    // Just enough of a tab on the host's origin that already holds the connection token.
    vi.stubGlobal('window', { location: { hash: '', pathname: '/', search: '' } });
    vi.stubGlobal('sessionStorage', { getItem: () => host.token, setItem: () => {} });
    vi.stubGlobal('fetch', (path: string, init: RequestInit) => {
      sent.push({ type: (init.headers as Record<string, string>)['Content-Type'] ?? null, body: init.body });
      return realFetch(new URL(path, origin), { ...init, headers: { ...(init.headers as Record<string, string>), Origin: origin } });
    });
    const call = pickTransport();
    const content = randomBytes(64 * 1024);
    const added = await call('documents.add', lead, { ...base, fileName: 'board.pdf', mediaType: 'application/pdf', content });
    expect(sent[0]!.body).toBeInstanceOf(FormData);
    expect(sent[0]!.type).toBeNull(); // the platform sets the multipart boundary
    expect(added).toMatchObject({ ok: true, result: { document: { sha256: sha256(content) } } });
    const documentId = (added as { result: { document: { id: string } } }).result.document.id;
    const read = await call('documents.content', lead, { evaluationId: base.evaluationId, documentId });
    expect(typeof sent[1]!.body).toBe('string');
    const file = (read as { result: { fileName: string; content: Uint8Array } }).result;
    expect([file.fileName, sha256(file.content)]).toEqual(['board.pdf', sha256(content)]);
  });

  it('refuses a multipart upload over the size cap with 413 before it reaches the core, whether its length is declared or not', async () => {
    const { t, host, lead, base } = await scene();
    const dispatch = vi.spyOn(t.core, 'dispatch');
    const before = dumpDatabase(t.core.databaseFile);
    const tooLarge = await multipart(
      formOf({ sessionId: lead, params: { ...base, fileName: 'huge.bin', mediaType: '', content: Buffer.alloc(MAX_REQUEST_BYTES, 0x41) } }, 'call'),
    );
    const auth = { Authorization: `Bearer ${host.token}`, 'Content-Type': tooLarge.type };

    const declared = await post(host, 'documents.add', { ...auth, 'Content-Length': String(tooLarge.body.length) }, tooLarge.body);
    expect([declared.status, errorOf(declared).message]).toEqual([413, 'The request is larger than 40 MB.']);
    const chunked = await post(host, 'documents.add', auth, tooLarge.body);
    expect([chunked.status, errorOf(chunked).message]).toEqual([413, 'The request is larger than 40 MB.']);
    expect(dispatch).not.toHaveBeenCalled();
    expect(dumpDatabase(t.core.databaseFile)).toEqual(before);
  });

  it('checks the token before a multipart body reaches the core', async () => {
    const { t, host, lead, base } = await scene();
    const dispatch = vi.spyOn(t.core, 'dispatch');
    const upload = await multipart(
      formOf({ sessionId: lead, params: { ...base, fileName: 'a.txt', mediaType: '', content: Buffer.from('a') } }, 'call'),
    );
    const reply = await post(host, 'documents.add', { Authorization: 'Bearer wrong', 'Content-Type': upload.type }, upload.body);
    expect([reply.status, errorOf(reply).code]).toEqual([401, 'UNAUTHENTICATED']);
    expect(dispatch).not.toHaveBeenCalled();
  });

  it.each([
    [
      'a forged extra part',
      (form: FormData) => form.append('bytes-1', new Blob(['smuggled']), 'extra.bin'),
      'bytes-1 is not referred to by any placeholder.',
    ],
    ['a part of another name', (form: FormData) => form.append('params', '{"evaluationId":"x"}'), 'There is a part named “params”'],
    ['a placeholder without its part', (form: FormData) => form.delete('bytes-0'), 'The placeholder for bytes-0 has no part of that name.'],
  ])('refuses a multipart call with %s, and changes nothing', async (_case, forge, message) => {
    const { t, host, lead, base } = await scene();
    const dispatch = vi.spyOn(t.core, 'dispatch');
    const before = dumpDatabase(t.core.databaseFile);
    const form = formOf({ sessionId: lead, params: { ...base, fileName: 'a.txt', mediaType: '', content: Buffer.from('evidence') } }, 'call');
    forge(form);
    const forged = await multipart(form);
    const reply = await post(host, 'documents.add', { Authorization: `Bearer ${host.token}`, 'Content-Type': forged.type }, forged.body);
    expect(reply.status).toBe(400);
    expect(errorOf(reply)).toMatchObject({ code: 'INVALID_PARAMS', message: expect.stringContaining(message) });
    expect(dispatch).not.toHaveBeenCalled();
    expect(dumpDatabase(t.core.databaseFile)).toEqual(before);
  });

  it('refuses a multipart body it cannot read as one', async () => {
    const { host } = await scene();
    const reply = await post(
      host,
      'documents.add',
      { Authorization: `Bearer ${host.token}`, 'Content-Type': 'multipart/form-data; boundary=abc' },
      Buffer.from('not multipart at all'),
    );
    expect([reply.status, errorOf(reply).code]).toEqual([400, 'INVALID_PARAMS']);
  });
});
