import { create } from 'zustand';
import type { Params, Result } from '../../../shared/api/contract';
import type { BoardCriterion, ConsensusVersion } from '../../../shared/api/moderation';
import { call, messageOf } from '../api/client';
import { attempt, type ActionResult } from './attempt';

export type Board = Result<'moderation.board'>;

/** Which board is on screen: one evaluation's overview (bidderId null) or one bidder's board. */
const keyOf = (evaluationId: string, bidderId: string | null) => `${evaluationId}/${bidderId ?? '*'}`;

interface ModerationState {
  key: string | null;
  board: Board | null;
  boardError: string | null;
  /** File names of the shown bidder's evidence documents, by document id, for evidence references. */
  documents: Record<string, string>;
  /** Every consensus version per criterion of the shown bidder, newest first, once asked for. */
  histories: Record<string, ConsensusVersion[]>;
  historyErrors: Record<string, string>;
  /** True when the board in the store is the one for this evaluation and bidder (or overview). */
  isShowing(evaluationId: string, bidderId: string | null): boolean;
  load(evaluationId: string, bidderId: string | null): Promise<void>;
  loadHistory(evaluationId: string, bidderId: string, criterionId: string): Promise<void>;
  /** Records a new consensus version; the board (and any history on screen) then shows it. */
  record(params: Params<'moderation.record'>): Promise<ActionResult & { criterion?: BoardCriterion }>;
  /** Confirms the agreed scores of one bidder; the board then shows them confirmed. */
  confirmAgreed(params: Params<'moderation.confirmAgreed'>): Promise<ActionResult & { confirmed?: number }>;
}

async function documentNames(evaluationId: string, bidderId: string): Promise<Record<string, string>> {
  try {
    const submission = await call('submissions.get', { evaluationId, bidderId });
    return Object.fromEntries(submission.documents.map((d) => [d.id, d.fileName]));
  } catch {
    // Without the names, evidence references still show their location; the board itself stays usable.
    return {};
  }
}

export const useModeration = create<ModerationState>((set, get) => ({
  key: null,
  board: null,
  boardError: null,
  documents: {},
  histories: {},
  historyErrors: {},
  isShowing: (evaluationId, bidderId) => get().key === keyOf(evaluationId, bidderId) && get().board !== null,
  async load(evaluationId, bidderId) {
    const key = keyOf(evaluationId, bidderId);
    if (get().key !== key) set({ key, board: null, boardError: null, documents: {}, histories: {}, historyErrors: {} });
    try {
      const [board, documents] = await Promise.all([
        call('moderation.board', bidderId ? { evaluationId, bidderId } : { evaluationId, summary: true }),
        bidderId ? documentNames(evaluationId, bidderId) : Promise.resolve({}),
      ]);
      if (get().key === key) set({ board, documents, boardError: null });
    } catch (error) {
      if (get().key === key) set({ boardError: messageOf(error) });
    }
  },
  async loadHistory(evaluationId, bidderId, criterionId) {
    const key = get().key;
    try {
      const versions = await call('moderation.history', { evaluationId, bidderId, criterionId });
      if (get().key === key) set({ histories: { ...get().histories, [criterionId]: versions }, historyErrors: { ...get().historyErrors, [criterionId]: '' } });
    } catch (error) {
      if (get().key === key) set({ historyErrors: { ...get().historyErrors, [criterionId]: messageOf(error) } });
    }
  },
  async record(params) {
    let criterion: BoardCriterion | undefined;
    const result = await attempt(async () => {
      criterion = await call('moderation.record', params);
      const board = get().board;
      if (board && get().key === keyOf(params.evaluationId, params.bidderId)) {
        const bidders = board.bidders.map((b) =>
          b.bidderId === params.bidderId ? { ...b, criteria: b.criteria.map((c) => (c.criterionId === params.criterionId ? criterion! : c)) } : b,
        );
        set({ board: { ...board, bidders } });
      }
    });
    if (result.ok && get().histories[params.criterionId]) await get().loadHistory(params.evaluationId, params.bidderId, params.criterionId);
    return { ...result, criterion };
  },
  async confirmAgreed(params) {
    let confirmed: number | undefined;
    const result = await attempt(async () => {
      const outcome = await call('moderation.confirmAgreed', params);
      confirmed = outcome.confirmed;
      const board = get().board;
      if (board && get().key === keyOf(params.evaluationId, params.bidderId)) {
        set({ board: { ...board, bidders: board.bidders.map((b) => (b.bidderId === params.bidderId ? outcome.bidder : b)) } });
      }
    });
    return { ...result, confirmed };
  },
}));
