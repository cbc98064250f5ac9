import { useState } from 'react';
import type { BidAddendum } from '../../../../shared/api/submissions';
import { DocumentViewer } from './DocumentViewer';

/** The title of the addendum: what it changed, e.g. "Governance and leadership response and a document". */
export function addendumSubject(addendum: BidAddendum, areaTitle: (areaId: string) => string): string {
  const parts = [addendum.response && `${areaTitle(addendum.response.areaId)} response`, addendum.document && `document “${addendum.document.fileName}”`];
  return parts.filter(Boolean).join(' and ');
}

/** What an addendum changed, readable: the new response (with the version it replaced), and the document to open. */
export function AddendumChanges({ evaluationId, addendum, areaTitle }: { evaluationId: string; addendum: BidAddendum; areaTitle(areaId: string): string }) {
  const [open, setOpen] = useState(false);
  const { response, document } = addendum;
  return (
    <div className="addendum-changes">
      {response && (
        <>
          <p className="addendum-label">
            New response to {areaTitle(response.areaId)} (version {response.version}):
          </p>
          <div className="addendum-text">{response.text}</div>
          {response.previousText !== null && (
            <details className="addendum-earlier">
              <summary>
                The version it replaced<span className="visually-hidden"> ({areaTitle(response.areaId)})</span>
              </summary>
              <div className="addendum-text">{response.previousText}</div>
            </details>
          )}
        </>
      )}
      {document && (
        <>
          <p className="addendum-label">
            Document: <span className="document-name">{document.fileName}</span>{' '}
            <button type="button" className="button-secondary" aria-expanded={open} onClick={() => setOpen(!open)}>
              {open ? 'Close' : 'Open'}
              <span className="visually-hidden"> {document.fileName}</span>
            </button>
          </p>
          {open && <DocumentViewer evaluationId={evaluationId} documentId={document.id} fileName={document.fileName} mediaType={document.mediaType} />}
        </>
      )}
    </div>
  );
}
