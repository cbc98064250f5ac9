import { create } from 'zustand';
import type { FrameworkSummary } from '../../../shared/api/frameworks';
import type { Framework } from '../../../shared/domain/framework';
import { call, messageOf } from '../api/client';
import { attempt, type ActionResult } from './attempt';

/** An edit not yet saved, and the revision it started from. */
export interface KeptDraft {
  basedOnRevision: number;
  framework: Framework;
}

interface FrameworksState {
  list: FrameworkSummary[];
  listError: string | null;
  current: { summary: FrameworkSummary; framework: Framework } | null;
  currentError: string | null;
  /** Unsaved drafts by framework id, kept while the user is elsewhere in the app (not across a restart). */
  drafts: Record<string, KeptDraft>;
  keepDraft(frameworkId: string, draft: KeptDraft | null): void;
  /** The kept draft of a framework, if it was started from this revision. */
  keptDraft(frameworkId: string, revision: number): Framework | null;
  loadList(): Promise<void>;
  open(frameworkId: string): Promise<void>;
  importJson(json: string): Promise<ActionResult>;
  exportJson(frameworkId: string): Promise<{ fileName: string; json: string } | { error: string }>;
  duplicate(frameworkId: string, name: string): Promise<ActionResult & { id?: string }>;
  /** Saves the open framework as a new revision, based on the revision that was opened. */
  saveRevision(framework: Framework): Promise<ActionResult & { revision?: number }>;
}

export const useFrameworks = create<FrameworksState>((set, get) => ({
  list: [],
  listError: null,
  current: null,
  currentError: null,
  drafts: {},
  keepDraft(frameworkId, draft) {
    if (!draft && !(frameworkId in get().drafts)) return;
    const { [frameworkId]: _previous, ...others } = get().drafts;
    set({ drafts: draft ? { ...others, [frameworkId]: draft } : others });
  },
  keptDraft(frameworkId, revision) {
    const kept = get().drafts[frameworkId];
    return kept && kept.basedOnRevision === revision ? kept.framework : null;
  },
  async loadList() {
    try {
      set({ list: await call('frameworks.list', {}), listError: null });
    } catch (error) {
      set({ listError: messageOf(error) });
    }
  },
  async open(frameworkId) {
    set({ current: null, currentError: null });
    try {
      set({ current: await call('frameworks.get', { frameworkId }) });
    } catch (error) {
      set({ currentError: messageOf(error) });
    }
  },
  importJson: (json) =>
    attempt(async () => {
      await call('frameworks.import', { json });
      await get().loadList();
    }),
  async exportJson(frameworkId) {
    try {
      return await call('frameworks.export', { frameworkId });
    } catch (error) {
      return { error: messageOf(error) };
    }
  },
  async duplicate(frameworkId, name) {
    let id: string | undefined;
    const result = await attempt(async () => {
      id = (await call('frameworks.duplicate', { frameworkId, name })).id;
      await get().loadList();
    });
    return { ...result, id };
  },
  async saveRevision(framework) {
    let revision: number | undefined;
    const result = await attempt(async () => {
      const current = get().current;
      if (!current) throw new Error('No framework is open.');
      const summary = await call('frameworks.saveRevision', {
        frameworkId: current.summary.id,
        basedOnRevision: current.summary.revision,
        framework,
      });
      revision = summary.revision;
      set({ current: { summary, framework } });
      void get().loadList();
    });
    return { ...result, revision };
  },
}));
