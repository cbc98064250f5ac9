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

/** A file's bytes as base64, to send to the core, read by the browser without blocking the window; rejects with the browser's reason when it cannot. */
export function base64FromBlob(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const dataUrl = String(reader.result);
      resolve(dataUrl.slice(dataUrl.indexOf(',') + 1));
    };
    reader.onerror = () => reject(new Error(reader.error?.message || 'the file could not be read'));
    reader.readAsDataURL(file);
  });
}
