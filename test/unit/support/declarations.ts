import type { TestCore } from './core';

/** Declares "no conflict" against every bidder and member not yet declared against ("actual conflict" with the bidders in `conflictWith`). */
export async function declareAll(t: TestCore, evaluationId: string, personId: string, conflictWith: string[] = []) {
  for (const bidder of await t.call(personId, 'conflicts.mine', { evaluationId })) {
    for (const subject of bidder.subjects) {
      if (subject.current) continue;
      const conflicted = subject.memberId === null && conflictWith.includes(bidder.bidderId);
      await t.call(personId, 'conflicts.declare', {
        evaluationId,
        bidderId: bidder.bidderId,
        memberId: subject.memberId,
        kind: conflicted ? 'actual' : 'none',
        description: conflicted ? 'I was a non-executive director of this trust until last year.' : '',
      });
    }
  }
}
