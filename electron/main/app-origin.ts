/**
 * The renderer is served from `app://bundle/…` (see app-protocol.ts). Everything that decides
 * "is this ours?" — IPC sender checks, navigation, the session's request filter — asks this module.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'bundle';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** The id Chromium (and so Electron) gives its built-in PDF viewer extension. */
export const PDF_VIEWER_EXTENSION_ID = 'mhjfbmdgcfjbbpaeojofohoefgiehjai';

/** A blob: URL minted by our own origin (documents the renderer opens inline). */
export const isOwnBlobUrl = (url: string): boolean => url.startsWith('blob:') && isAppUrl(url.slice('blob:'.length));

/** True only for URLs on our own app origin (scheme and host both match). */
export function isAppUrl(url: string): boolean {
  const parsed = parse(url);
  return parsed !== null && parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
}

/**
 * The session's request filter: our own origin, DevTools, in-memory data: URLs and blob: URLs minted by
 * our own origin. Nothing remote (http, https, ws, ftp…), and no file:.
 */
export function isAllowedRequestUrl(url: string): boolean {
  const parsed = parse(url);
  if (!parsed) return false;
  switch (parsed.protocol) {
    case `${APP_SCHEME}:`:
      return isAppUrl(url);
    case 'blob:':
      return isAppUrl(parsed.pathname);
    case 'devtools:':
    case 'data:':
      return true;
    case 'chrome-extension:':
      // Chromium's built-in PDF viewer, which shows evidence PDFs inline; no other extension exists here.
      return parsed.host === PDF_VIEWER_EXTENSION_ID;
    default:
      return false;
  }
}
