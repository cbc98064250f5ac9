import { useState, type FormEvent } from 'react';
import type { MyBidderDeclarations } from '../../../../shared/api/conflicts';
import { ErrorSummary } from '../../components/Feedback';
import type { ActionResult } from '../../stores/attempt';
import { useConflicts } from '../../stores/conflicts';
import { fromCurrent, isChanged, problemsOf, subjectKey, type SubjectDraft, type SubjectProblem } from './draft';
import { ACCESS_LABELS } from './labels';
import { SubjectFieldset } from './SubjectFieldset';

interface Props {
  evaluationId: string;
  bidder: MyBidderDeclarations;
  /** Shown only for a bidder the person is clear to see: a recused bidder is never linked to. */
  onOpenBid?: () => void;
}

/** One bidder: its status, a radio group per organisation, and one "Declare" for them all. */
export function BidderDeclarationForm({ evaluationId, bidder, onOpenBid }: Props) {
  const declare = useConflicts((s) => s.declare);
  const progress = useConflicts((s) => s.progress);
  const [drafts, setDrafts] = useState<Record<string, SubjectDraft>>({});
  const [problems, setProblems] = useState<Record<string, SubjectProblem>>({});
  const [result, setResult] = useState<ActionResult | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const draftOf = (s: MyBidderDeclarations['subjects'][number]) => drafts[subjectKey(s)] ?? fromCurrent(s);
  const headingId = `declare-${bidder.bidderId}`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (progress) return;
    setNotice(null);
    const found = Object.fromEntries(bidder.subjects.flatMap((s) => (problemsOf(s, draftOf(s)) ? [[subjectKey(s), problemsOf(s, draftOf(s))!]] : [])));
    setProblems(found);
    const messages = Object.values(found).flatMap((p) => [p.kind, p.description].filter((m): m is string => !!m));
    if (messages.length > 0) {
      setResult({ ok: false, message: `Nothing was declared for ${bidder.bidderName} yet.`, issues: messages.map((message) => ({ path: '', message })) });
      return;
    }
    const changed = bidder.subjects.filter((s) => isChanged(s, draftOf(s)));
    if (changed.length === 0) {
      setResult(null);
      setNotice(`Nothing has changed since your last declarations about ${bidder.bidderName}.`);
      return;
    }
    const toRecord = changed.map((s) => ({ bidderId: bidder.bidderId, memberId: s.memberId, subject: s.subject, kind: draftOf(s).kind!, description: draftOf(s).description.trim() }));
    const r = await declare(evaluationId, bidder.bidderId, toRecord);
    setResult(r);
    if (r.ok) setDrafts({});
    setNotice(r.ok ? `${plural(r.recorded)} recorded for ${bidder.bidderName}.` : r.recorded > 0 ? `${plural(r.recorded)} of ${toRecord.length} recorded before the problem.` : null);
  };

  const busy = progress?.batch === bidder.bidderId;
  return (
    <form onSubmit={submit} noValidate>
      <fieldset className="declaration-bidder">
        <legend>
          <h3 id={headingId}>{bidder.bidderName}</h3>
        </legend>
        <p className={`access access-${bidder.access}`}>Status: {ACCESS_LABELS[bidder.access]}</p>
        {onOpenBid && bidder.access === 'clear' && (
          <p>
            <button type="button" className="link" onClick={onOpenBid}>
              Score the bid of {bidder.bidderName}
            </button>
          </p>
        )}
        <ErrorSummary result={result} title={`There is a problem with your declarations about ${bidder.bidderName}`} />
        {bidder.subjects.map((s) => (
          <SubjectFieldset key={subjectKey(s)} subject={s} draft={draftOf(s)} problem={problems[subjectKey(s)] ?? null} onChange={(d) => setDrafts({ ...drafts, [subjectKey(s)]: d })} />
        ))}
        <button type="submit">
          Declare<span className="visually-hidden"> for {bidder.bidderName}</span>
        </button>
        <p className="saved-notice" role="status">
          {busy ? `Recording declaration ${progress.done + 1} of ${progress.total}…` : notice}
        </p>
      </fieldset>
    </form>
  );
}

const plural = (n: number) => (n === 1 ? '1 declaration' : `${n} declarations`);
