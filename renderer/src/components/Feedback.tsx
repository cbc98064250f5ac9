import { useEffect, useRef } from 'react';
import type { ActionResult } from '../stores/attempt';

/** A refused action, announced and focused, with each problem the core listed. `level` keeps headings in order inside deeper sections. */
export function ErrorSummary({ result, title = 'There is a problem', level = 2 }: { result: ActionResult | null; title?: string; level?: 2 | 3 | 4 | 5 | 6 }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (result && !result.ok) ref.current?.focus();
  }, [result]);
  if (!result || result.ok) return null;
  const details = result.issues.map((i) => i.message).filter((m) => m !== result.message);
  const Heading = `h${level}` as const;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref}>
      <Heading className="error-summary-title">{title}</Heading>
      <p>{result.message}</p>
      {details.length > 0 && (
        <ul>
          {details.map((m, i) => (
            <li key={i}>{m}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function SavedNotice({ message }: { message: string | null }) {
  return (
    <p className="saved-notice" role="status">
      {message}
    </p>
  );
}

export function LoadError({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <div className="error-summary" role="alert">
      <p>{message}</p>
    </div>
  );
}
