import { describe, expect, it } from 'vitest';
import { sniffMediaType } from '../../../electron/core/submissions/media-type';
import { inlineKind } from '../../../shared/domain/documents';
import { makeCore } from '../support/core';
import { MAGIC, submissionScene } from './scene';

/*
 * Only content the core has recognised from its magic bytes is shown inside the app; the type a client
 * claims is a fallback for labelling, never a reason to render something inline.
 */

describe('recognising the media type from the content', () => {
  it.each([
    ['pdf', 'application/pdf'],
    ['png', 'image/png'],
    ['jpeg', 'image/jpeg'],
    ['gif', 'image/gif'],
    ['webp', 'image/webp'],
  ] as const)('recognises %s from its magic bytes', (kind, type) => {
    expect(sniffMediaType(MAGIC[kind])).toBe(type);
  });

  it('recognises nothing else', () => {
    expect(sniffMediaType(Buffer.from('PK\x03\x04 a Word document', 'latin1'))).toBeNull();
    expect(sniffMediaType(Buffer.from('RIFF\x00\x00\x00\x00WAVE', 'latin1'))).toBeNull();
    expect(sniffMediaType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
  });
});

describe('the media type recorded for a document', () => {
  const stored = async (fileName: string, content: string | Buffer, mediaType: string) => {
    const t = makeCore();
    const s = await submissionScene(t);
    return (await s.addDocument(s.bidder.id, fileName, content, mediaType)).document.mediaType;
  };

  it('uses the sniffed type whatever the client claims', async () => {
    expect(await stored('scan.bin', MAGIC.png, 'application/msword')).toBe('image/png');
    expect(await stored('report', MAGIC.pdf, '')).toBe('application/pdf');
  });

  it('never records an inline type the content did not prove', async () => {
    const type = await stored('photo.png', '<html><script>alert(1)</script></html>', 'image/png');
    expect(type).toBe('application/octet-stream');
    expect(inlineKind(type)).toBeNull();
    expect(await stored('fake.pdf', 'not really a PDF', 'application/pdf')).toBe('application/octet-stream');
  });

  it('falls back to the given type, then the extension, for documents opened with their own application', async () => {
    expect(await stored('finance.xlsx', 'PK\x03\x04', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet; charset=binary')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(await stored('Method Statement.DOCX', 'PK\x03\x04', '')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(await stored('notes.txt', 'plain notes', 'not a type')).toBe('text/plain');
    expect(await stored('diagram.svg', '<svg/>', 'image/svg+xml')).toBe('image/svg+xml');
    expect(await stored('unknown.xyz', 'something', '')).toBe('application/octet-stream');
  });

  it('shows inline only PDFs and the four sniffed image types', () => {
    expect(['application/pdf', 'image/png', 'image/jpeg', 'image/gif', 'image/webp'].map(inlineKind)).toEqual(['pdf', 'image', 'image', 'image', 'image']);
    expect(['image/svg+xml', 'text/html', 'image/tiff', 'application/octet-stream'].map(inlineKind)).toEqual([null, null, null, null]);
  });
});
