import { app, type Session, type WebContents } from 'electron';
import { isAllowedRequestUrl, isAppUrl, isOwnBlobUrl } from './app-origin';

/** Session-wide lock-down: no permissions, no devices, no requests that leave the app. */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    const cancel = !isAllowedRequestUrl(details.url);
    if (cancel) console.warn('[security] blocked request to', details.url);
    callback({ cancel });
  });
}

function hardenWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    // Sub-frames may show a document the app itself put in a blob: URL (the PDF viewer), nothing else.
    if (!isAppUrl(event.url) && !(!event.isMainFrame && isOwnBlobUrl(event.url))) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
}

/** Applies the per-window rules to every web contents the app ever creates, not only the main window. */
export function hardenAllWebContents(): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
}
