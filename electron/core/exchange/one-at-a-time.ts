import type { Db } from '../db/open';

/*
 * Making or opening a pack holds the whole file, its contents and their compressed form in memory (a few
 * hundred MB for a large one) while it runs before its transaction. Two at once (a second browser tab, a
 * double click) would hold twice that, so each installation does them one after another.
 */
const queues = new WeakMap<Db, Promise<unknown>>();

export function oneLargeFileAtATime<T>(db: Db, work: () => Promise<T>): Promise<T> {
  const turn = (queues.get(db) ?? Promise.resolve()).catch(() => undefined).then(work);
  queues.set(db, turn);
  return turn;
}
