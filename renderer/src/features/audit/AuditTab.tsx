import { useEffect, useState } from 'react';
import { AUDIT_KINDS, type AuditKind } from '../../../../shared/api/audit';
import type { EvaluationDetail } from '../../../../shared/api/evaluations';
import { LoadError } from '../../components/Feedback';
import { SelectField } from '../../components/fields';
import { useAudit, type AuditFilters } from '../../stores/audit';
import { TabHeading } from '../setup/TabHeading';

const KIND_LABELS: Record<AuditKind, string> = {
  'set-up': 'Set-up',
  panel: 'Panel',
  bidders: 'Bidders',
  bids: 'Bids and evidence',
  conflicts: 'Conflicts of interest',
  scoring: 'Scoring',
  moderation: 'Moderation',
  exports: 'Exports',
  exchange: 'Packs and returns',
  installation: 'Installation (restores, passphrases)',
  other: 'Other',
};

export function AuditTab({ evaluation }: { evaluation: EvaluationDetail }) {
  const { chain, entries, more, error, load, loadMore, verify } = useAudit();
  const [filters, setFilters] = useState<AuditFilters>({});
  useEffect(() => {
    void load(evaluation.id, filters);
  }, [load, evaluation.id, filters]);

  return (
    <>
      <TabHeading>Audit trail</TabHeading>
      <p>Every change to this evaluation, who made it and when. Entries are linked in a hash chain, so an entry edited or deleted outside the app is detected.</p>
      <p role="status">
        {chain === null ? 'Checking the audit trail…' : chain.ok ? `The audit trail verifies: ${chain.entries} entries, unbroken.` : 'The audit trail does NOT verify — see the warning above.'}{' '}
        <button type="button" className="button-secondary" onClick={() => void verify(evaluation.id)}>
          Verify again
        </button>
      </p>
      <LoadError message={error} />
      <div className="inline-form">
        <SelectField label="Person" value={filters.personId ?? ''} onChange={(e) => setFilters({ ...filters, personId: e.target.value || undefined })}>
          <option value="">Everyone</option>
          {evaluation.panel.map((m) => (
            <option key={m.personId} value={m.personId}>
              {m.name}
            </option>
          ))}
        </SelectField>
        <SelectField label="Bidder" value={filters.bidderId ?? ''} onChange={(e) => setFilters({ ...filters, bidderId: e.target.value || undefined })}>
          <option value="">All bidders</option>
          {evaluation.bidders.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
        </SelectField>
        <SelectField label="Kind of change" value={filters.kind ?? ''} onChange={(e) => setFilters({ ...filters, kind: (e.target.value || undefined) as AuditKind | undefined })}>
          <option value="">All kinds</option>
          {AUDIT_KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABELS[k]}
            </option>
          ))}
        </SelectField>
      </div>
      {entries.length === 0 ? (
        <p>No entries match.</p>
      ) : (
        <table className="audit-table">
          <caption className="visually-hidden">Audit entries, newest first</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">Bidder</th>
              <th scope="col">Details</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.seq}>
                <td>{e.seq}</td>
                <td>{new Date(e.at).toLocaleString('en-GB')}</td>
                <td>{e.actorName ?? '—'}</td>
                <td>
                  {KIND_LABELS[e.kind]}: <code>{e.method}</code>
                </td>
                <td>{e.bidderName ?? ''}</td>
                <td>
                  <details>
                    <summary>
                      Show<span className="visually-hidden"> details of entry {e.seq}</span>
                    </summary>
                    <pre className="audit-detail">{JSON.stringify(JSON.parse(e.detail), null, 2)}</pre>
                    <p className="hint">Hash {e.hash}</p>
                  </details>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {more && (
        <button type="button" className="button-secondary" onClick={() => void loadMore(filters)}>
          Show older entries
        </button>
      )}
    </>
  );
}
