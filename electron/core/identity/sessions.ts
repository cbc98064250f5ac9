import { randomBytes } from 'node:crypto';
import { ApiError } from '../../../shared/api/errors';

export interface Session {
  id: string;
  personId: string;
  openedAt: number;
  lastSeenAt: number;
  /** Signed in with a passphrase the administrator set: only choosing a new one is allowed. */
  mustChangePassphrase: boolean;
}

/**
 * Sessions live in the core's memory only: they end on Lock or Switch person, after the idle time, when the
 * person's passphrase is reset, after a restore, and when the host stops. The id is 256 random bits.
 */
export class Sessions {
  private readonly open = new Map<string, Session>();

  constructor(
    private readonly clock: () => Date,
    private idleMinutes: number,
  ) {}

  get idle(): number {
    return this.idleMinutes;
  }

  setIdleMinutes(minutes: number): void {
    this.idleMinutes = minutes;
  }

  start(personId: string, mustChangePassphrase: boolean): Session {
    const now = this.clock().getTime();
    const session = { id: randomBytes(32).toString('base64url'), personId, openedAt: now, lastSeenAt: now, mustChangePassphrase };
    this.open.set(session.id, session);
    return session;
  }

  /** The live session with this id, marked as just used; refuses unknown, ended and idle sessions. */
  resolve(id: string): Session {
    const session = this.open.get(id);
    if (!session) throw new ApiError('UNAUTHENTICATED', 'You are signed out (the session ended or the app restarted). Sign in again to carry on.');
    const now = this.clock().getTime();
    if (now - session.lastSeenAt > this.idleMinutes * 60_000) {
      this.open.delete(id);
      throw new ApiError('UNAUTHENTICATED', `Locked after ${this.idleMinutes} minutes without activity. Sign in again to carry on.`);
    }
    session.lastSeenAt = now;
    return session;
  }

  /** The session if it is still open, without counting this as activity (progress pushed to a window is not the person at work). */
  peek(id: string): Session | null {
    const session = this.open.get(id);
    return session && this.clock().getTime() - session.lastSeenAt <= this.idleMinutes * 60_000 ? session : null;
  }

  passphraseChanged(id: string): void {
    const session = this.open.get(id);
    if (session) session.mustChangePassphrase = false;
  }

  end(id: string): void {
    this.open.delete(id);
  }

  /** Ends every session of a person, except (optionally) the one that asked. */
  endFor(personId: string, except?: string): void {
    for (const [id, s] of this.open) if (s.personId === personId && id !== except) this.open.delete(id);
  }

  endAll(): void {
    this.open.clear();
  }
}
