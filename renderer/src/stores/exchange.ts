import { create } from 'zustand';
import type { Result } from '../../../shared/api/contract';
import type { PackSummary } from '../../../shared/api/exchange';
import { call, messageOf } from '../api/client';
import { sendFile } from '../features/exchange/send-file';
import { blobOfBytes } from '../files/bytes';
import { downloadBlob } from '../files/download';
import { attempt, type ActionResult } from './attempt';
import { useNavigation } from './navigation';
import { useSession } from './session';

export type InstalledPack = Result<'exchange.installedPack'>;
export type ImportResult =
  { fileName: string; ok: true; outcome: Result<'exchange.importReturn'> } | { fileName: string; ok: false; message: string };

interface ExchangeState {
  packs: PackSummary[] | null;
  packsError: string | null;
  /** Per evaluation: the pack it was opened from on this installation (null: set up here). */
  installed: Record<string, InstalledPack | undefined>;
  importing: { done: number; total: number } | null;
  importResults: ImportResult[];
  loadPacks(evaluationId: string): Promise<void>;
  makePack(evaluationId: string, evaluatorId: string, passphrase: string): Promise<ActionResult & { made?: Result<'exchange.exportPack'> }>;
  revoke(evaluationId: string, packId: string, reason: string): Promise<ActionResult>;
  importReturns(evaluationId: string, files: File[]): Promise<void>;
  /** Opens a pack, then continues as its evaluator on the evaluation it created. */
  openPack(
    file: File,
    passphrase: string,
    /** Signed out on a new installation: the passphrase the evaluator chooses for their profile here. */
    profilePassphrase: string | undefined,
    onProgress: (sent: number, total: number) => void,
  ): Promise<ActionResult & { opened?: Result<'exchange.openPack'> }>;
  loadInstalled(evaluationId: string): Promise<void>;
  exportReturn(evaluationId: string): Promise<ActionResult & { made?: Result<'exchange.exportReturn'> }>;
}

export const useExchange = create<ExchangeState>((set, get) => ({
  packs: null,
  packsError: null,
  installed: {},
  importing: null,
  importResults: [],
  async loadPacks(evaluationId) {
    try {
      set({ packs: await call('exchange.listPacks', { evaluationId }), packsError: null });
    } catch (error) {
      set({ packsError: messageOf(error) });
    }
  },
  async makePack(evaluationId, evaluatorId, passphrase) {
    let made: Result<'exchange.exportPack'> | undefined;
    const result = await attempt(async () => {
      made = await call('exchange.exportPack', { evaluationId, evaluatorId, passphrase });
      downloadBlob(made.fileName, blobOfBytes(made.content, 'application/octet-stream'));
      await get().loadPacks(evaluationId);
    });
    return { ...result, made };
  },
  revoke: (evaluationId, packId, reason) =>
    attempt(async () => {
      set({ packs: await call('exchange.revokePack', { evaluationId, packId, reason }) });
    }),
  async importReturns(evaluationId, files) {
    set({ importing: { done: 0, total: files.length }, importResults: [] });
    // One file at a time, each in its own all-or-nothing import: one refused file never holds up the others.
    for (const [i, file] of files.entries()) {
      let outcome: ImportResult;
      try {
        const result = await call('exchange.importReturn', { evaluationId, file: await sendFile(file) });
        outcome = { fileName: file.name, ok: true, outcome: result };
      } catch (error) {
        outcome = { fileName: file.name, ok: false, message: messageOf(error) };
      }
      set({ importing: { done: i + 1, total: files.length }, importResults: [...get().importResults, outcome] });
    }
    set({ importing: null });
    await get().loadPacks(evaluationId);
  },
  async openPack(file, passphrase, profilePassphrase, onProgress) {
    let opened: Result<'exchange.openPack'> | undefined;
    const result = await attempt(async () => {
      opened = await call('exchange.openPack', { passphrase, file: await sendFile(file, onProgress), ...(profilePassphrase !== undefined ? { profilePassphrase } : {}) });
      // Opening it here for the first time made the evaluator's profile and signed them in.
      if (opened.session) useSession.getState().begin(opened.session);
      await useSession.getState().load();
      useNavigation.getState().go({ name: 'evaluation', evaluationId: opened.evaluationId, tab: 'declarations' });
    });
    return { ...result, opened };
  },
  async loadInstalled(evaluationId) {
    try {
      const pack = await call('exchange.installedPack', { evaluationId });
      set({ installed: { ...get().installed, [evaluationId]: pack } });
    } catch {
      set({ installed: { ...get().installed, [evaluationId]: null } });
    }
  },
  async exportReturn(evaluationId) {
    let made: Result<'exchange.exportReturn'> | undefined;
    const result = await attempt(async () => {
      made = await call('exchange.exportReturn', { evaluationId });
      downloadBlob(made.fileName, blobOfBytes(made.content, 'application/octet-stream'));
    });
    return { ...result, made };
  },
}));
