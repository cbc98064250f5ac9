import { countingScore, type CountingInput } from './counting';
import { listCriteria } from './framework';
import { rankingOrder, rankTotals, type RankingContext, type TotalledBidder } from './ranking';
import type { Scale } from './scale';
import { bidderTotals, weightedPoints, withMovedScore, type CriterionScores } from './totals';
import { effectiveWeights } from './weights';
import { scaleMax } from './scale';

export interface SensitivityFlag {
  bidderId: string;
  criterionId: string;
  /** The score that counts, before and after the move. */
  from: number;
  to: number;
  /** For a mean or median: the one evaluator's sealed score that moves a step; null when the consensus moves. */
  evaluatorMove: { from: number; to: number } | null;
  /** The move's effect on the bidder's weighted total, in percentage points. */
  totalChange: number;
  /** Who holds first and second place (or ties for them) would change. */
  changesTopTwo: boolean;
  /** The bidder would fail a threshold it meets now, or meet every threshold where it fails one now. */
  crossesThreshold: 'fails' | 'passes' | null;
  /** Any bidder's rank, or who passes the thresholds, would change. */
  changesAnyRank: boolean;
  /** What would happen, in plain words. */
  effect: string;
}

export interface SensitivityBidder {
  bidderId: string;
  name: string;
  /** The score that counts per criterion. */
  scores: CriterionScores;
  /** How each score came about: the inputs of `countingScore`, from which one-step moves are derived. */
  inputs: ReadonlyMap<string, CountingInput>;
}

/** The next point of the scale above (or below) a value, which may itself fall between points. */
export function stepOnScale(scale: Scale, value: number, direction: 1 | -1): number | null {
  const points = scale.points.map((p) => p.value);
  const next = direction === 1 ? points.find((p) => p > value) : [...points].reverse().find((p) => p < value);
  return next ?? null;
}

/**
 * The one-step moves of a criterion's score that counts: a consensus (or confirmed agreed score) moves to
 * the next point of the scale up or down; a mean or median moves as it would if one evaluator's sealed score
 * moved one step. Moves that leave the score that counts unchanged, or without one, are left out.
 */
export function oneStepMoves(input: CountingInput, current: number): { to: number; evaluatorMove: { from: number; to: number } | null }[] {
  const counting = countingScore(input);
  if (counting.basis === 'consensus' || counting.basis === 'confirmed') {
    return ([1, -1] as const).flatMap((d) => {
      const to = stepOnScale(input.scale, current, d);
      return to === null ? [] : [{ to, evaluatorMove: null }];
    });
  }
  const moves: { to: number; evaluatorMove: { from: number; to: number } }[] = [];
  for (const from of new Set(input.values)) {
    for (const d of [1, -1] as const) {
      const stepped = stepOnScale(input.scale, from, d);
      if (stepped === null) continue;
      const values = [...input.values];
      values[values.indexOf(from)] = stepped;
      values.sort((a, b) => a - b);
      const after = countingScore({ ...input, values }).score;
      if (after !== null && after !== current && !moves.some((m) => m.to === after)) moves.push({ to: after, evaluatorMove: { from, to: stepped } });
    }
  }
  return moves;
}

interface Place {
  bidderId: string;
  name: string;
  rank: number;
}

function places(passing: readonly TotalledBidder[], tied: (a: TotalledBidder, b: TotalledBidder) => boolean): Place[] {
  const result: Place[] = [];
  passing.forEach((row, i) => result.push({ bidderId: row.bidderId, name: row.name, rank: i > 0 && tied(passing[i - 1]!, row) ? result[i - 1]!.rank : i + 1 }));
  return result;
}

/** The bidders holding first and second place, with ties: a tie for second brings in every bidder sharing it. */
const topTwo = (all: readonly Place[]): Place[] => all.filter((p) => p.rank <= 2);
const signature = (list: readonly Place[]): string => list.map((p) => `${p.bidderId}:${p.rank}`).sort().join(',');

const ORDINAL = ['', 'first', 'second'];
/** "A first, B second" · "A and B tied first" · "A first, B and C tied second". */
export function describeTopTwo(top: readonly Place[]): string {
  if (top.length === 0) return 'no bidder ranked';
  const byRank = new Map<number, string[]>();
  for (const p of top) byRank.set(p.rank, [...(byRank.get(p.rank) ?? []), p.name]);
  return [...byRank]
    .map(([rank, names]) => (names.length === 1 ? `${names[0]} ${ORDINAL[rank]}` : `${names.slice(0, -1).join(', ')} and ${names.at(-1)} tied ${ORDINAL[rank]}`))
    .join(', ');
}

