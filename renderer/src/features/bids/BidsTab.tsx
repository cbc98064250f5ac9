import { useEffect, useState } from 'react';
import type { EvaluationDetail } from '../../../../shared/api/evaluations';
import { useSubmissions } from '../../stores/submissions';
import { TabHeading } from '../setup/TabHeading';
import './bids.css';
import { BidderSubmission } from './BidderSubmission';
import { FolderImport } from './FolderImport';

/** The procurement lead's record of the bids: responses per capability area and evidence documents, per bidder. */
export function BidsTab({ evaluation }: { evaluation: EvaluationDetail; bidderId?: string }) {
  const load = useSubmissions((s) => s.load);
  const [chosenId, setChosenId] = useState<string | null>(null);
  const chosen = evaluation.bidders.find((b) => b.id === chosenId) ?? evaluation.bidders[0];
  useEffect(() => {
    for (const b of evaluation.bidders) void load(evaluation.id, b.id);
  }, [load, evaluation.id, evaluation.bidders]);

  return (
    <>
      <TabHeading>Bids and evidence</TabHeading>
      <p>
        Record each bidder’s response to every capability area and store its evidence documents. Documents are kept inside the app’s database, each
        identified by its SHA-256 fingerprint; the same document is never stored twice for a bidder.
      </p>
      {evaluation.bidders.length === 0 ? (
        <p>Add bidders on the Bidders tab first.</p>
      ) : (
        <>
          <FolderImport evaluation={evaluation} />
          <BidderOverview evaluation={evaluation} chosenId={chosen?.id ?? null} onChoose={setChosenId} />
          {chosen && <BidderSubmission key={chosen.id} evaluation={evaluation} bidder={chosen} />}
        </>
      )}
    </>
  );
}

function BidderOverview({ evaluation, chosenId, onChoose }: { evaluation: EvaluationDetail; chosenId: string | null; onChoose(id: string): void }) {
  const byBidder = useSubmissions((s) => s.byBidder);
  const areas = evaluation.framework.areas.length;
  return (
    <table className="bidder-overview">
      <caption>Bids received</caption>
      <thead>
        <tr>
          <th scope="col">Bidder</th>
          <th scope="col">Responses</th>
          <th scope="col">Evidence documents</th>
          <th scope="col">Action</th>
        </tr>
      </thead>
      <tbody>
        {evaluation.bidders.map((b) => {
          const s = byBidder[b.id];
          const answered = s?.responses.filter((r) => r.text.trim() !== '').length;
          return (
            <tr key={b.id}>
              <th scope="row">{b.name}</th>
              <td>{s ? `${answered} of ${areas} capability areas` : '…'}</td>
              <td>{s ? s.documents.length : '…'}</td>
              <td>
                {b.id === chosenId ? (
                  <span>Shown below</span>
                ) : (
                  <button type="button" className="button-secondary" onClick={() => onChoose(b.id)}>
                    Show bid<span className="visually-hidden"> of {b.name}</span>
                  </button>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
