import { useCallback } from 'react';
import type { Params } from '../../../../shared/api/contract';
import { call } from '../../api/client';
import { attempt, type ActionResult } from '../../stores/attempt';
import { useSubmissions } from '../../stores/submissions';

/** Records an addendum, then reloads the bid so that the screen shows it with the new version or document. */
export function useRecordAddendum(): (params: Params<'submissions.addendum'>) => Promise<ActionResult> {
  const load = useSubmissions((s) => s.load);
  return useCallback(
    (params) =>
      attempt(async () => {
        await call('submissions.addendum', params);
        await load(params.evaluationId, params.bidderId);
      }),
    [load],
  );
}
