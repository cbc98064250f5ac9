import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { Bidder, EvaluationDetail } from '../../../../shared/api/evaluations';
import { LoadError } from '../../components/Feedback';
import { useNavigation } from '../../stores/navigation';
import { useScoring, type Workspace as WorkspaceState } from '../../stores/scoring';
import { useSubmissions } from '../../stores/submissions';
import { AddendumNotices } from './AddendumNotices';
import { assess, criteriaOf } from './criteria';
import { CriterionNavigator } from './CriterionNavigator';
import { CriterionPanel } from './CriterionPanel';
import { SaveStatus } from './SaveStatus';
import { SealPanel } from './SealPanel';
import { useAddendumNotices } from './use-addenda';
import { useSaveOnLeave } from './use-save-on-leave';

/** One bidder's scoring workspace: criterion navigator, the criterion with the bid beside the framework, and sealing. */
export function Workspace({ evaluation, bidderId }: { evaluation: EvaluationDetail; bidderId: string }) {
  const workspace = useScoring((s) => s.workspace);
  const error = useScoring((s) => s.workspaceError);
  const open = useScoring((s) => s.openWorkspace);
  const close = useScoring((s) => s.closeWorkspace);
  const loadSubmission = useSubmissions((s) => s.load);
  const bidder = evaluation.bidders.find((b) => b.id === bidderId);
  useEffect(() => {
    void open(evaluation.id, bidderId);
    void loadSubmission(evaluation.id, bidderId);
    return () => void close();
  }, [open, close, loadSubmission, evaluation.id, bidderId]);
  useSaveOnLeave();

  const title = (
    <>
      <h2 id="tab-heading">Score bids: {bidder?.name ?? 'unknown bidder'}</h2>
      <BackToBidders evaluationId={evaluation.id} />
    </>
  );
  if (error || !bidder)
    return (
      <>
        {title}
        <LoadError message={error ?? 'There is no such bidder in this evaluation.'} />
      </>
    );
  if (!workspace || workspace.bidderId !== bidderId)
    return (
      <>
        {title}
        <p role="status">Loading your scores…</p>
      </>
    );
  return <Loaded evaluation={evaluation} bidder={bidder} workspace={workspace} title={title} />;
}

function BackToBidders({ evaluationId }: { evaluationId: string }) {
  const go = useNavigation((s) => s.go);
  return (
    <p>
      <button type="button" className="link" onClick={() => go({ name: 'evaluation', evaluationId, tab: 'scoring' })}>
        Back to all your bidders
      </button>
    </p>
  );
}

type FocusRequest = { target: 'heading' | 'seal'; n: number };

function Loaded({
  evaluation,
  bidder,
  workspace,
  title,
}: {
  evaluation: EvaluationDetail;
  bidder: Bidder;
  workspace: WorkspaceState;
  title: ReactNode;
}) {
  const flush = useScoring((s) => s.flush);
  const criteria = useMemo(() => criteriaOf(evaluation), [evaluation]);
  const { statuses, blockers } = useMemo(() => assess(evaluation, workspace.drafts), [evaluation, workspace.drafts]);
  const [currentId, setCurrentId] = useState(() => criteria.find((c) => statuses[c.id] !== 'complete')?.id ?? criteria[0]!.id);
  const [focus, setFocus] = useState<FocusRequest>({ target: 'heading', n: 0 });
  const heading = useRef<HTMLHeadingElement>(null);
  const sealHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    (focus.target === 'heading' ? heading : sealHeading).current?.focus();
  }, [focus]);

  const index = criteria.findIndex((c) => c.id === currentId);
  const goTo = (criterionId: string) => {
    void flush();
    setCurrentId(criterionId);
    setFocus((f) => ({ target: 'heading', n: f.n + 1 }));
  };
  const goToSeal = () => {
    void flush();
    setFocus((f) => ({ target: 'seal', n: f.n + 1 }));
  };
  const next = () => (index < criteria.length - 1 ? goTo(criteria[index + 1]!.id) : goToSeal());
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      next();
    }
  };
  const complete = criteria.filter((c) => statuses[c.id] === 'complete').length;
  const addenda = useAddendumNotices(evaluation.id, bidder.id, workspace.sealedAt);
  const revisable = addenda.notices?.since === 'sealed' ? addenda.notices.addenda : [];

  return (
    <div onKeyDown={onKeyDown}>
      {title}
      <p className="workspace-summary">
        {complete} of {criteria.length} criteria complete (scored, with a rationale of at least {evaluation.settings.rules.rationaleMinLength}{' '}
        characters). {!workspace.sealedAt && 'Everything you type is saved automatically.'}
      </p>
      {!workspace.sealedAt && <SaveStatus state={workspace.save} />}
      <AddendumNotices evaluation={evaluation} notices={addenda.notices} error={addenda.error} onReview={addenda.review} />
      <div className="scoring-workspace">
        <CriterionNavigator
          evaluation={evaluation}
          criteria={criteria}
          statuses={statuses}
          currentId={currentId}
          sealed={Boolean(workspace.sealedAt)}
          onGo={goTo}
          onGoToSeal={goToSeal}
        />
        <div className="scoring-main">
          <CriterionPanel
            key={currentId}
            evaluation={evaluation}
            bidder={bidder}
            criterion={criteria[index]!}
            position={{ index, count: criteria.length }}
            draft={workspace.drafts[currentId]}
            readOnly={Boolean(workspace.sealedAt)}
            headingRef={heading}
            onNext={next}
            revision={workspace.sealedAt && revisable.length > 0 ? { addenda: revisable, revise: addenda.revise } : undefined}
          />
          <SealPanel
            bidderName={bidder.name}
            criteriaCount={criteria.length}
            sealedAt={workspace.sealedAt}
            blockers={blockers}
            headingRef={sealHeading}
            onGoTo={goTo}
          />
        </div>
      </div>
    </div>
  );
}
