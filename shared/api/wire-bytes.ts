/*
 * How a call or an answer carrying file content crosses HTTP: as multipart/form-data, one JSON part (the
 * envelope or the outcome) in which each Uint8Array is replaced by a placeholder {"$bytes": i}, and one part
 * `bytes-i` per file, in order. The same functions serve the web host and the page, in both directions.
 */

/** The name of the part holding the i-th file. */
export const bytesPartName = (index: number): string => `bytes-${index}`;

/** The index a part name stands for ("bytes-3" → 3), or null for any other name (leading zeros included). */
export function bytesPartIndex(name: string): number | null {
  const match = /^bytes-(0|[1-9]\d{0,5})$/.exec(name);
  return match ? Number(match[1]) : null;
}

export interface BytesPart {
  bytes: Uint8Array;
  /** The `fileName` beside the bytes in the value, so a part names its file (Content-Disposition). */
  fileName: string;
}

/** Refused wire content: a placeholder without its part, a part nothing refers to, a malformed part. */
export class WireBytesError extends Error {
  override readonly name = 'WireBytesError';
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && !ArrayBuffer.isView(value);

/** Whether anything in the value is a Uint8Array: only then does a call or answer travel as multipart. */
export function carriesBytes(value: unknown): boolean {
  if (value instanceof Uint8Array) return true;
  if (Array.isArray(value)) return value.some(carriesBytes);
  return isPlainObject(value) && Object.values(value).some(carriesBytes);
}

/** The value with each Uint8Array replaced by {"$bytes": i}, and the bytes in placeholder order. The value is not changed. */
export function splitBytes(value: unknown): { value: unknown; parts: BytesPart[] } {
  const parts: BytesPart[] = [];
  const walk = (v: unknown, fileName: string | null): unknown => {
    if (v instanceof Uint8Array) {
      parts.push({ bytes: v, fileName: fileName ?? bytesPartName(parts.length) });
      return { $bytes: parts.length - 1 };
    }
    if (Array.isArray(v)) return v.map((item) => walk(item, null));
    if (!isPlainObject(v)) return v;
    const name = typeof v.fileName === 'string' && v.fileName !== '' ? v.fileName : null;
    return Object.fromEntries(Object.entries(v).map(([key, item]) => [key, walk(item, name)]));
  };
  return { value: walk(value, null), parts };
}

/**
 * The value with each placeholder replaced by its part's bytes. Refused (WireBytesError): an object that has
 * a `$bytes` key but is not exactly {"$bytes": <index>}, an index without a part, a part used twice, and a
 * part no placeholder refers to — so what was sent is exactly what arrives.
 */
export function joinBytes(value: unknown, parts: readonly Uint8Array[]): unknown {
  const used = new Set<number>();
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (!isPlainObject(v)) return v;
    if (Object.prototype.hasOwnProperty.call(v, '$bytes')) {
      const index = v.$bytes;
      if (Object.keys(v).length !== 1 || typeof index !== 'number' || !Number.isInteger(index) || index < 0) {
        throw new WireBytesError('A file placeholder must be {"$bytes": <part number>} and nothing else.');
      }
      const bytes = parts[index];
      if (!bytes) throw new WireBytesError(`The placeholder for ${bytesPartName(index)} has no part of that name.`);
      if (used.has(index)) throw new WireBytesError(`${bytesPartName(index)} is referred to twice.`);
      used.add(index);
      return bytes;
    }
    return Object.fromEntries(Object.entries(v).map(([key, item]) => [key, walk(item)]));
  };
  const joined = walk(value);
  const unused = parts.findIndex((_, i) => !used.has(i));
  if (unused !== -1) throw new WireBytesError(`${bytesPartName(unused)} is not referred to by any placeholder.`);
  return joined;
}

/**
 * A value carrying bytes as the multipart form that carries it: the JSON part `jsonPart` with placeholders,
 * then each file as a part named bytes-i with its file name.
 */
export function formOf(value: unknown, jsonPart: string): FormData {
  const split = splitBytes(value);
  const form = new FormData();
  form.append(jsonPart, JSON.stringify(split.value));
  split.parts.forEach(({ bytes, fileName }, i) =>
    form.append(bytesPartName(i), new File([bytes as Uint8Array<ArrayBuffer>], fileName, { type: 'application/octet-stream' })),
  );
  return form;
}

/** One part of a received multipart body: text, or a file's bytes. */
export type ReceivedPart = [name: string, entry: string | Uint8Array];

/**
 * The value the parts of a multipart body carry (as formOf made them), files back in place. Refused
 * (WireBytesError): a part of any other name, a part given twice, the JSON part missing or not JSON, a file
 * part that is text.
 */
export function valueOfParts(received: Iterable<ReceivedPart>, jsonPart: string): unknown {
  let json: string | null = null;
  const files = new Map<number, Uint8Array>();
  for (const [name, entry] of received) {
    if (name === jsonPart) {
      if (json !== null) throw new WireBytesError(`The part “${jsonPart}” is given twice.`);
      if (typeof entry !== 'string') throw new WireBytesError(`The part “${jsonPart}” must be text, not a file.`);
      json = entry;
      continue;
    }
    const index = bytesPartIndex(name);
    if (index === null) throw new WireBytesError(`There is a part named “${name.slice(0, 40)}”; only “${jsonPart}” and bytes-0, bytes-1… are taken.`);
    if (files.has(index)) throw new WireBytesError(`The part ${name} is given twice.`);
    if (typeof entry === 'string') throw new WireBytesError(`The part ${name} must be a file, not text.`);
    files.set(index, entry);
  }
  if (json === null) throw new WireBytesError(`The part “${jsonPart}” is missing.`);
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new WireBytesError(`The part “${jsonPart}” is not JSON.`);
  }
  const parts: Uint8Array[] = [];
  for (let i = 0; i < files.size; i++) {
    const bytes = files.get(i);
    if (!bytes) throw new WireBytesError(`The part ${bytesPartName(i)} is missing, though later parts are given.`);
    parts.push(bytes);
  }
  return joinBytes(value, parts);
}

/** As valueOfParts, for a form the platform parsed (the page reading a multipart answer). */
export async function valueOfForm(form: FormData, jsonPart: string): Promise<unknown> {
  const received: ReceivedPart[] = [];
  for (const [name, entry] of form.entries()) received.push([name, typeof entry === 'string' ? entry : new Uint8Array(await entry.arrayBuffer())]);
  return valueOfParts(received, jsonPart);
}
