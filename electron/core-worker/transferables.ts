/**
 * The buffers of the files in an answer that can be moved to the host instead of copied: only those a
 * Uint8Array owns whole (a small Buffer shares Node's pool with others, and moving it would empty them).
 */
export function transferablesOf(value: unknown, found: ArrayBuffer[] = [], seen = new Set<unknown>()): ArrayBuffer[] {
  if (value === null || typeof value !== 'object' || seen.has(value)) return found;
  seen.add(value);
  if (value instanceof Uint8Array) {
    const { buffer } = value;
    if (buffer instanceof ArrayBuffer && value.byteOffset === 0 && value.byteLength === buffer.byteLength && !found.includes(buffer))
      found.push(buffer);
    return found;
  }
  for (const item of Array.isArray(value) ? value : Object.values(value)) transferablesOf(item, found, seen);
  return found;
}
