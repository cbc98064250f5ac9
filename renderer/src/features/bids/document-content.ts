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

export const blobFromBase64 = (base64: string, type: string): Blob => new Blob([bytesFromBase64(base64)], { type });

/** Offers a blob as a file to save: a download in the browser, a save dialog in the desktop app. */
export function saveBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
