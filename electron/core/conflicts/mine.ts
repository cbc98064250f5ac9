import type { MyBidderDeclarations } from '../../../shared/api/conflicts';
import type { Db } from '../db/open';
import { biddersOf } from '../evaluations/repo';
import { accessTo } from './access';
import { listDeclarations } from './repo';

/**
 * One person's standing with every bidder: a subject row for the bidder itself and one per current
 * consortium member, each with its current declaration, the computed access, and the person's history.
 */
export function myDeclarations(db: Db, evaluationId: string, personId: string): MyBidderDeclarations[] {
  const mine = listDeclarations(db, evaluationId, personId);
  return biddersOf(db, evaluationId).map((bidder) => {
    const history = mine.filter((d) => d.bidderId === bidder.id).reverse();
    const currentFor = (memberId: string | null) => history.find((d) => d.memberId === memberId) ?? null;
    return {
      bidderId: bidder.id,
      bidderName: bidder.name,
      access: accessTo(db, evaluationId, personId, bidder.id),
      subjects: [
        { memberId: null, subject: bidder.name, role: 'bidder' as const, current: currentFor(null) },
        ...bidder.members.map((m) => ({ memberId: m.id, subject: m.organisation, role: m.role, current: currentFor(m.id) })),
      ],
      history,
    };
  });
}
