import type { Person } from '../../shared/api/people';
import type { Db } from './db/open';
import type { Store } from './backup/store';
import type { ProgressRegistry } from './jobs/progress';
import type { Session, Sessions } from './identity/sessions';

/** What every handler gets: the store, the acting person (null before anyone has a profile) and a clock. */
export interface HandlerContext {
  db: Db;
  actor: Person | null;
  now(): string;
  newId(): string;
  appVersion: string;
  /** Shared by every call of this core: long work reports here; the host pushes it to the owner's window. */
  progress: ProgressRegistry;
  /** The connection's owner: backups and restore. */
  store: Store;
  /** The session this call came with (null before signing in), and every open session of this core. */
  session: Session | null;
  sessions: Sessions;
  /** scrypt cost (log2 N) for new profile passphrases: OWASP's 17 unless a test lowers it. */
  profileKdfLogN: number;
}

export type SignedInContext = HandlerContext & { actor: Person };
