import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_DOCUMENT_BYTES } from '../../../shared/api/submissions';
import { carriesBytes, formOf, valueOfForm } from '../../../shared/api/wire-bytes';
import { startWebHost, type WebHost } from '../../../electron/web-host/server';
import { makeCore } from '../support/core';
import { submissionScene } from './scene';

/* The web host's body cap leaves room for the largest document the core accepts, sent as bytes in a multipart body. */

const running: WebHost[] = [];
afterEach(async () => {
  for (const h of running.splice(0)) await h.close();
});

describe('uploading through the web host', () => {
  it('carries a 25 MB document in and out, timing both', async () => {
    const t = makeCore();
    const s = await submissionScene(t);
    const rendererDir = join(t.dataDir, 'renderer');
    mkdirSync(rendererDir, { recursive: true });
    const host = await startWebHost({ core: t.core, rendererDir });
    running.push(host);
    const lead = await t.sessionOf(s.lead.id);
    // As the page sends a call: multipart when the params carry a file, JSON otherwise.
    const post = (method: string, params: unknown) =>
      fetch(`http://127.0.0.1:${host.port}/api/${method}`, {
        method: 'POST',
        headers: { ...(carriesBytes(params) ? {} : { 'Content-Type': 'application/json' }), Authorization: `Bearer ${host.token}` },
        body: carriesBytes(params) ? formOf({ sessionId: lead, params }, 'call') : JSON.stringify({ sessionId: lead, params }),
      });
    const content = Buffer.alloc(MAX_DOCUMENT_BYTES, 0x41);

    const started = performance.now();
    const added = await post('documents.add', {
      evaluationId: s.evaluationId,
      bidderId: s.bidder.id,
      fileName: 'full-size.bin',
      mediaType: '',
      content,
    });
    const uploadMs = performance.now() - started;
    expect(added.status).toBe(200);
    const { result } = (await added.json()) as { result: { document: { id: string; size: number } } };
    expect(result.document.size).toBe(MAX_DOCUMENT_BYTES);

    const readStarted = performance.now();
    const read = await post('documents.content', { evaluationId: s.evaluationId, documentId: result.document.id });
    expect(read.headers.get('content-type')).toMatch(/^multipart\/form-data; boundary=/);
    const body = (await valueOfForm(await read.formData(), 'outcome')) as { result: { content: Uint8Array } };
    const readMs = performance.now() - readStarted;
    expect(Buffer.from(body.result.content).equals(content)).toBe(true);
    console.info(`25 MB document through the web host: stored in ${uploadMs.toFixed(0)} ms, read back in ${readMs.toFixed(0)} ms`);
  });
});
