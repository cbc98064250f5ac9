import type { RefObject } from 'react';
import type { Bidder, EvaluationDetail } from '../../../../shared/api/evaluations';
import type { AddendumNotice } from '../../../../shared/api/scoring';
import { EMPTY_DRAFT, useScoring, type Draft } from '../../stores/scoring';
import { useSubmissions } from '../../stores/submissions';
import { BidMaterial } from './BidMaterial';
import type { CriterionView } from './criteria';
import { FrameworkGuidance } from './FrameworkGuidance';
import { ReadOnlyScore } from './ReadOnlyScore';
import { ReviseCriterion } from './ReviseCriterion';
import { ScoreForm } from './ScoreForm';
import type { useAddendumNotices } from './use-addenda';

interface Props {
  evaluation: EvaluationDetail;
  bidder: Bidder;
  criterion: CriterionView;
  position: { index: number; count: number };
  draft: Draft | undefined;
  readOnly: boolean;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onNext(): void;
  /** Sealed: the addenda made since, each of which a revision of this criterion may cite. */
  revision?: { addenda: AddendumNotice[]; revise: ReturnType<typeof useAddendumNotices>['revise'] };
}

/** One criterion: your assessment beside the bid's response, documents and the framework's guidance. */
export function CriterionPanel({ evaluation, bidder, criterion, position, draft = EMPTY_DRAFT, readOnly, headingRef, onNext, revision }: Props) {
  const edit = useScoring((s) => s.edit);
  const flush = useScoring((s) => s.flush);
  const documents = useSubmissions((s) => s.byBidder[bidder.id]?.documents) ?? [];
  const change = (c: Partial<Draft>) => edit(criterion.id, c);
  const last = position.index === position.count - 1;
  const nextLabel = readOnly ? (last ? 'Go to the seal' : 'Next criterion') : last ? 'Save and go to sealing' : 'Save and next criterion';

  return (
    <section className="criterion" aria-labelledby="criterion-heading">
      <p className="caption">
        Criterion {position.index + 1} of {position.count} · capability area {criterion.areaNumber} · stage {criterion.stage.label}
        {criterion.stage.horizon && ` (${criterion.stage.horizon})`}
      </p>
      <h3 id="criterion-heading" tabIndex={-1} ref={headingRef}>
        {criterion.name}
      </h3>
      <div className="criterion-columns">
        <div className="criterion-assessment">
          {readOnly ? (
            <>
              <ReadOnlyScore scale={evaluation.settings.scale} draft={draft} documents={documents} />
              {revision && (
                <ReviseCriterion
                  key={criterion.id}
                  evaluation={evaluation}
                  criterion={criterion}
                  sealed={draft}
                  documents={documents}
                  addenda={revision.addenda}
                  revise={revision.revise}
                />
              )}
            </>
          ) : (
            <ScoreForm
              criterion={criterion}
              scale={evaluation.settings.scale}
              rationaleMinLength={evaluation.settings.rules.rationaleMinLength}
              draft={draft}
              documents={documents}
              onChange={change}
              onBlur={() => void flush()}
            />
          )}
        </div>
        <div className="criterion-material">
          <BidMaterial evaluationId={evaluation.id} bidder={bidder} area={criterion.area} />
          <FrameworkGuidance
            criterion={criterion}
            marks={draft.indicatorMarks}
            readOnly={readOnly}
            onMark={(indicatorMarks) => change({ indicatorMarks })}
          />
        </div>
      </div>
      <div className="criterion-actions">
        <button type="button" onClick={onNext} aria-keyshortcuts="Control+Enter Meta+Enter">
          {nextLabel}
        </button>
        <p className="hint">
          Shortcut: <kbd>Ctrl</kbd> + <kbd>Enter</kbd> from anywhere in the workspace.
        </p>
      </div>
    </section>
  );
}
