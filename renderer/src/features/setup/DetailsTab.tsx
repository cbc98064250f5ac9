import { useState, type FormEvent } from 'react';
import type { EvaluationDetail } from '../../../../shared/api/evaluations';
import { describeThreshold, describeTieBreak, AGGREGATION_LABELS } from '../../../../shared/domain/rules';
import { ErrorSummary, SavedNotice } from '../../components/Feedback';
import { TextField } from '../../components/fields';
import type { ActionResult } from '../../stores/attempt';
import { useEvaluations } from '../../stores/evaluations';
import { TabHeading } from './TabHeading';

export function DetailsTab({ evaluation, canEdit }: { evaluation: EvaluationDetail; canEdit: boolean }) {
  const change = useEvaluations((s) => s.change);
  const [name, setName] = useState(evaluation.name);
  const [reference, setReference] = useState(evaluation.reference);
  const [result, setResult] = useState<ActionResult | null>(null);
  const { settings, framework } = evaluation;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setResult(await change('evaluations.saveDetails', { evaluationId: evaluation.id, name, reference }));
  };

  return (
    <>
      <TabHeading>Details</TabHeading>
      <ErrorSummary result={result} />
      <form onSubmit={save}>
        <TextField label="Evaluation name" value={name} onChange={(e) => setName(e.target.value)} disabled={!canEdit} required />
        <TextField label="Procurement reference" value={reference} onChange={(e) => setReference(e.target.value)} disabled={!canEdit} />
        {canEdit && <button type="submit">Save details</button>}
        <SavedNotice message={result?.ok ? 'Details saved.' : null} />
      </form>
      {evaluation.myRole === 'lead' && evaluation.status === 'setup' && <OpenScoring evaluation={evaluation} />}
      <h3>Summary of the published set-up</h3>
      <dl className="summary-list">
        <dt>Capability framework</dt>
        <dd>
          {framework.name}: {framework.areas.length} capability areas × {framework.stages.length} stages
        </dd>
        <dt>Scoring scale</dt>
        <dd>
          {settings.scale.points[0]?.value}–{settings.scale.points.at(-1)?.value} ({settings.scale.points.length} points)
        </dd>
        <dt>Aggregation rule</dt>
        <dd>{AGGREGATION_LABELS[settings.rules.aggregation]}</dd>
        <dt>Tie-break rule</dt>
        <dd>{describeTieBreak(settings.rules.tieBreak, framework)}</dd>
        <dt>Minimum thresholds</dt>
        <dd>{settings.thresholds.length === 0 ? 'None' : settings.thresholds.map((t) => describeThreshold(t, framework)).join('; ')}</dd>
        <dt>Panel</dt>
        <dd>{evaluation.panel.length} people</dd>
        <dt>Bidders</dt>
        <dd>{evaluation.bidders.length}</dd>
        <dt>Set-up version</dt>
        <dd>
          {evaluation.settingsVersion}, saved by {evaluation.settingsSavedBy} on {new Date(evaluation.settingsSavedAt).toLocaleString('en-GB')}
        </dd>
      </dl>
    </>
  );
}

/** Publishing the set-up: a deliberate, confirmed step, because afterwards it cannot change. */
function OpenScoring({ evaluation }: { evaluation: EvaluationDetail }) {
  const change = useEvaluations((s) => s.change);
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<ActionResult | null>(null);
  const open = async () => {
    const r = await change('evaluations.openScoring', { evaluationId: evaluation.id });
    setResult(r);
    setConfirming(false);
  };
  return (
    <section className="panel-box" aria-labelledby="open-scoring-heading">
      <h3 id="open-scoring-heading">Open for scoring</h3>
      <ErrorSummary result={result} title="The evaluation was not opened for scoring" />
      <p>
        When the set-up is ready, open the evaluation for scoring. Its scoring scale, weighting, thresholds and rules are then fixed, and evaluators can
        declare conflicts of interest and score the bids.
      </p>
      {confirming ? (
        <div className="button-group">
          <button type="button" onClick={open}>
            Yes, open for scoring
          </button>
          <button type="button" className="button-secondary" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </div>
      ) : (
        <button type="button" onClick={() => setConfirming(true)}>
          Open for scoring…
        </button>
      )}
    </section>
  );
}
