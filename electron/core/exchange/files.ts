import { createHash } from 'node:crypto';
import { ApiError } from '../../../shared/api/errors';
import type { Db } from '../db/open';
import { takeUpload } from './uploads';

/** A file as the contract carries it: its bytes inline, or the id of an upload staged in chunks. */
export type FileSource = { content: Uint8Array } | { uploadId: string };

/** The file's bytes as a Buffer over the same memory (no copy of a large pack), checked against the size `what` may be. */
export function fileBytes(db: Db, source: FileSource, maxBytes: number, what: string): Buffer {
  const bytes = 'uploadId' in source ? takeUpload(db, source.uploadId) : bufferOver(source.content);
  if (bytes.length === 0) throw new ApiError('INVALID_PARAMS', `The file is empty; it is not ${what}.`);
  if (bytes.length > maxBytes)
    throw new ApiError('INVALID_PARAMS', `The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB, the most ${what} can be.`);
  return bytes;
}

const bufferOver = (view: Uint8Array): Buffer => Buffer.from(view.buffer, view.byteOffset, view.byteLength);

/** The file's SHA-256, as the envelope's fileSha256 gives it, with Node's native hash (packs run to hundreds of MB). */
export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** A name's words, safe in a file name on every system: "Alice O’Neil (demo)" → "Alice-ONeil-demo". */
export const fileWord = (name: string, fallback: string): string =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f’']/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60) || fallback;
