import { create } from 'zustand';
import type { Params } from '../../../shared/api/contract';
import type { Declaration, MyBidderDeclarations } from '../../../shared/api/conflicts';
import type { DeclarationKind } from '../../../shared/domain/conflicts';
import { ApiFailure, call, messageOf } from '../api/client';
import { attempt, type ActionResult } from './attempt';

/** One declaration to record: about a bidder itself (memberId null) or one of its consortium members. */
export interface DeclarationToRecord {
  bidderId: string;
  memberId: string | null;
  subject: string;
  kind: DeclarationKind;
  description: string;
}

/** A batch of declarations being recorded one call at a time: 'all' for the "no conflicts" shortcut, else a bidder id. */
export interface DeclarationProgress {
  batch: string;
  done: number;
  total: number;
}

interface ConflictsState {
  evaluationId: string | null;
  mine: MyBidderDeclarations[] | null;
  mineError: string | null;
  progress: DeclarationProgress | null;
  register: Declaration[] | null;
  registerError: string | null;
  loadMine(evaluationId: string): Promise<void>;
  /** Records each declaration in turn (one core call each), stopping at the first refusal. */
  declare(evaluationId: string, batch: string, declarations: DeclarationToRecord[]): Promise<ActionResult & { recorded: number }>;
  loadRegister(evaluationId: string): Promise<void>;
  recordMitigation(params: Params<'conflicts.recordMitigation'>): Promise<ActionResult>;
}

export const useConflicts = create<ConflictsState>((set, get) => {
  /** Forgets what belongs to another evaluation, so one evaluation's bidders never show on another's screen. */
  const switchTo = (evaluationId: string) => {
    if (get().evaluationId !== evaluationId) set({ evaluationId, mine: null, register: null, progress: null });
  };
  return {
    evaluationId: null,
    mine: null,
    mineError: null,
    progress: null,
    register: null,
    registerError: null,
    async loadMine(evaluationId) {
      switchTo(evaluationId);
      try {
        set({ mine: await call('conflicts.mine', { evaluationId }), mineError: null });
      } catch (error) {
        set({ mineError: messageOf(error) });
      }
    },
    async declare(evaluationId, batch, declarations) {
      let recorded = 0;
      set({ progress: { batch, done: 0, total: declarations.length } });
      const result = await attempt(async () => {
        for (const { subject, bidderId, memberId, kind, description } of declarations) {
          try {
            set({ mine: await call('conflicts.declare', { evaluationId, bidderId, memberId, kind, description }) });
          } catch (error) {
            throw error instanceof ApiFailure ? new ApiFailure({ code: error.code, message: `${subject}: ${error.message}`, issues: error.issues }) : error;
          }
          recorded += 1;
          set({ progress: { batch, done: recorded, total: declarations.length } });
        }
      });
      set({ progress: null });
      return { ...result, recorded };
    },
    async loadRegister(evaluationId) {
      switchTo(evaluationId);
      try {
        set({ register: await call('conflicts.register', { evaluationId }), registerError: null });
      } catch (error) {
        set({ registerError: messageOf(error) });
      }
    },
    recordMitigation: (params) =>
      attempt(async () => {
        set({ register: await call('conflicts.recordMitigation', params) });
      }),
  };
});
