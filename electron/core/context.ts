import type { Person } from '../../shared/api/people';
import type { Db } from './db/open';

/** What every handler gets: the store, the acting person (null before anyone has a profile) and a clock. */
export interface HandlerContext {
  db: Db;
  actor: Person | null;
  now(): string;
  newId(): string;
  appVersion: string;
}

export type SignedInContext = HandlerContext & { actor: Person };
