import type { DocumentSummary } from '../../../../shared/api/submissions';
import { describeMediaType, formatSize, formatWhen, shortHash } from './format';

interface Props {
  bidderName: string;
  documents: DocumentSummary[];
  onOpen(document: DocumentSummary): void;
}

/** A bidder's evidence documents, each with what identifies it: name, type, size, when, who, and its SHA-256. */
export function DocumentList({ bidderName, documents, onOpen }: Props) {
  if (documents.length === 0) return <p>No evidence documents yet.</p>;
  return (
    <table className="document-list">
      <caption className="visually-hidden">Evidence documents of {bidderName}</caption>
      <thead>
        <tr>
          <th scope="col">File name</th>
          <th scope="col">Type</th>
          <th scope="col">Size</th>
          <th scope="col">Received</th>
          <th scope="col">Added by</th>
          <th scope="col">SHA-256</th>
          <th scope="col">Action</th>
        </tr>
      </thead>
      <tbody>
        {documents.map((d) => (
          <tr key={d.id}>
            <th scope="row">{d.fileName}</th>
            <td>{describeMediaType(d.mediaType)}</td>
            <td>{formatSize(d.size)}</td>
            <td>{formatWhen(d.receivedAt)}</td>
            <td>{d.addedBy}</td>
            <td>
              <code title={d.sha256}>
                <span aria-hidden="true">{shortHash(d.sha256)}…</span>
                <span className="visually-hidden">{d.sha256}</span>
              </code>
            </td>
            <td>
              <button type="button" className="button-secondary" onClick={() => onOpen(d)}>
                Open<span className="visually-hidden"> {d.fileName}</span>
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
