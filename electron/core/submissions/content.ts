import { createHash } from 'node:crypto';
import { ApiError } from '../../../shared/api/errors';
import { MAX_DOCUMENT_BYTES } from '../../../shared/api/submissions';
import { cleanedFileName } from '../../../shared/domain/names';

const refuse = (message: string) => new ApiError('INVALID_PARAMS', message, [{ path: 'content', message }]);

/** Empty and over-size documents are refused before anything is stored (the contract says so too; this holds for any caller). */
export function assertDocumentSize(bytes: Uint8Array): void {
  if (bytes.byteLength === 0) throw refuse('the document is empty');
  if (bytes.byteLength > MAX_DOCUMENT_BYTES) throw refuse(`the document is larger than ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB`);
}

export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** The name a document is saved under: its last path segment, NFKC, without control, zero-width or bidi characters. */
export function cleanFileName(given: string): string {
  const name = cleanedFileName(given.normalize('NFKC').split(/[\\/]/).pop() ?? '');
  if (!name) throw new ApiError('INVALID_PARAMS', 'the document needs a file name', [{ path: 'fileName', message: 'the document needs a file name' }]);
  return name;
}
