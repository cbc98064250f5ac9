import { create } from 'zustand';
import type { FrameworkSummary } from '../../../shared/api/frameworks';
import type { Framework } from '../../../shared/domain/framework';
import { call, messageOf } from '../api/client';
import { attempt, type ActionResult } from './attempt';

interface FrameworksState {
  list: FrameworkSummary[];
  listError: string | null;
  current: { summary: FrameworkSummary; framework: Framework } | null;
  currentError: string | null;
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
      await get().loadList();
    });
    return { ...result, revision };
  },
}));