/**
 * For every scored criterion of every bidder: would a one-step move of its score (see `oneStepMoves`)
 * change who holds the top two places, make the bidder cross a threshold, or change any rank? Those are
 * where a moderation meeting should spend its time. Each move changes one bidder's totals, so that bidder
 * alone is taken out of the declared order and put back where its new totals place it. With `criterionIds`
 * (a provisional ranking's criteria), totals add and moves try only those criteria.
 */
export function sensitivity(ctx: RankingContext, bidders: readonly SensitivityBidder[], criterionIds?: ReadonlySet<string>): SensitivityFlag[] {
  const rows = bidders.map((b) => ({ bidderId: b.bidderId, name: b.name, totals: bidderTotals(ctx, b.scores, criterionIds) }));
  const base = rankTotals(ctx, rows);
  const { compare, tied } = rankingOrder(ctx);
  const baseFailing = base.failed.map((b) => b.bidderId);
  const beforePlaces = places(base.ranked, tied);
  const beforeTop = topTwo(beforePlaces);
  const beforeAll = `${signature(beforePlaces)}|${[...baseFailing].sort().join(',')}`;
  const weights = effectiveWeights(ctx.weights);
  const max = scaleMax(ctx.scale);
  const criteria = listCriteria(ctx.framework).filter((c) => !criterionIds || criterionIds.has(c.id));
  const flags: SensitivityFlag[] = [];
  bidders.forEach((bidder, index) => {
    const others = base.ranked.filter((r) => r.bidderId !== bidder.bidderId);
    const otherFailing = baseFailing.filter((id) => id !== bidder.bidderId);
    const failsNow = rows[index]!.totals.failures.length > 0;
    for (const c of criteria) {
      const current = bidder.scores.get(c.id);
      const input = bidder.inputs.get(c.id);
      if (current === null || current === undefined || !input) continue;
      for (const move of oneStepMoves(input, current)) {
        const row = { ...rows[index]!, totals: withMovedScore(ctx, rows[index]!.totals, c, weights.get(c.id) ?? 0, current, move.to) };
        const failsAfter = row.totals.failures.length > 0;
        let passing: TotalledBidder[] = others;
        let failing = otherFailing;
        if (!failsAfter) {
          const at = others.findIndex((other) => compare(row, other) < 0);
          passing = at === -1 ? [...others, row] : [...others.slice(0, at), row, ...others.slice(at)];
        } else failing = [...otherFailing, row.bidderId];
        const afterPlaces = places(passing, tied);
        const afterTop = topTwo(afterPlaces);
        const changesTopTwo = signature(afterTop) !== signature(beforeTop);
        const crossesThreshold = failsNow === failsAfter ? null : failsAfter ? 'fails' : 'passes';
        const changesAnyRank = `${signature(afterPlaces)}|${[...failing].sort().join(',')}` !== beforeAll;
        if (!changesTopTwo && !crossesThreshold && !changesAnyRank) continue;
        const effects: string[] = [];
        if (crossesThreshold === 'fails') effects.push(`${bidder.name} would fail: ${row.totals.failures.map((f) => f.rule).join('; ')}`);
        if (crossesThreshold === 'passes') effects.push(`${bidder.name} would meet every threshold`);
        if (changesTopTwo) effects.push(`${describeTopTwo(afterTop)} (now ${describeTopTwo(beforeTop)})`);
        else if (changesAnyRank && !crossesThreshold) effects.push('a lower rank would change');
        flags.push({
          bidderId: bidder.bidderId,
          criterionId: c.id,
          from: current,
          to: move.to,
          evaluatorMove: move.evaluatorMove,
          totalChange: weightedPoints(weights.get(c.id) ?? 0, move.to - current, max),
          changesTopTwo,
          crossesThreshold,
          changesAnyRank,
          effect: effects.join('; '),
        });
      }
    }
  });
  return flags;
}

/** The lead of first over second, and of second over third, in percentage points of the total. */
export function margins(ranked: readonly { totals: { total: number } }[]): { firstOverSecond: number | null; secondOverThird: number | null } {
  const gap = (a: number, b: number) => (ranked[a] && ranked[b] ? ranked[a].totals.total - ranked[b].totals.total : null);
  return { firstOverSecond: gap(0, 1), secondOverThird: gap(1, 2) };
}
