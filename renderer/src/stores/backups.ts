import { create } from 'zustand';
import type { BackupInfoDto } from '../../../shared/api/backup';
import { call, messageOf } from '../api/client';
import { attempt, type ActionResult } from './attempt';

interface BackupsState {
  list: BackupInfoDto[];
  error: string | null;
  busy: boolean;
  load(): Promise<void>;
  backUpNow(): Promise<ActionResult>;
  /** In recovery nobody is signed in: the chosen backup's administrator signs for it. */
  restore(name: string, administrator?: { name: string; passphrase: string }): Promise<ActionResult & { savedCurrentAs?: string }>;
}

export const useBackups = create<BackupsState>((set, get) => ({
  list: [],
  error: null,
  busy: false,
  async load() {
    try {
      set({ list: await call('backup.list', {}), error: null });
    } catch (error) {
      set({ error: messageOf(error) });
    }
  },
  async backUpNow() {
    set({ busy: true });
    const result = await attempt(async () => {
      await call('backup.create', {});
      await get().load();
    });
    set({ busy: false });
    return result;
  },
  async restore(name, administrator) {
    set({ busy: true });
    let savedCurrentAs: string | undefined;
    const result = await attempt(async () => {
      savedCurrentAs = (await call('backup.restore', { name, ...(administrator ? { administrator } : {}) })).savedCurrentAs;
    });
    set({ busy: false });
    return { ...result, savedCurrentAs };
  },
}));
