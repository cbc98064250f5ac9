import { unzipSync } from 'fflate';

/**
 * Everything readable in an answer: its JSON, and every file it carries as bytes — as text, and unzipped
 * when it is a zip (xlsx workbooks, evidence packs) — so that a secret cannot hide in a file.
 */
export function readableTexts(answer: unknown): string[] {
  const files: Uint8Array[] = [];
  // A replacer sees a Buffer only after its toJSON: the bytes are found on the holder instead.
  const json = JSON.stringify(answer, function (this: Record<string, unknown>, key: string, value: unknown) {
    const original = this[key];
    if (!(original instanceof Uint8Array)) return value;
    files.push(original);
    return `[file ${files.length}]`;
  });
  return [json ?? '', ...files.flatMap(decoded)];
}

function decoded(bytes: Uint8Array): string[] {
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) return [Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')];
  const entries = unzipSync(bytes);
  return Object.entries(entries).flatMap(([name, content]) =>
    name.endsWith('.zip') || name.endsWith('.xlsx') ? decoded(content) : [Buffer.from(content).toString('utf8')],
  );
}
