import { readFile, stat } from 'node:fs/promises';
import { contentTypeFor, resolveRendererFile } from '../common/renderer-files';

/** Reads a file of the built renderer for a URL path, or null when it does not exist or would escape the folder. */
export async function readRendererFile(rendererDir: string, urlPath: string): Promise<{ body: Buffer; type: string } | null> {
  const full = resolveRendererFile(rendererDir, urlPath === '/' ? '/index.html' : urlPath);
  if (!full) return null;
  try {
    if (!(await stat(full)).isFile()) return null;
    return { body: await readFile(full), type: contentTypeFor(full) };
  } catch {
    return null;
  }
}
