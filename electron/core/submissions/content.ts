import { createHash } from 'node:crypto';
import { ApiError } from '../../../shared/api/errors';
import { MAX_DOCUMENT_BYTES } from '../../../shared/api/submissions';
import { cleanedFileName } from '../../../shared/domain/names';

const refuse = (message: string) => new ApiError('INVALID_PARAMS', message, [{ path: 'contentBase64', message }]);

/**
 * Decodes a document's base64 strictly (whole 4-character groups, padding only where the length needs
 * it) and checks its exact size: empty and over-size documents are refused before anything is stored.
 */
export function decodeDocument(base64: string): Buffer {
  if (base64.length % 4 !== 0) throw refuse('the document content is not base64');
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length !== (base64.length / 4) * 3 - padding) throw refuse('the document content is not base64');
  if (bytes.length === 0) throw refuse('the document is empty');
  if (bytes.length > MAX_DOCUMENT_BYTES) throw refuse(`the document is larger than ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB`);
  return bytes;
}

export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** The name a document is saved under: its last path segment, NFKC, without control, zero-width or bidi characters. */
export function cleanFileName(given: string): string {
  const name = cleanedFileName(given.normalize('NFKC').split(/[\\/]/).pop() ?? '');
  if (!name) throw new ApiError('INVALID_PARAMS', 'the document needs a file name', [{ path: 'fileName', message: 'the document needs a file name' }]);
  return name;
}
