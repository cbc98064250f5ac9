import { useState, type FormEvent } from 'react';
import type { EvaluationDetail } from '../../../../shared/api/evaluations';
import type { PackSummary } from '../../../../shared/api/exchange';
import { ErrorSummary } from '../../components/Feedback';
import { TextField } from '../../components/fields';
import type { ActionResult } from '../../stores/attempt';
import { useExchange } from '../../stores/exchange';
import { formatBytes, plural } from './format';

const when = (iso: string) => new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/** Every pack made for this evaluation, with the returns imported from it; a pack can be revoked. */
export function PackList({ evaluation, packs }: { evaluation: EvaluationDetail; packs: PackSummary[] | null }) {
  const [revoking, setRevoking] = useState<string | null>(null);
  return (
    <section aria-labelledby="pack-list-heading">
      <h3 id="pack-list-heading">Packs made</h3>
      {!packs ? (
        <p role="status">Loading packs…</p>
      ) : packs.length === 0 ? (
        <p>No packs have been made for this evaluation yet.</p>
      ) : (
        <table>
          <caption className="visually-hidden">Evaluator packs, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Evaluator</th>
              <th scope="col">Made</th>
              <th scope="col">Contents</th>
              <th scope="col">Score returns imported</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {packs.map((p) => (
              <tr key={p.packId}>
                <th scope="row">{p.evaluatorName}</th>
                <td>
                  {when(p.createdAt)} by {p.createdBy}
                  <span className="effective">
                    {formatBytes(p.bytes)} · SHA-256 <code>{p.fileSha256.slice(0, 12)}…</code>
                  </span>
                </td>
                <td>
                  {plural(p.documents, 'evidence document')}
                  {p.withheldBidders.length > 0 && <span className="effective">Bids withheld (conflict): {p.withheldBidders.join(', ')}</span>}
                  {p.awaitingDeclaration.length > 0 && (
                    <span className="effective">Bids to follow once declared: {p.awaitingDeclaration.join(', ')}</span>
                  )}
                </td>
                <td>
                  {p.imports.length === 0
                    ? 'None yet'
                    : p.imports.map((i) => (
                        <span key={i.id} className="effective">
                          {when(i.importedAt)} by {i.importedBy}: {plural(i.added.scoreEntries, 'score save')}, {plural(i.added.seals, 'seal')}
                        </span>
                      ))}
                </td>
                <td>
                  {p.revoked ? (
                    <>
                      <strong>Revoked</strong>
                      <span className="effective">
                        {when(p.revoked.at)} by {p.revoked.by}: {p.revoked.reason}
                      </span>
                    </>
                  ) : revoking === p.packId ? (
                    <RevokeForm evaluationId={evaluation.id} pack={p} onDone={() => setRevoking(null)} />
                  ) : (
                    <>
                      Active{' '}
                      <button
                        type="button"
                        className="button-secondary"
                        onClick={() => setRevoking(p.packId)}
                        aria-label={`Revoke ${p.evaluatorName}’s pack made ${when(p.createdAt)}`}
                      >
                        Revoke
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function RevokeForm({ evaluationId, pack, onDone }: { evaluationId: string; pack: PackSummary; onDone: () => void }) {
  const revoke = useExchange((s) => s.revoke);
  const [reason, setReason] = useState('');
  const [result, setResult] = useState<ActionResult | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const outcome = await revoke(evaluationId, pack.packId, reason);
    setResult(outcome);
    if (outcome.ok) onDone();
  };
  return (
    <form onSubmit={submit} className="confirm-removal">
      <ErrorSummary result={result} level={4} />
      <p>Score returns from this pack will be refused from now on.</p>
      <TextField label="Reason for revoking" value={reason} onChange={(e) => setReason(e.target.value)} required autoFocus />
      <div className="button-group">
        <button type="submit" className="button-warning">
          Revoke the pack
        </button>
        <button type="button" className="button-secondary" onClick={onDone}>
          Keep it
        </button>
      </div>
    </form>
  );
}
