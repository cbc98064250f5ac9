/**
 * The renderer's Content-Security-Policy, sent by both hosts (the desktop app's app:// protocol and the web
 * host) and mirrored in renderer/index.html's meta tag.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  // Evidence PDFs open inline in an iframe from a blob: URL the renderer made from the document's content.
  'frame-src blob:',
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
