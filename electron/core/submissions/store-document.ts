import type { DocumentSummary } from '../../../shared/api/submissions';
import type { HandlerContext } from '../context';
import { assertDocumentSize, cleanFileName, sha256Hex } from './content';
import { mediaTypeFor } from './media-type';
import { documentById, insertBlobOnce, insertDocument } from './repo';

/** A document as uploaded: name, the type the browser gave, content. */
export interface Upload {
  fileName: string;
  mediaType: string;
  content: Uint8Array;
}

/** An upload checked and decoded, before anything is stored. */
export interface ReadUpload {
  name: string;
  mediaType: string;
  bytes: Uint8Array;
  sha256: string;
}

/** Checks an upload (a clean file name, not empty, not over size); writes nothing. */
export function readUpload({ fileName, mediaType, content }: Upload): ReadUpload {
  const name = cleanFileName(fileName);
  assertDocumentSize(content);
  return { name, mediaType, bytes: content, sha256: sha256Hex(content) };
}

/** Stores a read upload as one of the bidder's evidence documents (content once per SHA-256), part of an addendum if given. */
export function storeDocument(ctx: HandlerContext, bidderId: string, upload: ReadUpload, addendumId?: string): DocumentSummary {
  insertBlobOnce(ctx.db, upload.sha256, upload.bytes);
  const id = ctx.newId();
  const type = mediaTypeFor(upload.bytes, upload.mediaType, upload.name);
  insertDocument(ctx.db, {
    id,
    bidderId,
    sha256: upload.sha256,
    fileName: upload.name,
    mediaType: type,
    size: upload.bytes.length,
    at: ctx.now(),
    by: ctx.actor!.id,
    addendumId,
  });
  return documentById(ctx.db, id)!;
}
