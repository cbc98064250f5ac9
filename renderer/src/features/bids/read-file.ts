/** Reads a file as base64 without blocking the window; rejects with the browser's reason when it cannot. */
export function readAsBase64(file: Blob): Promise<string> {
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
