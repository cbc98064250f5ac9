/** A chosen file's bytes, read by the browser without blocking the window; rejects with the browser's reason when it cannot. */
export async function bytesOfFile(file: Blob): Promise<Uint8Array<ArrayBuffer>> {
  try {
    return new Uint8Array(await file.arrayBuffer());
  } catch (error) {
    throw new Error(error instanceof Error && error.message ? error.message : 'the file could not be read', { cause: error });
  }
}

/** Bytes from the core as a Blob, to download or display. */
export const blobOfBytes = (bytes: Uint8Array, type: string): Blob => new Blob([bytes as Uint8Array<ArrayBuffer>], { type });
