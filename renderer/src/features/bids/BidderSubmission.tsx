import { useEffect, useRef, useState } from 'react';
import type { Bidder, EvaluationDetail } from '../../../../shared/api/evaluations';
import type { DocumentSummary } from '../../../../shared/api/submissions';
import { LoadError } from '../../components/Feedback';
import { useSubmissions } from '../../stores/submissions';
import { AddDocuments } from './AddDocuments';
import { AddendaList } from './AddendaList';
import { AddendumForm } from './AddendumForm';
import { DocumentList } from './DocumentList';
import { DocumentViewer } from './DocumentViewer';
import { FixedBidNotice } from './FixedBidNotice';
import { FixedResponse } from './FixedResponse';
import { ResponseForm } from './ResponseForm';

/**
 * One bidder's submission: a response per capability area, and its evidence documents. Once the bid is fixed
 * (scoring of it has started) it is shown read-only, with its addenda and the form to record one.
 */
export function BidderSubmission({ evaluation, bidder }: { evaluation: EvaluationDetail; bidder: Bidder }) {
  const submission = useSubmissions((s) => s.byBidder[bidder.id]);
  const loadError = useSubmissions((s) => s.loadErrors[bidder.id]);
  const [open, setOpen] = useState<DocumentSummary | null>(null);
  const headingId = `submission-${bidder.id}`;
  const areas = evaluation.framework.areas;
  const areaTitle = (areaId: string) => areas.find((a) => a.id === areaId)?.title ?? areaId;
  const fixed = submission?.fixed ?? null;

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
          {fixed && <FixedBidNotice bidderName={bidder.name} fixed={fixed} />}
          <h4>Responses by capability area</h4>
          {areas.map((area) =>
            fixed ? (
              <FixedResponse key={area.id} area={area} response={submission.responses.find((r) => r.areaId === area.id)} />
            ) : (
              <ResponseForm
                key={area.id}
                evaluationId={evaluation.id}
                bidderId={bidder.id}
                area={area}
                saved={submission.responses.find((r) => r.areaId === area.id)}
              />
            ),
          )}
          <h4>Evidence documents</h4>
          <DocumentList bidderName={bidder.name} documents={submission.documents} onOpen={setOpen} />
          {open && <OpenDocument evaluationId={evaluation.id} document={open} onClose={() => setOpen(null)} />}
          {fixed ? (
            <>
              <h4>Addenda</h4>
              <AddendaList evaluationId={evaluation.id} addenda={submission.addenda} areaTitle={areaTitle} />
              <AddendumForm evaluationId={evaluation.id} bidderId={bidder.id} areas={areas} responses={submission.responses} />
            </>
          ) : (
            <AddDocuments evaluationId={evaluation.id} bidder={bidder} />
          )}
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
