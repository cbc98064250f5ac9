import { randomBytes } from 'node:crypto';
import { tokensEqual } from './security';

export const LAUNCH_CODE_TTL_MS = 10 * 60_000;
const MAX_OUTSTANDING = 8;

/**
 * One-time codes that stand in for the connection token in the address opened in a browser, so the
 * token itself never appears on a command line (xdg-open's, visible to `ps`) or in browser history.
 */
export class LaunchCodes {
  private outstanding: { code: string; expires: number }[] = [];

  constructor(private readonly now: () => number = Date.now) {}

  /** A fresh 256-bit code, valid once for ten minutes; the oldest is dropped when too many are waiting. */
  mint(): string {
    this.prune();
    const code = randomBytes(32).toString('base64url');
    this.outstanding.push({ code, expires: this.now() + LAUNCH_CODE_TTL_MS });
    if (this.outstanding.length > MAX_OUTSTANDING) this.outstanding.shift();
    return code;
  }

  /** True once for a live code; every outstanding code is compared in constant time, with no early exit. */
  redeem(given: string): boolean {
    this.prune();
    let found = -1;
    this.outstanding.forEach((entry, i) => {
      if (tokensEqual(given, entry.code)) found = i;
    });
    if (found === -1) return false;
    this.outstanding.splice(found, 1);
    return true;
  }

  private prune(): void {
    const now = this.now();
    this.outstanding = this.outstanding.filter((entry) => entry.expires > now);
  }
}
