import type { Bidder } from '../../../shared/api/evaluations';
import type { DeclarationKind } from '../../../shared/domain/conflicts';
import { evaluationWithPanel, type TestCore } from '../support/core';

/**
 * The panel scene of the set-up tests (bidder A: a lead organisation and a consortium partner) plus
 * bidder B with a lead organisation, a consortium partner and a named subcontractor.
 */
export async function conflictScene(t: TestCore) {
  const s = await evaluationWithPanel(t);
  const evaluationId = s.evaluation.id;
  const detail = await t.call(s.lead.id, 'bidders.add', {
    evaluationId,
    name: 'Riverside Care Partnership',
    reference: 'BID-002',
    members: [
      { organisation: 'Riverside Healthcare NHS Foundation Trust', role: 'lead' },
      { organisation: 'Raynes Park Community Interest Company', role: 'partner' },
      { organisation: 'Beddington Digital Health Ltd', role: 'subcontractor' },
    ],
  });
  const a = s.bidder;
  const b = detail.bidders.find((x) => x.name === 'Riverside Care Partnership')!;
  const member = (bidder: Bidder, role: string) => bidder.members.find((m) => m.role === role)!;
  const [eve, evan, eva] = s.evaluators;
  return { ...s, evaluationId, a, b, bPartner: member(b, 'partner'), bSubcontractor: member(b, 'subcontractor'), eve, evan, eva };
}
export type ConflictScene = Awaited<ReturnType<typeof conflictScene>>;

/** Every subject of a bidder: the bidder itself (null), then each current consortium member. */
export const subjectsOf = (bidder: Bidder): (string | null)[] => [null, ...bidder.members.map((m) => m.id)];

/** Declares about every subject of the bidder: no conflict, except where `conflicts` says otherwise (keyed by member id). */
export async function declareAbout(
  t: TestCore,
  personId: string,
  evaluationId: string,
  bidder: Bidder,
  conflicts: Record<string, { kind: Exclude<DeclarationKind, 'none'>; description: string }> = {},
) {
  let result;
  for (const memberId of subjectsOf(bidder)) {
    const conflict = memberId === null ? undefined : conflicts[memberId];
    result = await t.call(personId, 'conflicts.declare', {
      evaluationId,
      bidderId: bidder.id,
      memberId,
      kind: conflict?.kind ?? 'none',
      description: conflict?.description ?? '',
    });
  }
  return result!;
}
