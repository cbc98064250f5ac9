import { create } from 'zustand';
import type { Result } from '../../../shared/api/contract';
import type { BidderProgress, EvidenceRef, ScoreEntry } from '../../../shared/api/scoring';
import type { IndicatorMark } from '../../../shared/domain/scoring';
import { ApiFailure, call, messageOf } from '../api/client';
import { createAutosaveSchedule, type AutosaveSchedule } from '../features/scoring/autosave-schedule';
import { attempt, type ActionResult } from './attempt';

/** What the evaluator has typed for one criterion; saved as a whole by scoring.save. */
export interface Draft {
  score: number | null;
  rationale: string;
  evidenceRefs: EvidenceRef[];
  indicatorMarks: Record<string, IndicatorMark>;
}
export const EMPTY_DRAFT: Draft = { score: null, rationale: '', evidenceRefs: [], indicatorMarks: {} };

export type SaveState =
  { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: string } | { kind: 'failed'; message: string; willRetry: boolean };

export interface Workspace {
  evaluationId: string;
  bidderId: string;
  drafts: Record<string, Draft>;
  /** What the core last confirmed per criterion; a draft that differs is unsaved. */
  saved: Record<string, Draft>;
  sealedAt: string | null;
  save: SaveState;
}

export type PanelProgress = Result<'panel.progress'>;

interface ScoringState {
  myProgress: BidderProgress[] | null;
  myProgressError: string | null;
  panelProgress: PanelProgress | null;
  panelProgressError: string | null;
  workspace: Workspace | null;
  workspaceError: string | null;
  loadMyProgress(evaluationId: string): Promise<void>;
  loadPanelProgress(evaluationId: string): Promise<void>;
  openWorkspace(evaluationId: string, bidderId: string): Promise<void>;
  /** Saves what is unsaved, then forgets the workspace. */
  closeWorkspace(): Promise<void>;
  edit(criterionId: string, change: Partial<Draft>): void;
  /** Saves everything unsaved now; true when nothing is left unsaved. */
  flush(): Promise<boolean>;
  hasUnsaved(): boolean;
  seal(): Promise<ActionResult>;
}

const RETRY_AFTER_MS = 2000;

/** Compares drafts regardless of the order indicator marks were set in. */
const sameDraft = (a: Draft | undefined, b: Draft | undefined): boolean => {
  const canonical = (d: Draft = EMPTY_DRAFT) =>
    JSON.stringify([d.score, d.rationale, d.evidenceRefs, Object.entries(d.indicatorMarks).sort(([x], [y]) => (x < y ? -1 : 1))]);
  return canonical(a) === canonical(b);
};

const toDraft = ({ score, rationale, evidenceRefs, indicatorMarks }: ScoreEntry): Draft => ({ score, rationale, evidenceRefs, indicatorMarks });

const unsavedIds = (w: Workspace): string[] => Object.keys(w.drafts).filter((id) => !sameDraft(w.drafts[id], w.saved[id]));

let schedule: AutosaveSchedule | null = null;
/** Bumped by every open, so that a late close or load from an earlier workspace changes nothing. */
let generation = 0;

export const useScoring = create<ScoringState>((set, get) => {
  const isCurrent = (w: Workspace) => get().workspace?.bidderId === w.bidderId && get().workspace?.evaluationId === w.evaluationId;
  const patch = (w: Workspace, change: Partial<Workspace>) => {
    const now = get().workspace;
    if (now && isCurrent(w)) set({ workspace: { ...now, ...change } });
  };

  /** Saves each criterion whose draft differs from what the core last confirmed, one call at a time. */
  async function saveUnsaved(): Promise<void> {
    const start = get().workspace;
    if (!start || start.sealedAt) return;
    for (const criterionId of unsavedIds(start)) {
      const w = get().workspace;
      if (!w || !isCurrent(start)) return;
      const draft = w.drafts[criterionId]!;
      patch(w, { save: { kind: 'saving' } });
      try {
        const entry = await call('scoring.save', { evaluationId: w.evaluationId, bidderId: w.bidderId, criterionId, ...draft });
        const latest = get().workspace;
        if (latest && isCurrent(w)) patch(latest, { saved: { ...latest.saved, [criterionId]: draft }, save: { kind: 'saved', at: entry.savedAt } });
      } catch (error) {
        // An unreachable host, or a session that ended (locked, restarted), is worth retrying: the text stays here
        // and is saved once the host answers and the same person signs in again. A refusal (sealed) is final.
        const willRetry = !(error instanceof ApiFailure) || ['INTERNAL', 'UNAVAILABLE', 'UNAUTHENTICATED'].includes(error.code);
        const message = error instanceof ApiFailure && error.code === 'UNAUTHENTICATED' ? 'you are signed out; sign in again to save.' : messageOf(error);
        patch(w, { save: { kind: 'failed', message, willRetry } });
        if (willRetry) setTimeout(() => schedule?.touch(), RETRY_AFTER_MS);
        return;
      }
    }
  }

  return {
    myProgress: null,
    myProgressError: null,
    panelProgress: null,
    panelProgressError: null,
    workspace: null,
    workspaceError: null,
    async loadMyProgress(evaluationId) {
      try {
        set({ myProgress: await call('scoring.myProgress', { evaluationId }), myProgressError: null });
      } catch (error) {
        set({ myProgressError: messageOf(error) });
      }
    },
    async loadPanelProgress(evaluationId) {
      try {
        set({ panelProgress: await call('panel.progress', { evaluationId }), panelProgressError: null });
      } catch (error) {
        set({ panelProgressError: messageOf(error) });
      }
    },
    async openWorkspace(evaluationId, bidderId) {
      const mine = ++generation;
      await get().closeWorkspace();
      set({ workspaceError: null });
      try {
        const loaded = await call('scoring.mine', { evaluationId, bidderId });
        if (mine !== generation) return;
        schedule = createAutosaveSchedule(saveUnsaved);
        const saved = Object.fromEntries(loaded.scores.map((e) => [e.criterionId, toDraft(e)]));
        set({ workspace: { evaluationId, bidderId, drafts: saved, saved, sealedAt: loaded.sealedAt, save: { kind: 'idle' } } });
      } catch (error) {
        if (mine === generation) set({ workspaceError: messageOf(error) });
      }
    },
    async closeWorkspace() {
      const closing = generation;
      await get().flush();
      if (closing !== generation) return;
      schedule?.dispose();
      schedule = null;
      set({ workspace: null });
    },
    edit(criterionId, change) {
      const w = get().workspace;
      if (!w || w.sealedAt) return;
      const draft = { ...(w.drafts[criterionId] ?? EMPTY_DRAFT), ...change };
      set({ workspace: { ...w, drafts: { ...w.drafts, [criterionId]: draft } } });
      schedule?.touch();
    },
    async flush() {
      await schedule?.flush();
      return !get().hasUnsaved();
    },
    hasUnsaved() {
      const w = get().workspace;
      return Boolean(w && !w.sealedAt && (unsavedIds(w).length > 0 || schedule?.pending()));
    },
    async seal() {
      return attempt(async () => {
        if (!(await get().flush())) throw new Error('Your latest changes are not saved yet, so your scores cannot be sealed. Try again in a moment.');
        const w = get().workspace!;
        const { sealedAt } = await call('scoring.seal', { evaluationId: w.evaluationId, bidderId: w.bidderId });
        patch(w, { sealedAt, save: { kind: 'idle' } });
      });
    },
  };
});
