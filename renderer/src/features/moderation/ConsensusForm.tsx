import { useState, type FormEvent } from 'react';
import type { BoardCriterion } from '../../../../shared/api/moderation';
import type { Scale } from '../../../../shared/domain/scale';
import { ErrorSummary } from '../../components/Feedback';
import { TextArea } from '../../components/fields';
import type { ActionResult } from '../../stores/attempt';
import { useModeration } from '../../stores/moderation';
import { ScoreChoice } from './ScoreChoice';
import { reasonNeeded, scoreLabel } from './wording';

interface Props {
  evaluationId: string;
  bidderId: string;
  criterion: BoardCriterion;
  name: string;
  scale: Scale;
}

interface Draft {
  score: number | null;
  internalNote: string;
  bidderExplanation: string;
  reason: string;
}

/** A change starts from the current version's score and notes; the reason is always the new version's own. */
const draftFrom = (c: BoardCriterion): Draft => ({
  score: c.consensus?.score ?? null,
  internalNote: c.consensus?.internalNote ?? '',
  bidderExplanation: c.consensus?.bidderExplanation ?? '',
  reason: '',
});

/** What the form can tell before asking the core; the core checks everything again, including the reason. */
function missing(d: Draft, name: string): string[] {
  return [
    d.score === null && `Choose a consensus score for ${name}.`,
    !d.internalNote.trim() && 'Write an internal moderation note summarising the discussion.',
    !d.bidderExplanation.trim() && 'Write a bidder-facing explanation citing the bid.',
  ].filter((m): m is string => typeof m === 'string');
}

/** The moderator's form: a consensus score, an internal note, a bidder-facing explanation and, when needed, a reason. */
export function ConsensusForm({ evaluationId, bidderId, criterion, name, scale }: Props) {
  const record = useModeration((s) => s.record);
  const [draft, setDraft] = useState<Draft>(() => draftFrom(criterion));
  const [result, setResult] = useState<ActionResult | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const reasonHint = reasonNeeded(criterion, draft.score);
  const invalid = (path: string) => (result && !result.ok && result.issues.some((i) => i.path === path)) || undefined;
  const change = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });
  const title = criterion.consensus ? 'Change the consensus' : 'Record the consensus';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setNotice(null);
    const problems = missing(draft, name);
    if (problems.length > 0) {
      setResult({ ok: false, message: 'The consensus was not recorded yet.', issues: problems.map((message) => ({ path: '', message })) });
      return;
    }
    setBusy(true);
    const r = await record({ evaluationId, bidderId, criterionId: criterion.criterionId, ...draft, score: draft.score! });
    setBusy(false);
    setResult(r);
    if (r.ok && r.criterion) {
      setDraft(draftFrom(r.criterion));
      setNotice(`Consensus recorded for ${name}: ${scoreLabel(scale, r.criterion.consensus!.score)}.`);
    }
  };

  return (
    <form className="consensus-form" onSubmit={submit} noValidate aria-label={`${title}: ${name}`}>
      <h5>{title}</h5>
      <ErrorSummary result={result} title={`The consensus for ${name} was not recorded`} level={6} />
      <ScoreChoice name={name} scale={scale} sealed={criterion.sealed} value={draft.score} onChange={(score) => change({ score })} />
      <TextArea
        label={<CriterionLabel text="Internal moderation note" name={name} />}
        hint="A summary of the panel’s discussion. It stays internal to the panel."
        rows={4}
        required
        aria-invalid={invalid('internalNote')}
        value={draft.internalNote}
        onChange={(e) => change({ internalNote: e.target.value })}
      />
      <TextArea
        label={<CriterionLabel text="Bidder-facing explanation" name={name} />}
        hint="Why the bid earns this score, citing the bid (document and page or section). It is given to the bidder as feedback."
        rows={4}
        required
        aria-invalid={invalid('bidderExplanation')}
        value={draft.bidderExplanation}
        onChange={(e) => change({ bidderExplanation: e.target.value })}
      />
      <TextArea
        label={<CriterionLabel text="Reason" name={name} after={reasonHint ? ' (required)' : ' (optional)'} />}
        hint={reasonHint ?? 'Needed only when the consensus differs from every evaluator’s score, or changes an earlier consensus.'}
        rows={3}
        required={reasonHint !== null}
        aria-invalid={invalid('reason')}
        value={draft.reason}
        onChange={(e) => change({ reason: e.target.value })}
      />
      <button type="submit" aria-disabled={busy || undefined}>
        Record consensus<span className="visually-hidden"> for {name}</span>
      </button>
      <p className="saved-notice" role="status">
        {busy ? 'Recording the consensus…' : notice}
      </p>
    </form>
  );
}

/** A visible label that names its criterion to assistive technology too: every board has one form per criterion. */
const CriterionLabel = ({ text, name, after = '' }: { text: string; name: string; after?: string }) => (
  <>
    {text}
    <span className="visually-hidden"> for {name}</span>
    {after}
  </>
);
