import { create } from 'zustand';
import type { AuditEntryDto, AuditKind } from '../../../shared/api/audit';
import type { Result } from '../../../shared/api/contract';
import { call, messageOf } from '../api/client';

export interface AuditFilters {
  personId?: string;
  bidderId?: string;
  kind?: AuditKind;
}

type ChainState = Result<'audit.verify'>;

interface AuditState {
  evaluationId: string | null;
  chain: ChainState | null;
  entries: AuditEntryDto[];
  more: boolean;
  error: string | null;
  /** Verifies the whole chain; called whenever an evaluation opens. */
  verify(evaluationId: string): Promise<void>;
  load(evaluationId: string, filters: AuditFilters): Promise<void>;
  loadMore(filters: AuditFilters): Promise<void>;
}

export const useAudit = create<AuditState>((set, get) => ({
  evaluationId: null,
  chain: null,
  entries: [],
  more: false,
  error: null,
  async verify(evaluationId) {
    try {
      set({ chain: await call('audit.verify', { evaluationId }) });
    } catch {
      // Only leads and moderators may verify; others simply see no banner.
      set({ chain: null });
    }
  },
  async load(evaluationId, filters) {
    try {
      const page = await call('audit.list', { evaluationId, ...filters, limit: 100 });
      set({ evaluationId, entries: page.entries, more: page.more, error: null });
    } catch (error) {
      set({ error: messageOf(error) });
    }
  },
  async loadMore(filters) {
    const { evaluationId, entries } = get();
    const before = entries.at(-1)?.seq;
    if (!evaluationId || before === undefined) return;
    try {
      const page = await call('audit.list', { evaluationId, ...filters, before, limit: 100 });
      set({ entries: [...entries, ...page.entries], more: page.more });
    } catch (error) {
      set({ error: messageOf(error) });
    }
  },
}));
