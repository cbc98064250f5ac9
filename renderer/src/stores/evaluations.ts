import { create } from 'zustand';
import type { Params } from '../../../shared/api/contract';
import type { EvaluationDetail, EvaluationSummary } from '../../../shared/api/evaluations';
import { call, messageOf } from '../api/client';
import { attempt, type ActionResult } from './attempt';

type Change =
  | 'evaluations.saveDetails'
  | 'evaluations.saveScale'
  | 'evaluations.saveWeights'
  | 'evaluations.saveThresholds'
  | 'evaluations.saveRules'
  | 'evaluations.openScoring'
  | 'panel.add'
  | 'panel.remove'
  | 'bidders.add'
  | 'bidders.addMember'
  | 'bidders.removeMember';

interface EvaluationsState {
  list: EvaluationSummary[];
  listError: string | null;
  current: EvaluationDetail | null;
  currentError: string | null;
  loadList(): Promise<void>;
  create(params: Params<'evaluations.create'>): Promise<ActionResult & { id?: string }>;
  open(evaluationId: string): Promise<void>;
  /** Every set-up change returns the evaluation as the core now has it. */
  change<M extends Change>(method: M, params: Params<M>): Promise<ActionResult>;
}

export const useEvaluations = create<EvaluationsState>((set, get) => ({
  list: [],
  listError: null,
  current: null,
  currentError: null,
  async loadList() {
    try {
      set({ list: await call('evaluations.list', {}), listError: null });
    } catch (error) {
      set({ listError: messageOf(error) });
    }
  },
  async create(params) {
    let id: string | undefined;
    const result = await attempt(async () => {
      id = (await call('evaluations.create', params)).id;
      await get().loadList();
    });
    return { ...result, id };
  },
  async open(evaluationId) {
    set({ current: get().current?.id === evaluationId ? get().current : null, currentError: null });
    try {
      set({ current: await call('evaluations.get', { evaluationId }) });
    } catch (error) {
      set({ currentError: messageOf(error) });
    }
  },
  change: (method, params) =>
    attempt(async () => {
      set({ current: (await call(method, params as never)) as EvaluationDetail });
    }),
}));
