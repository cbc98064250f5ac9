import { create } from 'zustand';
import type { Params, Result } from '../../../shared/api/contract';
import type { DocumentSummary } from '../../../shared/api/submissions';
import { call, messageOf } from '../api/client';
import { attempt, type ActionResult } from './attempt';

export type Submission = Result<'submissions.get'>;
export type AddDocumentOutcome = { ok: true; duplicate: boolean; document: DocumentSummary } | { ok: false; message: string };

interface SubmissionsState {
  /** Each bidder's responses and document summaries as the core last returned them, by bidder id. */
  byBidder: Record<string, Submission | undefined>;
  loadErrors: Record<string, string | undefined>;
  load(evaluationId: string, bidderId: string): Promise<void>;
  saveResponse(params: Params<'submissions.saveResponse'>): Promise<ActionResult>;
  /** One document, one call, one transaction: it is either stored whole or not at all. */
  addDocument(params: Params<'documents.add'>): Promise<AddDocumentOutcome>;
}

export const useSubmissions = create<SubmissionsState>((set, get) => {
  const update = (bidderId: string, change: (s: Submission) => Submission) => {
    const current = get().byBidder[bidderId];
    if (current) set({ byBidder: { ...get().byBidder, [bidderId]: change(current) } });
  };
  return {
    byBidder: {},
    loadErrors: {},
    async load(evaluationId, bidderId) {
      try {
        const submission = await call('submissions.get', { evaluationId, bidderId });
        set({ byBidder: { ...get().byBidder, [bidderId]: submission }, loadErrors: { ...get().loadErrors, [bidderId]: undefined } });
      } catch (error) {
        set({ loadErrors: { ...get().loadErrors, [bidderId]: messageOf(error) } });
      }
    },
    saveResponse: (params) =>
      attempt(async () => {
        const saved = await call('submissions.saveResponse', params);
        update(params.bidderId, (s) => ({ ...s, responses: [...s.responses.filter((r) => r.areaId !== saved.areaId), saved] }));
      }),
    async addDocument(params) {
      try {
        const { document, duplicate } = await call('documents.add', params);
        if (!duplicate) update(params.bidderId, (s) => ({ ...s, documents: [...s.documents, document] }));
        return { ok: true, duplicate, document };
      } catch (error) {
        return { ok: false, message: messageOf(error) };
      }
    },
  };
});
