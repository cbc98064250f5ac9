import { useCallback, useEffect, useState } from 'react';
import type { Params, Result } from '../../../../shared/api/contract';
import type { ScoreEntry } from '../../../../shared/api/scoring';
import { call, messageOf } from '../../api/client';
import { attempt, type ActionResult } from '../../stores/attempt';
import { useScoring } from '../../stores/scoring';

export type Notices = Result<'scoring.addenda'>;

/**
 * The addenda to this bid since the evaluator sealed (or started scoring) it, and what they do about them:
 * "Reviewed — no change", or a revision of one sealed criterion citing one. Read again whenever the seal
 * changes, since that moves what "since" means.
 */
export function useAddendumNotices(evaluationId: string, bidderId: string, sealedAt: string | null) {
  const [notices, setNotices] = useState<Notices | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [asked, setAsked] = useState(0);
  useEffect(() => {
    let stale = false;
    call('scoring.addenda', { evaluationId, bidderId }).then(
      (read) => {
        if (stale) return;
        setNotices(read);
        setError(null);
      },
      (e: unknown) => {
        if (!stale) setError(messageOf(e));
      },
    );
    return () => {
      stale = true;
    };
  }, [evaluationId, bidderId, sealedAt, asked]);
  const reload = useCallback(() => setAsked((n) => n + 1), []);

  const review = (addendumId: string): Promise<ActionResult> =>
    attempt(async () => {
      await call('scoring.reviewAddendum', { evaluationId, bidderId, addendumId });
      reload();
    });

  const revise = (params: Omit<Params<'scoring.revise'>, 'evaluationId' | 'bidderId'>): Promise<ActionResult> =>
    attempt(async () => {
      showAsSealed(await call('scoring.revise', { ...params, evaluationId, bidderId }));
      reload();
    });

  return { notices, error, review, revise };
}

/*
 * A revision becomes the evaluator's sealed score for the criterion: the open workspace shows it at once, as a
 * reload would, without leaving the criterion. (The scoring store has no action of its own for this yet.)
 */
function showAsSealed({ criterionId, score, rationale, evidenceRefs, indicatorMarks }: ScoreEntry): void {
  const w = useScoring.getState().workspace;
  if (!w) return;
  const draft = { score, rationale, evidenceRefs, indicatorMarks };
  useScoring.setState({ workspace: { ...w, drafts: { ...w.drafts, [criterionId]: draft }, saved: { ...w.saved, [criterionId]: draft } } });
}
