import { useState } from 'react';
import type { Bidder } from '../../../../shared/api/evaluations';
import type { CapabilityArea } from '../../../../shared/domain/framework';
import { LoadError } from '../../components/Feedback';
import { useSubmissions } from '../../stores/submissions';
import { DocumentViewer } from '../bids/DocumentViewer';

/** The bid's response for the capability area, and its evidence documents to open beside it. */
export function BidMaterial({ evaluationId, bidder, area }: { evaluationId: string; bidder: Bidder; area: CapabilityArea }) {
  const submission = useSubmissions((s) => s.byBidder[bidder.id]);
  const error = useSubmissions((s) => s.loadErrors[bidder.id]);
  const [openId, setOpenId] = useState<string | null>(null);
  const response = submission?.responses.find((r) => r.areaId === area.id);

  return (
    <section className="bid-material" aria-labelledby="bid-response-heading">
      <h4 id="bid-response-heading">The bid’s response: {area.title}</h4>
      {error ? (
        <LoadError message={`The bid could not be loaded: ${error}`} />
      ) : !submission ? (
        <p role="status">Loading the bid…</p>
      ) : response && response.text.trim() ? (
        <div className="bid-response">{response.text}</div>
      ) : (
        <p className="hint">{bidder.name} gave no response for this capability area.</p>
      )}
      {submission && (
        <>
          <h4>Evidence documents</h4>
          {submission.documents.length === 0 ? (
            <p className="hint">No evidence documents.</p>
          ) : (
            <ul className="bid-documents">
              {submission.documents.map((d) => (
                <li key={d.id}>
                  <span className="document-name">{d.fileName}</span>{' '}
                  <button
                    type="button"
                    className="button-secondary"
                    aria-expanded={openId === d.id}
                    onClick={() => setOpenId(openId === d.id ? null : d.id)}
                  >
                    {openId === d.id ? 'Close' : 'Open'}
                    <span className="visually-hidden"> {d.fileName}</span>
                  </button>
                  {openId === d.id && <DocumentViewer evaluationId={evaluationId} documentId={d.id} fileName={d.fileName} mediaType={d.mediaType} />}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
