import { useState, type FormEvent } from 'react';
import type { BoardBidder } from '../../../../shared/api/moderation';
import type { AggregationRule } from '../../../../shared/domain/rules';
import { ErrorSummary } from '../../components/Feedback';
import { TextArea } from '../../components/fields';
import type { ActionResult } from '../../stores/attempt';
import { useModeration } from '../../stores/moderation';
import { confirmableCriteria } from './wording';

const WHAT_IS_AGREED: Partial<Record<AggregationRule, string>> = {
  consensus: 'the evaluators’ median, where it is a point of the scale',
  'mean-unless-flagged': 'the evaluators’ mean',
  'median-unless-flagged': 'the evaluators’ median',
};

/**
 * Moderation by exception: one action confirms the agreed score of every criterion where the evaluators
 * agree, each recorded with who and when; the flagged ones stay for the panel's discussion.
 */
export function ConfirmAgreed({ evaluationId, bidder, aggregation }: { evaluationId: string; bidder: BoardBidder; aggregation: AggregationRule }) {
  const confirmAgreed = useModeration((s) => s.confirmAgreed);
  const [note, setNote] = useState('');
  const [result, setResult] = useState<ActionResult | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const open = confirmableCriteria(bidder.criteria);
  const flagged = bidder.criteria.filter((c) => c.flagged).length;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setNotice(null);
    if (!note.trim()) {
      setResult({ ok: false, message: 'The agreed scores were not confirmed yet.', issues: [{ path: 'note', message: 'Write a note saying how the panel reviewed the agreed scores.' }] });
      return;
    }
    setBusy(true);
    const r = await confirmAgreed({ evaluationId, bidderId: bidder.bidderId, note });
    setBusy(false);
    setResult(r);
    if (r.ok) {
      setNote('');
      setNotice(`Confirmed the agreed score on ${r.confirmed} ${r.confirmed === 1 ? 'criterion' : 'criteria'} of ${bidder.bidderName}.`);
    }
  };

  return (
    <section className="confirm-agreed" aria-labelledby="confirm-agreed-heading">
      <h4 id="confirm-agreed-heading">Confirm the agreed scores</h4>
      <p>
        {open.length === 0
          ? 'There is no agreed score left to confirm.'
          : `The evaluators agree on ${open.length} ${open.length === 1 ? 'criterion' : 'criteria'} still to confirm: the agreed score is ${WHAT_IS_AGREED[aggregation] ?? 'theirs'}.`}{' '}
        {flagged > 0 ? `${flagged} flagged ${flagged === 1 ? 'criterion needs' : 'criteria need'} a consensus below.` : 'No criterion is flagged.'}
      </p>
      {open.length > 0 && (
        <form onSubmit={submit} noValidate aria-label={`Confirm the agreed scores of ${bidder.bidderName}`}>
          <ErrorSummary result={result} title="The agreed scores were not confirmed" level={5} />
          <TextArea
            label="Moderation note"
            hint="How the panel reviewed these scores, e.g. “Reviewed at the moderation meeting of 3 December; no evaluator asked to discuss them.” It is recorded with each confirmation."
            rows={3}
            required
            aria-invalid={(result && !result.ok && result.issues.some((i) => i.path === 'note')) || undefined}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
          <button type="submit" aria-disabled={busy || undefined}>
            Confirm {open.length} agreed {open.length === 1 ? 'score' : 'scores'}
          </button>
        </form>
      )}
      <p className="saved-notice" role="status">
        {busy ? 'Confirming…' : notice}
      </p>
    </section>
  );
}
