import { useEffect, useRef, useState } from 'react';
import type { Bidder, EvaluationDetail } from '../../../../shared/api/evaluations';
import type { DocumentSummary } from '../../../../shared/api/submissions';
import { LoadError } from '../../components/Feedback';
import { useSubmissions } from '../../stores/submissions';
import { AddDocuments } from './AddDocuments';
import { DocumentList } from './DocumentList';
import { DocumentViewer } from './DocumentViewer';
import { ResponseForm } from './ResponseForm';

/** One bidder's submission: a response per capability area, and its evidence documents. */
export function BidderSubmission({ evaluation, bidder }: { evaluation: EvaluationDetail; bidder: Bidder }) {
  const submission = useSubmissions((s) => s.byBidder[bidder.id]);
  const loadError = useSubmissions((s) => s.loadErrors[bidder.id]);
  const [open, setOpen] = useState<DocumentSummary | null>(null);
  const headingId = `submission-${bidder.id}`;

  return (
    <section aria-labelledby={headingId} className="bidder-submission">
      <h3 id={headingId}>
        Bid of {bidder.name} {bidder.reference && <span className="hint">({bidder.reference})</span>}
      </h3>
      <LoadError message={loadError ?? null} />
      {!submission ? (
        !loadError && <p role="status">Loading the bid…</p>
      ) : (
        <>
          <h4>Responses by capability area</h4>
          {evaluation.framework.areas.map((area) => (
            <ResponseForm
              key={area.id}
              evaluationId={evaluation.id}
              bidderId={bidder.id}
              area={area}
              saved={submission.responses.find((r) => r.areaId === area.id)}
            />
          ))}
          <h4>Evidence documents</h4>
          <DocumentList bidderName={bidder.name} documents={submission.documents} onOpen={setOpen} />
          {open && <OpenDocument evaluationId={evaluation.id} document={open} onClose={() => setOpen(null)} />}
          <AddDocuments evaluationId={evaluation.id} bidder={bidder} />
        </>
      )}
    </section>
  );
}

function OpenDocument({ evaluationId, document, onClose }: { evaluationId: string; document: DocumentSummary; onClose(): void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [document.id]);
  return (
    <section aria-labelledby={`open-${document.id}`} className="open-document">
      <h5 id={`open-${document.id}`} ref={heading} tabIndex={-1}>
        {document.fileName}
      </h5>
      <button type="button" className="button-secondary" onClick={onClose}>
        Close<span className="visually-hidden"> {document.fileName}</span>
      </button>
      <DocumentViewer key={document.id} evaluationId={evaluationId} documentId={document.id} fileName={document.fileName} mediaType={document.mediaType} />
    </section>
  );
}
