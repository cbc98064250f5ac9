import { ApiError } from '../../../shared/api/errors';
import { MAX_PACK_BYTES } from '../../../shared/api/exchange';
import type { Db } from '../db/open';

/*
 * Large files (packs with many evidence documents) reach the core in chunks, because a host carries at
 * most one modest request at a time. Chunks are held in memory only, per core, for a short while: they
 * are a transport detail, never part of the record. At most a couple of uploads are held at once.
 */

interface Upload {
  chunks: Uint8Array[];
  size: number;
  touchedAt: number;
}

const MAX_UPLOADS = 2;
const IDLE_MS = 10 * 60 * 1000;
const stores = new WeakMap<Db, Map<string, Upload>>();

function storeOf(db: Db): Map<string, Upload> {
  let store = stores.get(db);
  if (!store) stores.set(db, (store = new Map()));
  const now = Date.now();
  for (const [id, upload] of store) if (now - upload.touchedAt > IDLE_MS) store.delete(id);
  return store;
}

/** Appends one chunk; offset 0 (re)starts the upload. Returns the bytes received so far. */
export function stageChunk(db: Db, uploadId: string, offset: number, chunk: Uint8Array): number {
  const store = storeOf(db);
  if (offset === 0) {
    store.delete(uploadId);
    while (store.size >= MAX_UPLOADS) store.delete(store.keys().next().value!);
    store.set(uploadId, { chunks: [], size: 0, touchedAt: Date.now() });
  }
  const upload = store.get(uploadId);
  if (!upload) throw new ApiError('NOT_FOUND', 'That upload has expired or was never started; choose the file again.');
  if (offset !== upload.size)
    throw new ApiError('INVALID_PARAMS', `The upload expected the part at byte ${upload.size}, not ${offset}; choose the file again.`);
  if (upload.size + chunk.byteLength > MAX_PACK_BYTES) {
    store.delete(uploadId);
    throw new ApiError('INVALID_PARAMS', `The file is larger than ${MAX_PACK_BYTES / 1024 / 1024} MB, the most a pack can be.`);
  }
  upload.chunks.push(chunk);
  upload.size += chunk.byteLength;
  upload.touchedAt = Date.now();
  return upload.size;
}

/** The whole staged file, which is then forgotten: each attempt to open a file sends it afresh. */
export function takeUpload(db: Db, uploadId: string): Buffer {
  const store = storeOf(db);
  const upload = store.get(uploadId);
  store.delete(uploadId);
  if (!upload) throw new ApiError('NOT_FOUND', 'That upload has expired or was never started; choose the file again.');
  return Buffer.concat(upload.chunks, upload.size);
}
