import { useEffect } from 'react';
import { useAudit } from '../../stores/audit';

/** Shown at the top of an evaluation when the audit trail's hash chain does not verify. */
export function ChainBanner({ evaluationId }: { evaluationId: string }) {
  const { chain, verify } = useAudit();
  useEffect(() => {
    void verify(evaluationId);
  }, [verify, evaluationId]);
  if (!chain || chain.ok) return null;
  const { seq, at, method, problem } = chain.firstBroken;
  return (
    <div className="error-summary" role="alert">
      <h2 className="error-summary-title">The audit trail has been tampered with</h2>
      <p>
        Entry {seq}
        {method ? ` (${method}` : ''}
        {at ? `, ${new Date(at).toLocaleString('en-GB')}` : ''}
        {method ? ')' : ''} is the first that does not verify: {problem}. Something changed the data file outside this app. Keep the file as it is, and
        tell your procurement lead and information governance team; a backup from before the change can be compared with it.
      </p>
    </div>
  );
}
