import { useEffect, useState } from 'react';
import { inlineKind, type InlineKind } from '../../../../shared/domain/documents';
import { call, messageOf } from '../../api/client';
import { LoadError } from '../../components/Feedback';
import './bids.css';
import { blobOfBytes } from '../../files/bytes';
import { downloadBlob } from '../../files/download';
import { describeMediaType } from './format';

export interface DocumentViewerProps {
  evaluationId: string;
  documentId: string;
  fileName: string;
  /** The media type the core recorded (sniffed from the content for anything shown inline). */
  mediaType: string;
}

/**
 * Shows an evidence document inside the app when it is a PDF or an image, from a blob: URL that lives
 * only while the viewer is shown; anything else is offered as a copy to open in its own application.
 * The core checks the recusal rule on every read of the content.
 */
export function DocumentViewer({ evaluationId, documentId, fileName, mediaType }: DocumentViewerProps) {
  const kind = inlineKind(mediaType);
  if (!kind) return <SaveCopy evaluationId={evaluationId} documentId={documentId} fileName={fileName} mediaType={mediaType} />;
  return <InlineDocument evaluationId={evaluationId} documentId={documentId} fileName={fileName} kind={kind} />;
}

type Loaded = { documentId: string } & ({ status: 'ready'; url: string; blob: Blob; kind: InlineKind | null; mediaType: string } | { status: 'failed'; message: string });

function useDocumentBlob(evaluationId: string, documentId: string): Loaded | null {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  useEffect(() => {
    let cancelled = false;
    let url: string | null = null;
    call('documents.content', { evaluationId, documentId }).then(
      (content) => {
        if (cancelled) return;
        const blob = blobOfBytes(content.content, content.mediaType);
        url = URL.createObjectURL(blob);
        setLoaded({ documentId, status: 'ready', url, blob, kind: inlineKind(content.mediaType), mediaType: content.mediaType });
      },
      (error: unknown) => {
        if (!cancelled) setLoaded({ documentId, status: 'failed', message: messageOf(error) });
      },
    );
    return () => {
      cancelled = true;
      if (url) URL.revokeObjectURL(url);
    };
  }, [evaluationId, documentId]);
  return loaded?.documentId === documentId ? loaded : null;
}

function InlineDocument({ evaluationId, documentId, fileName, kind }: { evaluationId: string; documentId: string; fileName: string; kind: InlineKind }) {
  const loaded = useDocumentBlob(evaluationId, documentId);
  if (!loaded) return <p role="status">Opening {fileName}…</p>;
  if (loaded.status === 'failed') return <LoadError message={loaded.message} />;
  if (loaded.kind !== kind) return <SaveCopy evaluationId={evaluationId} documentId={documentId} fileName={fileName} mediaType={loaded.mediaType} />;
  return (
    <div className="document-viewer">
      {kind === 'image' ? (
        <img src={loaded.url} alt={fileName} className="document-image" />
      ) : (
        <iframe src={loaded.url} title={fileName} className="document-frame" />
      )}
      <p>
        <button type="button" className="button-secondary" onClick={() => downloadBlob(fileName, loaded.blob)}>
          Save a copy<span className="visually-hidden"> of {fileName}</span>
        </button>
      </p>
    </div>
  );
}

/** Word, Excel and other files: fetched only when asked for, then saved for the system's own application. */
function SaveCopy({ evaluationId, documentId, fileName, mediaType }: { evaluationId: string; documentId: string; fileName: string; mediaType: string }) {
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const save = async () => {
    setState({ busy: true, error: null });
    try {
      const content = await call('documents.content', { evaluationId, documentId });
      downloadBlob(content.fileName, blobOfBytes(content.content, content.mediaType));
      setState({ busy: false, error: null });
    } catch (error) {
      setState({ busy: false, error: messageOf(error) });
    }
  };
  return (
    <div className="document-viewer">
      <p>
        {fileName} ({describeMediaType(mediaType)}) cannot be shown inside the app.
      </p>
      <LoadError message={state.error} />
      <button type="button" onClick={() => void save()} disabled={state.busy}>
        Save a copy to open it in its own application<span className="visually-hidden"> ({fileName})</span>
      </button>
    </div>
  );
}
