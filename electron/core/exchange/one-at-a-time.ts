import type { Db } from '../db/open';

/*
 * Making or opening a pack holds the whole file, its contents and their compressed form in memory (a few
 * hundred MB for a large one) while it runs before its transaction. Two at once (a second browser tab, a
 * double click) would hold twice that, so each installation does them one after another.
 */
const queues = new WeakMap<Db, Promise<void>>();

export function oneLargeFileAtATime<T>(db: Db, work: () => Promise<T>): Promise<T> {
  const turn = (queues.get(db) ?? Promise.resolve()).then(work);
  // The queue keeps only when the turn ends, never its result (a whole pack) or its failure.
  queues.set(
    db,
    turn.then(
      () => undefined,
      () => undefined,
    ),
  );
  return turn;
}
