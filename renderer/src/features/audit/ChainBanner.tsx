import { useEffect } from 'react';
import type { Rollback } from '../../../../shared/api/audit';
import { useAudit } from '../../stores/audit';

const when = (at: string) => new Date(at).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/**
 * Shown at the top of an evaluation when the audit trail's hash chain does not verify, and whenever the
 * record was rolled back to a backup: a restore is never silent.
 */
export function ChainBanner({ evaluationId }: { evaluationId: string }) {
  const { chain, verify } = useAudit();
  useEffect(() => {
    void verify(evaluationId);
  }, [verify, evaluationId]);
  if (!chain) return null;
  return (
    <>
      {!chain.ok && <Broken {...chain.firstBroken} />}
      {chain.rollbacks.length > 0 && <Rollbacks rollbacks={chain.rollbacks} />}
    </>
  );
}

function Broken({ seq, at, method, problem }: { seq: number; at: string | null; method: string | null; problem: string }) {
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

function Rollbacks({ rollbacks }: { rollbacks: Rollback[] }) {
  return (
    <div className="panel-box rollback-notice" role="status">
      <h2>This record was restored from a backup</h2>
      <ul>
        {rollbacks.map((r) => (
          <li key={r.seq}>
            {when(r.at)}: {r.byName ?? 'The administrator'} restored {r.backup}. The audit trail went back from entry {r.rolledBack.seq} to entry{' '}
            {r.restored.seq}; what was recorded after entry {r.restored.seq} before the restore is no longer in this record (audit entry {r.seq}).
          </li>
        ))}
      </ul>
    </div>
  );
}
