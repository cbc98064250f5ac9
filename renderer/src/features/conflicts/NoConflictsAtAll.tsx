import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { MyBidderDeclarations } from '../../../../shared/api/conflicts';
import { ErrorSummary } from '../../components/Feedback';
import type { ActionResult } from '../../stores/attempt';
import { useConflicts } from '../../stores/conflicts';

interface Props {
  evaluationId: string;
  bidders: MyBidderDeclarations[];
  onDone(message: string): void;
}

export const CONFIRMATION = 'I confirm I have no conflict of interest with any of these organisations';

/** The shortcut: "no conflict" for every organisation not yet declared about, after an explicit confirmation. */
export function NoConflictsAtAll({ evaluationId, bidders, onDone }: Props) {
  const declare = useConflicts((s) => s.declare);
  const progress = useConflicts((s) => s.progress);
  const [confirming, setConfirming] = useState(false);
  const [confirmed, setConfirmed] = useState(false);
  const [result, setResult] = useState<ActionResult | null>(null);
  const listRef = useRef<HTMLParagraphElement>(null);
  const id = useId();
  useEffect(() => {
    if (confirming) listRef.current?.focus();
  }, [confirming]);

  const open = bidders.map((b) => ({ ...b, subjects: b.subjects.filter((s) => s.current === null) })).filter((b) => b.subjects.length > 0);
  if (open.length === 0) return null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (progress) return;
    if (!confirmed) {
      setResult({ ok: false, message: 'Tick the confirmation to declare no conflicts, or declare bidder by bidder below.', issues: [] });
      return;
    }
    const toRecord = open.flatMap((b) => b.subjects.map((s) => ({ bidderId: b.bidderId, memberId: s.memberId, subject: s.subject, kind: 'none' as const, description: '' })));
    const r = await declare(evaluationId, 'all', toRecord);
    setResult(r);
    if (r.ok) onDone(`No conflict declared with ${toRecord.length} organisations.`);
  };

  return (
    <section className="panel-box" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>No conflicts with any bidder?</h3>
      {!confirming ? (
        <>
          <p>If you have no conflict of interest with any organisation you have not yet declared about, you can declare that for all of them at once.</p>
          <button type="button" onClick={() => setConfirming(true)}>
            No conflicts with any bidder
          </button>
        </>
      ) : (
        <form onSubmit={submit} noValidate>
          <ErrorSummary result={result} title="No conflicts were declared" />
          <p ref={listRef} tabIndex={-1}>
            You are about to declare that you have no conflict of interest with:
          </p>
          <ul>
            {open.map((b) => (
              <li key={b.bidderId}>
                <strong>{b.bidderName}</strong>: {b.subjects.map((s) => s.subject).join('; ')}
              </li>
            ))}
          </ul>
          <div className="radio">
            <input type="checkbox" id={`${id}-confirm`} checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />
            <label htmlFor={`${id}-confirm`}>{CONFIRMATION}</label>
          </div>
          <div className="button-group">
            <button type="submit">Declare no conflicts</button>
            <button type="button" className="button-secondary" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </div>
          <p className="saved-notice" role="status">
            {progress?.batch === 'all' ? `Recording declaration ${progress.done + 1} of ${progress.total}…` : null}
          </p>
        </form>
      )}
    </section>
  );
}
