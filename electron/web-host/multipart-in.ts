import busboy from 'busboy';
import type { IncomingMessage } from 'node:http';
import type { ReceivedPart } from '../../shared/api/wire-bytes';

/** More parts than any call carries (the envelope and a few files): a body of thousands of tiny parts is refused early. */
const MAX_PARTS = 32;
const MAX_TEXT_PART_BYTES = 1024 * 1024;

export type ReadForm = { parts: ReceivedPart[] } | 'too-large' | 'aborted' | { refused: string };

/**
 * The parts of a multipart/form-data request as they stream in (busboy: a streaming parser that scans with
 * Boyer–Moore–Horspool, so a 40 MB body costs a memcpy, not a stall), never more than `limit` bytes kept.
 */
export function readFormParts(req: IncomingMessage, limit: number): Promise<ReadForm> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (result: ReadForm) => {
      if (settled) return;
      settled = true;
      resolve(result);
      if (typeof result !== 'object' || !('parts' in result)) {
        req.unpipe();
        req.resume(); // drain what is left, keep nothing
      }
    };
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        limits: { parts: MAX_PARTS, fieldSize: MAX_TEXT_PART_BYTES, fileSize: limit },
        preservePath: true,
      });
    } catch {
      return settle({ refused: 'The multipart body could not be read.' });
    }
    const parts: ReceivedPart[] = [];
    let received = 0;
    let open = 0;
    let finished = false;
    const done = () => {
      if (finished && open === 0) settle({ parts });
    };
    parser.on('field', (name, value, info) => {
      if (info.valueTruncated || info.nameTruncated) return settle({ refused: `The part “${name.slice(0, 40)}” is too long.` });
      received += Buffer.byteLength(value);
      if (received > limit) return settle('too-large');
      parts.push([name, value]);
    });
    parser.on('file', (name, stream) => {
      open++;
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (received > limit) return settle('too-large');
        chunks.push(chunk);
      });
      stream.on('limit', () => settle('too-large'));
      stream.on('end', () => {
        open--;
        parts.push([name, new Uint8Array(Buffer.concat(chunks))]);
        done();
      });
    });
    parser.on('partsLimit', () => settle({ refused: `A call carries at most ${MAX_PARTS} parts.` }));
    parser.on('error', () => settle({ refused: 'The multipart body could not be read.' }));
    parser.on('close', () => {
      finished = true;
      done();
    });
    req.on('aborted', () => settle('aborted'));
    req.on('error', () => settle('aborted'));
    req.pipe(parser);
  });
}
