import { useEffect, useRef, useState, type RefObject } from 'react';
import { sealRefusal, type CompletenessIssue } from '../../../../shared/domain/scoring';
import { LoadError } from '../../components/Feedback';
import { useScoring } from '../../stores/scoring';
import { formatDateTime } from './criteria';

interface Props {
  bidderName: string;
  criteriaCount: number;
  sealedAt: string | null;
  /** What would stop a seal now, worked out from what is typed (the core checks it again). */
  blockers: CompletenessIssue[];
  headingRef: RefObject<HTMLHeadingElement | null>;
  onGoTo(criterionId: string): void;
}

type Step =
  { kind: 'idle' } | { kind: 'blocked' } | { kind: 'confirm' } | { kind: 'sealing' } | { kind: 'failed'; message: string; issues: string[] };

/** "Seal my scores for this bidder": refused with every blocker listed, or confirmed knowing it cannot be undone. */
export function SealPanel({ bidderName, criteriaCount, sealedAt, blockers, headingRef, onGoTo }: Props) {
  const flush = useScoring((s) => s.flush);
  const seal = useScoring((s) => s.seal);
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const summary = useRef<HTMLDivElement>(null);
  const confirmHeading = useRef<HTMLHeadingElement>(null);
  const wasSealed = useRef(Boolean(sealedAt));
  useEffect(() => {
    if (step.kind === 'blocked' || step.kind === 'failed') summary.current?.focus();
    if (step.kind === 'confirm') confirmHeading.current?.focus();
  }, [step]);
  useEffect(() => {
    if (sealedAt && !wasSealed.current) headingRef.current?.focus();
    wasSealed.current = Boolean(sealedAt);
  }, [sealedAt, headingRef]);

  if (sealedAt) {
    return (
      <section className="seal-panel seal-panel-sealed" aria-labelledby="seal-heading">
        <h3 id="seal-heading" tabIndex={-1} ref={headingRef}>
          Sealed
        </h3>
        <p>
          You sealed your scores for {bidderName} on {formatDateTime(sealedAt)}. They are read-only now: nobody, you included, can change them —
          unless the procurement lead records an addendum to the bid, in light of which you may revise a score, citing it.
        </p>
      </section>
    );
  }

  const start = async () => {
    await flush();
    setStep(blockers.length > 0 ? { kind: 'blocked' } : { kind: 'confirm' });
  };
  const confirm = async () => {
    setStep({ kind: 'sealing' });
    const result = await seal();
    if (!result.ok) setStep({ kind: 'failed', message: result.message, issues: result.issues.map((i) => i.message) });
  };
  const blocked = step.kind === 'blocked' && blockers.length > 0;

  return (
    <section className="seal-panel" aria-labelledby="seal-heading">
      <h3 id="seal-heading" tabIndex={-1} ref={headingRef}>
        Seal my scores for this bidder
      </h3>
      <p>
        When all {criteriaCount} criteria are scored with a rationale, seal your scores. Sealing fixes them for good; until then nobody else can see
        them.
      </p>
      {blocked && (
        <div className="error-summary" role="alert" tabIndex={-1} ref={summary}>
          <h4 className="error-summary-title">There is a problem</h4>
          <p>{sealRefusal(blockers.length)}</p>
          <ul>
            {blockers.map((b, i) => (
              <li key={i}>
                <button type="button" className="link" onClick={() => onGoTo(b.criterionId)}>
                  {b.message}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {step.kind === 'failed' && (
        <div ref={summary} tabIndex={-1}>
          <LoadError message={[step.message, ...step.issues].join(' ')} />
        </div>
      )}
      {step.kind === 'confirm' || step.kind === 'sealing' ? (
        <div className="seal-confirm">
          <h4 tabIndex={-1} ref={confirmHeading}>
            Seal your scores for {bidderName}?
          </h4>
          <p>
            This cannot be undone. Once sealed, nobody — you included — can change any of your {criteriaCount} scores, rationales or evidence
            references for this bidder, and the moderator may see them.
          </p>
          <div className="button-group">
            <button type="button" className="button-warning" disabled={step.kind === 'sealing'} onClick={() => void confirm()}>
              Yes, seal my scores
            </button>
            <button type="button" className="button-secondary" onClick={() => setStep({ kind: 'idle' })}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <button type="button" onClick={() => void start()}>
          Seal my scores for this bidder
        </button>
      )}
    </section>
  );
}
