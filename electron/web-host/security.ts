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

/** Node keeps only the first of some repeated headers; a request that repeats these is refused instead. */
const SINGLE_HEADERS = ['host', 'origin', 'authorization', 'content-type'] as const;

/**
 * DNS-rebinding defence: a page from another site that resolves its own name to 127.0.0.1 still
 * sends its own Host and Origin, so both must name this host exactly.
 */
export function isOwnRequest(req: IncomingMessage, port: number): { ok: true } | { ok: false; status: 400 | 403; why: string } {
  const repeated = SINGLE_HEADERS.find((name) => (req.headersDistinct[name]?.length ?? 0) > 1);
  if (repeated) return { ok: false, status: 400, why: `the ${repeated} header is repeated` };
  const authorities = loopbackAuthorities(port);
  const host = req.headers.host?.toLowerCase();
  if (!host || !authorities.includes(host)) return { ok: false, status: 403, why: 'unexpected Host header' };
  const origin = req.headers.origin;
  if (origin !== undefined && !authorities.some((a) => origin.toLowerCase() === `http://${a}`)) {
    return { ok: false, status: 403, why: 'cross-origin request' };
  }
  return { ok: true };
}

/**
 * The path of an origin-form request target ("/path?query"), still percent-encoded, or null for any
 * other form (absolute URLs, "*", "//authority…") — none of which a browser sends to this host.
 */
export function requestPath(target: string | undefined): string | null {
  if (!target?.startsWith('/') || target.startsWith('//')) return null;
  const end = target.search(/[?#]/);
  return end === -1 ? target : target.slice(0, end);
}

/** decodeURIComponent that answers null for malformed percent-encoding instead of throwing. */
export function decodePath(encoded: string): string | null {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return null;
  }
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
