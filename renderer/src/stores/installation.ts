import { create } from 'zustand';
import type { Result } from '../../../shared/api/contract';
import { call, messageOf } from '../api/client';
import { attempt, type ActionResult } from './attempt';

export type Accounts = Result<'admin.accounts'>;

interface InstallationState {
  accounts: Accounts | null;
  error: string | null;
  load(): Promise<void>;
  resetPassphrase(personId: string, passphrase: string): Promise<ActionResult & { withheldDrafts?: number }>;
  handOver(personId: string, reason: string): Promise<ActionResult>;
  setIdleMinutes(minutes: number): Promise<ActionResult>;
}

/** The installation administrator's work: who can sign in, forgotten passphrases, the idle time, the role itself. */
export const useInstallation = create<InstallationState>((set, get) => ({
  accounts: null,
  error: null,
  async load() {
    try {
      set({ accounts: await call('admin.accounts', {}), error: null });
    } catch (error) {
      set({ error: messageOf(error) });
    }
  },
  async resetPassphrase(personId, passphrase) {
    let withheldDrafts: number | undefined;
    const result = await attempt(async () => {
      withheldDrafts = (await call('admin.resetPassphrase', { personId, passphrase })).withheldDrafts;
      await get().load();
    });
    return { ...result, withheldDrafts };
  },
  handOver: (personId, reason) =>
    attempt(async () => {
      await call('admin.handOver', { personId, reason });
    }),
  setIdleMinutes: (minutes) =>
    attempt(async () => {
      await call('admin.setIdleMinutes', { minutes });
      await get().load();
    }),
}));
