import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { bytesPartName, splitBytes } from '../../shared/api/wire-bytes';

const SLICE_BYTES = 256 * 1024;

/** As browsers escape names in form-data (the HTML standard's multipart/form-data encoding). */
const escaped = (name: string) => name.replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/"/g, '%22');

/**
 * Writes a value carrying bytes as multipart/form-data: the JSON part `jsonPart` with placeholders, then each
 * file as part bytes-i named with its file name. The files' bytes are written as they are, never copied or
 * scanned, so a 60 MB answer leaves the host's thread free; the page reads it with `response.formData()`.
 */
export async function writeMultipart(res: ServerResponse, status: number, headers: Record<string, string>, value: unknown, jsonPart: string): Promise<void> {
  const boundary = `----capability-${randomBytes(18).toString('base64url')}`;
  const { value: withPlaceholders, parts } = splitBytes(value);
  res.writeHead(status, { ...headers, 'Content-Type': `multipart/form-data; boundary=${boundary}` });
  const write = async (chunk: string | Uint8Array) => {
    if (res.write(chunk)) return;
    await new Promise<void>((resume) => {
      const go = () => {
        res.off('drain', go);
        res.off('close', go);
        resume();
      };
      res.on('drain', go);
      res.on('close', go);
    });
  };
  await write(`--${boundary}\r\nContent-Disposition: form-data; name="${jsonPart}"\r\nContent-Type: application/json\r\n\r\n${JSON.stringify(withPlaceholders)}\r\n`);
  for (const [i, { bytes, fileName }] of parts.entries()) {
    if (res.destroyed) return;
    await write(
      `--${boundary}\r\nContent-Disposition: form-data; name="${bytesPartName(i)}"; filename="${escaped(fileName)}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    );
    // In slices, so the socket takes a little at a time and the thread never holds one 60 MB write.
    for (let at = 0; at < bytes.byteLength && !res.destroyed; at += SLICE_BYTES) await write(bytes.subarray(at, at + SLICE_BYTES));
    await write('\r\n');
  }
  res.end(`--${boundary}--\r\n`);
}
