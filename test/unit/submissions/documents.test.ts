import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MAX_DOCUMENT_BYTES } from '../../../shared/api/submissions';
import { auditRows, makeCore, queryRows, refusedAndUnchanged } from '../support/core';
import { bytesOf, submissionScene } from './scene';

/*
 * Evidence documents are stored inside the database, content-addressed by SHA-256: the same content is
 * stored once, and a refused document leaves no trace at all.
 */

const sha256 = (content: string | Buffer) => createHash('sha256').update(content).digest('hex');
const countRows = (t: ReturnType<typeof makeCore>, table: 'blobs' | 'documents') =>
  queryRows<{ n: number }>(t.core.databaseFile, `SELECT COUNT(*) AS n FROM ${table}`)[0]!.n;

describe('adding evidence documents', () => {
  it('stores the content once under its SHA-256, with size, type, received time and who added it', async () => {
    const t = makeCore();
    const s = await submissionScene(t);
    const content = 'Fictional governance structure chart, version 3.';
    const { document, duplicate } = await s.addDocument(s.bidder.id, 'governance.txt', content, 'text/plain');

    expect(duplicate).toBe(false);
    expect(document).toMatchObject({ fileName: 'governance.txt', mediaType: 'text/plain', size: content.length, sha256: sha256(content), addedBy: 'Lee Lead' });
    expect(Date.parse(document.receivedAt)).not.toBeNaN();
    const [blob] = queryRows<{ sha256: string; size: number; data: Buffer }>(t.core.databaseFile, 'SELECT * FROM blobs');
    expect(blob).toEqual({ sha256: sha256(content), size: content.length, data: Buffer.from(content) });

    const listed = await t.call(s.lead.id, 'submissions.get', { evaluationId: s.evaluationId, bidderId: s.bidder.id });
    expect(listed.documents).toEqual([document]);
    const read = await t.call(s.lead.id, 'documents.content', { evaluationId: s.evaluationId, documentId: document.id });
    expect(read).toEqual({ fileName: 'governance.txt', mediaType: 'text/plain', content: Buffer.from(content) });
  });

  it('reports the same content for the same bidder as a duplicate of the stored document and stores nothing new', async () => {
    const t = makeCore();
    const s = await submissionScene(t);
    const first = await s.addDocument(s.bidder.id, 'plan.txt', 'Mobilisation plan');
    const again = await s.addDocument(s.bidder.id, 'plan (copy).txt', 'Mobilisation plan');

    expect(again).toEqual({ document: first.document, duplicate: true });
    expect([countRows(t, 'blobs'), countRows(t, 'documents')]).toEqual([1, 1]);
  });

  it('keeps one blob when two bidders send the same content, each with its own document', async () => {
    const t = makeCore();
    const s = await submissionScene(t);
    const a = await s.addDocument(s.bidder.id, 'policy.txt', 'Shared safeguarding policy');
    const b = await s.addDocument(s.second.id, 'policy.txt', 'Shared safeguarding policy');

    expect(b.duplicate).toBe(false);
    expect(b.document.id).not.toBe(a.document.id);
    expect([countRows(t, 'blobs'), countRows(t, 'documents')]).toEqual([1, 2]);
  });

  it('accepts a document of exactly 25 MB', async () => {
    const t = makeCore();
    const s = await submissionScene(t);
    const { document } = await s.addDocument(s.bidder.id, 'large.bin', Buffer.alloc(MAX_DOCUMENT_BYTES, 7));
    expect(document.size).toBe(MAX_DOCUMENT_BYTES);
  });

  it('stores exactly the bytes a view shows, not the larger buffer behind it', async () => {
    const t = makeCore();
    const s = await submissionScene(t);
    const behind = Buffer.from('<<before>>Board minutes, March 2026<<after>>');
    const view = behind.subarray('<<before>>'.length, behind.length - '<<after>>'.length);
    const { document } = await s.addDocument(s.bidder.id, 'minutes.txt', view);
    expect(document).toMatchObject({ size: view.byteLength, sha256: sha256('Board minutes, March 2026') });
    const read = await t.call(s.lead.id, 'documents.content', { evaluationId: s.evaluationId, documentId: document.id });
    expect(Buffer.from(read.content).toString()).toBe('Board minutes, March 2026');
  });

  it.each([
    ['one byte over 25 MB', Buffer.alloc(MAX_DOCUMENT_BYTES + 1, 7), 'the document is larger than 25 MB'],
    ['empty', new Uint8Array(0), 'the document is empty'],
    ['text, as base64 used to be', Buffer.from('Evidence').toString('base64'), 'a document must be sent as the file’s bytes'],
    ['an array of numbers', [69, 118, 105], 'a document must be sent as the file’s bytes'],
  ])('refuses a document that is %s, and stores nothing', async (_case, content, message) => {
    const t = makeCore();
    const s = await submissionScene(t);
    await s.addDocument(s.bidder.id, 'earlier.txt', 'Already there');
    const error = await refusedAndUnchanged(t, s.lead.id, 'documents.add', {
      evaluationId: s.evaluationId,
      bidderId: s.bidder.id,
      fileName: 'evidence.pdf',
      mediaType: 'application/pdf',
      content,
    });
    expect(error.code).toBe('INVALID_PARAMS');
    expect(error.message).toContain(message);
  });

  it('lets only the procurement lead add documents', async () => {
    const t = makeCore();
    const s = await submissionScene(t);
    const params = { evaluationId: s.evaluationId, bidderId: s.bidder.id, fileName: 'x.txt', mediaType: 'text/plain', content: bytesOf('x') };
    expect(await refusedAndUnchanged(t, s.evaluators[0].id, 'documents.add', params)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refusedAndUnchanged(t, s.moderator.id, 'documents.add', params)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refusedAndUnchanged(t, s.outsider.id, 'documents.add', params)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refusedAndUnchanged(t, null, 'documents.add', params)).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('refuses a bidder of another evaluation', async () => {
    const t = makeCore();
    const s = await submissionScene(t);
    const other = await t.call(s.lead.id, 'evaluations.create', { name: 'Other', reference: 'O-1', frameworkId: s.frameworkId });
    const error = await refusedAndUnchanged(t, s.lead.id, 'documents.add', {
      evaluationId: other.id,
      bidderId: s.bidder.id,
      fileName: 'x.txt',
      mediaType: '',
      content: bytesOf('x'),
    });
    expect(error.code).toBe('NOT_FOUND');
  });

  it('keeps only the file name, never a path, and records the hash rather than the content in the audit trail', async () => {
    const t = makeCore();
    const s = await submissionScene(t);
    const { document } = await s.addDocument(s.bidder.id, 'C:\\bids\\Wandle\\finance\u0007.xlsx', 'spreadsheet bytes');
    expect(document.fileName).toBe('finance.xlsx');
    const entry = auditRows(t).at(-1)!;
    expect(entry.method).toBe('documents.add');
    expect(JSON.parse(entry.detail).content).toEqual({ sha256: sha256('spreadsheet bytes'), bytes: 'spreadsheet bytes'.length });
    expect(entry.detail).not.toContain('spreadsheet bytes');
    expect(entry.detail).not.toContain(Buffer.from('spreadsheet bytes').toString('base64'));
  });

  it('lets the lead add documents after the evaluation has opened for scoring', async () => {
    const t = makeCore();
    const s = await submissionScene(t);
    await t.call(s.lead.id, 'evaluations.openScoring', { evaluationId: s.evaluationId });
    expect((await s.addDocument(s.bidder.id, 'late clarification.txt', 'Clarification response')).duplicate).toBe(false);
  });
});
