import type { RankingResult } from '../../../../shared/api/ranking';
import { BASIS_WORDING, type CountingBasis } from '../../../../shared/domain/counting';
import { listCriteria, type Framework } from '../../../../shared/domain/framework';
import { areaTitle, criterionName } from './names';

type Fw = Pick<Framework, 'areas' | 'stages'>;

export interface MissingLine {
  basis: CountingBasis;
  /** "All 12 criteria", "Governance and leadership (every stage)", "Managing resources — Thriving". */
  which: string;
  /** BASIS_WORDING: why none counts yet. */
  why: string;
}

export interface MissingForBidder {
  bidderId: string;
  name: string;
  lines: MissingLine[];
}

/**
 * Names a set of criteria as briefly as a panel would say it: every criterion at once, a whole capability
 * area at once, otherwise each criterion; in the framework's order.
 */
export function describeCriteria(framework: Fw, criterionIds: ReadonlySet<string>): string {
  const all = listCriteria(framework);
  if (all.every((c) => criterionIds.has(c.id))) return `All ${all.length} criteria`;
  return framework.areas
    .flatMap((area) => {
      const mine = all.filter((c) => c.areaId === area.id && criterionIds.has(c.id));
      if (mine.length === 0) return [];
      if (mine.length === framework.stages.length) return [`${areaTitle(framework, area.id)} (every stage)`];
      return mine.map((c) => criterionName(framework, c.id));
    })
    .join('; ');
}

/**
 * What is missing, one entry per bidder (in the order given) and one line per reason, so that a bidder with
 * every criterion missing for the same reason is one line, not twelve.
 */
export function missingByBidder(
  missing: RankingResult['missing'],
  bidders: readonly { bidderId: string; name: string }[],
  framework: Fw,
): MissingForBidder[] {
  return bidders.flatMap(({ bidderId, name }) => {
    const mine = missing.filter((m) => m.bidderId === bidderId);
    if (mine.length === 0) return [];
    const bases = [...new Set(mine.map((m) => m.basis))];
    const lines = bases.map((basis) => ({
      basis,
      which: describeCriteria(framework, new Set(mine.filter((m) => m.basis === basis).map((m) => m.criterionId))),
      why: BASIS_WORDING[basis],
    }));
    return [{ bidderId, name, lines }];
  });
}

/** Why a recorded moderation decision is to be looked at again, as the ranking says it. */
export const REVISIT_WORDING: Record<RankingResult['toRevisit'][number]['reason'], string> = {
  'excluded-score': 'recorded while a score now excluded counted',
  'agreed-score-changed': 'the evaluators’ agreed score has changed since a moderator confirmed it',
  'score-revised': 'an evaluator revised their sealed score in light of a bid addendum since it was recorded',
};

export const unconfirmedWording = (n: number): string =>
  `${n} agreed ${n === 1 ? 'score' : 'scores'} not yet confirmed by a moderator (they count by the declared rule).`;

/** Some bidder has a score that counts somewhere, though none may be comparable yet (every bidder has ofCriteria criteria). */
export const someScoreCounts = (ranking: Pick<RankingResult, 'missing' | 'ranked' | 'failed' | 'notYetRanked'>, ofCriteria: number): boolean =>
  ranking.missing.length < (ranking.ranked.length + ranking.failed.length + ranking.notYetRanked.length) * ofCriteria;
