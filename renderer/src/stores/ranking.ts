import { create } from 'zustand';
import type { Result } from '../../../shared/api/contract';
import type { RankingResult } from '../../../shared/api/ranking';
import { call, messageOf } from '../api/client';

export type ModerationBoard = Result<'moderation.board'>;

interface RankingState {
  evaluationId: string | null;
  ranking: RankingResult | null;
  rankingError: string | null;
  /** The moderation board of the bidder chosen for the spread chart. */
  spreadBidderId: string | null;
  spread: ModerationBoard | null;
  spreadError: string | null;
  load(evaluationId: string): Promise<void>;
  loadSpread(evaluationId: string, bidderId: string): Promise<void>;
}

export const useRanking = create<RankingState>((set, get) => {
  /** Forgets what belongs to another evaluation, so one evaluation's results never show on another's screen. */
  const switchTo = (evaluationId: string) => {
    if (get().evaluationId !== evaluationId)
      set({ evaluationId, ranking: null, rankingError: null, spreadBidderId: null, spread: null, spreadError: null });
  };
  return {
    evaluationId: null,
    ranking: null,
    rankingError: null,
    spreadBidderId: null,
    spread: null,
    spreadError: null,
    async load(evaluationId) {
      switchTo(evaluationId);
      try {
        const ranking = await call('ranking.get', { evaluationId });
        if (get().evaluationId === evaluationId) set({ ranking, rankingError: null });
      } catch (error) {
        if (get().evaluationId === evaluationId) set({ ranking: null, rankingError: messageOf(error) });
      }
    },
    async loadSpread(evaluationId, bidderId) {
      switchTo(evaluationId);
      set({ spreadBidderId: bidderId, spread: null, spreadError: null });
      // A slower answer for a bidder chosen earlier must not replace the one chosen last.
      const stillWanted = () => get().evaluationId === evaluationId && get().spreadBidderId === bidderId;
      try {
        const board = await call('moderation.board', { evaluationId, bidderId });
        if (stillWanted()) set({ spread: board });
      } catch (error) {
        if (stillWanted()) set({ spreadError: messageOf(error) });
      }
    },
  };
});
