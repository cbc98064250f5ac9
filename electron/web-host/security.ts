import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { CONTENT_SECURITY_POLICY } from '../common/content-security-policy';

/** Constant-time token check; hashing first makes the lengths equal so length leaks nothing either. */
export function tokensEqual(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

export function bearerToken(req: IncomingMessage): string | null {
  const header = req.headers.authorization;
  if (!header?.startsWith('Bearer ')) return null;
  return header.slice('Bearer '.length).trim();
}

const loopbackAuthorities = (port: number) => [`127.0.0.1:${port}`, `localhost:${port}`];

/**
 * DNS-rebinding defence: a page from another site that resolves its own name to 127.0.0.1 still
 * sends its own Host and Origin, so both must name this host exactly.
 */
export function isOwnRequest(req: IncomingMessage, port: number): { ok: true } | { ok: false; why: string } {
  const authorities = loopbackAuthorities(port);
  const host = req.headers.host?.toLowerCase();
  if (!host || !authorities.includes(host)) return { ok: false, why: 'unexpected Host header' };
  const origin = req.headers.origin;
  if (origin !== undefined && !authorities.some((a) => origin.toLowerCase() === `http://${a}`)) {
    return { ok: false, why: 'cross-origin request' };
  }
  return { ok: true };
}

/** Sent on every response. Deliberately no Access-Control-* headers: other origins get nothing. */
export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};
