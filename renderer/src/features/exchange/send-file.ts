import { UPLOAD_CHUNK_BYTES } from '../../../../shared/api/exchange';
import { call } from '../../api/client';
import { bytesOfFile } from '../../files/bytes';

export type FileSource = { content: Uint8Array } | { uploadId: string };

/**
 * A chosen file as the core takes it: inline when small, otherwise staged in chunks first (the local web
 * host takes at most 40 MB a request), reporting the bytes sent so far.
 */
export async function sendFile(file: Blob, onProgress?: (sent: number, total: number) => void): Promise<FileSource> {
  if (file.size <= UPLOAD_CHUNK_BYTES) return { content: await bytesOfFile(file) };
  const uploadId = `upload-${crypto.randomUUID()}`;
  for (let offset = 0; offset < file.size; offset += UPLOAD_CHUNK_BYTES) {
    const chunk = await bytesOfFile(file.slice(offset, offset + UPLOAD_CHUNK_BYTES));
    await call('exchange.stageUpload', { uploadId, offset, chunk });
    onProgress?.(Math.min(file.size, offset + UPLOAD_CHUNK_BYTES), file.size);
  }
  return { uploadId };
}
