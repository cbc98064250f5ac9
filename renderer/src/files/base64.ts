type WithFromBase64 = typeof Uint8Array & { fromBase64?: (base64: string) => Uint8Array<ArrayBuffer> };

/** Decodes base64 natively where the engine can (Chromium 140+), else byte by byte. */
function bytesFromBase64(base64: string): Uint8Array<ArrayBuffer> {
  const typed = Uint8Array as WithFromBase64;
  if (typed.fromBase64) return typed.fromBase64(base64);
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Bytes sent by the core as base64, as a Blob to download or display. */
export const blobFromBase64 = (base64: string, type: string): Blob => new Blob([bytesFromBase64(base64)], { type });

/** A file's bytes as base64, to send to the core. */
export async function base64FromBlob(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
